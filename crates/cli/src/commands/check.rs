//! `tilbudsfinder check CATALOGUE [--json] [--today YYYY-MM-DD] [--quiet]`: check every field of
//! every record and report what is wrong.
//!
//! Output, by default one line per finding, grep-able, then a summary:
//!
//! ```text
//! catalogue.jsonl:12: error: services[0].age_from: age_from 25 is greater than age_to 18
//! catalogue.jsonl:40: warning: contact.phone: no phone number
//! 6000 records: 5990 accepted, 10 rejected, 812 warnings
//! ```
//!
//! With `--json`, one JSON object instead:
//! `{"records": N, "accepted": A, "rejected": R, "warnings": W, "errors": [{"line": L, "id": ID
//! or null, "field": F, "message": M}, ...], "warnings_list": [...same shape...]}`.
//!
//! Exit status: 0 when no record is rejected, 1 when some are, 2 when the catalogue cannot be
//! read (a missing file, an I/O error midway).
//!
//! Memory stays bounded on any size of catalogue: records are checked one at a time, and the
//! findings of `--json` are spooled to temporary files (the counts must come first in the
//! object but are known only at the end) rather than held in memory.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Seek, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use catalogue::check::text::printable;
use catalogue::check::{check_stream, CheckOptions, CheckSummary, Finding, Outcome, Severity};
use catalogue::Date;

use super::catalogue_input::{open_catalogue, shown_name};
use super::quiet_if_closed;

/// Flags of `check`.
#[derive(clap::Args)]
pub struct Args {
    /// The catalogue, a JSON Lines file; `-` reads standard input.
    pub catalogue: PathBuf,
    /// Print one JSON object (counts, errors and warnings) instead of one line per finding.
    #[arg(long)]
    pub json: bool,
    /// Check against this day (YYYY-MM-DD) instead of today: dates after it are in the future,
    /// and staleness is counted from it. Makes a run reproducible.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// Do not print warnings, only errors and the summary (no effect with --json).
    #[arg(long)]
    pub quiet: bool,
}

/// Runs `check`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = CheckOptions {
        today: args.today.unwrap_or_else(Date::today),
    };
    let shown = shown_name(&args.catalogue);
    let (input, progress) = open_catalogue(&args.catalogue, "checking")?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let summary = if args.json {
        check_json(input, &options, &mut out, &shown)?
    } else {
        check_human(input, &options, &mut out, &shown, args.quiet)?
    };
    progress.finish();
    quiet_if_closed(out.flush())?;
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn findings(outcome: &Outcome) -> &[Finding] {
    match outcome {
        Outcome::Accepted { warnings, .. } => warnings,
        Outcome::Rejected { findings, .. } => findings,
    }
}

/// One line per finding, then the summary.
fn check_human(
    input: impl BufRead,
    options: &CheckOptions,
    out: &mut impl Write,
    shown: &str,
    quiet: bool,
) -> anyhow::Result<CheckSummary> {
    let mut write_error = None;
    let summary = check_stream(input, options, |outcome| {
        for f in findings(&outcome) {
            if write_error.is_some() || (quiet && f.severity == Severity::Warning) {
                continue;
            }
            // Fields and messages quote the catalogue: escaped, so that no forged text can
            // start a line of its own or drive the terminal.
            let written = writeln!(
                out,
                "{shown}:{}: {}: {}: {}",
                f.line,
                f.severity.as_str(),
                printable(&f.field),
                printable(&f.message)
            );
            write_error = written.err();
        }
    })
    .with_context(|| format!("{shown}: cannot read the catalogue"))?;
    if let Some(err) = write_error {
        return stdout_error(err, summary);
    }
    let line = if summary.records == 0 {
        "0 records: the catalogue is empty".to_owned()
    } else {
        format!(
            "{} records: {} accepted, {} rejected, {} warnings",
            summary.records, summary.accepted, summary.rejected, summary.warnings
        )
    };
    if let Err(err) = writeln!(out, "{line}") {
        return stdout_error(err, summary);
    }
    Ok(summary)
}

/// A closed pipe (`check ... | head`) ends output quietly; other write errors are errors.
fn stdout_error(err: io::Error, summary: CheckSummary) -> anyhow::Result<CheckSummary> {
    quiet_if_closed(Err(err)).map(|()| summary)
}

/// One JSON object with the counts and every error and warning.
fn check_json(
    input: impl BufRead,
    options: &CheckOptions,
    out: &mut impl Write,
    shown: &str,
) -> anyhow::Result<CheckSummary> {
    let mut errors = Spool::new().context("cannot create a temporary file")?;
    let mut warnings = Spool::new().context("cannot create a temporary file")?;
    let mut spool_error = None;
    let summary = check_stream(input, options, |outcome| {
        for f in findings(&outcome) {
            let spool = match f.severity {
                Severity::Error => &mut errors,
                Severity::Warning => &mut warnings,
            };
            if spool_error.is_none() {
                spool_error = spool.push(f).err();
            }
        }
    })
    .with_context(|| format!("{shown}: cannot read the catalogue"))?;
    if let Some(err) = spool_error {
        return Err(err).context("cannot write to a temporary file");
    }
    let written = (|| -> io::Result<()> {
        write!(
            out,
            "{{\"records\": {}, \"accepted\": {}, \"rejected\": {}, \"warnings\": {}, \"errors\": [",
            summary.records, summary.accepted, summary.rejected, summary.warnings
        )?;
        errors.copy_to(out)?;
        write!(out, "], \"warnings_list\": [")?;
        warnings.copy_to(out)?;
        writeln!(out, "]}}")
    })();
    match written {
        Err(err) => stdout_error(err, summary),
        Ok(()) => Ok(summary),
    }
}

/// Findings written as comma-separated JSON objects to an unnamed temporary file.
struct Spool {
    file: BufWriter<File>,
    count: u64,
}

impl Spool {
    fn new() -> io::Result<Spool> {
        // The file is removed as soon as it is open, so nothing is left behind on any exit.
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "tilbudsfinder-check-{}-{n}.json",
            std::process::id()
        ));
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        // Unix keeps an open file's data until it is closed; elsewhere a leftover file in the
        // temporary directory is the worst case.
        let _ = std::fs::remove_file(&path);
        Ok(Spool {
            file: BufWriter::new(file),
            count: 0,
        })
    }

    fn push(&mut self, finding: &Finding) -> io::Result<()> {
        if self.count > 0 {
            self.file.write_all(b",")?;
        }
        self.count += 1;
        let entry = serde_json::json!({
            "line": finding.line,
            "id": finding.id,
            "field": finding.field,
            "message": finding.message,
        });
        writeln!(self.file)?;
        serde_json::to_writer(&mut self.file, &entry)?;
        Ok(())
    }

    fn copy_to(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.file.flush()?;
        let file = self.file.get_mut();
        file.rewind()?;
        io::copy(file, out)?;
        if self.count > 0 {
            writeln!(out)?;
        }
        Ok(())
    }
}
