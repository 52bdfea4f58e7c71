//! The one rule for how old a part of a record may be: fresh, aging or stale.
//!
//! Before this module the rule was written six times (the check's 12 and 3 calendar months, the
//! report's 365 days, the card's 365 days, the capacity overview's 90 days, the facet buckets, the
//! CLI's literal 90), and near a boundary "12 months" and "365 days" disagreed, so one record
//! could be stale on the card and fresh in the report. Now `check`, `report`, the index (the
//! `updated` facet and the card), the web interface and the CLI all ask [`Part::freshness`].
//!
//! Ages are whole days from the date to the day judged by (`Date::days_until`), so the rule is
//! the same on every day of the year. A part is **fresh** up to and including
//! [`Rule::fresh_days`], **aging** after that up to and including [`Rule::stale_after_days`], and
//! **stale** after that. A date after the day judged by (a negative age) is fresh; whether it is
//! plausible is the check's business. Free places have the tighter rule: a caseworker phones on
//! the strength of them.
//!
//! Changing a threshold is a one-line change to [`RECORD`] or [`FREE_PLACES`].

use crate::date::Date;

/// How old a part of a record may be before it is aging, and before it is stale, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Fresh up to and including this age.
    pub fresh_days: i32,
    /// Stale after this age; aging between [`Rule::fresh_days`] and this, inclusive.
    pub stale_after_days: i32,
}

/// Any part of a record's `updated` dates: identity and contact, places, services, economy,
/// approach, or a foster family's single `updated`.
pub const RECORD: Rule = Rule {
    fresh_days: 182,
    stale_after_days: 365,
};

/// Free places (`free_places.reported`): the tighter rule.
pub const FREE_PLACES: Rule = Rule {
    fresh_days: 30,
    stale_after_days: 90,
};

/// How old a part is, judged by a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Freshness {
    /// Within [`Rule::fresh_days`].
    Fresh,
    /// Older than fresh, not yet stale.
    Aging,
    /// Older than [`Rule::stale_after_days`]: warned about everywhere.
    Stale,
}

impl Freshness {
    /// Every state, freshest first (the `updated` facet's bucket order).
    pub const ALL: [Freshness; 3] = [Freshness::Fresh, Freshness::Aging, Freshness::Stale];

    /// A stable code (facet values, JSON).
    pub fn code(self) -> &'static str {
        match self {
            Freshness::Fresh => "fresh",
            Freshness::Aging => "aging",
            Freshness::Stale => "stale",
        }
    }
}

impl Rule {
    /// The state of a part `age_days` old.
    pub fn of_age(self, age_days: i32) -> Freshness {
        if age_days <= self.fresh_days {
            Freshness::Fresh
        } else if age_days <= self.stale_after_days {
            Freshness::Aging
        } else {
            Freshness::Stale
        }
    }

    /// The state of a part dated `date`, judged on `today`.
    pub fn of_date(self, date: Date, today: Date) -> Freshness {
        self.of_age(date.days_until(today))
    }

    /// The earliest date that is not stale on `today`: a part dated before it is stale.
    pub fn stale_before(self, today: Date) -> Date {
        today.add_days(-self.stale_after_days)
    }
}

/// Which part of a record a date belongs to; each part has its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A part of `updated`.
    Record,
    /// Free places as last reported.
    FreePlaces,
}

impl Part {
    /// The part's rule.
    pub fn rule(self) -> Rule {
        match self {
            Part::Record => RECORD,
            Part::FreePlaces => FREE_PLACES,
        }
    }

    /// The state of this part dated `date`, judged on `today`.
    pub fn freshness(self, date: Date, today: Date) -> Freshness {
        self.rule().of_date(date, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::ymd as day;

    /// Each boundary day of each rule, and the day on either side.
    #[test]
    fn boundaries_of_each_part() {
        let today = day(2026, 3, 31);
        for part in [Part::Record, Part::FreePlaces] {
            let rule = part.rule();
            let at = |age: i32| part.freshness(today.add_days(-age), today);
            assert_eq!(at(-1), Freshness::Fresh, "{part:?}: tomorrow");
            assert_eq!(at(0), Freshness::Fresh, "{part:?}: today");
            assert_eq!(at(rule.fresh_days), Freshness::Fresh, "{part:?}");
            assert_eq!(at(rule.fresh_days + 1), Freshness::Aging, "{part:?}");
            assert_eq!(at(rule.stale_after_days), Freshness::Aging, "{part:?}");
            assert_eq!(at(rule.stale_after_days + 1), Freshness::Stale, "{part:?}");
            assert_eq!(
                rule.stale_before(today),
                today.add_days(-rule.stale_after_days),
                "{part:?}"
            );
        }
    }

    /// The thresholds as dates written out: a change to a rule shows here as well.
    #[test]
    fn the_rules_in_days() {
        use Freshness::*;
        let today = day(2026, 11, 22);
        let cases = [
            (Part::Record, day(2026, 5, 24), Fresh, "182 days"),
            (Part::Record, day(2026, 5, 23), Aging, "183 days"),
            (Part::Record, day(2025, 11, 22), Aging, "365 days"),
            (Part::Record, day(2025, 11, 21), Stale, "366 days"),
            (Part::FreePlaces, day(2026, 10, 23), Fresh, "30 days"),
            (Part::FreePlaces, day(2026, 10, 22), Aging, "31 days"),
            (Part::FreePlaces, day(2026, 8, 24), Aging, "90 days"),
            (Part::FreePlaces, day(2026, 8, 23), Stale, "91 days"),
        ];
        for (part, date, expected, age) in cases {
            assert_eq!(part.freshness(date, today), expected, "{part:?} {age}");
        }
    }

    #[test]
    fn a_leap_year_does_not_move_the_boundary() {
        // 365 days before 2024-12-31 is 2024-01-01 (2024 has 366 days).
        let today = day(2024, 12, 31);
        assert_eq!(
            Part::Record.freshness(day(2024, 1, 1), today),
            Freshness::Aging
        );
        assert_eq!(
            Part::Record.freshness(day(2023, 12, 31), today),
            Freshness::Stale
        );
    }
}
