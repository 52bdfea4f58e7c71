//! Relevance on the national sample: the judged query set of `tests/relevance/queries.tsv`
//! (queries written from the domain, judged by the catalogue's structured fields) against the
//! index built from the same sample the demo serves. Floors from issue 12: zero-result rate
//! ≤ 2 % (of queries whose need and place exist together), mean recall ≥ 0.95, mean precision
//! at 10 ≥ 0.9. The figures are printed; `tilbudsfinder relevance` prints the same for any
//! catalogue and `build/bench` sets them beside the peers'.

use catalogue::model::Record;
use catalogue::Date;
use sample::generate::{Generator, GeneratorOptions};
use tilbudsfinder_index::relevance::{judge, parse_queries, run, Measures, QueryOutcome};
use tilbudsfinder_index::{BuildOptions, BuiltIndex, OpenWith, SearchIndex};

fn today() -> Date {
    Date::from_ymd(2026, 11, 30).expect("date")
}

/// The national sample of `build/site`: 6,000 offers and 6,500 foster families, seed 2026.
fn national_sample() -> Vec<Record> {
    Generator::new(GeneratorOptions::national(2026, today())).collect()
}

fn open_with_descriptions(records: &[Record]) -> SearchIndex {
    let options = BuildOptions {
        today: Some(today()),
        ..BuildOptions::default()
    };
    BuiltIndex::open_records(records, options, OpenWith::All).expect("build and open")
}

#[test]
fn judged_queries_meet_the_floors_on_the_national_sample() {
    let queries = parse_queries(include_str!("relevance/queries.tsv")).expect("queries");
    let records = national_sample();
    let index = open_with_descriptions(&records);
    let mut outcomes = Vec::new();
    for query in &queries {
        let relevant = judge(query, &records);
        let (all, top10) = run(&index, query, today());
        let outcome = QueryOutcome::measure(&query.text, &relevant, &all, &top10);
        if outcome.relevant > 0 && (outcome.recall() < 0.95 || outcome.precision_at_10() < 0.9) {
            println!(
                "{:40} relevant {:5} returned {:5} found {:5} top10 {:2}",
                query.text,
                outcome.relevant,
                outcome.returned,
                outcome.found,
                outcome.relevant_in_top10
            );
        }
        outcomes.push(outcome);
    }
    let m = Measures::of(&outcomes);
    println!(
        "relevance: {} judged queries of {}: zero-result rate {:.3}, recall {:.3}, precision@10 {:.3}",
        m.queries,
        queries.len(),
        m.zero_result_rate,
        m.recall,
        m.precision_at_10
    );
    assert!(
        m.queries >= 150,
        "{} queries have relevant records",
        m.queries
    );
    assert!(
        m.zero_result_rate <= 0.02,
        "zero-result rate {}",
        m.zero_result_rate
    );
    assert!(m.recall >= 0.95, "recall {}", m.recall);
    assert!(
        m.precision_at_10 >= 0.9,
        "precision@10 {}",
        m.precision_at_10
    );
}
