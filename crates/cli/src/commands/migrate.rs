//! `tilbudsfinder migrate OLD.jsonl > NEW.jsonl`: rewrites a catalogue of an earlier format to
//! the current one (see `docs/catalogue.md`, "Catalogue format version").
//!
//! Standard output gets every record that could be migrated, one a line: old codes with one
//! meaning are rewritten, everything else is copied. Standard error gets one line per field a
//! person must decide, `FILE:LINE: FIELD: MESSAGE` (an old "opholdssted" code that may mean
//! BL § 43, stk. 1, nr. 6 or nr. 7, an abolished foster-family type), and per line that is not a
//! JSON object; such a record is not written. Then a summary in which `records = written +
//! reported`: nothing is dropped silently.
//!
//! Exit status: 0 when every record was written, 1 when some were reported, 2 when the input
//! cannot be read or the output written.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use catalogue::migrate::{migrate, MigrationReport};

use super::catalogue_input::{open_catalogue, shown_name};

/// Flags of `migrate`.
#[derive(clap::Args)]
pub struct Args {
    /// The catalogue to migrate, a JSON Lines file; `-` reads standard input.
    pub catalogue: PathBuf,
}

/// Runs `migrate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let shown = shown_name(&args.catalogue);
    let (input, progress) = open_catalogue(&args.catalogue, "migrating")?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let mut report_failed = None;
    let summary = migrate(input, &mut out, |r: MigrationReport| {
        let id = r.id.map(|id| format!(" ({id})")).unwrap_or_default();
        let written = progress
            .suspend(|| writeln!(err, "{shown}:{}:{id} {}: {}", r.line, r.field, r.message));
        if let Err(e) = written {
            report_failed.get_or_insert(e);
        }
    })
    .with_context(|| format!("{shown}: cannot migrate"))?;
    progress.finish();
    if let Some(e) = report_failed {
        return Err(e).context("cannot write to standard error");
    }
    out.flush().context("cannot write to standard output")?;
    writeln!(
        err,
        "{} records: {} written ({} with {} codes rewritten), {} reported for a person to decide",
        summary.records,
        summary.written,
        summary.rewritten,
        summary.codes_rewritten,
        summary.reported
    )
    .context("cannot write to standard error")?;
    Ok(if summary.reported > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
