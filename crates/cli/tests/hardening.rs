//! Regression tests for the hostile-input probe's findings in the command line (issue 19), each
//! named after its item: output into a closed pipe (4), catalogue text on a terminal (5), a
//! failed build over a previous one (7), and unknown facet values (8).

mod build_support;
mod scratch;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use build_support::{assert_accounting, build, TODAY};
use scratch::{cli, Scratch};

/// A generated sample catalogue in `scratch`.
fn sample(scratch: &Scratch) -> PathBuf {
    let catalogue = scratch.path("catalogue.jsonl");
    let out = cli()
        .args(["generate", "--offers", "300", "--foster-families", "60"])
        .args(["--seed", "19", "--today", TODAY, "--out"])
        .arg(&catalogue)
        .output()
        .expect("run generate");
    assert!(out.status.success(), "{out:?}");
    catalogue
}

/// Runs the command with its standard output closed before it writes: as `… | head -1` ends.
fn with_stdout_closed(command: &mut Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait")
}

#[test]
fn item_4_build_query_and_capacity_end_quietly_when_stdout_is_closed() {
    let scratch = Scratch::new("hardening", "pipe");
    let catalogue = sample(&scratch);
    let index = scratch.path("index");
    let out = with_stdout_closed(
        cli()
            .arg("build")
            .arg(&catalogue)
            .arg("--out")
            .arg(&index)
            .args(["--today", TODAY]),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "build: {stderr}");
    assert!(!stderr.contains("panicked"), "build: {stderr}");
    assert!(index.join("manifest.json").is_file());
    for args in [
        &["query", "--page-size", "100"][..],
        &["query", "--json"],
        &["capacity"],
        &["capacity", "--json"],
    ] {
        let out = with_stdout_closed(cli().arg(args[0]).arg(&index).args(&args[1..]));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn item_5_a_forged_field_name_cannot_forge_a_line_or_send_escapes() {
    let scratch = Scratch::new("hardening", "forged");
    let catalogue = scratch.path("catalogue.jsonl");
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/offer.json"),
    )
    .expect("example");
    let mut record: serde_json::Value = serde_json::from_str(&example).expect("JSON");
    let forged =
        "x\ncatalogue.jsonl:1: warning: name: all is well\u{1b}[2J\u{1b}]0;owned\u{7}\u{202E}";
    record[forged] = serde_json::Value::from(1);
    std::fs::write(&catalogue, format!("{record}\n")).expect("write");
    let out = cli()
        .arg("check")
        .arg(&catalogue)
        .args(["--today", TODAY])
        .output()
        .expect("run check");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        !stdout
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202E}'),
        "{stdout:?}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one finding and the summary: {stdout}");
    assert!(
        lines[0].contains(": error: x\\u{a}catalogue.jsonl:1: warning"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("1 records: 0 accepted, 1 rejected"),
        "{stdout}"
    );

    // The same finding in rejected.jsonl is escaped too.
    let built = build(&catalogue, "forged");
    assert_accounting(&built, &catalogue);
    let finding = &built.rejected[0].findings[0];
    assert!(!finding.0.chars().any(char::is_control), "{finding:?}");
    assert!(!finding.1.chars().any(char::is_control), "{finding:?}");
}

/// Runs `build CATALOGUE --out INDEX`, whatever its outcome.
fn build_into(catalogue: &Path, index: &Path) -> Output {
    cli()
        .arg("build")
        .arg(catalogue)
        .arg("--out")
        .arg(index)
        .args(["--today", TODAY])
        .output()
        .expect("run build")
}

#[test]
fn item_7_a_failed_build_leaves_the_previous_rejected_jsonl_and_manifest() {
    let scratch = Scratch::new("hardening", "failed-build");
    let catalogue = scratch.path("catalogue.jsonl");
    let good = std::fs::read_to_string(sample(&scratch)).expect("sample");
    // One rejected line among good ones, so the first build's report is not empty.
    std::fs::write(&catalogue, format!("{good}{{\"kind\": \"tilbud\"}}\n")).expect("write");
    let index = scratch.path("index");
    let first = build_into(&catalogue, &index);
    assert!(first.status.success(), "{first:?}");
    let rejected_before = std::fs::read(index.join("rejected.jsonl")).expect("rejected.jsonl");
    let manifest_before = std::fs::read(index.join("manifest.json")).expect("manifest.json");
    assert!(!rejected_before.is_empty());

    // A catalogue that cannot be read midway: a directory opens, but does not read.
    let unreadable = scratch.path("not-a-file.jsonl");
    std::fs::create_dir_all(&unreadable).expect("mkdir");
    let failed = build_into(&unreadable, &index);
    assert_eq!(failed.status.code(), Some(2), "{failed:?}");
    assert_eq!(
        std::fs::read(index.join("rejected.jsonl")).expect("rejected.jsonl"),
        rejected_before
    );
    assert_eq!(
        std::fs::read(index.join("manifest.json")).expect("manifest.json"),
        manifest_before
    );
    let leftovers: Vec<String> = std::fs::read_dir(&index)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn item_8_an_unknown_facet_value_is_an_error_listing_near_matches() {
    let scratch = Scratch::new("hardening", "unknown-value");
    let built = build(&sample(&scratch), "unknown-value");
    let query = |filter: &str| {
        cli()
            .arg("query")
            .arg(built.index())
            .args(["--json", "--today", TODAY, "--filter", filter])
            .output()
            .expect("query")
    };
    let known = query("method=KRAP");
    assert!(known.status.success(), "{known:?}");
    let answer: serde_json::Value = serde_json::from_slice(&known.stdout).expect("JSON");
    assert!(answer["total"].as_u64().expect("total") > 0);

    for (filter, suggested) in [
        ("method=krap", "\"KRAP\""),
        ("method=KRAPP", "\"KRAP\""),
        ("region=1O82", "\"1082\""),
    ] {
        let out = query(filter);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{filter}: {stderr}");
        assert!(out.stdout.is_empty(), "{filter}");
        assert!(stderr.contains("has no value"), "{filter}: {stderr}");
        assert!(stderr.contains("did you mean"), "{filter}: {stderr}");
        assert!(stderr.contains(suggested), "{filter}: {stderr}");
    }
    // Nothing near: the error still says so, with where to find the values.
    let out = query("target=Ring 70 20 20 20");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("has no value \"Ring 70 20 20 20\""),
        "{stderr}"
    );
}
