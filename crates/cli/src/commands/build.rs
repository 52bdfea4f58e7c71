//! `tilbudsfinder build CATALOGUE --out DIR`: checks a catalogue and writes its index.
//!
//! Every record goes through the same checks as `tilbudsfinder check`; rejected records are not
//! indexed but listed in `DIR/rejected.jsonl` (one JSON object a line: line, id, findings), which
//! is a report beside the index, not part of it. Data files are written first and
//! `manifest.json` last (through a rename), so a reader never sees a manifest whose files are
//! missing; `rejected.jsonl` is written beside it under a temporary name and renamed only once
//! the manifest is in place, so a build that fails leaves the previous build's report (and
//! manifest) as they were. Files of earlier builds are kept, so a visitor who loaded the old
//! manifest mid-deploy can still fetch its files; `--prune` removes the ones the new manifest
//! does not list.
//!
//! Every file it writes gets its deterministic gzipped copy beside it (`FILE.gz`, see
//! `site_files`), written right after the file, so a host serving precompressed files never
//! needs to compress and never serves an earlier build's `manifest.json.gz` with this one's
//! manifest.
//!
//! Exit status: 0 when the index was written (even if records were rejected: the summary says
//! how many); 2 when the catalogue cannot be read or the index cannot be written.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use catalogue::check::{check_stream, CheckOptions, Finding, Outcome};
use catalogue::Date;
use tilbudsfinder_index::{BuildOptions, FileKind, IndexBuilder, Manifest, MANIFEST_NAME};

use super::catalogue_input::{open_catalogue, shown_name};
use super::write_stdout;
use crate::site_files;

/// Flags of `build`.
#[derive(clap::Args)]
pub struct Args {
    /// The catalogue: JSON Lines, one offer or foster family a line; `-` reads standard input.
    pub catalogue: PathBuf,
    /// Directory to write the index into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// The day to check the catalogue against, YYYY-MM-DD (default: today, UTC). Recorded in the
    /// manifest; nothing in the index depends on it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// Remove data files of earlier builds that the new manifest does not list.
    #[arg(long)]
    pub prune: bool,
}

/// Runs `build`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let today = args.today.unwrap_or_else(Date::today);
    let shown = shown_name(&args.catalogue);
    let (input, progress) = open_catalogue(&args.catalogue, "building")?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create the output directory", args.out.display()))?;
    let rejected_path = args.out.join("rejected.jsonl");
    let rejected_tmp = PendingFile::new(args.out.join(".rejected.jsonl.tmp"));
    let mut rejected = BufWriter::new(
        File::create(&rejected_tmp.path)
            .with_context(|| format!("{}: cannot write", rejected_tmp.path.display()))?,
    );

    let mut builder = IndexBuilder::new(BuildOptions {
        today: Some(today),
        ..BuildOptions::default()
    });
    let mut written: Vec<(String, u64, u64)> = Vec::new();
    let summary = check_stream(input, &CheckOptions { today }, |outcome| match outcome {
        Outcome::Accepted { record, .. } => builder.add(&record),
        Outcome::Rejected { line, id, findings } => {
            let entry = serde_json::json!({
                "line": line,
                "id": id,
                "findings": findings.iter().map(finding_json).collect::<Vec<_>>(),
            });
            let _ = writeln!(rejected, "{entry}");
        }
    });
    let summary = match summary {
        Ok(summary) => summary,
        Err(err) => {
            progress.finish();
            eprintln!("tilbudsfinder: {shown}: cannot read the catalogue: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    progress.writing("writing the index");
    rejected
        .flush()
        .with_context(|| format!("{}: cannot write", rejected_path.display()))?;
    let files = builder.finish()?;
    for (name, bytes) in &files.files {
        let gz_len = write_data_file(&args.out, name, bytes)?;
        written.push((name.clone(), bytes.len() as u64, gz_len));
    }
    let manifest_path = args.out.join(MANIFEST_NAME);
    let tmp = args.out.join(".manifest.json.tmp");
    std::fs::write(&tmp, &files.manifest)
        .with_context(|| format!("{}: cannot write", tmp.display()))?;
    std::fs::rename(&tmp, &manifest_path)
        .with_context(|| format!("{}: cannot write", manifest_path.display()))?;
    write_gzipped_copy(&manifest_path)?;
    drop(rejected);
    rejected_tmp.persist(&rejected_path)?;
    write_gzipped_copy(&rejected_path)?;
    progress.finish();
    let manifest = Manifest::parse(&files.manifest)?;
    if args.prune {
        prune(&args.out, &manifest)?;
    }

    let indexed = manifest.counts.offers + manifest.counts.foster_families;
    let mut out = String::new();
    writeln!(
        out,
        "records read {} = indexed {} ({} offers, {} foster families) + rejected {}; {} warnings",
        summary.records,
        indexed,
        manifest.counts.offers,
        manifest.counts.foster_families,
        summary.rejected,
        summary.warnings
    )?;
    if summary.rejected > 0 {
        writeln!(
            out,
            "rejected records are listed in {}",
            rejected_path.display()
        )?;
    }
    let kind_of = |name: &str| manifest.file(name).map(|f| f.kind);
    for (label, kinds) in [
        ("initial (before first results)", &[FileKind::Core][..]),
        ("deferred (after first results)", &[FileKind::Text][..]),
        ("details (when a record is opened)", &[FileKind::Detail][..]),
    ] {
        let chosen: Vec<&(String, u64, u64)> = written
            .iter()
            .filter(|(name, _, _)| kind_of(name).is_some_and(|k| kinds.contains(&k)))
            .collect();
        let bytes: u64 = chosen.iter().map(|f| f.1).sum();
        let gz: u64 = chosen.iter().map(|f| f.2).sum();
        let per_record = |b: u64| b as f64 / indexed.max(1) as f64;
        writeln!(
            out,
            "{label}: {} files, {bytes} bytes ({:.1} B/record), {gz} gzipped ({:.1} B/record)",
            chosen.len(),
            per_record(bytes),
            per_record(gz)
        )?;
    }
    writeln!(
        out,
        "wrote {} in {:.1} s",
        args.out.join(MANIFEST_NAME).display(),
        started.elapsed().as_secs_f64()
    )?;
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A file written under a temporary name: removed if the build fails before
/// [`PendingFile::persist`] gives it its real name.
struct PendingFile {
    path: PathBuf,
    persisted: bool,
}

impl PendingFile {
    fn new(path: PathBuf) -> PendingFile {
        PendingFile {
            path,
            persisted: false,
        }
    }

    fn persist(mut self, to: &Path) -> anyhow::Result<()> {
        std::fs::rename(&self.path, to)
            .with_context(|| format!("{}: cannot write", to.display()))?;
        self.persisted = true;
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn finding_json(finding: &Finding) -> serde_json::Value {
    serde_json::json!({
        "field": finding.field,
        "severity": finding.severity.as_str(),
        "message": finding.message,
    })
}

/// Writes a content-named data file and its gzipped copy, each unless an identical one is there
/// already (the name says the content); returns the gzipped copy's length.
fn write_data_file(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<u64> {
    let path = dir.join(name);
    let gz = site_files::gzip(bytes);
    for (path, bytes) in [
        (path.clone(), bytes),
        (site_files::gzipped_path(&path), &gz),
    ] {
        if !std::fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            std::fs::write(&path, bytes)
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
    }
    Ok(gz.len() as u64)
}

/// Writes `FILE.gz` beside a file that was just written.
fn write_gzipped_copy(path: &Path) -> anyhow::Result<()> {
    site_files::write_gzipped_copy(path)
        .with_context(|| format!("{}: cannot write", site_files::gzipped_path(path).display()))?;
    Ok(())
}

/// Removes `*.bin` data files (and their `*.bin.gz`) that the manifest does not list.
fn prune(dir: &Path, manifest: &Manifest) -> anyhow::Result<()> {
    for entry in
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?
    {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let data_name = name.strip_suffix(site_files::GZIP_SUFFIX).unwrap_or(&name);
        let is_data = ["core.", "text.", "detail."]
            .iter()
            .any(|p| data_name.starts_with(p))
            && data_name.ends_with(".bin");
        if is_data && manifest.file(data_name).is_none() {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("{}: cannot remove", entry.path().display()))?;
        }
    }
    Ok(())
}
