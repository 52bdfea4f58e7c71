//! How old generated data are: the realistic shares of fresh and stale records.
//!
//! Every date is counted back from the generator's `today`, never from the clock, so a sample
//! is reproducible. No date lies after `today`, except a pause's planned end.

use crate::date::Date;

use super::rng::Rng;

/// Days since a record's oldest part was updated: ~60 % within 6 months, ~20 % within 6–12
/// months, ~20 % older than 12 months (up to 3 years): the staleness caseworkers report.
pub fn update_age_days(rng: &mut Rng) -> i32 {
    let ticket = rng.below(100);
    let age = if ticket < 60 {
        rng.range(0, 182)
    } else if ticket < 80 {
        rng.range(183, 365)
    } else {
        rng.range(366, 1095)
    };
    age as i32
}

/// When free places were last reported: within 3 months for ~65 %, up to 18 months before for
/// the rest. Whether a record reports at all is the caller's choice.
pub fn free_places_reported(rng: &mut Rng, today: Date) -> Date {
    let age = if rng.chance(0.67) {
        rng.range(0, 90)
    } else {
        rng.range(91, 540)
    };
    today.add_days(-(age as i32))
}

/// The year a rate applies to, given when the economy part was last updated: rates are set for
/// the coming year from October, so an update in October–December last year still gives this
/// year's rates; older updates leave rates of an earlier year (stale economy).
pub fn rate_year(economy_updated: Date, today: Date) -> u16 {
    let (this_year, _, _) = today.ymd();
    let (year, month, _) = economy_updated.ymd();
    let year = if month >= 10 { year + 1 } else { year };
    // Never after this year; and within u16 whatever `today` is.
    year.min(this_year).clamp(0, i32::from(u16::MAX)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_ages_have_the_target_shares() {
        let mut rng = Rng::new(1);
        let ages: Vec<i32> = (0..10_000).map(|_| update_age_days(&mut rng)).collect();
        let fresh = ages.iter().filter(|a| **a <= 182).count();
        let old = ages.iter().filter(|a| **a > 365).count();
        assert!((5_700..6_300).contains(&fresh), "{fresh}");
        assert!((1_700..2_300).contains(&old), "{old}");
        assert!(ages.iter().all(|a| (0..=1095).contains(a)));
    }

    #[test]
    fn rate_years_follow_the_economy_update() {
        let today = Date::parse("2026-11-22").unwrap_or_default();
        let on = |s: &str| rate_year(Date::parse(s).unwrap_or_default(), today);
        assert_eq!(on("2026-03-01"), 2026);
        assert_eq!(on("2026-11-01"), 2026, "never a year after today's");
        assert_eq!(on("2025-10-15"), 2026);
        assert_eq!(on("2025-06-15"), 2025);
        assert_eq!(on("2024-01-15"), 2024);
        let long_ago = Date::parse("1985-06-01").unwrap_or_default();
        assert_eq!(rate_year(long_ago.add_days(-30), long_ago), 1985);
    }
}
