//! `manifest.json`: the only file with a fixed name; lists every data file with its kind, size
//! and checksum, and for detail shards which records each holds.
//!
//! Its JSON form is each structure's [`json_struct!`](crate::json_struct) field list below,
//! written pretty (two spaces, fields in the listed order) and read by [`crate::json`] in the
//! browser too.

use catalogue::Date;

use super::DetailHeader;
use crate::error::{FileKind, IndexError};
use crate::frame::{why_unreadable, FORMAT_VERSION, GENERATOR, MAX_READ_VERSION, MIN_READ_VERSION};
use crate::json;

/// One file as listed in the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestFile {
    /// File name (content-hashed).
    pub name: String,
    /// Kind of file.
    pub kind: FileKind,
    /// Size in bytes.
    pub size: u64,
    /// xxh3-64 of the whole file, 16 hex digits.
    pub checksum: String,
    /// For detail shards: which records it holds.
    pub records: Option<DetailHeader>,
}

crate::json_struct!(ManifestFile {
    name,
    kind,
    size,
    checksum,
    records: skip_none,
});

/// Counts in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndexCounts {
    /// Offers indexed.
    pub offers: u32,
    /// Foster families indexed.
    pub foster_families: u32,
}

crate::json_struct!(IndexCounts {
    offers,
    foster_families
});

/// `manifest.json`: the only file with a fixed name; lists every other file.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    /// Always `"tilbudsfinder-index"`.
    pub format: String,
    /// Format version of the files.
    pub format_version: u16,
    /// Version of the crate that wrote them.
    pub generator: String,
    /// The build's `--today` (judges nothing stored; recorded for the report), if given.
    pub built_for: Option<Date>,
    /// Records indexed.
    pub counts: IndexCounts,
    /// Every file: core first, then text, then detail shards in record order.
    pub files: Vec<ManifestFile>,
}

crate::json_struct!(Manifest {
    format,
    format_version,
    generator,
    built_for,
    counts,
    files,
});

/// The name of the manifest file.
pub const MANIFEST_NAME: &str = "manifest.json";
const FORMAT_NAME: &str = "tilbudsfinder-index";

impl Manifest {
    /// A manifest for freshly written files.
    pub fn new(built_for: Option<Date>, counts: IndexCounts, files: Vec<ManifestFile>) -> Manifest {
        Manifest {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            generator: GENERATOR.to_string(),
            built_for,
            counts,
            files,
        }
    }

    /// Parses and checks `manifest.json`.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, IndexError> {
        let manifest: Manifest = json::from_slice(bytes)
            .map_err(|e| IndexError::corrupt(MANIFEST_NAME, e.to_string()))?;
        if manifest.format != FORMAT_NAME {
            return Err(IndexError::BadMagic {
                file: MANIFEST_NAME.to_string(),
            });
        }
        if !(MIN_READ_VERSION..=MAX_READ_VERSION).contains(&manifest.format_version) {
            return Err(IndexError::Version {
                file: MANIFEST_NAME.to_string(),
                min: MIN_READ_VERSION,
                max: MAX_READ_VERSION,
                got: manifest.format_version,
                generator: GENERATOR,
                why: why_unreadable(manifest.format_version),
            });
        }
        let cores = manifest
            .files
            .iter()
            .filter(|f| f.kind == FileKind::Core)
            .count();
        if cores != 1 {
            return Err(IndexError::corrupt(
                MANIFEST_NAME,
                format!("lists {cores} core files, expected 1"),
            ));
        }
        Ok(manifest)
    }

    /// The manifest as pretty JSON (deterministic: field order is fixed).
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = json::to_pretty(self).into_bytes();
        out.push(b'\n');
        out
    }

    /// Files to fetch before the first results: the core file.
    pub fn initial_files(&self) -> Vec<String> {
        self.names_of(FileKind::Core)
    }

    /// Names of every file of a kind, in manifest order.
    pub fn names_of(&self, kind: FileKind) -> Vec<String> {
        self.files
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.name.clone())
            .collect()
    }

    /// The entry of a file.
    pub fn file(&self, name: &str) -> Option<&ManifestFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// Checks that `bytes` are the file the manifest lists under `name`.
    pub fn check_file(&self, name: &str, bytes: &[u8]) -> Result<&ManifestFile, IndexError> {
        let entry = self
            .file(name)
            .ok_or_else(|| IndexError::mismatch(name, "not listed in the manifest"))?;
        if entry.size != bytes.len() as u64 {
            return Err(IndexError::mismatch(
                name,
                format!("size {} but the manifest says {}", bytes.len(), entry.size),
            ));
        }
        let checksum = crate::frame::file_checksum(bytes);
        if checksum != entry.checksum {
            return Err(IndexError::mismatch(
                name,
                format!(
                    "checksum {checksum} but the manifest says {}",
                    entry.checksum
                ),
            ));
        }
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Mode;
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = FileKind> {
        prop_oneof![
            Just(FileKind::Core),
            Just(FileKind::Text),
            Just(FileKind::Detail)
        ]
    }

    /// The JSON writer writes the committed v4 manifest (written by `serde_json` before this
    /// crate had its own writer) byte for byte: builds stay deterministic across the change.
    #[test]
    fn the_golden_manifest_is_written_byte_for_byte() {
        let golden = include_bytes!("../../tests/golden/v4/manifest.json");
        let manifest = Manifest::parse(golden).expect("the golden manifest parses");
        assert_eq!(
            String::from_utf8_lossy(&manifest.to_json()),
            String::from_utf8_lossy(golden)
        );
    }

    /// A damaged manifest is refused with a sentence that says what and where.
    #[test]
    fn a_damaged_manifest_says_where() {
        let golden = include_str!("../../tests/golden/v4/manifest.json");
        for (damaged, says) in [
            (
                golden.replace("\"size\": 6482", "\"size\": \"6482\""),
                "manifest.json: corrupt (field \"size\": expected a number at line 14 column 15)",
            ),
            (
                golden.replace("\"kind\": \"text\"", "\"kind\": \"txt\""),
                "field \"kind\": an unknown code at line 19 column 15",
            ),
            (
                golden.replace("\"files\"", "\"filez\""),
                "field \"files\": a required field is missing",
            ),
            (
                golden[..200].to_string(),
                "expected a string at line 12 column 7",
            ),
        ] {
            let err = Manifest::parse(damaged.as_bytes()).expect_err("refused");
            assert!(matches!(err, IndexError::Corrupt { .. }), "{err}");
            assert!(err.to_string().contains(says), "{err}");
        }
    }

    proptest! {
        /// What `to_json` writes, `parse` reads back as it was (with one core file listed).
        #[test]
        fn the_manifest_round_trips_through_json(
            offers in any::<u32>(),
            foster_families in any::<u32>(),
            built_for in proptest::option::of(-100_000i32..100_000),
            others in proptest::collection::vec(("[a-z0-9.]{1,20}", kind(), any::<u64>(), "[0-9a-f]{16}", proptest::option::of((any::<bool>(), any::<u32>(), any::<u32>()))), 0..6),
        ) {
            let mut files = vec![ManifestFile {
                name: "core.0123456789abcdef.bin".to_string(),
                kind: FileKind::Core,
                size: 28,
                checksum: "0123456789abcdef".to_string(),
                records: None,
            }];
            for (name, kind, size, checksum, records) in others {
                let kind = if kind == FileKind::Core { FileKind::Text } else { kind };
                files.push(ManifestFile {
                    name,
                    kind,
                    size,
                    checksum,
                    records: records.map(|(families, first, count)| DetailHeader {
                        mode: if families { Mode::FosterFamilies } else { Mode::Offers },
                        first,
                        count,
                    }),
                });
            }
            let manifest = Manifest::new(
                built_for.map(Date),
                IndexCounts { offers, foster_families },
                files,
            );
            prop_assert_eq!(Manifest::parse(&manifest.to_json()).expect("parses"), manifest);
        }
    }
}
