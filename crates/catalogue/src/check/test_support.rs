//! Helpers for the rules' unit tests: the documented example records (which must pass with no
//! finding) and small assertions over findings.

use super::{CheckOptions, Checker, Finding, Outcome, Report, Severity};
use crate::date::Date;
use crate::model::{FosterFamily, Offer, Record};

/// The day the unit tests check against.
pub(crate) fn today() -> Date {
    crate::date::ymd(2026, 11, 22)
}

/// An empty report for record `T-1` on line 1.
pub(crate) fn report() -> Report {
    Report::new(1, Some("T-1".into()), today())
}

/// `docs/examples/offer.json`: a complete offer with no finding.
pub(crate) fn offer() -> Offer {
    match parse(include_str!("../../../../docs/examples/offer.json")) {
        Record::Offer(offer) => offer,
        other => panic!("offer.json is not an offer: {other:?}"),
    }
}

/// `docs/examples/foster_family.json`: a complete foster family with no finding.
pub(crate) fn family() -> FosterFamily {
    match parse(include_str!("../../../../docs/examples/foster_family.json")) {
        Record::FosterFamily(family) => family,
        other => panic!("foster_family.json is not a foster family: {other:?}"),
    }
}

fn parse(json: &str) -> Record {
    let one_line: serde_json::Value = serde_json::from_str(json).expect("example is JSON");
    crate::read::parse_record(&one_line.to_string(), true).expect("example is a record")
}

/// The findings about one record checked alone.
pub(crate) fn only(record: Record) -> Vec<Finding> {
    check_all(vec![record]).remove(0)
}

/// The findings about each record, checked in order by one checker (lines 1, 2, ...).
pub(crate) fn check_all(records: Vec<Record>) -> Vec<Vec<Finding>> {
    let mut checker = Checker::new(CheckOptions { today: today() });
    records
        .into_iter()
        .zip(1..)
        .map(|(record, line)| match checker.check_record(line, record) {
            Outcome::Accepted { warnings, .. } => warnings,
            Outcome::Rejected { findings, .. } => findings,
        })
        .collect()
}

/// Whether `findings` has one of `severity` on exactly `field` whose message contains `text`.
pub(crate) fn found(findings: &[Finding], severity: Severity, field: &str, text: &str) -> bool {
    let hit = findings
        .iter()
        .any(|f| f.severity == severity && f.field == field && f.message.contains(text));
    if !hit {
        eprintln!("no {severity:?} on {field} containing {text:?} in:");
        for f in findings {
            eprintln!("  {:?} {}: {}", f.severity, f.field, f.message);
        }
    }
    hit
}

/// Whether no finding is on `field`.
pub(crate) fn nothing_on(findings: &[Finding], field: &str) -> bool {
    let hit = findings.iter().find(|f| f.field == field);
    if let Some(f) = hit {
        eprintln!("unexpected {:?} on {field}: {}", f.severity, f.message);
    }
    hit.is_none()
}

/// Asserts that `findings` hold each expected finding, a table of (severity, field, part of the
/// message) rows: [`found`] for each row, naming the first row missing.
#[track_caller]
pub(crate) fn assert_found(findings: &[Finding], expected: &[(Severity, &str, &str)]) {
    for &(severity, field, text) in expected {
        assert!(
            found(findings, severity, field, text),
            "no {severity:?} on {field} containing {text:?}"
        );
    }
}

#[test]
fn the_examples_have_no_findings() {
    assert_eq!(only(Record::Offer(offer())), vec![]);
    assert_eq!(only(Record::FosterFamily(family())), vec![]);
}
