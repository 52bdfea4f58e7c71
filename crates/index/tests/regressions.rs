//! Regression tests for crashes the fuzz targets found (issue 9, `fuzz/`), each named after its
//! bug, over a small index built from the sample generator.

use catalogue::Date;
use sample::generate::{Generator, GeneratorOptions};
use tilbudsfinder_index::{
    BuildOptions, BuiltIndex, IndexError, Manifest, Mode, OpenWith, Query, SearchIndex, Sort,
};

const TODAY: Date = Date(20_779); // 2026-11-22

/// A small index built from accepted sample records.
fn small_build() -> BuiltIndex {
    let accepted = sample::accepted(GeneratorOptions {
        offers: 30,
        foster_families: 30,
        seed: 1,
        today: TODAY,
    });
    let options = BuildOptions {
        today: Some(TODAY),
        ..BuildOptions::default()
    };
    BuiltIndex::build(&accepted, options).expect("builds")
}

fn small_index() -> SearchIndex {
    small_build().open_initial().expect("opens")
}

/// `fuzz/query`: a query whose `today` is at the end of `i32` overflowed in the freshness facet
/// (`updated_bucket` → `Date::days_until`).
#[test]
fn query_with_extreme_today_does_not_overflow() {
    let index = small_index();
    for today in [Date(i32::MIN), Date(i32::MAX), Date(-1), Date(0)] {
        for mode in [Mode::Offers, Mode::FosterFamilies] {
            for sort in [Sort::Updated, Sort::Relevance] {
                let query = Query {
                    mode,
                    today,
                    sort,
                    updated_within_days: Some(u32::MAX),
                    ..Query::default()
                };
                let results = index.search(&query);
                assert!(results.hits.len() as u32 <= results.total);
                assert!(!results.facets.is_empty(), "facets are counted");
            }
        }
    }
}

/// `fuzz/manifest`: a manifest whose detail shards left records out (a shard's `count` edited
/// down, or a shard dropped) was accepted by `SearchIndex::open`, and those records' details
/// could never be opened. `open` now refuses it, naming the manifest.
#[test]
fn manifest_whose_detail_shards_miss_records_is_refused() {
    let built = small_build();
    let (manifest, files) = (built.manifest.clone(), built.initial_files());
    assert!(SearchIndex::open(&manifest, files.clone()).is_ok());
    let shard = |m: &Manifest, mode: Mode| {
        m.files
            .iter()
            .position(|f| f.records.is_some_and(|r| r.mode == mode))
            .expect("a shard of the mode")
    };

    let mut short = manifest.clone();
    let i = shard(&short, Mode::FosterFamilies);
    if let Some(records) = short.files[i].records.as_mut() {
        records.count -= 1;
    }
    let mut dropped = manifest.clone();
    dropped.files.remove(shard(&dropped, Mode::Offers));
    let mut unlabelled = manifest.clone();
    let i = shard(&unlabelled, Mode::Offers);
    unlabelled.files[i].records = None;
    let mut overlapping = manifest.clone();
    let i = shard(&overlapping, Mode::Offers);
    let copy = overlapping.files[i].clone();
    overlapping.files.push(copy);

    for (what, broken) in [
        ("a shard one record short", short),
        ("a shard dropped", dropped),
        ("a shard without its records", unlabelled),
        ("a shard listed twice", overlapping),
    ] {
        match SearchIndex::open(&broken, files.clone()) {
            Err(IndexError::Corrupt { file, .. }) => assert_eq!(file, "manifest.json", "{what}"),
            Err(other) => panic!("{what}: unexpected error {other}"),
            Ok(_) => panic!("{what}: accepted"),
        }
    }
}

/// `fuzz/core_file` (the 90-second run): a core file whose "oldest update" column held a
/// negative day number made `open` overflow computing the updated-first order
/// (`i32::MAX - updated`). Dates before 1970 are negative day numbers, so an old but valid
/// catalogue date reaches the same code: built here from records updated in the 1960s.
#[test]
fn updated_order_with_dates_before_1970_does_not_overflow() {
    let generator = Generator::new(GeneratorOptions {
        offers: 10,
        foster_families: 10,
        seed: 3,
        today: TODAY,
    });
    let mut records = Vec::new();
    for (i, mut record) in generator.enumerate() {
        let long_ago = Date::from_ymd(1960, 1, 1).unwrap().add_days(i as i32);
        match &mut record {
            catalogue::Record::Offer(offer) => {
                offer.updated.general = long_ago;
                offer.updated.places = long_ago;
                offer.updated.services = long_ago;
                offer.updated.economy = long_ago;
                offer.updated.approach = long_ago;
            }
            catalogue::Record::FosterFamily(family) => family.updated = long_ago,
        }
        records.push(record);
    }
    let index = BuiltIndex::open_records(&records, BuildOptions::default(), OpenWith::Initial)
        .expect("builds and opens");
    let newest_first = index.search(&Query {
        sort: Sort::Updated,
        today: TODAY,
        page_size: 10,
        ..Query::default()
    });
    assert_eq!(newest_first.total, 10);
    // Record i was updated i days after 1960-01-01: the newest is the last offer generated.
    let cards: Vec<_> = newest_first
        .hits
        .iter()
        .map(|h| index.card(h.doc).unwrap().updated_oldest)
        .collect();
    assert!(cards.windows(2).all(|w| w[0] >= w[1]), "{cards:?}");
}
