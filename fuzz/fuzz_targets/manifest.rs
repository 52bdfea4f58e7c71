//! `manifest.json` on arbitrary bytes: `Manifest::parse` never panics; what it accepts writes
//! back to an equal manifest; and opening the fixture's real files under it (a manifest from
//! another build, an edited one) either fails with an error or gives an index whose every lookup
//! works, including its text file and detail shards.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tilbudsfinder_index::{Manifest, SearchIndex};

fuzz_target!(|data: &[u8]| {
    let Ok(manifest) = Manifest::parse(data) else {
        return;
    };
    let again = Manifest::parse(&manifest.to_json()).expect("a parsed manifest writes back");
    assert_eq!(manifest, again, "manifest round trip");

    let fixture = tilbudsfinder_fuzz::fixture();
    let Ok(mut index) = SearchIndex::open(&manifest, fixture.built.files.clone()) else {
        return;
    };
    for name in index.deferred_files() {
        if let Some((_, bytes)) = fixture.built.files.iter().find(|(n, _)| *n == name) {
            let _ = index.add_file(&name, bytes.clone());
        }
    }
    tilbudsfinder_fuzz::exercise(&index, &fixture.words);
    let info = index.counts();
    for doc in 0..info.offers.saturating_add(info.foster_families).min(256) {
        if let Some(file) = index.detail_file(doc) {
            if let Some((_, bytes)) = fixture.built.files.iter().find(|(n, _)| *n == file) {
                let _ = index.decode_detail(&file, bytes, doc);
            }
        }
    }
});
