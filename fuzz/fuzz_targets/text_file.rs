//! The deferred text file (description terms) on arbitrary bytes, whole or as a sealed payload,
//! added with `SearchIndex::add_file` to the fixture's real core: it is refused with an error,
//! or every search afterwards (descriptions included) works.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tilbudsfinder_fuzz::{exercise, fixture};
use tilbudsfinder_index::{FileKind, SearchIndex};

fuzz_target!(|data: &[u8]| {
    let fixture = fixture();
    let (name, file, manifest) = fixture.substitute(FileKind::Text, data);
    let mut index = SearchIndex::open(&manifest, fixture.built.initial_files())
        .expect("the fixture's core opens");
    if index.add_file(name, file).is_ok() {
        exercise(&index, &fixture.words);
    }
});
