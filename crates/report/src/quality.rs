//! Aggregating check outcomes into the report's figures.

use std::collections::BTreeMap;

use catalogue::check::{CheckSummary, Finding, Outcome, Severity};
use catalogue::freshness::{self, Freshness, Part};
use catalogue::model::Record;
use catalogue::vocab::Authority;
use catalogue::Date;
use serde::Serialize;

use crate::lang::Lang;
use crate::sentence::{RecordPart, Sentence};

/// Records listed per authority in the HTML page (the JSON lists them all).
pub const LISTED_PER_AUTHORITY: usize = 100;

/// What kind of problem a finding is, in the order that matters to a caseworker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The record could not be indexed.
    Rejected,
    /// The authority has marked the record's data as wrong.
    Marked,
    /// A standing påbud, skærpet tilsyn or ophør (issue 16).
    Sanctioned,
    /// An approval that has lapsed, or soon will, for being unused.
    ApprovalLapse,
    /// Free places not reported lately, or not at all.
    FreePlaces,
    /// Rates not updated in a year.
    StaleEconomy,
    /// Another part not updated in a year.
    Stale,
    /// Contact details or description missing.
    Missing,
    /// Any other warning.
    Other,
}

impl Category {
    /// Every category, most important first.
    pub const ALL: [Category; 9] = [
        Category::Rejected,
        Category::Marked,
        Category::Sanctioned,
        Category::ApprovalLapse,
        Category::FreePlaces,
        Category::StaleEconomy,
        Category::Stale,
        Category::Missing,
        Category::Other,
    ];

    /// The category's name in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        let (da, en) = match self {
            Category::Rejected => ("Afvist (kan ikke søges frem)", "Rejected (not searchable)"),
            Category::Marked => ("Markeret af tilsynet", "Marked by the authority"),
            Category::Sanctioned => (
                "Påbud, skærpet tilsyn eller ophør",
                "Injunction, intensified supervision or closure",
            ),
            Category::ApprovalLapse => (
                "Godkendelsen bortfalder (ubenyttet)",
                "Approval lapses (unused)",
            ),
            Category::FreePlaces => ("Ledige pladser ikke meldt", "Free places not reported"),
            Category::StaleEconomy => ("Takster over 12 måneder gamle", "Rates over 12 months old"),
            Category::Stale => (
                "Andre oplysninger over 12 måneder gamle",
                "Other information over 12 months old",
            ),
            Category::Missing => (
                "Mangler kontakt eller beskrivelse",
                "Missing contact or description",
            ),
            Category::Other => ("Andre advarsler", "Other warnings"),
        };
        lang.pick(da, en)
    }

    /// Weight in a record's priority score.
    fn weight(self) -> u32 {
        match self {
            Category::Rejected => 1000,
            Category::Marked => 500,
            Category::Sanctioned => 400,
            Category::ApprovalLapse => 300,
            Category::FreePlaces => 200,
            Category::StaleEconomy => 150,
            Category::Stale => 100,
            Category::Missing => 50,
            Category::Other => 20,
        }
    }

    /// The category of a finding, from its severity and the field it is about.
    pub fn of(finding: &Finding) -> Category {
        if finding.severity == Severity::Error {
            return Category::Rejected;
        }
        let field = finding.field.as_str();
        if field.starts_with("free_places") {
            Category::FreePlaces
        } else if field == "updated.economy" {
            Category::StaleEconomy
        } else if field.starts_with("updated") {
            Category::Stale
        } else if field.starts_with("supervision.marking") {
            Category::Marked
        } else if field.starts_with("supervision.sanctions") || field.starts_with("sanctions") {
            Category::Sanctioned
        } else if field.ends_with("unused_since") {
            Category::ApprovalLapse
        } else if field.starts_with("contact") || field == "description" {
            Category::Missing
        } else {
            Category::Other
        }
    }
}

/// Age of a record's oldest part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FreshnessBucket {
    /// Updated within 3 months.
    Within3Months,
    /// 3 to 6 months.
    Within6Months,
    /// 6 to 12 months.
    Within12Months,
    /// 1 to 2 years.
    Within24Months,
    /// Over 2 years.
    Older,
}

impl FreshnessBucket {
    /// Every bucket, freshest first.
    pub const ALL: [FreshnessBucket; 5] = [
        FreshnessBucket::Within3Months,
        FreshnessBucket::Within6Months,
        FreshnessBucket::Within12Months,
        FreshnessBucket::Within24Months,
        FreshnessBucket::Older,
    ];

    /// The bucket of an age in days. The 6- and 12-month bounds are the freshness rule's (fresh,
    /// aging, stale: [`catalogue::freshness::RECORD`]); 3 months and 2 years only split the chart.
    pub fn of_age(days: i32) -> FreshnessBucket {
        const QUARTER_DAYS: i32 = 91;
        const TWO_YEARS_DAYS: i32 = 730;
        let rule = freshness::RECORD;
        match days {
            d if d <= QUARTER_DAYS => FreshnessBucket::Within3Months,
            d if d <= rule.fresh_days => FreshnessBucket::Within6Months,
            d if d <= rule.stale_after_days => FreshnessBucket::Within12Months,
            d if d <= TWO_YEARS_DAYS => FreshnessBucket::Within24Months,
            _ => FreshnessBucket::Older,
        }
    }

    /// The age band's name in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        let (da, en) = match self {
            FreshnessBucket::Within3Months => ("under 3 mdr.", "under 3 months"),
            FreshnessBucket::Within6Months => ("3–6 mdr.", "3–6 months"),
            FreshnessBucket::Within12Months => ("6–12 mdr.", "6–12 months"),
            FreshnessBucket::Within24Months => ("1–2 år", "1–2 years"),
            FreshnessBucket::Older => ("over 2 år", "over 2 years"),
        };
        lang.pick(da, en)
    }
}

/// One finding as the report shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Issue {
    /// Category.
    pub category: Category,
    /// Field path.
    pub field: String,
    /// `check`'s message.
    pub message: String,
    /// The finding as a sentence (Danish or English) that the HTML shows instead of field and
    /// message. Not in the JSON, which stays as it was for machines.
    #[serde(skip)]
    pub sentence: Sentence,
}

/// A record with something to report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordQuality {
    /// Line in the catalogue.
    pub line: u64,
    /// Record id, when it could be read.
    pub id: Option<String>,
    /// Name, when the record could be read.
    pub name: Option<String>,
    /// Authority code, when the record could be read.
    pub authority: Option<String>,
    /// Days since the record's oldest part was updated, when known.
    pub oldest_update_days: Option<i32>,
    /// Priority: higher is more important to fix.
    pub score: u32,
    /// The findings.
    pub issues: Vec<Issue>,
}

/// Figures for one authority.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AuthorityQuality {
    /// Authority code (`nord`, ..., `kommune`), or `ukendt` for records that could not be read.
    pub authority: String,
    /// Danish name.
    pub label: String,
    /// Records.
    pub records: u64,
    /// Records with nothing to report.
    pub clean: u64,
    /// Records with at least one finding of each category (a record may count in several).
    pub by_category: BTreeMap<Category, u64>,
    /// Records by their most important category (each record counted once; clean ones not).
    pub by_top_category: BTreeMap<Category, u64>,
    /// Records by the age of their oldest part.
    pub freshness: BTreeMap<FreshnessBucket, u64>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QualityReport {
    /// The day the report was made for.
    pub today: Date,
    /// Name of the catalogue file.
    pub catalogue: String,
    /// `check`'s counts.
    pub records: u64,
    /// Accepted records.
    pub accepted: u64,
    /// Rejected records.
    pub rejected: u64,
    /// Warnings.
    pub warnings: u64,
    /// Per authority, in vocabulary order, then `ukendt`.
    pub authorities: Vec<AuthorityQuality>,
    /// Records with findings, most important first.
    pub records_with_issues: Vec<RecordQuality>,
}

/// Builds a [`QualityReport`] from outcomes, one at a time.
pub struct ReportBuilder {
    today: Date,
    catalogue: String,
    authorities: BTreeMap<String, AuthorityQuality>,
    rows: Vec<RecordQuality>,
}

const UNKNOWN_AUTHORITY: &str = "ukendt";

impl ReportBuilder {
    /// A builder for a catalogue checked as of `today`.
    pub fn new(catalogue: impl Into<String>, today: Date) -> ReportBuilder {
        ReportBuilder {
            today,
            catalogue: catalogue.into(),
            authorities: BTreeMap::new(),
            rows: Vec::new(),
        }
    }

    /// Adds one record's outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        let (line, id, record, findings) = match outcome {
            Outcome::Accepted {
                line,
                record,
                warnings,
            } => (*line, Some(record.id().to_owned()), Some(record), warnings),
            Outcome::Rejected { line, id, findings } => (*line, id.clone(), None, findings),
        };
        let authority = record.map(authority_of);
        let oldest = record.map(|r| oldest_update(r).days_until(self.today));
        // Staleness is reported per part from the record itself (check sums it up in one finding).
        let mut issues: Vec<Issue> = findings
            .iter()
            .filter(|f| record.is_none() || !f.field.starts_with("updated"))
            .map(|f| Issue {
                category: Category::of(f),
                field: f.field.clone(),
                message: f.message.clone(),
                sentence: Sentence::of_finding(f, record, self.today),
            })
            .collect();
        if let Some(record) = record {
            issues.extend(stale_parts(record, self.today));
        }
        if let Some(marking) = record.and_then(marking_of) {
            issues.push(Issue {
                category: Category::Marked,
                field: "supervision.marking".into(),
                message: format!("marked by the authority on {}: {}", marking.0, marking.1),
                sentence: Sentence::Marked {
                    on: marking.0,
                    reason: marking.1.to_string(),
                },
            });
        }
        issues.sort_by(|a, b| a.category.cmp(&b.category).then(a.field.cmp(&b.field)));
        issues.dedup();

        let key = authority.map_or(UNKNOWN_AUTHORITY.to_owned(), |a| a.code().to_owned());
        let figures = self
            .authorities
            .entry(key.clone())
            .or_insert_with(|| AuthorityQuality {
                authority: key.clone(),
                label: authority
                    .map_or("Ukendt (kunne ikke læses)", |a| a.label())
                    .into(),
                ..AuthorityQuality::default()
            });
        figures.records += 1;
        if issues.is_empty() {
            figures.clean += 1;
        }
        let mut categories: Vec<Category> = issues.iter().map(|i| i.category).collect();
        categories.dedup();
        for category in &categories {
            *figures.by_category.entry(*category).or_default() += 1;
        }
        if let Some(top) = categories.first() {
            *figures.by_top_category.entry(*top).or_default() += 1;
        }
        if let Some(days) = oldest {
            *figures
                .freshness
                .entry(FreshnessBucket::of_age(days))
                .or_default() += 1;
        }
        if !issues.is_empty() {
            let score = categories.iter().map(|c| c.weight()).sum();
            self.rows.push(RecordQuality {
                line,
                id,
                name: record.map(|r| r.name().to_owned()),
                authority: Some(key),
                oldest_update_days: oldest,
                score,
                issues,
            });
        }
    }

    /// The report, with `check`'s counts.
    pub fn finish(mut self, summary: &CheckSummary) -> QualityReport {
        self.rows.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(b.oldest_update_days.cmp(&a.oldest_update_days))
                .then(a.line.cmp(&b.line))
        });
        let mut authorities: Vec<AuthorityQuality> = Authority::ALL
            .iter()
            .filter_map(|a| self.authorities.remove(a.code()))
            .collect();
        authorities.extend(self.authorities.remove(UNKNOWN_AUTHORITY));
        QualityReport {
            today: self.today,
            catalogue: self.catalogue,
            records: summary.records,
            accepted: summary.accepted,
            rejected: summary.rejected,
            warnings: summary.warnings,
            authorities,
            records_with_issues: self.rows,
        }
    }
}

/// One issue for each part of the record that the freshness rule calls stale.
fn stale_parts(record: &Record, today: Date) -> Vec<Issue> {
    // (field, the part, its date)
    let parts: Vec<(&str, RecordPart, Date)> = match record {
        Record::Offer(o) => vec![
            ("updated.general", RecordPart::General, o.updated.general),
            ("updated.places", RecordPart::Places, o.updated.places),
            ("updated.services", RecordPart::Services, o.updated.services),
            ("updated.economy", RecordPart::Economy, o.updated.economy),
            ("updated.approach", RecordPart::Approach, o.updated.approach),
        ],
        Record::FosterFamily(f) => vec![("updated", RecordPart::Family, f.updated)],
    };
    parts
        .into_iter()
        .filter_map(|(field, part, date)| {
            let days = date.days_until(today);
            (Part::Record.freshness(date, today) == Freshness::Stale).then(|| Issue {
                category: if part == RecordPart::Economy {
                    Category::StaleEconomy
                } else {
                    Category::Stale
                },
                field: field.to_owned(),
                message: format!("not updated since {date} ({days} days)"),
                sentence: Sentence::Stale {
                    part,
                    since: date,
                    days,
                },
            })
        })
        .collect()
}

fn authority_of(record: &Record) -> Authority {
    match record {
        Record::Offer(o) => o.supervision.authority,
        Record::FosterFamily(f) => f.authority,
    }
}

fn oldest_update(record: &Record) -> Date {
    match record {
        Record::Offer(o) => o.updated.oldest(),
        Record::FosterFamily(f) => f.updated,
    }
}

fn marking_of(record: &Record) -> Option<(Date, &str)> {
    match record {
        Record::Offer(o) => o
            .supervision
            .marking
            .as_ref()
            .map(|m| (m.date, m.reason.as_str())),
        Record::FosterFamily(_) => None,
    }
}

impl QualityReport {
    /// Records with issues for one authority, most important first, at most `limit`.
    pub fn listed_for<'a>(
        &'a self,
        authority: &'a str,
        limit: usize,
    ) -> impl Iterator<Item = &'a RecordQuality> + 'a {
        self.records_with_issues
            .iter()
            .filter(move |r| r.authority.as_deref() == Some(authority))
            .take(limit)
    }
}
