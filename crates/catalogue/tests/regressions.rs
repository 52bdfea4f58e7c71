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
