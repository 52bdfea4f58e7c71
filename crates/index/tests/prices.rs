//! Comparable prices on a small hand-checked catalogue, through the real check and build:
//! five § 108 offers at 1,000 … 5,000 kr. per døgn, and one § 103 day offer whose monthly rate
//! normalises to exactly 1,000 kr. per day. Every figure below is worked out by hand.

use catalogue::check::{check_stream, CheckOptions, Outcome};
use catalogue::vocab::{LegalBasis, PriceBasis, RateUnit, TargetGroupGroup};
use catalogue::Date;
use serde_json::{json, Value};
use tilbudsfinder_index::{BuildOptions, BuiltIndex, Card, OpenWith, Query, SearchIndex};

fn offer(id: &str) -> Value {
    let mut offer: Value =
        serde_json::from_str(include_str!("../../../docs/examples/offer.json")).unwrap();
    offer["id"] = json!(id);
    for (i, department) in offer["departments"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        department["id"] = json!(format!("{id}-{i}"));
    }
    offer
}

fn residential(id: &str, per_24_hours: f64) -> Value {
    let mut offer = offer(id);
    offer["services"][0]["rates"][0]["amount"] = json!(per_24_hours);
    offer
}

fn sheltered_employment(id: &str, per_month: f64) -> Value {
    let mut offer = offer(id);
    offer["offer_type"] = json!("dagtilbud");
    offer["ownership"] = json!("kommunal");
    offer["operating_agreement"] = Value::Null;
    offer["rent"] = Value::Null;
    offer["supervision"]["authority"] = json!("kommune");
    offer["legal_bases"] = json!([{ "basis": "sel_103", "places": 16 }]);
    offer["services"] = json!([{
        "kind": "beskyttet_beskaeftigelse",
        "basis": "sel_103",
        "target_groups": ["Udviklingshæmning"],
        "age_from": 18,
        "age_to": 65,
        "rates": [{ "unit": "maaned", "amount": per_month, "year": 2026 }]
    }]);
    offer
}

fn cards() -> Vec<Card> {
    built().1
}

/// The built index and its cards, sorted by id.
fn built() -> (SearchIndex, Vec<Card>) {
    let today = Date::parse("2026-11-22").unwrap();
    let lines: Vec<String> = [
        residential("T-1", 3000.0),
        residential("T-2", 1000.0),
        residential("T-3", 5000.0),
        residential("T-4", 2000.0),
        residential("T-5", 4000.0),
        sheltered_employment("T-6", 30_437.5),
    ]
    .iter()
    .map(Value::to_string)
    .collect();
    let mut records = Vec::new();
    let summary = check_stream(
        lines.join("\n").as_bytes(),
        &CheckOptions { today },
        |outcome| match outcome {
            Outcome::Accepted { record, .. } => records.push(record),
            Outcome::Rejected { findings, .. } => panic!("rejected: {findings:?}"),
        },
    )
    .unwrap();
    assert_eq!(summary.accepted, 6);
    let index =
        BuiltIndex::open_records(&records, BuildOptions::default(), OpenWith::Initial).unwrap();
    let results = index.search(&Query {
        today,
        page_size: 100,
        ..Query::default()
    });
    assert_eq!(results.total, 6);
    let mut cards: Vec<Card> = results
        .hits
        .iter()
        .map(|hit| index.card(hit.doc).unwrap())
        .collect();
    cards.sort_by(|a, b| a.id.cmp(&b.id));
    (index, cards)
}

#[test]
fn percentiles_quartiles_and_median_of_a_hand_checked_peer_group() {
    let cards = cards();
    // Sorted prices 1000 2000 3000 4000 5000: q1 = 2000, median = 3000, q3 = 4000 (type 7);
    // percentile = share of the other four that are cheaper.
    let expected = [
        ("T-1", 3000.0, 50, 2),
        ("T-2", 1000.0, 0, 1),
        ("T-3", 5000.0, 100, 4),
        ("T-4", 2000.0, 25, 1),
        ("T-5", 4000.0, 75, 3),
    ];
    for (card, (id, price, percentile, quarter)) in cards.iter().zip(expected) {
        assert_eq!(card.id, id);
        let shown = card.price.as_ref().expect("a price");
        assert_eq!(
            (shown.unit, shown.basis),
            (RateUnit::Per24Hours, PriceBasis::PerDay)
        );
        assert!(
            (shown.normalised - price).abs() < 0.005,
            "{id}: {}",
            shown.normalised
        );
        assert_eq!(shown.occupancy_rate, Some(95.0));
        let position = card.price_position.as_ref().expect("a peer position");
        assert_eq!(position.peers, 5, "{id}");
        assert_eq!(position.percentile, percentile, "{id}");
        assert_eq!(position.quarter, quarter, "{id}");
        assert_eq!(position.legal_basis, LegalBasis::Sel108);
        assert_eq!(position.group, TargetGroupGroup::Cognitive);
        assert!((position.q1 - 2000.0).abs() < 0.005);
        assert!((position.median - 3000.0).abs() < 0.005);
        assert!((position.q3 - 4000.0).abs() < 0.005);
    }
}

#[test]
fn a_monthly_rate_normalises_per_day_and_is_never_compared_with_residential_rates() {
    let cards = cards();
    let day_offer = cards.iter().find(|c| c.id == "T-6").unwrap();
    let price = day_offer.price.as_ref().unwrap();
    assert_eq!(price.unit, RateUnit::PerMonth);
    assert!((price.amount - 30_437.5).abs() < 0.005);
    assert_eq!(price.basis, PriceBasis::PerDay);
    // 30,437.50 kr. a month / 30.4375 days a month = 1,000 kr. a day.
    assert!(
        (price.normalised - 1000.0).abs() < 0.005,
        "{}",
        price.normalised
    );
    // Alone under § 103: no peers, so no position (it is not ranked among § 108 offers).
    assert_eq!(day_offer.price_position, None);
}

#[test]
fn a_record_is_found_by_its_catalogue_id() {
    let (index, cards) = built();
    for card in &cards {
        assert_eq!(index.doc_by_id(&card.id), Some(card.doc), "{}", card.id);
    }
    assert_eq!(index.doc_by_id("T-404"), None);
    assert_eq!(index.doc_by_id(""), None);
}

#[test]
fn a_record_says_which_of_the_asked_values_it_has() {
    let (index, cards) = built();
    let pair = |facet: &str, code: &str| (facet.to_string(), code.to_string());
    let residential = cards.iter().find(|c| c.id == "T-1").unwrap();
    let day_offer = cards.iter().find(|c| c.id == "T-6").unwrap();
    let asked = vec![
        pair("basis", "sel_108"),
        pair("basis", "sel_103"),
        pair("nonsense", "x"),
    ];
    assert_eq!(
        index.values_of_doc(residential.doc, &asked),
        vec![pair("basis", "sel_108")]
    );
    assert_eq!(
        index.values_of_doc(day_offer.doc, &asked),
        vec![pair("basis", "sel_103")]
    );
    assert!(index.values_of_doc(u32::MAX, &asked).is_empty());
}
