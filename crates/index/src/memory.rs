//! Building and opening an index without files: for tests, benchmarks and tools that hold a
//! catalogue in memory. The one place that strings the builder and the reader together.

use catalogue::model::Record;

use crate::{BuildError, BuildOptions, IndexBuilder, IndexError, Manifest, SearchIndex};

/// Which files an index built in memory is opened with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenWith {
    /// The initial files only, as the browser first opens it (descriptions not searched).
    Initial,
    /// Every file, the deferred ones added (descriptions searched too).
    All,
}

/// An index built in memory: its manifest and every file (initial, deferred and detail shards).
pub struct BuiltIndex {
    /// The parsed manifest.
    pub manifest: Manifest,
    /// Every file, by name.
    pub files: Vec<(String, Vec<u8>)>,
}

impl BuiltIndex {
    /// Builds the index of `records`.
    pub fn build<'a>(
        records: impl IntoIterator<Item = &'a Record>,
        options: BuildOptions,
    ) -> Result<BuiltIndex, BuildError> {
        let mut builder = IndexBuilder::new(options);
        for record in records {
            builder.add(record);
        }
        let built = builder.finish()?;
        let files = built.files;
        let manifest = Manifest::parse(&built.manifest)?;
        Ok(BuiltIndex { manifest, files })
    }

    /// Builds the index of `records` and opens it: the one "build then open" of tests, benches
    /// and tools. A failure to open what was just built is a [`BuildError::ReadBack`].
    pub fn open_records<'a>(
        records: impl IntoIterator<Item = &'a Record>,
        options: BuildOptions,
        with: OpenWith,
    ) -> Result<SearchIndex, BuildError> {
        let built = BuiltIndex::build(records, options)?;
        Ok(match with {
            OpenWith::Initial => built.open_initial()?,
            OpenWith::All => built.open()?,
        })
    }

    /// The files of the initial kinds, as the browser fetches them before the first search.
    pub fn initial_files(&self) -> Vec<(String, Vec<u8>)> {
        let wanted = self.manifest.initial_files();
        self.files
            .iter()
            .filter(|(n, _)| wanted.contains(n))
            .cloned()
            .collect()
    }

    /// The bytes of a file by name.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
    }

    /// Opens it as the browser first does: the initial files only (no descriptions).
    pub fn open_initial(&self) -> Result<SearchIndex, IndexError> {
        SearchIndex::open(&self.manifest, self.initial_files())
    }

    /// Opens it with the deferred files added (descriptions searched too).
    pub fn open(&self) -> Result<SearchIndex, IndexError> {
        let mut index = self.open_initial()?;
        for name in index.deferred_files() {
            let bytes = self.file(&name).unwrap_or_default().to_vec();
            index.add_file(&name, bytes)?;
        }
        Ok(index)
    }
}
