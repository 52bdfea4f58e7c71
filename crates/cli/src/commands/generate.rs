//! `tilbudsfinder generate`: writes a deterministic, realistic sample catalogue as JSON Lines.
//!
//! The same flags give byte-identical output on every machine (see `sample::generate`).
//! Records stream straight to the output, so a million records take as little memory as ten.
//! A progress bar is drawn only when stderr is a terminal; in pipes and CI the command is quiet
//! except for a one-line summary on stderr when writing to a file.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use catalogue::Date;
use indicatif::{ProgressBar, ProgressStyle};
use sample::generate::{
    write_jsonl, Generator, GeneratorOptions, NATIONAL_FOSTER_FAMILIES, NATIONAL_OFFERS,
};

/// Flags of `generate`.
#[derive(clap::Args)]
pub struct Args {
    /// Number of offers (tilbud) to generate.
    #[arg(long, default_value_t = NATIONAL_OFFERS)]
    pub offers: u64,
    /// Number of foster families (plejefamilier) to generate, after the offers.
    #[arg(long = "foster-families", default_value_t = NATIONAL_FOSTER_FAMILIES)]
    pub foster_families: u64,
    /// Seed: the same seed and flags give the same catalogue, byte for byte.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The day the sample is "as of" (YYYY-MM-DD): all its dates count back from it.
    /// Defaults to today's date (UTC); pass it to make runs on different days identical.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Runs `generate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = GeneratorOptions {
        offers: args.offers,
        foster_families: args.foster_families,
        seed: args.seed,
        today: args.today.unwrap_or_else(Date::today),
    };
    let total = options.offers.saturating_add(options.foster_families);
    let bar = progress_bar(total);
    let started = Instant::now();
    let result = match &args.out {
        Some(path) => {
            let file = File::create(path)
                .with_context(|| format!("{}: cannot create the catalogue file", path.display()))?;
            write_jsonl(Generator::new(options), file, |n| bar.set_position(n))
                .with_context(|| format!("{}: failed to write the catalogue", path.display()))
        }
        None => {
            let stdout = io::stdout().lock();
            match write_jsonl(Generator::new(options), stdout, |n| bar.set_position(n)) {
                // A reader that stops early (`| head`) is not an error.
                Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(0),
                other => other.context("failed to write the catalogue to standard output"),
            }
        }
    };
    bar.finish_and_clear();
    let written = result?;
    if let Some(path) = &args.out {
        let seconds = started.elapsed().as_secs_f64();
        let mut stderr = io::stderr().lock();
        // The summary is informative only; failing to print it is not a failed run.
        let _ = writeln!(
            stderr,
            "generated {written} records ({} offers, {} foster families, seed {}, as of {}) in {seconds:.1} s: {}",
            options.offers,
            options.foster_families,
            options.seed,
            options.today,
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on a terminal; a hidden one (drawing nothing) in pipes and CI.
fn progress_bar(total: u64) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} generating [{bar:40}] {human_pos}/{human_len} records ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_written_is_the_library_sample_byte_for_byte() {
        let today = Date::parse("2026-11-22").expect("a date");
        let path = std::env::temp_dir().join(format!(
            "tilbudsfinder-generate-{}.jsonl",
            std::process::id()
        ));
        let args = Args {
            offers: 40,
            foster_families: 30,
            seed: 9,
            today: Some(today),
            out: Some(path.clone()),
        };
        let code = run(args).expect("generate succeeds");
        assert_eq!(code, ExitCode::SUCCESS);
        let written = std::fs::read(&path).expect("the file exists");
        let _ = std::fs::remove_file(&path);
        let mut expected = Vec::new();
        let options = GeneratorOptions {
            offers: 40,
            foster_families: 30,
            seed: 9,
            today,
        };
        write_jsonl(Generator::new(options), &mut expected, |_| {}).expect("in memory");
        assert!(
            written == expected,
            "the command's file differs from the library's output"
        );
        assert_eq!(written.iter().filter(|b| **b == b'\n').count(), 70);
    }

    #[test]
    fn an_unwritable_path_is_an_error_naming_it() {
        let args = Args {
            offers: 1,
            foster_families: 0,
            seed: 1,
            today: Date::parse("2026-11-22").ok(),
            out: Some(PathBuf::from("/nonexistent-dir/sample.jsonl")),
        };
        let err = run(args).expect_err("cannot create the file");
        assert!(
            format!("{err:#}").contains("/nonexistent-dir/sample.jsonl"),
            "{err:#}"
        );
    }
}
