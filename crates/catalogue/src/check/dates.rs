//! Dates: none in the future, none absurdly old, and freshness.
//!
//! A date after today + 1 day is an **error** (the one day's grace covers time zones and a
//! catalogue exported just after midnight): data cannot have been updated, approved or reported
//! in the future, so the record's dates cannot be trusted. A date before 1990 is an **error**
//! too: it is a placeholder, not a date. Stale data are **warnings**, by the one rule of
//! [`crate::freshness`]: any part of `updated`, and free places, that the rule calls stale.

use super::Report;
use crate::date::Date;
use crate::freshness::{Freshness, Part};
use crate::model::{FosterFamily, FreePlaces, Offer};
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
    let today = report.today();
    let stale: Vec<String> = parts
        .iter()
        .filter(|(_, date)| Part::Record.freshness(*date, today) == Freshness::Stale)
        .map(|(name, date)| format!("{name} ({date})"))
        .collect();
    if !stale.is_empty() {
        report.warning(
            "updated",
            format!(
                "not updated in over {} days: {}",
                Part::Record.rule().stale_after_days,
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
    warn_if_stale(report, "updated", Part::Record, family.updated, |days| {
        format!(
            "not updated in over {days} days: last updated {}",
            family.updated
        )
    });
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
    warn_if_stale(
        report,
        "free_places.reported",
        Part::FreePlaces,
        free.reported,
        |days| {
            format!(
                "free places last reported {}, more than {days} days ago",
                free.reported
            )
        },
    );
}

/// Warns on `field` when `part`, dated `date`, is stale by the freshness rule; `say` words the
/// warning from the rule's limit in days.
fn warn_if_stale(
    report: &mut Report,
    field: &str,
    part: Part,
    date: Date,
    say: impl FnOnce(i32) -> String,
) {
    if part.freshness(date, report.today()) == Freshness::Stale {
        report.warning(field, say(part.rule().stale_after_days));
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

#[cfg(test)]
mod tests {
    use crate::check::test_support::{assert_found, family, nothing_on, offer, only, today};
    use crate::check::Severity::{Error, Warning};
    use crate::date::ymd;
    use crate::model::{Marking, Record};

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
        assert_found(
            &findings,
            &[
                (
                    Error,
                    "updated.places",
                    "updated.places 2026-11-24 is in the future (today is 2026-11-22)",
                ),
                (
                    Warning,
                    "updated",
                    "not updated in over 365 days: economy (2025-11-21)",
                ),
                (Error, "supervision.marking.date", "is in the future"),
                (
                    Error,
                    "supervision.approved",
                    "supervision.approved 1900-01-01 is before 1990",
                ),
            ],
        );
    }

    #[test]
    fn free_places_freshness() {
        let mut f = family();
        f.free_places.reported = ymd(2026, 8, 23);
        f.updated = ymd(2024, 1, 1);
        let findings = only(Record::FosterFamily(f.clone()));
        assert_found(
            &findings,
            &[
                (
                    Warning,
                    "free_places.reported",
                    "free places last reported 2026-08-23, more than 90 days ago",
                ),
                (Warning, "updated", "last updated 2024-01-01"),
            ],
        );
        f.free_places.reported = ymd(2026, 8, 24);
        assert!(nothing_on(
            &only(Record::FosterFamily(f)),
            "free_places.reported"
        ));
    }
}
