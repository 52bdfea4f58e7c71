//! `check`: every field of every record, every time.
//!
//! [`check_stream`] reads a catalogue with [`crate::read::CatalogueReader`] and hands each
//! record's [`Outcome`] to a callback, in file order: accepted (with any warnings) or rejected
//! (with its findings). The index build uses it as its only way into a catalogue, so what `check`
//! accepts is exactly what gets indexed.
//!
//! - An **error** means the record cannot be indexed: it would give wrong answers (a children's
//!   offer found by an adults' search, a free place that does not exist), cannot be shown safely
//!   (a `javascript:` link, a bidi override in a name), or cannot be identified (a duplicate id).
//! - A **warning** means it can be indexed, but a caseworker should know: stale data, free places
//!   not reported lately, a missing phone number.
//!
//! The rules, with their thresholds and the reasons for each severity, are listed in
//! `docs/catalogue.md`; each rule lives in the module for the part of the record it reads:
//! [`identity`] (ids, names, CVR, P-numbers, duplicates), [`places`] (addresses, legal bases,
//! places, free places), [`services`] (ages, target groups, rates, rent, quality),
//! [`contacts`], [`dates`] (freshness and dates in the future), [`supervision`] (authority,
//! approval, marking) and [`foster_family`]. [`text`] holds the checks every text field gets.
//!
//! # Accounting
//! Every non-blank line is one record: `records == accepted + rejected`, always, including lines
//! that are not JSON at all. Only an I/O error of the input stops the stream.
//!
//! # Memory
//! One line at a time, plus the set of ids seen so far (record ids and department ids, stored as
//! 128-bit hashes with the line that first used them), which is what duplicate detection needs.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};
#[cfg(feature = "read")]
use std::io::{self, BufRead};

use crate::date::Date;
use crate::model::Record;
#[cfg(feature = "read")]
use crate::read::{CatalogueReader, ReadLine};

pub mod contacts;
pub mod dates;
pub mod foster_family;
pub mod identity;
pub mod places;
pub mod services;
pub mod supervision;
pub mod text;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The record cannot be indexed.
    Error,
    /// The record can be indexed, but a caseworker should know.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing `check` found about one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Line number in the catalogue (1-based).
    pub line: u64,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// Path of the field, e.g. `services[1].rates[0].unit`; `(line)` or `(json)` when the line
    /// could not be read as a record at all.
    pub field: String,
    /// Error or warning.
    pub severity: Severity,
    /// What was found and what is expected.
    pub message: String,
}

/// What `check` needs to know besides the records.
#[derive(Clone, Copy, Debug)]
pub struct CheckOptions {
    /// The day to check against: dates after it are in the future, dates long before it stale.
    pub today: Date,
}

/// What happened to one record.
#[derive(Clone, Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "each outcome is moved once, to the callback; boxing would cost an allocation per record"
)]
pub enum Outcome {
    /// The record may be indexed.
    Accepted {
        /// Line number.
        line: u64,
        /// The record.
        record: Record,
        /// Warnings about it (never errors).
        warnings: Vec<Finding>,
    },
    /// The record must not be indexed.
    Rejected {
        /// Line number.
        line: u64,
        /// The record's id, when it could be read.
        id: Option<String>,
        /// Its findings: at least one error, and any warnings.
        findings: Vec<Finding>,
    },
}

/// Counts over a whole catalogue. `records == accepted + rejected`, always.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckSummary {
    /// Non-blank lines read.
    pub records: u64,
    /// Records with no error.
    pub accepted: u64,
    /// Records with at least one error.
    pub rejected: u64,
    /// Warnings over all records, accepted or rejected.
    pub warnings: u64,
    /// Errors over all records.
    pub errors: u64,
}

impl CheckSummary {
    /// Adds one outcome to the counts.
    pub fn count(&mut self, outcome: &Outcome) {
        self.records += 1;
        match outcome {
            Outcome::Accepted { warnings, .. } => {
                self.accepted += 1;
                self.warnings += warnings.len() as u64;
            }
            Outcome::Rejected { findings, .. } => {
                self.rejected += 1;
                for finding in findings {
                    match finding.severity {
                        Severity::Error => self.errors += 1,
                        Severity::Warning => self.warnings += 1,
                    }
                }
            }
        }
    }
}

/// Reads, checks and hands each record's outcome to `on_outcome`, in file order. `Err` only for
/// I/O errors of the reader itself.
#[cfg(feature = "read")]
pub fn check_stream<R: BufRead>(
    input: R,
    options: &CheckOptions,
    mut on_outcome: impl FnMut(Outcome),
) -> io::Result<CheckSummary> {
    let mut checker = Checker::new(*options);
    let mut summary = CheckSummary::default();
    for line in CatalogueReader::new(input) {
        let outcome = checker.check_line(line?);
        summary.count(&outcome);
        on_outcome(outcome);
    }
    Ok(summary)
}

/// Checks records one after another, remembering what duplicate detection needs across them.
pub struct Checker {
    options: CheckOptions,
    ids: IdRegistry,
}

impl Checker {
    /// A checker with no records seen yet.
    pub fn new(options: CheckOptions) -> Self {
        Checker {
            options,
            ids: IdRegistry::default(),
        }
    }

    /// The outcome of one line as the reader gave it.
    #[cfg(feature = "read")]
    pub fn check_line(&mut self, line: ReadLine) -> Outcome {
        match line.result {
            Ok(record) => self.check_record(line.line, record),
            Err(err) => {
                let id = err.id().map(str::to_owned);
                let finding = Finding {
                    line: line.line,
                    id: id.clone(),
                    field: err.field(),
                    severity: Severity::Error,
                    message: err.to_string(),
                };
                Outcome::Rejected {
                    line: line.line,
                    id,
                    findings: vec![finding],
                }
            }
        }
    }

    /// The outcome of one parsed record found on `line`.
    pub fn check_record(&mut self, line: u64, record: Record) -> Outcome {
        // A rejected record's id may be anything: escaped like all catalogue text in findings.
        let id = text::printable(record.id()).into_owned();
        let mut report = Report::new(line, Some(id), self.options.today);
        match &record {
            Record::Offer(offer) => {
                identity::offer(&mut report, offer, &mut self.ids);
                places::offer(&mut report, offer);
                services::offer(&mut report, offer);
                contacts::contact(&mut report, "contact", &offer.contact);
                dates::offer(&mut report, offer);
                supervision::offer(&mut report, offer);
            }
            Record::FosterFamily(family) => {
                identity::foster_family(&mut report, family, &mut self.ids);
                foster_family::check(&mut report, family);
                contacts::contact(&mut report, "contact", &family.contact);
                dates::foster_family(&mut report, family);
                supervision::foster_family(&mut report, family);
            }
        }
        let prefix = match &record {
            Record::Offer(_) => "supervision.",
            Record::FosterFamily(_) => "",
        };
        supervision::oversight(&mut report, prefix, &record);
        report.into_outcome(record)
    }
}

/// The ids seen so far, as 128-bit hashes with the line that first used each: 24 bytes an id
/// however long it is. Two different ids share a hash with probability about n²/2¹²⁹, nil for any
/// catalogue.
#[derive(Default)]
pub(crate) struct IdRegistry {
    records: SeenIds,
    departments: SeenIds,
}

type SeenIds = HashMap<IdHash, u64, BuildHasherDefault<PassThrough>>;

/// An id's xxh3-128 hash, as two words so that it needs 8-byte, not 16-byte, alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
struct IdHash(u64, u64);

impl Hash for IdHash {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Already a good hash: the map needs only one word of it.
        state.write_u64(self.0);
    }
}

/// A hasher for keys that are hashes already: passes their word through.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not used by `IdHash`; folds bytes in so the hasher stays correct for any key.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl IdRegistry {
    /// Registers a record id; the line that used it first if it was already used.
    pub(crate) fn record(&mut self, id: &str, line: u64) -> Option<u64> {
        register(&mut self.records, id, line)
    }

    /// Registers a department id; the line that used it first if it was already used.
    pub(crate) fn department(&mut self, id: &str, line: u64) -> Option<u64> {
        register(&mut self.departments, id, line)
    }
}

fn register(seen: &mut SeenIds, id: &str, line: u64) -> Option<u64> {
    let hash = xxhash_rust::xxh3::xxh3_128(id.as_bytes());
    let key = IdHash(hash as u64, (hash >> 64) as u64);
    match seen.entry(key) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(line);
            None
        }
    }
}

/// The findings about one record as the rules add them.
pub(crate) struct Report {
    line: u64,
    id: Option<String>,
    today: Date,
    findings: Vec<Finding>,
}

impl Report {
    fn new(line: u64, id: Option<String>, today: Date) -> Self {
        Report {
            line,
            id,
            today,
            findings: Vec::new(),
        }
    }

    /// The day the catalogue is checked against.
    pub(crate) fn today(&self) -> Date {
        self.today
    }

    /// The line the record is on.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Adds an error about `field`.
    pub(crate) fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.add(Severity::Error, field.into(), message.into());
    }

    /// Adds a warning about `field`.
    pub(crate) fn warning(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.add(Severity::Warning, field.into(), message.into());
    }

    fn add(&mut self, severity: Severity, field: String, message: String) {
        self.findings.push(Finding {
            line: self.line,
            id: self.id.clone(),
            field,
            severity,
            message,
        });
    }

    fn into_outcome(self, record: Record) -> Outcome {
        if self.findings.iter().any(|f| f.severity == Severity::Error) {
            Outcome::Rejected {
                line: self.line,
                id: self.id,
                findings: self.findings,
            }
        } else {
            Outcome::Accepted {
                line: self.line,
                record,
                warnings: self.findings,
            }
        }
    }
}

/// Warns on each item of the list at `path` that repeats an earlier one, on `path[i]` with
/// `say(item)` as the message: a list of codes names each code once.
pub(crate) fn listed_once<T: Copy + Eq + Hash>(
    report: &mut Report,
    path: &str,
    items: &[T],
    say: impl Fn(T) -> String,
) {
    let mut seen = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        if !seen.insert(*item) {
            report.warning(format!("{path}[{i}]"), say(*item));
        }
    }
}

/// `value` for a message: strings quoted and cut to 60 characters, so a 100 KB value stays short.
pub(crate) fn quoted(value: &str) -> String {
    const KEEP: usize = 60;
    match value.char_indices().nth(KEEP) {
        Some((at, _)) => format!("{:?}…", &value[..at]),
        None => format!("{value:?}"),
    }
}

/// A number for a message: integers without a fraction, others as written.
pub(crate) fn number(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
pub(crate) mod test_support;
