//! The committed corpus: each `tests/corpus/NAME.jsonl` is checked and its findings must equal
//! `tests/corpus/NAME.expected` exactly. `BLESS=1 cargo test` rewrites the expected files; read
//! the diff before committing one.

use std::path::Path;

use super::support::{assert_accounting, check_bytes, render};

#[test]
fn every_corpus_file_gives_exactly_its_expected_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let bless = std::env::var_os("BLESS").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 10, "corpus files: {inputs:?}");
    let mut failures = Vec::new();
    for input in &inputs {
        let bytes = std::fs::read(input).expect("corpus file");
        let (outcomes, summary) = check_bytes(&bytes);
        assert_accounting(&outcomes, &summary);
        let actual = render(&outcomes, &summary);
        let expected_path = input.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &actual).expect("write expected file");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} is missing", expected_path.display()));
        if actual != expected {
            failures.push(format!(
                "{}:\n{}",
                input.display(),
                first_difference(&expected, &actual)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut e = expected.lines();
    let mut a = actual.lines();
    for n in 1.. {
        match (e.next(), a.next()) {
            (None, None) => break,
            (x, y) if x == y => continue,
            (x, y) => {
                return format!(
                    "  first difference at line {n}\n  expected: {}\n  actual:   {}",
                    x.unwrap_or("(nothing)"),
                    y.unwrap_or("(nothing)")
                )
            }
        }
    }
    "  (texts differ only in line ends)".to_owned()
}
