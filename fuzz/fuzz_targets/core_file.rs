//! The core file (the one fetched before the first results) on arbitrary bytes, whole or as a
//! payload sealed into a valid envelope, with a manifest that agrees with its size, checksum and
//! record counts: `SearchIndex::open` either refuses it or gives an index whose every lookup
//! works.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tilbudsfinder_fuzz::{core_counts, exercise, fixture};
use tilbudsfinder_index::{FileKind, SearchIndex};

fuzz_target!(|data: &[u8]| {
    let fixture = fixture();
    let (name, file, mut manifest) = fixture.substitute(FileKind::Core, data);
    if let Some(counts) = core_counts(name, &file) {
        manifest.counts = counts;
    }
    if let Ok(index) = SearchIndex::open(&manifest, vec![(name.to_string(), file)]) {
        exercise(&index, &fixture.words);
    }
});
