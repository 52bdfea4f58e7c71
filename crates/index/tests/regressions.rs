//! Regression tests for crashes the fuzz targets found (issue 9, `fuzz/`), each named after its
//! bug, over a small index built from the sample generator.

use catalogue::check::{CheckOptions, Checker, Outcome};
use catalogue::generate::{Generator, GeneratorOptions};
use catalogue::Date;
use tilbudsfinder_index::{BuildOptions, IndexBuilder, Manifest, Mode, Query, SearchIndex, Sort};

const TODAY: Date = Date(20_779); // 2026-11-22

fn small_index() -> SearchIndex {
    let mut checker = Checker::new(CheckOptions { today: TODAY });
    let mut builder = IndexBuilder::new(BuildOptions {
        today: Some(TODAY),
        ..BuildOptions::default()
    });
    let generator = Generator::new(GeneratorOptions {
        offers: 30,
        foster_families: 30,
        seed: 1,
        today: TODAY,
    });
    for (line, record) in (1..).zip(generator) {
        if let Outcome::Accepted { record, .. } = checker.check_record(line, record) {
            builder.add(&record);
        }
    }
    let mut files = builder.take_ready_files();
    let built = builder.finish().expect("builds");
    files.extend(built.files);
    let manifest = Manifest::parse(&built.manifest).expect("parses");
    let initial = manifest.initial_files();
    files.retain(|(name, _)| initial.contains(name));
    SearchIndex::open(&manifest, files).expect("opens")
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
