//! Calendar dates as days since 1970-01-01, without a date library.
//!
//! The catalogue writes dates as `YYYY-MM-DD`. In memory and in the index a date is one `i32`
//! (days since the Unix epoch), which makes "how many days old" a subtraction and keeps the
//! index small. Human-readable serializers (JSON) see the ISO string; binary ones
//! see the number.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date(pub i32);

impl Date {
    /// The date of a year, month (1–12) and day (1–31), or `None` if it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// Year, month and day of this date.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// Today's date from the system clock (UTC).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date((secs / 86_400) as i32)
    }

    /// Number of days from `self` to `later` (negative if `later` is earlier). Saturates at the
    /// ends of `i32` rather than overflow: a query's `today` is whatever a client sends.
    pub fn days_until(self, later: Date) -> i32 {
        later.0.saturating_sub(self.0)
    }

    /// The same day `years` years later (29 February becomes 28 February in a common year); the
    /// date itself if the result is not representable.
    pub fn add_years(self, years: i32) -> Date {
        let (y, m, d) = self.ymd();
        // 29 February plus a year that is not a leap year is 28 February.
        Date::from_ymd(y.saturating_add(years), m, d)
            .or_else(|| Date::from_ymd(y.saturating_add(years), m, d - 1))
            .unwrap_or(self)
    }

    /// This date moved by a number of days, saturating at the ends of the representable range.
    pub fn add_days(self, days: i32) -> Date {
        Date(self.0.saturating_add(days))
    }

    /// Parses `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, a real date.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed {
            return Err(DateError::Format(text.chars().take(40).collect()));
        }
        let year: i32 = text[0..4]
            .parse()
            .map_err(|_| DateError::Format(text.into()))?;
        let month: u32 = text[5..7]
            .parse()
            .map_err(|_| DateError::Format(text.into()))?;
        let day: u32 = text[8..10]
            .parse()
            .map_err(|_| DateError::Format(text.into()))?;
        Date::from_ymd(year, month, day).ok_or_else(|| DateError::NoSuchDay(text.into()))
    }
}

/// `YYYY-MM-DD`, strictly ([`Date::parse`]): what lets a command line take a `Date` argument
/// (clap's `--today`) without a parser of its own.
impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

/// Why a date string was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("expected a date as YYYY-MM-DD, got {0:?}")]
    Format(String),
    #[error("{0} is not a day in the calendar")]
    NoSuchDay(String),
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's `days_from_civil` and `civil_from_days`.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe as i32 + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            serializer.serialize_i32(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
            fn visit_i32<E: de::Error>(self, v: i32) -> Result<Date, E> {
                Ok(Date(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                i32::try_from(v)
                    .map(Date)
                    .map_err(|_| E::custom("day number out of range"))
            }
        }
        if deserializer.is_human_readable() {
            deserializer.deserialize_str(DateVisitor)
        } else {
            deserializer.deserialize_i32(DateVisitor)
        }
    }
}

/// The date of a year, month and day that exist, for tests (panics on one that does not).
#[cfg(test)]
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).expect("a real date")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_round_trip() {
        assert_eq!(Date::parse("1970-01-01").unwrap(), Date(0));
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        for days in [-800_000, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            let (y, m, d) = Date(days).ymd();
            assert_eq!(Date::from_ymd(y, m, d), Some(Date(days)));
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert!(matches!(
            Date::parse("2023-02-29"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(Date::parse("2023-2-1"), Err(DateError::Format(_))));
        assert!(matches!(
            Date::parse("2023-13-01"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            Date::parse("२०२३-01-01"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
    }
}
