//! Dates: none in the future, none absurdly old, and freshness.
//!
//! A date after today + 1 day is an **error** (the one day's grace covers time zones and a
//! catalogue exported just after midnight): data cannot have been updated, approved or reported
//! in the future, so the record's dates cannot be trusted. A date before 1990 is an **error**
//! too: it is a placeholder, not a date. Stale data are **warnings**: any part of an offer's
//! `updated` older than 12 months, and free places reported more than 3 months ago.

use super::Report;
use crate::date::Date;
use crate::model::{FosterFamily, FreePlaces, Offer};

/// A record not updated in this many months is stale.
pub const STALE_RECORD_MONTHS: u32 = 12;
/// Free places not reported in this many months are stale.
pub const STALE_FREE_PLACES_MONTHS: u32 = 3;
/// Days after today a date may be (time-zone grace).
pub const FUTURE_GRACE_DAYS: i32 = 1;
/// The earliest year a date may be in.
pub const EARLIEST_YEAR: i32 = 1990;

/// An offer's dates: when each part was updated, approved, marked, and free places reported.
pub(crate) fn offer(report: &mut Report, offer: &Offer) {
    let updated = &offer.updated;
    let parts = [
        ("general", updated.general),
        ("places", updated.places),
        ("services", updated.services),
        ("economy", updated.economy),
        ("approach", updated.approach),
    ];
    for (name, date) in parts {
        plausible(report, &format!("updated.{name}"), date);
    }
    let cutoff = months_before(report.today(), STALE_RECORD_MONTHS);
    let stale: Vec<String> = parts
        .iter()
        .filter(|(_, date)| *date < cutoff)
        .map(|(name, date)| format!("{name} ({date})"))
        .collect();
    if !stale.is_empty() {
        report.warning(
            "updated",
            format!(
                "not updated in {STALE_RECORD_MONTHS} months: {}",
                stale.join(", ")
            ),
        );
    }
    if let Some(approved) = offer.supervision.approved {
        plausible(report, "supervision.approved", approved);
    }
    if let Some(marking) = &offer.supervision.marking {
        plausible(report, "supervision.marking.date", marking.date);
    }
    if let Some(free) = &offer.free_places {
        free_places_reported(report, free);
    }
}

/// A foster family's dates.
pub(crate) fn foster_family(report: &mut Report, family: &FosterFamily) {
    plausible(report, "updated", family.updated);
    if family.updated < months_before(report.today(), STALE_RECORD_MONTHS) {
        report.warning(
            "updated",
            format!(
                "not updated in {STALE_RECORD_MONTHS} months: last updated {}",
                family.updated
            ),
        );
    }
    plausible(report, "approved", family.approved);
    free_places_reported(report, &family.free_places);
    if let Some(pause) = &family.pause {
        // A pause may be planned, so its start may lie ahead; only absurd dates are errors.
        if pause.from.ymd().0 < EARLIEST_YEAR {
            report.error(
                "pause.from",
                format!("pause.from {} is before {EARLIEST_YEAR}", pause.from),
            );
        }
    }
}

fn free_places_reported(report: &mut Report, free: &FreePlaces) {
    plausible(report, "free_places.reported", free.reported);
    let cutoff = months_before(report.today(), STALE_FREE_PLACES_MONTHS);
    if free.reported < cutoff {
        report.warning(
            "free_places.reported",
            format!(
                "free places last reported {}, more than {STALE_FREE_PLACES_MONTHS} months ago",
                free.reported
            ),
        );
    }
}

/// A date that has happened: not after today + [`FUTURE_GRACE_DAYS`], not before
/// [`EARLIEST_YEAR`].
pub(crate) fn plausible(report: &mut Report, field: &str, date: Date) {
    let today = report.today();
    if date > today.add_days(FUTURE_GRACE_DAYS) {
        report.error(
            field,
            format!("{field} {date} is in the future (today is {today})"),
        );
    } else if date.ymd().0 < EARLIEST_YEAR {
        report.error(field, format!("{field} {date} is before {EARLIEST_YEAR}"));
    }
}

/// The same day `months` calendar months earlier, clamped to the month's last day (31 March
/// minus one month is 28 or 29 February).
pub fn months_before(day: Date, months: u32) -> Date {
    let (year, month, dom) = day.ymd();
    let total = year * 12 + (month as i32 - 1) - months as i32;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    (1..=dom)
        .rev()
        .find_map(|d| Date::from_ymd(y, m, d))
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_support::{family, found, offer, only, today};
    use crate::check::Severity::{Error, Warning};
    use crate::model::{Marking, Record};

    fn ymd(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).expect("a real date")
    }

    #[test]
    fn months_before_clamps_to_month_end() {
        assert_eq!(months_before(ymd(2026, 11, 22), 12), ymd(2025, 11, 22));
        assert_eq!(months_before(ymd(2026, 3, 31), 1), ymd(2026, 2, 28));
        assert_eq!(months_before(ymd(2024, 3, 31), 1), ymd(2024, 2, 29));
        assert_eq!(months_before(ymd(2026, 2, 15), 3), ymd(2025, 11, 15));
    }

    #[test]
    fn future_and_stale_dates_of_an_offer() {
        let mut o = offer();
        o.updated.places = today().add_days(1);
        assert!(only(Record::Offer(o.clone()))
            .iter()
            .all(|f| f.field != "updated.places"));
        o.updated.places = today().add_days(2);
        o.updated.economy = ymd(2025, 11, 21);
        o.supervision.marking = Some(Marking {
            date: ymd(2027, 1, 1),
            reason: "Forkerte takster".into(),
        });
        o.supervision.approved = Some(ymd(1900, 1, 1));
        let findings = only(Record::Offer(o));
        assert!(found(
            &findings,
            Error,
            "updated.places",
            "updated.places 2026-11-24 is in the future (today is 2026-11-22)"
        ));
        assert!(found(
            &findings,
            Warning,
            "updated",
            "not updated in 12 months: economy (2025-11-21)"
        ));
        assert!(found(
            &findings,
            Error,
            "supervision.marking.date",
            "is in the future"
        ));
        assert!(found(
            &findings,
            Error,
            "supervision.approved",
            "supervision.approved 1900-01-01 is before 1990"
        ));
    }

    #[test]
    fn free_places_freshness() {
        let mut f = family();
        f.free_places.reported = ymd(2026, 8, 21);
        f.updated = ymd(2024, 1, 1);
        let findings = only(Record::FosterFamily(f.clone()));
        assert!(found(
            &findings,
            Warning,
            "free_places.reported",
            "free places last reported 2026-08-21, more than 3 months ago"
        ));
        assert!(found(
            &findings,
            Warning,
            "updated",
            "last updated 2024-01-01"
        ));
        f.free_places.reported = ymd(2026, 8, 22);
        assert!(!only(Record::FosterFamily(f))
            .iter()
            .any(|x| x.field == "free_places.reported"));
    }
}
