//! Regression tests for bugs the fuzz targets found (issue 9), each named after its bug.

use catalogue::Date;

/// `fuzz/query`: a query whose `today` is near the end of `i32` made `days_until` overflow
/// (a panic with overflow checks, a wrapped age without). Day arithmetic now saturates.
#[test]
fn days_until_extreme_dates_does_not_overflow() {
    assert_eq!(Date(-5).days_until(Date(i32::MAX)), i32::MAX);
    assert_eq!(Date(5).days_until(Date(i32::MIN)), i32::MIN);
    assert_eq!(Date(10).days_until(Date(15)), 5);
    assert_eq!(Date(i32::MAX).add_days(1), Date(i32::MAX));
    assert_eq!(Date(i32::MIN).add_days(-1), Date(i32::MIN));
    assert_eq!(Date(10).add_days(-3), Date(7));
}

/// `tests/hostile` lines 24 and 25: a phone number skipped the checks every text field gets, so
/// a 100 KB phone number or one with a right-to-left override was accepted (with only a
/// plausibility warning) although `docs/catalogue.md` makes both errors.
#[test]
fn phone_number_gets_the_text_checks() {
    use catalogue::check::{check_stream, CheckOptions, Outcome, Severity};

    let example = include_str!("../../../docs/examples/offer.json");
    let mut offer: serde_json::Value = serde_json::from_str(example).expect("example is JSON");
    let long = "8".repeat(100 * 1024);
    for (phone, why) in [
        ("86 12 \u{202E}34 56", "bidi override"),
        (long.as_str(), "100 KB"),
    ] {
        offer["contact"]["phone"] = serde_json::Value::from(phone);
        let line = format!("{offer}\n");
        let mut errors = Vec::new();
        let summary = check_stream(
            line.as_bytes(),
            &CheckOptions {
                today: Date(20_779),
            },
            |outcome| {
                if let Outcome::Rejected { findings, .. } = outcome {
                    errors.extend(
                        findings
                            .into_iter()
                            .filter(|f| f.severity == Severity::Error)
                            .map(|f| f.field),
                    );
                }
            },
        )
        .expect("in memory");
        assert_eq!(summary.rejected, 1, "{why}");
        assert_eq!(errors, ["contact.phone"], "{why}");
    }
}
