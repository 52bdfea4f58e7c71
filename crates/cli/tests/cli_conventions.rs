//! The command line's conventions (issue 17, item 5): `-` reads the catalogue from standard
//! input wherever a catalogue is read; the progress bar counts bytes against the known size with
//! the time left, on a terminal only; `--mode`, `--sort` and `--price-basis` are checked by clap
//! against the values `--help` lists.

mod scratch;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use scratch::{cli, Scratch};

const TODAY: &str = "2026-11-22";

/// A scratch directory of its own with a small generated catalogue (`catalogue.jsonl`).
fn scratch_with_catalogue(label: &str) -> Scratch {
    let scratch = Scratch::new("conventions", label);
    let out = cli()
        .args([
            "generate",
            "--offers",
            "60",
            "--foster-families",
            "40",
            "--seed",
            "23",
        ])
        .args(["--today", TODAY, "--out"])
        .arg(scratch.path("catalogue.jsonl"))
        .output()
        .expect("generate");
    assert!(out.status.success(), "{out:?}");
    scratch
}

/// `tilbudsfinder COMMAND CATALOGUE --out OUT --today TODAY`: a command that writes a folder
/// (build, report) from a catalogue (`-` for standard input), ready to run or to pipe into.
fn writing(command: &str, catalogue: &Path, out: &Path) -> Command {
    let mut writing = cli();
    writing
        .arg(command)
        .arg(catalogue)
        .arg("--out")
        .arg(out)
        .args(["--today", TODAY]);
    writing
}

/// Runs `command` with `input` piped to its standard input (a pipe: no size to know).
fn piped(command: &mut Command, input: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("wait")
}

/// The files of a directory and their bytes, sorted by name.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn dash_reads_the_catalogue_from_standard_input_in_build_report_check_and_relevance() {
    let scratch = scratch_with_catalogue("stdin");
    let catalogue = std::fs::read(scratch.path("catalogue.jsonl")).expect("catalogue");

    let from_file = writing(
        "build",
        &scratch.path("catalogue.jsonl"),
        &scratch.path("index-file"),
    )
    .output()
    .expect("build");
    assert!(from_file.status.success(), "{from_file:?}");
    let from_stdin = piped(
        &mut writing("build", Path::new("-"), &scratch.path("index-stdin")),
        &catalogue,
    );
    assert!(from_stdin.status.success(), "{from_stdin:?}");
    assert_eq!(
        contents(&scratch.path("index-stdin")),
        contents(&scratch.path("index-file")),
        "the same index from standard input as from the file"
    );
    // Standard error is not a terminal here: no progress bar, nothing at all.
    assert_eq!(String::from_utf8_lossy(&from_stdin.stderr), "");

    let report = piped(
        &mut writing("report", Path::new("-"), &scratch.path("report")),
        &catalogue,
    );
    assert!(report.status.success(), "{report:?}");
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(scratch.path("report/report.json")).expect("report.json"),
    )
    .expect("JSON");
    assert_eq!(json["records"], 100);
    // Only the summary line: no progress bar.
    let stderr = String::from_utf8_lossy(&report.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("report: 100 records"), "{stderr}");

    let check = piped(cli().args(["check", "-", "--today", TODAY]), &catalogue);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("100 records: "), "{stdout}");

    let relevance = piped(
        cli()
            .args(["relevance", "-"])
            .arg(scratch.path("index-file"))
            .args(["--today", TODAY, "--json"]),
        &catalogue,
    );
    assert!(relevance.status.success(), "{relevance:?}");
    let measures: serde_json::Value = serde_json::from_slice(&relevance.stdout).expect("JSON");
    assert!(
        measures["measures"]["queries"].as_u64().is_some(),
        "{measures}"
    );
}

#[test]
fn a_missing_catalogue_is_named_in_a_clear_error_by_every_command() {
    for command in [
        &["build", "--out", "/tmp/unused-index"][..],
        &["report", "--out", "/tmp/unused-report"],
        &["check"],
    ] {
        let out = cli()
            .args(command)
            .arg("/nonexistent/catalogue.jsonl")
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {stderr}");
        assert!(
            stderr.contains("/nonexistent/catalogue.jsonl: cannot open the catalogue"),
            "{command:?}: {stderr}"
        );
    }
}

#[test]
fn on_a_terminal_the_bar_counts_bytes_against_the_size_with_the_time_left() {
    let scratch = scratch_with_catalogue("terminal");
    let size = std::fs::metadata(scratch.path("catalogue.jsonl"))
        .expect("size")
        .len();
    let bin = env!("CARGO_BIN_EXE_tilbudsfinder");
    for (verb, command) in [
        (
            "building",
            format!(
                "{bin} build {} --out {} --today {TODAY}",
                scratch.path("catalogue.jsonl").display(),
                scratch.path("index").display()
            ),
        ),
        // Standard input redirected from a file: its size is known too.
        (
            "reporting",
            format!(
                "{bin} report - --out {} --today {TODAY} < {}",
                scratch.path("report").display(),
                scratch.path("catalogue.jsonl").display()
            ),
        ),
        (
            "checking",
            format!(
                "{bin} check {} --today {TODAY} > /dev/null",
                scratch.path("catalogue.jsonl").display()
            ),
        ),
    ] {
        // `script` runs the command on a pseudo-terminal and copies what it drew.
        let out = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .stdin(Stdio::null())
            .output()
            .expect("run script (util-linux)");
        assert!(out.status.success(), "{verb}: {out:?}");
        let drawn = String::from_utf8_lossy(&out.stdout);
        assert!(drawn.contains(verb), "{verb}: {drawn}");
        let total = format!("/{:.2} KiB", size as f64 / 1024.0);
        assert!(
            drawn.contains(&total),
            "{verb}: the size {total} in {drawn}"
        );
        assert!(drawn.contains(" left)"), "{verb}: the time left in {drawn}");
    }
}

#[test]
fn value_enums_list_their_values_in_help_and_reject_others() {
    let help = cli().args(["query", "--help"]).output().expect("help");
    let help = String::from_utf8_lossy(&help.stdout);
    for value in [
        "offers",
        "families",
        "price_asc",
        "free_places",
        "day",
        "hour",
        "course",
    ] {
        assert!(help.contains(&format!("- {value}:")), "{value} in\n{help}");
    }
    for (flag, bad, listed) in [
        ("--mode", "family", "[possible values: offers, families]"),
        ("--sort", "cheapest", "price_asc"),
        (
            "--price-basis",
            "week",
            "[possible values: day, hour, course]",
        ),
    ] {
        let out = cli()
            .args(["query", "/nonexistent-index", flag, bad])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag} {bad}: {stderr}");
        assert!(
            stderr.contains(&format!("invalid value '{bad}' for '{flag}")),
            "{flag} {bad}: {stderr}"
        );
        assert!(stderr.contains(listed), "{flag} {bad}: {stderr}");
    }
}
