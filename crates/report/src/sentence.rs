//! Each finding of the report as a sentence a supervisor reads, in Danish or English (issue 15):
//! "Takster er ikke opdateret siden 9. juli 2024 (874 dage)" instead of a field path and an ISO
//! date. The facts come from the record itself where it could be read (dates, sanction kinds,
//! rate years); `check`'s own message is kept in the JSON for machines.

use catalogue::check::Finding;
use catalogue::freshness::Part;
use catalogue::model::Record;
use catalogue::vocab::{ApprovalStatus, SanctionKind};
use catalogue::vocab_en::Labels;
use catalogue::Date;

use crate::lang::{date, number, Lang};

/// A part of a record whose date of update is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordPart {
    General,
    Places,
    Services,
    Economy,
    Approach,
    /// A foster family's record, which has one date.
    Family,
}

impl RecordPart {
    /// The part as the subject of a sentence.
    fn name(self, lang: Lang) -> &'static str {
        use RecordPart::*;
        let (da, en) = match self {
            General => ("Generelle oplysninger", "General information"),
            Places => ("Pladser", "Places"),
            Services => ("Indsatser og målgrupper", "Services and target groups"),
            Economy => ("Takster", "Rates"),
            Approach => ("Faglig tilgang", "Professional approach"),
            Family => ("Familiens oplysninger", "The family's information"),
        };
        lang.pick(da, en)
    }
}

/// One finding, said in words.
#[derive(Clone, Debug, PartialEq)]
pub enum Sentence {
    /// A part not updated since `since`, `days` ago.
    Stale {
        part: RecordPart,
        since: Date,
        days: i32,
    },
    /// Marked by the authority as wrong, with its reason.
    Marked {
        on: Date,
        reason: String,
    },
    /// Free places last reported on `on`, `days` ago.
    FreePlacesOld {
        on: Date,
        days: i32,
    },
    FreePlacesNever,
    /// The approval lapses (or lapsed) on `on` for being unused since `since`.
    ApprovalLapse {
        on: Date,
        since: Date,
        lapsed: bool,
    },
    Sanction {
        kind: SanctionKind,
        since: Date,
    },
    NoEmail,
    NoPhone,
    /// A rate is for `year`.
    OldRate {
        year: u16,
    },
    NotApprovedYet,
    Ceased,
    /// Anything else: `check`'s message about a field, said as plainly as the report can.
    Check {
        field: String,
        message: String,
    },
}

impl Sentence {
    /// The sentence, without a final full stop.
    pub fn say(&self, lang: Lang) -> String {
        use Sentence::*;
        let d = |day: &Date| date(lang, *day);
        // A count of days with the language's thousands separator ("1.055 dage").
        let n = |days: &i32| {
            u64::try_from(*days).map_or_else(|_| days.to_string(), |v| number(lang, v))
        };
        match (lang, self) {
            (Lang::Da, Stale { part, since, days }) => format!(
                "{} er ikke opdateret siden {} ({} dage)",
                part.name(lang),
                d(since),
                n(days)
            ),
            (Lang::En, Stale { part, since, days }) => format!(
                "{} not updated since {} ({} days)",
                part.name(lang),
                d(since),
                n(days)
            ),
            (Lang::Da, Marked { on, reason }) => format!(
                "Socialtilsynet markerede {} oplysningerne som forkerte: {}",
                d(on),
                reason.trim_end_matches('.')
            ),
            (Lang::En, Marked { on, reason }) => format!(
                "The authority marked the information as wrong on {} (its reason, in Danish: {})",
                d(on),
                reason.trim_end_matches('.')
            ),
            (Lang::Da, FreePlacesOld { on, days }) => format!(
                "Ledige pladser er sidst meldt {} ({} dage siden; de skal meldes mindst hver {}. dag)",
                d(on),
                n(days),
                Part::FreePlaces.rule().stale_after_days
            ),
            (Lang::En, FreePlacesOld { on, days }) => format!(
                "Free places last reported on {} ({} days ago; they are due at least every {} days)",
                d(on),
                n(days),
                Part::FreePlaces.rule().stale_after_days
            ),
            (Lang::Da, FreePlacesNever) => "Ledige pladser er aldrig meldt".into(),
            (Lang::En, FreePlacesNever) => "Free places have never been reported".into(),
            (Lang::Da, ApprovalLapse { on, since, lapsed }) => format!(
                "Godkendelsen {} {}, fordi den ikke er brugt siden {}",
                if *lapsed { "bortfaldt" } else { "bortfalder" },
                d(on),
                d(since)
            ),
            (Lang::En, ApprovalLapse { on, since, lapsed }) => format!(
                "The approval {} on {}, unused since {}",
                if *lapsed { "lapsed" } else { "lapses" },
                d(on),
                d(since)
            ),
            (Lang::Da, Sanction { kind, since }) => {
                format!("{} siden {}", kind.danish(), d(since))
            }
            (Lang::En, Sanction { kind, since }) => {
                format!("{} since {}", kind.english(), d(since))
            }
            (Lang::Da, NoEmail) => "Der er ingen e-mailadresse".into(),
            (Lang::En, NoEmail) => "No e-mail address".into(),
            (Lang::Da, NoPhone) => "Der er intet telefonnummer".into(),
            (Lang::En, NoPhone) => "No phone number".into(),
            (Lang::Da, OldRate { year }) => {
                format!("En takst gælder {year} og er måske forældet")
            }
            (Lang::En, OldRate { year }) => format!("A rate is for {year} and may be out of date"),
            (Lang::Da, NotApprovedYet) => "Tilbuddet er endnu ikke godkendt".into(),
            (Lang::En, NotApprovedYet) => "The offer is not approved yet".into(),
            (Lang::Da, Ceased) => "Tilbuddet er ophørt".into(),
            (Lang::En, Ceased) => "The offer has ceased".into(),
            (Lang::Da, Check { field, message }) => {
                format!("Kontrollen af feltet «{field}» fandt (på engelsk): {message}")
            }
            (Lang::En, Check { field, message }) => {
                format!("The check of the field «{field}» found: {message}")
            }
        }
    }

    /// A finding of `check` on `record` (when it could be read) as a sentence.
    pub fn of_finding(finding: &Finding, record: Option<&Record>, today: Date) -> Sentence {
        let fallback = || Sentence::Check {
            field: finding.field.clone(),
            message: finding.message.clone(),
        };
        let Some(record) = record else {
            return fallback();
        };
        let field = finding.field.as_str();
        let message = finding.message.as_str();
        let leaf = field.rsplit('.').next().unwrap_or(field);
        match leaf {
            "reported" if field.ends_with("free_places.reported") => free_reported(record)
                .map(|on| Sentence::FreePlacesOld {
                    on,
                    days: on.days_until(today),
                })
                .unwrap_or_else(fallback),
            "free_places" if message.contains("never") => Sentence::FreePlacesNever,
            "unused_since" => match (unused_since(record), record.approval_lapses_on()) {
                (Some(since), Some(on)) => Sentence::ApprovalLapse {
                    on,
                    since,
                    lapsed: message.starts_with("approval lapsed"),
                },
                _ => fallback(),
            },
            "marking" => match record {
                Record::Offer(o) => o
                    .supervision
                    .marking
                    .as_ref()
                    .map(|m| Sentence::Marked {
                        on: m.date,
                        reason: m.reason.clone(),
                    })
                    .unwrap_or_else(fallback),
                Record::FosterFamily(_) => fallback(),
            },
            "email" if message == "no e-mail address" => Sentence::NoEmail,
            "phone" if message == "no phone number" => Sentence::NoPhone,
            "approval" if field.ends_with("supervision.approval") => match record {
                Record::Offer(o) if o.supervision.approval == ApprovalStatus::Ceased => {
                    Sentence::Ceased
                }
                Record::Offer(o) if o.supervision.approval == ApprovalStatus::InProcess => {
                    Sentence::NotApprovedYet
                }
                _ => fallback(),
            },
            "year" if field.contains(".rates[") => first_index(field, "services[")
                .zip(first_index(field, "rates["))
                .and_then(|(s, r)| match record {
                    Record::Offer(o) => o.services.get(s)?.rates.get(r).map(|rate| rate.year),
                    Record::FosterFamily(_) => None,
                })
                .map(|year| Sentence::OldRate { year })
                .unwrap_or_else(fallback),
            _ if leaf.starts_with("sanctions[") => first_index(field, "sanctions[")
                .and_then(|i| record.sanctions().get(i))
                .map(|s| Sentence::Sanction {
                    kind: s.kind,
                    since: s.date,
                })
                .unwrap_or_else(fallback),
            _ => fallback(),
        }
    }
}

/// The number in `…{prefix}N]…`.
fn first_index(field: &str, prefix: &str) -> Option<usize> {
    let start = field.find(prefix)? + prefix.len();
    let rest = &field[start..];
    rest[..rest.find(']')?].parse().ok()
}

fn free_reported(record: &Record) -> Option<Date> {
    match record {
        Record::Offer(o) => o.free_places.map(|f| f.reported),
        Record::FosterFamily(f) => Some(f.free_places.reported),
    }
}

fn unused_since(record: &Record) -> Option<Date> {
    match record {
        Record::Offer(o) => o.supervision.unused_since,
        Record::FosterFamily(f) => f.unused_since,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_are_read_from_field_paths() {
        assert_eq!(
            first_index("services[2].rates[10].year", "services["),
            Some(2)
        );
        assert_eq!(
            first_index("services[2].rates[10].year", "rates["),
            Some(10)
        );
        assert_eq!(first_index("sanctions[x]", "sanctions["), None);
        assert_eq!(first_index("sanctions[3", "sanctions["), None);
    }

    #[test]
    fn sentences_in_both_languages_have_no_field_paths_or_iso_dates() {
        let day = Date::from_ymd(2024, 7, 9).expect("date");
        let stale = Sentence::Stale {
            part: RecordPart::Economy,
            since: day,
            days: 874,
        };
        assert_eq!(
            stale.say(Lang::Da),
            "Takster er ikke opdateret siden 9. juli 2024 (874 dage)"
        );
        assert_eq!(
            stale.say(Lang::En),
            "Rates not updated since 9 July 2024 (874 days)"
        );
        let lapse = Sentence::ApprovalLapse {
            on: day,
            since: day,
            lapsed: true,
        };
        assert!(!lapse.say(Lang::Da).contains("2024-07-09"));
        let old = Sentence::FreePlacesOld {
            on: day,
            days: 1055,
        };
        assert!(old.say(Lang::Da).contains("(1.055 dage siden;"));
        assert!(old.say(Lang::En).contains("(1,055 days ago;"));
    }
}
