//! `tilbudsfinder`: check a catalogue, migrate one of an earlier format, generate a sample, build
//! the index, query it, report on data quality, precompress and serve a built site. Each subcommand lives in
//! its own module under `commands/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod site_files;

/// Fast, trustworthy search for Danish social offers, from a static index.
#[derive(Parser)]
#[command(name = "tilbudsfinder", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every field of every record of a catalogue and report errors and warnings.
    Check(commands::check::Args),
    /// Generate a deterministic, realistic sample catalogue.
    Generate(commands::generate::Args),
    /// Check a catalogue and compile it into index files.
    Build(commands::build::Args),
    /// Rewrite a catalogue of an earlier format to this one; report what a person must decide.
    Migrate(commands::migrate::Args),
    /// Run a search against a built index and print the answer.
    Query(commands::query::Args),
    /// Places and free places of a search's matches by target group, region, family type and age.
    Capacity(commands::capacity::Args),
    /// Write the data-quality report for the supervising authorities (HTML and JSON).
    Report(commands::report::Args),
    /// Write the gzipped copy FILE.gz beside every compressible file of a built site.
    Precompress(commands::precompress::Args),
    /// Serve a built site on 127.0.0.1.
    Serve(commands::serve::Args),
    /// Measure the text search against a judged query set (zero results, recall, precision@10).
    Relevance(commands::relevance::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Generate(args) => commands::generate::run(args),
        Command::Build(args) => commands::build::run(args),
        Command::Migrate(args) => commands::migrate::run(args),
        Command::Query(args) => commands::query::run(args),
        Command::Capacity(args) => commands::capacity::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Precompress(args) => commands::precompress::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Relevance(args) => commands::relevance::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("tilbudsfinder: {err:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::Date;

    /// Every `--today` is a `catalogue::Date` parsed by its one `FromStr`: a real day is taken, a
    /// day not in the calendar or another layout is refused with the parser's own sentence.
    #[test]
    fn every_today_flag_takes_a_real_date_and_names_a_wrong_one() {
        let commands = ["check", "generate", "build", "query", "relevance", "report"];
        for command in commands {
            for (text, reason) in [
                ("2026-02-30", "not a day in the calendar"),
                ("22-11-2026", "expected a date as YYYY-MM-DD"),
            ] {
                let args = ["tilbudsfinder", command, "--today", text];
                let err = match Cli::try_parse_from(args) {
                    Ok(_) => panic!("{command} --today {text} was accepted"),
                    Err(err) => err,
                };
                assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
                assert!(err.to_string().contains(reason), "{command}: {err}");
            }
        }
        let parsed = Cli::try_parse_from(["tilbudsfinder", "generate", "--today", "2026-11-22"]);
        match parsed.map(|cli| cli.command) {
            Ok(Command::Generate(args)) => assert_eq!(args.today, Date::parse("2026-11-22").ok()),
            _ => panic!("generate --today 2026-11-22 was not parsed"),
        }
    }
}
