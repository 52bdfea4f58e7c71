//! Shared helpers: run `check_stream` over bytes and render its findings as text.

use catalogue::check::{check_stream, CheckOptions, CheckSummary, Finding, Outcome};
use catalogue::Date;

/// The day the tests check against (the corpus's dates are relative to it).
pub fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("a real date")
}

/// Every outcome of checking `input`, and the summary.
pub fn check_bytes(input: &[u8]) -> (Vec<Outcome>, CheckSummary) {
    let mut outcomes = Vec::new();
    let summary = check_stream(input, &CheckOptions { today: today() }, |o| {
        outcomes.push(o)
    })
    .expect("reading from a slice cannot fail");
    (outcomes, summary)
}

/// The findings of an outcome, errors and warnings.
pub fn findings(outcome: &Outcome) -> &[Finding] {
    match outcome {
        Outcome::Accepted { warnings, .. } => warnings,
        Outcome::Rejected { findings, .. } => findings,
    }
}

/// The line an outcome is about.
pub fn line(outcome: &Outcome) -> u64 {
    match outcome {
        Outcome::Accepted { line, .. } | Outcome::Rejected { line, .. } => *line,
    }
}

/// One line per finding, `LINE: SEVERITY: FIELD: MESSAGE`, then the summary.
pub fn render(outcomes: &[Outcome], summary: &CheckSummary) -> String {
    let mut text = String::new();
    for outcome in outcomes {
        for f in findings(outcome) {
            text.push_str(&format!(
                "{}: {}: {}: {}\n",
                f.line,
                f.severity.as_str(),
                f.field,
                f.message
            ));
        }
    }
    text.push_str(&format!(
        "summary: {} records, {} accepted, {} rejected, {} warnings, {} errors\n",
        summary.records, summary.accepted, summary.rejected, summary.warnings, summary.errors
    ));
    text
}

/// The accounting every check must satisfy.
pub fn assert_accounting(outcomes: &[Outcome], summary: &CheckSummary) {
    assert_eq!(summary.records, summary.accepted + summary.rejected);
    assert_eq!(summary.records, outcomes.len() as u64);
    let rejected = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Rejected { .. }))
        .count() as u64;
    assert_eq!(summary.rejected, rejected);
    let lines: Vec<u64> = outcomes.iter().map(line).collect();
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "outcomes in file order"
    );
}
