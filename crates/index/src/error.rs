//! What can go wrong building, opening or reading an index, and the one enum naming every kind
//! of file.
//!
//! The writer's [`BuildError`] and the reader's [`IndexError`] are separate types: the browser
//! only ever opens an index, so it handles only the reader's errors. Every reader error names the file it is about and its message says what to do: a file that does not
//! match its manifest is almost always a half-finished deploy or a stale cache (reload), a file
//! of another format version needs a rebuild with the matching tool.

/// Every kind of file an index consists of. The byte value is written into each file's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    /// Cards, columns, facets, name/place/method/target-group terms, places, price positions:
    /// everything needed for the first results and all counts. Fetched before the first search.
    Core,
    /// Description terms: the only text fetched after the first results.
    Text,
    /// A shard of full records, fetched when a record is opened.
    Detail,
}

// The manifest's `kind`.
crate::json_enum!(FileKind {
    Core = "core",
    Text = "text",
    Detail = "detail",
});

impl FileKind {
    /// The byte stored in a file's header.
    pub fn byte(self) -> u8 {
        match self {
            FileKind::Core => 1,
            FileKind::Text => 2,
            FileKind::Detail => 3,
        }
    }

    /// The kind a header byte names.
    pub fn from_byte(byte: u8) -> Option<FileKind> {
        match byte {
            1 => Some(FileKind::Core),
            2 => Some(FileKind::Text),
            3 => Some(FileKind::Detail),
            _ => None,
        }
    }

    /// The stem of the file's content-hashed name (`core.<hash16>.bin`).
    pub fn stem(self) -> &'static str {
        match self {
            FileKind::Core => "core",
            FileKind::Text => "text",
            FileKind::Detail => "detail",
        }
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.stem())
    }
}

const REBUILD: &str = "rebuild the index with `tilbudsfinder build CATALOGUE --out DIR`";
const RELOAD: &str = "reload the page: the site was updated while you were loading it";

/// Why an index file could not be opened or read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IndexError {
    /// The file is shorter than its header says (or than any index file can be).
    #[error("{file}: truncated ({got} bytes, need {need}); {RELOAD}, or {REBUILD}")]
    Truncated { file: String, need: u64, got: u64 },
    /// The file does not start with the index magic.
    #[error("{file}: not a tilbudsfinder index file (bad magic); {REBUILD}")]
    BadMagic { file: String },
    /// The footer checksum does not match the content.
    #[error("{file}: checksum mismatch (expected {expected:016x}, got {got:016x}): the file is damaged; {RELOAD}, or {REBUILD}")]
    Checksum {
        file: String,
        expected: u64,
        got: u64,
    },
    /// The file's format version is outside the range this reader understands.
    #[error("{file}: format version {got} is not supported (this reader reads versions {min}..={max}){why}; {REBUILD} using tilbudsfinder {generator}, or {RELOAD}")]
    Version {
        file: String,
        min: u16,
        max: u16,
        got: u16,
        generator: &'static str,
        /// Why that version cannot be read, for a version this reader knows it cannot
        /// ([`crate::frame::why_unreadable`]); empty otherwise.
        why: &'static str,
    },
    /// The file is of another kind than expected.
    #[error("{file}: expected a {expected} file, found {got}; {REBUILD}")]
    WrongKind {
        file: String,
        expected: FileKind,
        got: FoundKind,
    },
    /// The file does not belong to this manifest (other build, or not listed).
    #[error("{file}: does not match manifest.json ({reason}); {RELOAD}")]
    ManifestMismatch { file: String, reason: String },
    /// The file passed its checksum but its content is inconsistent.
    #[error("{file}: corrupt ({reason}); {REBUILD}")]
    Corrupt { file: String, reason: String },
}

/// The kind byte found in a file's header: a kind this reader knows, or an unknown byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundKind {
    /// A known kind (of another file than the one expected).
    Known(FileKind),
    /// A byte that names no kind.
    Unknown(u8),
}

impl FoundKind {
    /// The kind a header byte names, or the unknown byte.
    pub fn of_byte(byte: u8) -> FoundKind {
        FileKind::from_byte(byte).map_or(FoundKind::Unknown(byte), FoundKind::Known)
    }
}

impl std::fmt::Display for FoundKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FoundKind::Known(kind) => write!(f, "{kind}"),
            FoundKind::Unknown(byte) => write!(f, "unknown kind {byte}"),
        }
    }
}

/// Why the builder could not write an index. Only the build step (CLI, tests, tools) meets it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BuildError {
    /// More records than a document number can hold.
    #[error("cannot build the index: {records} records is more than the index can number")]
    TooManyRecords { records: u64 },
    /// A term or value dictionary (an `fst`) refused its input.
    #[error("cannot build the index: {what}: {reason}")]
    Dictionary { what: String, reason: String },
    /// A structure could not be encoded.
    #[error("cannot build the index: encoding failed: {reason}")]
    Encoding { reason: String },
    /// The index just written does not read back (a bug in the writer or the reader).
    #[error("the index just built does not read back: {0}")]
    ReadBack(#[from] IndexError),
}

impl IndexError {
    /// A [`IndexError::Corrupt`] for `file`.
    pub(crate) fn corrupt(file: &str, reason: impl Into<String>) -> IndexError {
        IndexError::Corrupt {
            file: file.to_string(),
            reason: reason.into(),
        }
    }

    /// A [`IndexError::ManifestMismatch`] for `file`.
    pub(crate) fn mismatch(file: &str, reason: impl Into<String>) -> IndexError {
        IndexError::ManifestMismatch {
            file: file.to_string(),
            reason: reason.into(),
        }
    }
}
