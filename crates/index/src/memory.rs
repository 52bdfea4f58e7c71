//! Building and opening an index without files: for tests, benchmarks and tools that hold a
//! catalogue in memory. The one place that strings the builder and the reader together.

use catalogue::model::Record;

use crate::{BuildOptions, IndexBuilder, IndexError, Manifest, SearchIndex};

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
    ) -> Result<BuiltIndex, IndexError> {
        let mut builder = IndexBuilder::new(options);
        let mut files = Vec::new();
        for record in records {
            builder.add(record);
            files.extend(builder.take_ready_files());
        }
        let built = builder.finish()?;
        files.extend(built.files);
        let manifest = Manifest::parse(&built.manifest)?;
        Ok(BuiltIndex { manifest, files })
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
        let wanted = self.manifest.initial_files();
        let initial = self
            .files
            .iter()
            .filter(|(n, _)| wanted.contains(n))
            .cloned()
            .collect();
        SearchIndex::open(&self.manifest, initial)
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
