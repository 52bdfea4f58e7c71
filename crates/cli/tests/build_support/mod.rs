//! Runs `tilbudsfinder build` on a catalogue file into a fresh temporary directory and reads back
//! what it wrote: its accounting line, `rejected.jsonl` and the manifest. Shared by the
//! accounting and hostile-corpus tests (issue 9).

use std::path::{Path, PathBuf};

use crate::scratch::{cli, Scratch};

/// The build's day for every test: dates in the corpora are judged against it.
pub const TODAY: &str = "2026-11-22";

/// One rejected record as `rejected.jsonl` lists it.
#[derive(Debug)]
pub struct Rejected {
    pub line: u64,
    pub id: Option<String>,
    /// (field, severity, message) of every finding.
    pub findings: Vec<(String, String, String)>,
}

/// What one `build` run printed and wrote.
pub struct Built {
    /// The output directory (removed on drop).
    pub dir: Scratch,
    pub stdout: String,
    /// `records read N = indexed M (...) + rejected K`: (N, M, K).
    pub accounting: (u64, u64, u64),
    /// Offers and foster families in the manifest.
    pub offers: u64,
    pub families: u64,
    pub rejected: Vec<Rejected>,
}

impl Built {
    /// The index directory.
    pub fn index(&self) -> PathBuf {
        self.dir.path("index")
    }
}

/// Runs `tilbudsfinder build CATALOGUE --out <tmp>/index --today TODAY`; panics with its output
/// unless it exits 0.
pub fn build(catalogue: &Path, label: &str) -> Built {
    let dir = Scratch::new("build-test", label);
    let out = cli()
        .arg("build")
        .arg(catalogue)
        .arg("--out")
        .arg(dir.path("index"))
        .args(["--today", TODAY])
        .output()
        .expect("run tilbudsfinder build");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "build of {} failed: {}\n{stdout}\n{}",
        catalogue.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let accounting = accounting_line(&stdout)
        .unwrap_or_else(|| panic!("no accounting line in the output:\n{stdout}"));
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path("index/manifest.json")).expect("manifest.json written"),
    )
    .expect("manifest.json is JSON");
    let count = |key: &str| manifest["counts"][key].as_u64().expect("manifest count");
    let rejected_text =
        std::fs::read_to_string(dir.path("index/rejected.jsonl")).expect("rejected.jsonl written");
    let rejected = rejected_text
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("rejected.jsonl is JSONL");
            Rejected {
                line: v["line"].as_u64().expect("line"),
                id: v["id"].as_str().map(str::to_owned),
                findings: v["findings"]
                    .as_array()
                    .expect("findings")
                    .iter()
                    .map(|f| {
                        let s = |k: &str| f[k].as_str().expect("finding field").to_owned();
                        (s("field"), s("severity"), s("message"))
                    })
                    .collect(),
            }
        })
        .collect();
    Built {
        accounting,
        offers: count("offers"),
        families: count("foster_families"),
        rejected,
        stdout,
        dir,
    }
}

/// Parses `records read N = indexed M (...) + rejected K; ...`.
pub fn accounting_line(stdout: &str) -> Option<(u64, u64, u64)> {
    let line = stdout.lines().find(|l| l.starts_with("records read "))?;
    let number_after = |key: &str| -> Option<u64> {
        let rest = &line[line.find(key)? + key.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    Some((
        number_after("records read ")?,
        number_after("= indexed ")?,
        number_after("+ rejected ")?,
    ))
}

/// Non-blank lines of a catalogue, the way the reader counts records (a line of only ASCII
/// whitespace, or the byte-order mark alone on the first line, is blank).
pub fn non_blank_lines(bytes: &[u8]) -> u64 {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
        .count() as u64
}

/// Asserts the accounting of one build: the line is printed, `read = indexed + rejected`,
/// `read` is the catalogue's non-blank lines, `indexed` is what the manifest holds, and every
/// rejected record is listed once in `rejected.jsonl` with at least one error.
pub fn assert_accounting(built: &Built, catalogue: &Path) {
    let (read, indexed, rejected) = built.accounting;
    let input = std::fs::read(catalogue).expect("read catalogue");
    assert_eq!(read, indexed + rejected, "{}", built.stdout);
    assert_eq!(
        read,
        non_blank_lines(&input),
        "records read = non-blank lines"
    );
    assert_eq!(
        indexed,
        built.offers + built.families,
        "indexed = manifest counts"
    );
    assert_eq!(
        built.rejected.len() as u64,
        rejected,
        "rejected.jsonl lists every rejected record"
    );
    let mut lines: Vec<u64> = built.rejected.iter().map(|r| r.line).collect();
    lines.dedup();
    assert_eq!(lines.len(), built.rejected.len(), "each rejected line once");
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "rejected.jsonl in file order"
    );
    assert!(
        built.index().join("rejected.jsonl").is_file(),
        "rejected.jsonl lies next to manifest.json"
    );
    for r in &built.rejected {
        assert!(
            r.findings
                .iter()
                .any(|(_, severity, _)| severity == "error"),
            "rejected line {} (id {:?}) has no error: {:?}",
            r.line,
            r.id,
            r.findings
        );
    }
    if rejected > 0 {
        assert!(
            built.stdout.contains("rejected.jsonl"),
            "the summary names rejected.jsonl"
        );
    }
}
