//! What people type into the text box (issue 12), on a sample of a few hundred records: word
//! order, small words, swapped letters, everyday words, places, help when nothing matches, and
//! target groups combined with AND. Expected sets come from the records' own fields, never from
//! the engine.

use std::collections::BTreeSet;

use catalogue::model::Record;
use catalogue::vocab::{TargetGroup, TargetGroupGroup};
use catalogue::Date;
use sample::generate::{Generator, GeneratorOptions};
use tilbudsfinder_index::{
    BuildOptions, BuiltIndex, Constraint, OpenWith, Query, SearchIndex, SearchResults,
};

const TODAY: Date = Date(20_787); // 2026-11-30

fn records() -> Vec<Record> {
    Generator::new(GeneratorOptions {
        offers: 1500,
        foster_families: 600,
        seed: 5,
        today: TODAY,
    })
    .collect()
}

fn open(records: &[Record]) -> SearchIndex {
    let options = BuildOptions {
        today: Some(TODAY),
        ..BuildOptions::default()
    };
    BuiltIndex::open_records(records, options, OpenWith::Initial).expect("build and open")
}

/// The first ten hits of a search for `text`: what a user sees first.
fn first_ten(index: &SearchIndex, text: &str) -> SearchResults {
    index.search(&Query {
        page_size: 10,
        ..query(text)
    })
}

/// The sample's records and the index built from them.
fn sample() -> (Vec<Record>, SearchIndex) {
    let records = records();
    let index = open(&records);
    (records, index)
}

fn query(text: &str) -> Query {
    Query {
        text: text.to_string(),
        today: TODAY,
        page_size: 100,
        ..Query::default()
    }
}

fn ids(index: &SearchIndex, q: &Query) -> BTreeSet<String> {
    index.all_matches(q).into_iter().collect()
}

fn offer_targets(record: &Record) -> Vec<TargetGroup> {
    match record {
        Record::Offer(o) => o
            .services
            .iter()
            .flat_map(|s| s.target_groups.iter().copied())
            .collect(),
        Record::FosterFamily(f) => f.target_groups.clone(),
    }
}

/// Whether a record serves `group`.
fn serves(group: TargetGroup) -> impl Fn(&Record) -> bool {
    move |record| offer_targets(record).contains(&group)
}

/// Whether a record serves any target group of `kind`.
fn serves_any_of(kind: TargetGroupGroup) -> impl Fn(&Record) -> bool {
    move |record| offer_targets(record).iter().any(|t| t.group() == kind)
}

fn in_municipality(record: &Record, code: u16) -> bool {
    match record {
        Record::Offer(o) => o.departments.iter().any(|d| d.address.municipality == code),
        Record::FosterFamily(f) => f.location.municipality == code,
    }
}

fn offers_where(records: &[Record], keep: impl Fn(&Record) -> bool) -> BTreeSet<String> {
    records
        .iter()
        .filter(|r| matches!(r, Record::Offer(_)) && keep(r))
        .map(|r| r.id().to_string())
        .collect()
}

#[test]
fn word_order_and_small_words_do_not_change_the_hits() {
    let (_, index) = sample();
    for (a, b) in [
        ("alkohol odense", "odense alkohol"),
        ("alkohol odense", "alkohol i odense"),
        ("autisme aarhus", "aarhus autisme"),
        ("autisme aarhus", "autisme til aarhus"),
        ("misbrug københavn", "i københavn for misbrug"),
        ("behandling aalborg", "aalborg behandling"),
    ] {
        let (x, y) = (ids(&index, &query(a)), ids(&index, &query(b)));
        assert!(!x.is_empty(), "{a} finds something");
        assert_eq!(x, y, "{a:?} and {b:?}");
    }
    // Only small words: they are what is typed, and match like any word.
    assert!(index.search(&query("for")).total > 0);
}

#[test]
fn every_word_may_be_a_prefix_or_a_compound_part_anywhere() {
    let (records, index) = sample();
    let expected = offers_where(&records, |r| {
        offer_targets(r).contains(&TargetGroup::Alcohol) && in_municipality(r, 461)
    });
    assert!(!expected.is_empty());
    let got = ids(&index, &query("alkohol odense"));
    assert!(
        got.is_superset(&expected),
        "prefix of alkoholmisbrug, first word"
    );
    // "behandling" is a part of "misbrugsbehandling" and "alkoholbehandling".
    assert!(index.search(&query("behandling odense")).total > 0);
}

#[test]
fn a_swap_of_neighbouring_letters_is_one_typo() {
    let (records, index) = sample();
    let autism = offers_where(&records, serves(TargetGroup::Autism));
    let got = ids(&index, &query("autsime"));
    assert!(got.is_superset(&autism), "autsime finds every autism offer");
}

#[test]
fn everyday_words_find_the_official_target_groups() {
    let (records, index) = sample();
    for (word, want) in [
        (
            "asperger",
            offers_where(&records, serves(TargetGroup::Autism)),
        ),
        (
            "adhd",
            offers_where(&records, serves(TargetGroup::Attention)),
        ),
        (
            "hjemløse",
            offers_where(&records, serves(TargetGroup::Homelessness)),
        ),
        (
            "misbrug",
            offers_where(&records, |r| {
                let t = offer_targets(r);
                t.contains(&TargetGroup::Alcohol) || t.contains(&TargetGroup::Drugs)
            }),
        ),
        (
            "psykiatri",
            offers_where(&records, serves_any_of(TargetGroupGroup::Mental)),
        ),
        (
            "psykisk syg",
            offers_where(&records, serves_any_of(TargetGroupGroup::Mental)),
        ),
    ] {
        assert!(!want.is_empty(), "{word}: the sample has such offers");
        let got = ids(&index, &query(word));
        assert!(
            got.is_superset(&want),
            "{word}: {} of {}",
            got.intersection(&want).count(),
            want.len()
        );
    }
}

#[test]
fn literal_matches_rank_before_synonym_matches() {
    let (records, index) = sample();
    // "autisme" is a literal prefix of the label "Autismespektrum" and a dictionary word; the
    // first hits for "autist" (a dictionary word only, and a prefix of nothing literal but
    // "autismespektrum"'s neighbours) are autism offers all the same.
    let results = first_ten(&index, "autist");
    let autism = offers_where(&records, serves(TargetGroup::Autism));
    assert!(results.hits.iter().all(|h| autism.contains(&h.id)));
}

#[test]
fn towns_and_postcodes_in_the_text_box_find_records_there_first() {
    let (records, index) = sample();
    let results = first_ten(&index, "odense");
    let there = offers_where(&records, |r| in_municipality(r, 461));
    assert!(results.total as usize >= there.len());
    assert!(
        results.hits.iter().all(|h| there.contains(&h.id)),
        "Odense's own first"
    );
    let code = match records.iter().find(|r| matches!(r, Record::Offer(_))) {
        Some(Record::Offer(o)) => o.departments[0].address.postal_code,
        _ => unreachable!("the sample has offers"),
    };
    let with_code = offers_where(&records, |r| match r {
        Record::Offer(o) => o.departments.iter().any(|d| d.address.postal_code == code),
        _ => false,
    });
    let got = ids(&index, &query(&code.to_string()));
    assert!(got.is_superset(&with_code));
}

#[test]
fn the_distance_field_reads_places_as_people_write_them() {
    let (records, index) = sample();
    let gentofte = index.locate("gentofte").expect("a municipality");
    for written in ["Gentofte Kommune", "gentofte kommune", "kommune gentofte"] {
        assert_eq!(index.locate(written), Some(gentofte), "{written}");
    }
    assert_eq!(
        index.locate("Københavns Kommune"),
        index.locate("København")
    );
    assert!(index.locate("København").is_some());
    let code = match &records[0] {
        Record::Offer(o) => o.departments[0].address.postal_code,
        Record::FosterFamily(f) => f.location.postal_code,
    };
    assert_eq!(
        index.locate(&format!("{code} Et Andet Navn")),
        index.locate(&code.to_string())
    );
    assert!(index.locate(&code.to_string()).is_some());
    assert_eq!(index.locate("kommune"), None);
    assert_eq!(index.locate("Atlantis"), None);
}

#[test]
fn no_match_names_the_dropped_words_and_suggests_a_spelling() {
    let (_, index) = sample();
    let results = index.search(&query("alkohol qqqzzz"));
    assert_eq!(results.dropped_words, ["qqqzzz"]);
    assert_eq!(results.total, index.search(&query("alkohol")).total);
    // Two edits from "odense" is over a six-letter word's budget: dropped, then suggested.
    let results = index.search(&query("alkohol odnsee"));
    assert_eq!(results.dropped_words, ["odnsee"]);
    let suggestion = results.did_you_mean.expect("a suggestion");
    assert_eq!(suggestion, "alkohol odense");
    let fixed = index.search(&query(&suggestion));
    assert!(fixed.total > 0 && fixed.dropped_words.is_empty());
}

#[test]
fn an_empty_result_offers_the_filters_to_drop_with_their_counts() {
    let (records, index) = sample();
    // A municipality with offers but none for alcohol.
    let alcohol = serves(TargetGroup::Alcohol);
    let municipality = catalogue::vocab::MUNICIPALITIES
        .iter()
        .map(|m| m.code)
        .find(|&code| {
            let here = offers_where(&records, |r| in_municipality(r, code));
            !here.is_empty()
                && offers_where(&records, |r| in_municipality(r, code) && alcohol(r)).is_empty()
        })
        .expect("such a municipality in the sample");
    let mut q = query("alkoholmisbrug");
    q.filters = vec![("municipality".into(), municipality.to_string())];
    q.age = Some(40);
    let results = index.search(&q);
    assert_eq!(results.total, 0);
    assert!(!results.relaxations.is_empty());
    for r in &results.relaxations {
        let mut without = q.clone();
        match &r.constraint {
            Constraint::Facet(f) => without.filters.retain(|(name, _)| name != f),
            Constraint::Age => without.age = None,
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(index.search(&without).total, r.total);
        assert!(r.total > 0);
    }
    assert!(results
        .relaxations
        .iter()
        .any(|r| r.constraint == Constraint::Facet("municipality".into())));
}

#[test]
fn target_groups_combined_with_and_count_conjunctively() {
    let (records, index) = sample();
    let both = offers_where(&records, |r| {
        let t = offer_targets(r);
        t.contains(&TargetGroup::Autism) && t.contains(&TargetGroup::SelfHarm)
    });
    let either = offers_where(&records, |r| {
        let t = offer_targets(r);
        t.contains(&TargetGroup::Autism) || t.contains(&TargetGroup::SelfHarm)
    });
    let mut q = query("");
    q.filters = vec![
        ("target".into(), "Autismespektrum".into()),
        ("target".into(), "Selvskadende adfærd".into()),
    ];
    assert_eq!(ids(&index, &q), either);
    q.all_of = vec!["target".into()];
    assert_eq!(ids(&index, &q), both);
    let results = index.search(&q);
    let target = results
        .facets
        .iter()
        .find(|f| f.facet == "target")
        .expect("target");
    // Under AND a value's count is what adding it would give: records with all three.
    for value in &target.values {
        let t = TargetGroup::from_code(&value.value).expect("code");
        let expected = offers_where(&records, |r| {
            let have = offer_targets(r);
            have.contains(&TargetGroup::Autism)
                && have.contains(&TargetGroup::SelfHarm)
                && have.contains(&t)
        });
        assert_eq!(value.count as usize, expected.len(), "{}", value.value);
    }
}

#[test]
fn hostile_text_returns_promptly_without_panicking() {
    let (_, index) = sample();
    let long = "a".repeat(10_000);
    let many = "autisme odense ".repeat(250);
    for text in [
        long.as_str(),
        many.as_str(),
        "i og for til med på af",
        "!!! ??? ... ---",
        "🙂🙂🙂 🏠",
        "\u{202e}gnp.exe \u{05d0}\u{05d1}\u{05d2} مرحبا",
        "\u{0000}\u{ffff}",
    ] {
        let started = std::time::Instant::now();
        let results = index.search(&query(text));
        assert!(results.total <= 1500);
        // Not a timing assertion of speed, only of not hanging: a minute is a hang.
        assert!(started.elapsed().as_secs() < 60, "{:.40}", text);
    }
}
