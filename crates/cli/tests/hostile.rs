//! The hostile catalogue corpus (`tests/hostile/`, issue 9) through `tilbudsfinder build`: every
//! line gets the outcome its README table documents (accepted lines are indexed and findable by
//! id, rejected lines are listed in `rejected.jsonl` with an error on the documented field), and
//! `records read = indexed + rejected`.

mod build_support;
mod scratch;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use build_support::{assert_accounting, build, TODAY};
use scratch::cli;

/// One row of the README's table.
#[derive(Debug)]
struct Expected {
    line: u64,
    kind: String,
    accept: bool,
    field: String,
}

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile")
}

/// The table rows `| line | kind | outcome | field | what |` of `tests/hostile/README.md`.
fn expected() -> Vec<Expected> {
    let readme = std::fs::read_to_string(hostile_dir().join("README.md")).expect("README.md");
    readme
        .lines()
        .filter_map(|row| {
            let cells: Vec<&str> = row.split(" | ").map(str::trim).collect();
            let line = cells.first()?.strip_prefix("| ")?.parse().ok()?;
            let accept = match *cells.get(2)? {
                "accept" => true,
                "reject" => false,
                other => panic!("line {line}: outcome {other:?} is neither accept nor reject"),
            };
            Some(Expected {
                line,
                kind: cells.get(1)?.to_string(),
                accept,
                field: cells.get(3)?.trim_matches('`').to_string(),
            })
        })
        .collect()
}

/// Ids of every record of a mode in the index, through `tilbudsfinder query --json`.
fn indexed_ids(index: &Path, mode: &str) -> BTreeSet<String> {
    let out = cli()
        .arg("query")
        .arg(index)
        .args([
            "--mode",
            mode,
            "--json",
            "--page-size",
            "100",
            "--today",
            TODAY,
        ])
        .output()
        .expect("run query");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).expect("query --json");
    answer["hits"]
        .as_array()
        .expect("hits: the ids of the page")
        .iter()
        .map(|id| id.as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn every_hostile_line_gets_its_documented_outcome() {
    let catalogue = hostile_dir().join("catalogue.jsonl");
    let rows = expected();
    let text = std::fs::read(&catalogue).expect("catalogue.jsonl");
    let lines: Vec<&[u8]> = text
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), lines.len(), "the README documents every line");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.line, i as u64 + 1, "README rows in line order");
    }

    let built = build(&catalogue, "hostile");
    assert_accounting(&built, &catalogue);

    let mut wrong = Vec::new();
    for row in &rows {
        let rejected = built.rejected.iter().find(|r| r.line == row.line);
        match (row.accept, rejected) {
            (true, None) => {}
            (true, Some(r)) => wrong.push(format!(
                "line {}: documented accept, but rejected: {:?}",
                row.line, r.findings
            )),
            (false, None) => wrong.push(format!(
                "line {}: documented reject on {}, but accepted",
                row.line, row.field
            )),
            (false, Some(r)) => {
                // The listing names the record by its id when the line has one.
                let id = serde_json::from_slice::<serde_json::Value>(lines[row.line as usize - 1])
                    .ok()
                    .and_then(|v| v["id"].as_str().map(str::to_owned));
                if id.is_some() && r.id != id {
                    wrong.push(format!(
                        "line {}: listed as {:?}, not {id:?}",
                        row.line, r.id
                    ));
                }
                let on_field = r
                    .findings
                    .iter()
                    .any(|(field, severity, _)| severity == "error" && *field == row.field);
                if !on_field {
                    wrong.push(format!(
                        "line {}: documented error on {}, got {:?}",
                        row.line, row.field, r.findings
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    let accepted = |kind: &str| rows.iter().filter(|r| r.accept && r.kind == kind).count() as u64;
    assert_eq!(built.offers, accepted("offer"));
    assert_eq!(built.families, accepted("family"));

    // The accepted records are in the index under their own ids.
    let ids_of = |kind: &str| -> BTreeSet<String> {
        rows.iter()
            .filter(|r| r.accept && r.kind == kind)
            .map(|r| {
                let line = lines[r.line as usize - 1];
                let value: serde_json::Value =
                    serde_json::from_slice(line).expect("accepted is JSON");
                value["id"].as_str().expect("id").to_owned()
            })
            .collect()
    };
    assert_eq!(indexed_ids(&built.index(), "offers"), ids_of("offer"));
    assert_eq!(indexed_ids(&built.index(), "families"), ids_of("family"));
}
