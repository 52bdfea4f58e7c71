//! A detail shard on arbitrary bytes, whole or as a sealed payload, listed in the manifest with
//! its size, checksum and the header it claims: `open` refuses a manifest whose shards no longer
//! cover every record once; otherwise `decode_detail` returns a record or an error for every doc,
//! never panics, and a record it returns is the doc's (same id as the card).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tilbudsfinder_fuzz::{detail_header, fixture};
use tilbudsfinder_index::{FileKind, SearchIndex};

fuzz_target!(|data: &[u8]| {
    let fixture = fixture();
    let (name, file, mut manifest) = fixture.substitute(FileKind::Detail, data);
    let claimed = detail_header(name, &file);
    if let Some(header) = claimed {
        for entry in manifest.files.iter_mut().filter(|f| f.name == name) {
            entry.records = Some(header);
        }
    }
    // A header that no longer fits the other shards (records missed or claimed twice) is refused
    // by `open`, which checks that the shards cover every record exactly once: a correct answer.
    let Ok(index) = SearchIndex::open(&manifest, fixture.built.initial_files()) else {
        return;
    };
    let info = index.counts();
    for doc in 0..info.offers.saturating_add(info.foster_families) {
        if index.detail_file(doc).as_deref() != Some(name) {
            continue;
        }
        if let Ok(record) = index.decode_detail(name, &file, doc) {
            let card = index.card(doc).expect("every doc has a card");
            assert_eq!(
                record.id(),
                card.id,
                "a detail record that is not the doc's"
            );
        }
    }
});
