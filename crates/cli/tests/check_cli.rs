//! `tilbudsfinder check` as a user runs it: exit codes 0, 1 and 2, the human output's format and
//! the `--json` summary's shape.

mod scratch;

use std::path::PathBuf;
use std::process::Output;

use scratch::{cli, Scratch};

fn example_line(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/examples/");
    let text = std::fs::read_to_string(format!("{path}{name}")).expect("example");
    let value: serde_json::Value = serde_json::from_str(&text).expect("example is JSON");
    value.to_string()
}

/// A catalogue file in a fresh temporary directory, removed when dropped.
struct Catalogue {
    _dir: Scratch,
    path: PathBuf,
}

impl Catalogue {
    fn path(&self) -> &str {
        self.path.to_str().expect("UTF-8 temp path")
    }
}

fn catalogue(name: &str, content: &str) -> Catalogue {
    let dir = Scratch::new("check-cli", name);
    let path = dir.write("catalogue.jsonl", content);
    Catalogue { _dir: dir, path }
}

fn check(args: &[&str]) -> Output {
    cli()
        .arg("check")
        .args(["--today", "2026-11-22"])
        .args(args)
        .output()
        .expect("run tilbudsfinder")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn a_clean_catalogue_exits_0_with_a_summary() {
    let path = catalogue(
        "clean",
        &format!(
            "{}\n{}\n",
            example_line("offer.json"),
            example_line("foster_family.json")
        ),
    );
    let output = check(&[path.path()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        stdout(&output),
        "2 records: 2 accepted, 0 rejected, 0 warnings\n"
    );
}

#[test]
fn a_rejected_record_exits_1_and_is_reported_file_line_field_message() {
    let bad = example_line("offer.json").replace("\"age_from\":18", "\"age_from\":90");
    let mut family: serde_json::Value =
        serde_json::from_str(&example_line("foster_family.json")).expect("JSON");
    family["contact"]
        .as_object_mut()
        .expect("contact")
        .remove("phone");
    let stale = family.to_string();
    let path = catalogue("rejected", &format!("{bad}\n{stale}\n"));
    let shown = path.path();
    let output = check(&[shown]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.contains(&format!(
            "{shown}:1: error: services[0].age_from: age_from 90 is greater than age_to 85\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{shown}:2: warning: contact.phone: no phone number\n"
        )),
        "{text}"
    );
    assert!(
        text.ends_with("2 records: 1 accepted, 1 rejected, 1 warnings\n"),
        "{text}"
    );

    let quiet = stdout(&check(&["--quiet", shown]));
    assert!(!quiet.contains("warning:"), "{quiet}");
    assert!(quiet.contains("error:"), "{quiet}");
}

#[test]
fn json_output_has_the_documented_shape() {
    let bad = example_line("offer.json").replace("\"cvr\":\"24256790\"", "\"cvr\":\"24256791\"");
    let path = catalogue(
        "json",
        &format!(
            "{bad}\nnot json\n\n{}\n",
            example_line("foster_family.json")
        ),
    );
    let output = check(&["--json", path.path()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let keys: Vec<&str> = value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for key in ["records", "accepted", "rejected", "warnings", "errors"] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    assert_eq!(value["records"], 3);
    assert_eq!(value["accepted"], 1);
    assert_eq!(value["rejected"], 2);
    assert_eq!(value["warnings"], 0);
    assert_eq!(
        value["errors"],
        serde_json::json!([
            {"line": 1, "id": "T-104233", "field": "cvr", "message": "cvr \"24256791\" fails the CVR modulus-11 check"},
            {"line": 2, "id": null, "field": "(json)", "message": "expected ident at column 2"},
        ])
    );
    // The counts come first, as documented.
    assert!(stdout(&output).starts_with(
        "{\"records\": 3, \"accepted\": 1, \"rejected\": 2, \"warnings\": 0, \"errors\": ["
    ));
}

#[test]
fn a_missing_file_exits_2_with_one_line_naming_it() {
    let output = check(&["/nonexistent/catalogue.jsonl"]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("/nonexistent/catalogue.jsonl: cannot open the catalogue"),
        "{err}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn an_empty_catalogue_says_so() {
    let path = catalogue("empty", "");
    let output = check(&[path.path()]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "0 records: the catalogue is empty\n");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = cli()
        .args(["check", "--today", "2026-11-22", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run tilbudsfinder");
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "{}", example_line("offer.json")).expect("write");
    drop(stdin);
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "1 records: 1 accepted, 0 rejected, 0 warnings\n"
    );
}
