//! Everyday words for needs: the curated synonym dictionary (`data/synonyms.tsv`) and its
//! query-time form.
//!
//! A caseworker types "asperger", a relative "psykisk syg", a citizen "misbrug"; the catalogue
//! says "Autismespektrum", "Psykiske vanskeligheder", "Alkoholmisbrug" and "Stofmisbrug". The
//! dictionary maps the first to the second: each entry is a word or a short phrase (folded) and
//! the facet values it stands for. It is data kept in the repository with a source per line,
//! compiled into the engine (not into the index files), so improving it needs no rebuild of
//! anybody's index and every index gets it.
//!
//! At query time a word matches an entry as it would match a term (whole, as a prefix, or within
//! its typo budget), except that a word shorter than [`MIN_PREFIX_LETTERS`] must be the whole
//! key: "bo" is the start of a name, not yet "bostøtte"; a phrase entry matches when all its
//! words are in the query. A match
//! selects the records having any of the entry's values, and ranks below a literal match of the
//! same quality ([`crate::search::MatchKind::Synonym`]).

use crate::text;

/// The fewest letters a word needs to match dictionary keys it begins or nearly begins.
pub const MIN_PREFIX_LETTERS: usize = 4;

/// How a (required, folded) query word matches a single-word key: `Some(typo)` when it matches,
/// with whether through a typo. The one rule, used by the engine and its reference test.
pub fn key_match(word: &str, key: &str) -> Option<bool> {
    if word == key {
        return Some(false);
    }
    if text::letter_count(word) < MIN_PREFIX_LETTERS {
        return None;
    }
    if key.starts_with(word) {
        return Some(false);
    }
    let budget = usize::from(text::typo_budget(word));
    (budget > 0 && text::prefix_edit_distance(word.as_bytes(), key.as_bytes()) <= budget)
        .then_some(true)
}

/// The dictionary as written in the repository.
pub const SOURCE: &str = include_str!("../data/synonyms.tsv");

/// The dictionary as the engine reads it ([`entries`]): [`SOURCE`]'s entry lines in their order,
/// each with its source replaced by `-`, and no comment or blank lines. The engine never shows a
/// source or a line number, and this form is the text compiled into the browser's wasm: 6 KB
/// less than the file (made at compile time, so the file stays the one place to edit).
const ENGINE_FORM: &str = {
    const LEN: usize = engine_form(SOURCE.as_bytes(), &mut []);
    const BYTES: [u8; LEN] = {
        let mut out = [0; LEN];
        engine_form(SOURCE.as_bytes(), &mut out);
        out
    };
    match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("the engine form of synonyms.tsv is not UTF-8"),
    }
};

/// Writes the engine form of `source` into `out` (as much as fits) and returns its length: each
/// line that is neither blank nor a comment, up to its second tab, then `\t-\n`.
const fn engine_form(source: &[u8], out: &mut [u8]) -> usize {
    let mut written = 0;
    let mut start = 0;
    while start < source.len() {
        let mut end = start;
        while end < source.len() && source[end] != b'\n' {
            end += 1;
        }
        let mut blank = true;
        let mut i = start;
        while i < end {
            blank &= source[i].is_ascii_whitespace();
            i += 1;
        }
        if !blank && source[start] != b'#' {
            let mut stop = start;
            let mut tabs = 0;
            while stop < end {
                if source[stop] == b'\t' {
                    tabs += 1;
                    if tabs == 2 {
                        break;
                    }
                }
                stop += 1;
            }
            let mut i = start;
            while i < stop {
                written = put(out, written, source[i]);
                i += 1;
            }
            written = put(out, written, b'\t');
            written = put(out, written, b'-');
            written = put(out, written, b'\n');
        }
        start = end + 1;
    }
    written
}

/// Writes `byte` at `at` when it fits; the position after it either way.
const fn put(out: &mut [u8], at: usize, byte: u8) -> usize {
    if at < out.len() {
        out[at] = byte;
    }
    at + 1
}

/// One line of the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynonymEntry {
    /// The folded words, joined by one space ("psykisk syg").
    pub key: String,
    /// The words as written in the dictionary ("psykisk syg", "døvblind").
    pub words: String,
    /// The facet values it stands for: (facet name, value code).
    pub targets: Vec<(String, String)>,
    /// Where the mapping comes from.
    pub source: String,
    /// The line in `data/synonyms.tsv` (1-based), for error messages.
    pub line: usize,
}

/// Parses a dictionary in the format of `data/synonyms.tsv`: comment lines start with `#`;
/// every other non-empty line is `words<TAB>facet=code;facet=code<TAB>source`. A malformed line
/// is an error naming it (the committed file is checked by a test, so the engine never meets one).
pub fn parse(source: &str) -> Result<Vec<SynonymEntry>, String> {
    let mut entries = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let (Some(words), Some(targets), Some(source), None) = (
            columns.next(),
            columns.next(),
            columns.next(),
            columns.next(),
        ) else {
            return Err(format!(
                "synonyms.tsv:{line_no}: expected three tab-separated columns"
            ));
        };
        let key = text::tokens(words).join(" ");
        if key.is_empty() {
            return Err(format!("synonyms.tsv:{line_no}: no words"));
        }
        let mut parsed = Vec::new();
        for target in targets.split(';') {
            let Some((facet, code)) = target.split_once('=') else {
                return Err(format!(
                    "synonyms.tsv:{line_no}: target {target:?} is not facet=code"
                ));
            };
            parsed.push((facet.trim().to_string(), code.trim().to_string()));
        }
        if source.trim().is_empty() {
            return Err(format!("synonyms.tsv:{line_no}: no source"));
        }
        entries.push(SynonymEntry {
            key,
            words: words.trim().to_string(),
            targets: parsed,
            source: source.trim().to_string(),
            line: line_no,
        });
    }
    Ok(entries)
}

/// The committed dictionary, parsed from its engine form: every entry of [`SOURCE`] in order,
/// with `-` for its source and its line in that form (a malformed committed file is a bug the
/// tests catch; the engine then works without synonyms rather than fail).
pub fn entries() -> Vec<SynonymEntry> {
    parse(ENGINE_FORM).unwrap_or_default()
}

/// The single words of the dictionary's keys: known Danish words, used (besides the catalogue's
/// own words) to find compound parts ("misbrug" in "alkoholmisbrug").
pub fn words() -> Vec<String> {
    let mut words: Vec<String> = entries()
        .iter()
        .flat_map(|e| e.key.split(' ').map(str::to_string).collect::<Vec<_>>())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The dictionary prepared for queries against one index: the keys, sorted and distinct (a key's
/// position is its entry), and each entry's targets resolved to (facet id, value ordinal).
/// Targets the index does not have (a value no record uses in an open facet) are left out.
///
/// The keys are a plain list, not an `fst`: a few hundred keys are scanned in microseconds, and
/// building an `fst` in the browser took the `fst` crate's builder into the wasm (5 KB).
pub(crate) struct Synonyms {
    pub(crate) keys: Vec<String>,
    pub(crate) targets: Vec<Vec<(usize, usize)>>,
    /// The keys of more than one word, split, with their entry.
    pub(crate) phrases: Vec<(Vec<String>, usize)>,
}

impl Synonyms {
    /// Resolves the committed dictionary with `resolve(facet name, code)`, which gives every
    /// (facet id, ordinal) the target names (one per mode that has the facet).
    pub(crate) fn new(resolve: impl Fn(&str, &str) -> Vec<(usize, usize)>) -> Synonyms {
        let mut entries = entries();
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        // Two lines with one key: their targets are merged.
        let mut keys: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<(usize, usize)>> = Vec::new();
        for entry in &entries {
            let resolved: Vec<(usize, usize)> = entry
                .targets
                .iter()
                .flat_map(|(facet, code)| resolve(facet, code))
                .collect();
            if keys.last() == Some(&entry.key) {
                if let Some(last) = targets.last_mut() {
                    last.extend(resolved);
                }
            } else {
                keys.push(entry.key.clone());
                targets.push(resolved);
            }
        }
        let phrases = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| k.contains(' '))
            .map(|(i, k)| (k.split(' ').map(str::to_string).collect(), i))
            .collect();
        Synonyms {
            keys,
            targets,
            phrases,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::{fixed_values, FacetKind, FACETS, GROUP, TARGET};

    #[test]
    fn the_engine_form_has_every_entry_of_the_file_in_order() {
        let written = parse(SOURCE).expect("data/synonyms.tsv parses");
        let engine = entries();
        assert!(
            ENGINE_FORM.len() < SOURCE.len() * 3 / 4,
            "comments and sources left out"
        );
        assert_eq!(engine.len(), written.len());
        for (e, w) in engine.iter().zip(&written) {
            assert_eq!(
                (&e.key, &e.words, &e.targets),
                (&w.key, &w.words, &w.targets)
            );
            assert_eq!(e.source, "-");
        }
    }

    #[test]
    fn the_engine_form_keeps_entry_lines_and_drops_the_rest() {
        let source = b"# comment\n\n  \nword\tgroup=x\ta source\nto be\tt=a;t=b\tb\n# end";
        let mut out = [0u8; 64];
        let len = engine_form(source, &mut out);
        assert_eq!(&out[..len], b"word\tgroup=x\t-\nto be\tt=a;t=b\t-\n");
        assert_eq!(engine_form(source, &mut []), len);
    }

    #[test]
    fn every_committed_line_parses_and_names_a_real_value() {
        let entries = parse(SOURCE).expect("data/synonyms.tsv parses");
        assert!(
            entries.len() > 200,
            "the dictionary covers the domain broadly"
        );
        for entry in &entries {
            for (facet, code) in &entry.targets {
                let specs: Vec<_> = FACETS.iter().filter(|f| f.name == facet).collect();
                assert!(
                    !specs.is_empty(),
                    "synonyms.tsv:{}: no facet {facet:?}",
                    entry.line
                );
                for spec in specs {
                    assert_ne!(
                        spec.kind(),
                        FacetKind::Open,
                        "synonyms target closed facets"
                    );
                    assert!(
                        fixed_values(spec).iter().any(|v| &v.code == code),
                        "synonyms.tsv:{}: {facet} has no value {code:?}",
                        entry.line
                    );
                }
            }
        }
    }

    #[test]
    fn the_dictionary_covers_every_target_group_and_group() {
        let entries = parse(SOURCE).expect("parses");
        let named = |facet: &str, code: &str| {
            entries
                .iter()
                .any(|e| e.targets.iter().any(|(f, c)| f == facet && c == code))
        };
        for value in fixed_values(&GROUP) {
            assert!(
                named(GROUP.name, &value.code),
                "no everyday word for {}",
                value.code
            );
        }
        // Every target group but the catch-all "Anden/Andet ..." ones has an everyday word.
        for value in fixed_values(&TARGET) {
            if value.code.starts_with("And") {
                continue;
            }
            assert!(
                named(TARGET.name, &value.code),
                "no everyday word for {}",
                value.code
            );
        }
    }

    #[test]
    fn malformed_lines_are_named() {
        assert!(parse("asperger\ttarget=X").unwrap_err().contains(":1:"));
        assert!(parse("# c\n\nx\ty\tz").unwrap_err().contains(":3:"));
        assert!(parse("!!\ttarget=X\tsrc").unwrap_err().contains("no words"));
        let ok = parse("Psykisk  Syg\tgroup=a;target=b\tkilde").unwrap();
        assert_eq!(ok[0].key, "psykisk syg");
        assert_eq!(ok[0].targets.len(), 2);
    }
}
