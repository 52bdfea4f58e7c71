//! `tilbudsfinder relevance CATALOGUE INDEX_DIR`: measures the text search against a judged
//! query set (issue 12): each query's relevant records are found from the catalogue's own fields
//! (`tilbudsfinder_index::relevance`), then the index is searched and the zero-result rate, mean
//! recall and mean precision at 10 printed.
//!
//! The side-by-side benchmark uses the same command for the other engines: `--judged FILE`
//! writes each query with its relevant ids, and `--answers FILE` scores another engine's answers
//! (`[{"all": [ids], "top10": [ids]}]`, one per query, in order) instead of ours, so that every
//! engine is scored by one definition of the measures.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use catalogue::check::{check_stream, CheckOptions, Outcome};
use catalogue::Date;
use serde::Deserialize;
use tilbudsfinder_index::relevance::{self, judge, Measures, QueryOutcome};

use super::catalogue_input::{open_catalogue, shown_name};
use super::query::open_index;

/// The judged query set kept in the repository.
const DEFAULT_QUERIES: &str = include_str!("../../../index/tests/relevance/queries.tsv");

/// Flags of `relevance`.
#[derive(clap::Args)]
pub struct Args {
    /// The catalogue the index was built from (JSON Lines); `-` reads standard input.
    pub catalogue: PathBuf,
    /// Directory of the built index (with manifest.json).
    pub index_dir: PathBuf,
    /// A judged query set in the format of crates/index/tests/relevance/queries.tsv (default:
    /// that file, as compiled in).
    #[arg(long)]
    pub queries: Option<PathBuf>,
    /// The day of the search and of the check, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// Write the queries with their relevant record ids as JSON to this file.
    #[arg(long)]
    pub judged: Option<PathBuf>,
    /// Score these answers (another engine's) instead of searching the index.
    #[arg(long)]
    pub answers: Option<PathBuf>,
    /// Print the measures (and each query's outcome) as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Another engine's answer to one query.
#[derive(Deserialize)]
struct Answer {
    all: Vec<String>,
    top10: Vec<String>,
}

/// Runs `relevance`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let today = args.today.unwrap_or_else(Date::today);
    let source = match &args.queries {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the queries", path.display()))?,
        None => DEFAULT_QUERIES.to_string(),
    };
    let queries = relevance::parse_queries(&source).map_err(anyhow::Error::msg)?;
    let (input, progress) = open_catalogue(&args.catalogue, "reading")?;
    let mut records = Vec::new();
    check_stream(input, &CheckOptions { today }, |outcome| {
        if let Outcome::Accepted { record, .. } = outcome {
            records.push(record);
        }
    })
    .with_context(|| format!("{}: failed while reading", shown_name(&args.catalogue)))?;
    progress.finish();
    let judged: Vec<_> = queries.iter().map(|q| judge(q, &records)).collect();
    if let Some(path) = &args.judged {
        let out: Vec<serde_json::Value> = queries
            .iter()
            .zip(&judged)
            .map(|(q, relevant)| {
                serde_json::json!({ "text": q.text, "mode": q.mode, "relevant": relevant })
            })
            .collect();
        std::fs::write(path, serde_json::to_vec(&out)?)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    let outcomes: Vec<QueryOutcome> = match &args.answers {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the answers", path.display()))?;
            let answers: Vec<Answer> = serde_json::from_str(&text)
                .with_context(|| format!("{}: not a list of answers", path.display()))?;
            if answers.len() != queries.len() {
                bail!(
                    "{}: {} answers for {} queries",
                    path.display(),
                    answers.len(),
                    queries.len()
                );
            }
            queries
                .iter()
                .zip(&judged)
                .zip(&answers)
                .map(|((q, rel), a)| QueryOutcome::measure(&q.text, rel, &a.all, &a.top10))
                .collect()
        }
        None => {
            let index = open_index(&args.index_dir)?;
            queries
                .iter()
                .zip(&judged)
                .map(|(q, rel)| {
                    let (all, top10) = relevance::run(&index, q, today);
                    QueryOutcome::measure(&q.text, rel, &all, &top10)
                })
                .collect()
        }
    };
    let measures = Measures::of(&outcomes);
    if args.json {
        let out = serde_json::json!({ "measures": measures, "queries": outcomes });
        println!("{out}");
    } else {
        println!(
            "{} judged queries ({} in the set): zero-result rate {:.1} %, recall {:.3}, precision@10 {:.3}",
            measures.queries,
            queries.len(),
            measures.zero_result_rate * 100.0,
            measures.recall,
            measures.precision_at_10
        );
    }
    Ok(ExitCode::SUCCESS)
}
