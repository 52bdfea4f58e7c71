//! Accounting of `tilbudsfinder build` (issue 9): for every build, `records read = indexed +
//! rejected` is printed and holds, and every rejected record is listed in `rejected.jsonl` next
//! to the index. Run over generated catalogues, every malformed corpus of the catalogue crate,
//! the hostile corpus and an empty file.

mod build_support;
mod scratch;

use std::path::{Path, PathBuf};

use build_support::{assert_accounting, build, TODAY};
use scratch::{cli, Scratch};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `catalogue.jsonl` holding `bytes` in a scratch directory of its own (removed with it).
fn temp_file(name: &str, bytes: &[u8]) -> (Scratch, PathBuf) {
    let scratch = Scratch::new("accounting", name);
    let path = scratch.write("catalogue.jsonl", bytes);
    (scratch, path)
}

#[test]
fn generated_catalogues_account_for_every_record() {
    for (offers, families, seed) in [(40, 0, 1), (0, 40, 2), (150, 170, 3)] {
        let label = format!("generated-{offers}-{families}-{seed}");
        let (_scratch, path) = temp_file(&label, b"");
        let generated = cli()
            .args(["generate", "--offers", &offers.to_string()])
            .args(["--foster-families", &families.to_string()])
            .args(["--seed", &seed.to_string(), "--today", TODAY, "--out"])
            .arg(&path)
            .output()
            .expect("run generate");
        assert!(generated.status.success(), "{generated:?}");
        let built = build(&path, &label);
        assert_accounting(&built, &path);
        assert_eq!(built.accounting.0, offers + families);
    }
}

#[test]
fn every_malformed_corpus_accounts_for_every_record() {
    let dir = repo().join("crates/catalogue/tests/corpus");
    let mut corpora: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    corpora.sort();
    assert!(
        corpora.len() >= 5,
        "the catalogue crate's corpora are there"
    );
    for path in corpora {
        let label = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("corpus")
            .to_owned();
        let built = build(&path, &label);
        assert_accounting(&built, &path);
    }
}

#[test]
fn an_empty_catalogue_builds_an_empty_index_and_says_so() {
    let (_scratch, path) = temp_file("empty", b"\n  \n");
    let built = build(&path, "empty");
    assert_accounting(&built, &path);
    assert_eq!(built.accounting, (0, 0, 0));
}

#[test]
fn a_catalogue_of_garbage_is_all_rejected_and_listed() {
    let (_scratch, path) = temp_file(
        "garbage",
        b"not json\n\xff\xfe\n[1,2]\n{\"kind\":\"tilbud\"}\n{\n",
    );
    let built = build(&path, "garbage");
    assert_accounting(&built, &path);
    assert_eq!(built.accounting, (5, 0, 5));
    let lines: Vec<u64> = built.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5]);
}
