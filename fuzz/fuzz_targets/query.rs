//! The query engine on arbitrary queries over the fixture's index: any text (odd Unicode,
//! tens of KB), real and made-up facet filters, NaN and infinite prices and positions, any page
//! and page size, any day. Never panics; every answer is consistent (`check_results`).
#![no_main]

use std::sync::OnceLock;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use tilbudsfinder_fuzz::{arbitrary_query, check_results, fixture, vocabulary};
use tilbudsfinder_index::SearchIndex;

struct Ready {
    index: SearchIndex,
    vocabulary: Vec<(String, String)>,
}

fn ready() -> &'static Ready {
    static READY: OnceLock<Ready> = OnceLock::new();
    READY.get_or_init(|| {
        let index = fixture().open_full();
        let vocabulary = vocabulary(&index);
        Ready { index, vocabulary }
    })
}

fuzz_target!(|data: &[u8]| {
    let ready = ready();
    let mut u = Unstructured::new(data);
    let Ok(query) = arbitrary_query(&mut u, &fixture().words, &ready.vocabulary) else {
        return;
    };
    let results = ready.index.search(&query);
    check_results(&ready.index, &query, &results);
});
