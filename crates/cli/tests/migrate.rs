//! `tilbudsfinder migrate` (issue 16): a catalogue of format 1 becomes one of the current
//! format. Every unambiguous record round-trips (format 2 → written as format 1 → migrated equals
//! the original), what a person must decide is reported by file, line and field, records in =
//! records out + records reported, and check and build reconcile on a catalogue with old codes.

mod build_support;
mod scratch;

use std::path::{Path, PathBuf};
use std::process::Output;

use build_support::{assert_accounting, build, TODAY};
use catalogue::model::Record;
use scratch::{cli, Scratch};
use serde_json::{json, Value};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tilbudsfinder(args: &[&str]) -> Output {
    cli().args(args).output().expect("run tilbudsfinder")
}

/// Writes a current record the way a format-1 catalogue did, for the codes that have one
/// format-1 spelling: this is the inverse of what `migrate` rewrites.
fn as_format_1(record: &mut Value) {
    let old_basis = |code: &str| -> Option<String> {
        let n = code.strip_prefix("bl_43_stk1_nr")?;
        (n != "7").then(|| format!("bl_43_1_{n}"))
    };
    if let Some(bases) = record.get_mut("legal_bases").and_then(Value::as_array_mut) {
        for entry in bases {
            if let Some(old) = entry["basis"].as_str().and_then(old_basis) {
                entry["basis"] = json!(old);
            }
        }
    }
    if let Some(services) = record.get_mut("services").and_then(Value::as_array_mut) {
        for service in services {
            if let Some(old) = service["basis"].as_str().and_then(old_basis) {
                service["basis"] = json!(old);
            }
        }
    }
    if let Some(kinds) = record.get_mut("approved_for").and_then(Value::as_array_mut) {
        for kind in kinds {
            match kind.as_str() {
                Some("doegnanbringelse") => *kind = json!("doegnophold"),
                Some("stoetteophold") => *kind = json!("aflastning"),
                _ => {}
            }
        }
    }
    if let Some(scores) = record.get_mut("quality").and_then(Value::as_array_mut) {
        let scored = !scores.is_empty();
        for score in scores.iter_mut() {
            if score["theme"] == "maalgrupper_metoder_resultater" {
                score["theme"] = json!("maalgruppe_metoder_resultater");
            }
        }
        if scored {
            scores.push(json!({"theme": "oekonomi", "score": 3.9}));
        }
    }
}

#[test]
fn every_unambiguous_record_round_trips() {
    let dir = Scratch::new("migrate", "round-trip");
    let current = dir.path("current.jsonl");
    let generated = tilbudsfinder(&[
        "generate",
        "--offers",
        "300",
        "--foster-families",
        "200",
        "--seed",
        "16",
        "--today",
        TODAY,
        "--out",
        current.to_str().expect("utf-8 path"),
    ]);
    assert!(generated.status.success(), "{generated:?}");
    let text = std::fs::read_to_string(&current).expect("generated");
    let originals: Vec<Record> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a current record"))
        .collect();
    let mut old_lines = String::new();
    let mut changed = 0;
    for line in text.lines() {
        let mut value: Value = serde_json::from_str(line).expect("json");
        let before = value.clone();
        as_format_1(&mut value);
        changed += usize::from(value != before);
        old_lines.push_str(&value.to_string());
        old_lines.push('\n');
    }
    assert!(
        changed > 200,
        "the sample has old codes to migrate: {changed}"
    );
    let old = dir.path("old.jsonl");
    std::fs::write(&old, &old_lines).expect("write");

    let migrated = tilbudsfinder(&["migrate", old.to_str().expect("utf-8 path")]);
    let stderr = String::from_utf8_lossy(&migrated.stderr);
    assert!(migrated.status.success(), "{stderr}");
    let out = String::from_utf8(migrated.stdout).expect("utf-8");
    let records: Vec<Record> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("a current record"))
        .collect();
    assert_eq!(records, originals);
    assert!(
        stderr.contains("500 records: 500 written")
            && stderr.contains(", 0 reported for a person to decide"),
        "{stderr}"
    );
}

#[test]
fn ambiguous_codes_are_reported_by_line_and_field_and_nothing_is_dropped() {
    let old = repo().join("crates/catalogue/tests/corpus/old_codes.jsonl");
    let migrated = tilbudsfinder(&["migrate", old.to_str().expect("utf-8 path")]);
    assert_eq!(migrated.status.code(), Some(1), "{migrated:?}");
    let stderr = String::from_utf8_lossy(&migrated.stderr);
    let shown = old.display().to_string();
    for expected in [
        format!("{shown}:2: (T-9002) legal_bases[0].basis: "),
        format!("{shown}:2: (T-9002) services[0].basis: "),
        format!("{shown}:4: (P-9001) family_type: "),
        format!("{shown}:5: (P-9002) family_type: "),
    ] {
        assert!(stderr.contains(&expected), "{expected} in:\n{stderr}");
    }
    assert!(stderr.contains("\"bl_43_stk1_nr6\" or \"bl_43_stk1_nr7\""));
    assert!(
        stderr.contains("6 records: 3 written (3 with 8 codes rewritten), 3 reported"),
        "{stderr}"
    );
    let out = String::from_utf8(migrated.stdout).expect("utf-8");
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            let record: Record = serde_json::from_str(l).expect("a current record");
            record.id().to_owned()
        })
        .collect();
    assert_eq!(ids, ["T-9001", "T-9003", "P-9003"]);

    // The migrated records build; the old catalogue builds too, every record accounted for.
    let dir = Scratch::new("migrate", "ambiguous");
    let new = dir.path("new.jsonl");
    std::fs::write(&new, &out).expect("write");
    let built = build(&new, "migrate-new");
    assert_accounting(&built, &new);
    assert_eq!(built.accounting, (3, 3, 0), "{}", built.stdout);
    let built_old = build(&old, "migrate-old");
    assert_accounting(&built_old, &old);
    assert_eq!(built_old.accounting, (6, 0, 6));
    let messages: Vec<&str> = built_old
        .rejected
        .iter()
        .flat_map(|r| r.findings.iter().map(|(_, _, m)| m.as_str()))
        .collect();
    assert!(
        messages
            .iter()
            .all(|m| m.contains("is a code of catalogue format 1")),
        "{messages:?}"
    );
}
