//! `tilbudsfinder report CATALOGUE --out DIR [--lang da|en]`: the data-quality report for the
//! supervising authorities, as static HTML pages (`index.html` with the overview and a table of
//! contents, `tilsyn-CODE.html` for each authority's records, `report.css`) in Danish or
//! English, and as `report.json` (the same in either language).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use catalogue::check::{check_stream, CheckOptions};
use catalogue::Date;
use tilbudsfinder_report::{html, Lang, ReportBuilder};

use super::catalogue_input::{open_catalogue, shown_name, STDIN};

/// Flags of `report`.
#[derive(clap::Args)]
pub struct Args {
    /// The catalogue (JSON Lines); `-` reads standard input.
    pub catalogue: PathBuf,
    /// Folder to write the pages, `report.css` and `report.json` into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// The language of the pages.
    #[arg(long, value_enum, default_value_t = LangArg::Da)]
    pub lang: LangArg,
    /// The day to judge freshness by (YYYY-MM-DD); today by default.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
}

/// The languages of the report's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Danish.
    Da,
    /// English.
    En,
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::Da => Lang::Da,
            LangArg::En => Lang::En,
        }
    }
}

/// The catalogue's name as the report shows it: the file's name, without the folders.
fn report_name(path: &Path) -> String {
    if path.as_os_str() == STDIN {
        return shown_name(path);
    }
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Runs `report`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let today = args.today.unwrap_or_else(Date::today);
    let (input, progress) = open_catalogue(&args.catalogue, "reporting")?;
    let mut builder = ReportBuilder::new(report_name(&args.catalogue), today);
    let summary = check_stream(input, &CheckOptions { today }, |outcome| {
        builder.add(&outcome)
    })
    .with_context(|| {
        format!(
            "{}: failed while reading the catalogue",
            shown_name(&args.catalogue)
        )
    })?;
    progress.writing("writing the report");
    let report = builder.finish(&summary);

    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create the folder", args.out.display()))?;
    let write = |file: &str, bytes: &[u8]| {
        let path = args.out.join(file);
        std::fs::write(&path, bytes).with_context(|| format!("{}: cannot write", path.display()))
    };
    for page in html::pages(&report, args.lang.lang()) {
        write(&page.file, page.html.as_bytes())?;
    }
    write("report.css", html::STYLESHEET.as_bytes())?;
    write("report.json", &serde_json::to_vec_pretty(&report)?)?;
    progress.finish();
    eprintln!(
        "report: {} records ({} accepted, {} rejected, {} with something to report) -> {}",
        report.records,
        report.accepted,
        report.rejected,
        report.records_with_issues.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
