//! A typo automaton for `fst` searches that costs nothing to build.
//!
//! `fst::automaton::Levenshtein` compiles a DFA up front, which takes milliseconds and much memory
//! for two edits; a query must answer in a fraction of a millisecond. This automaton instead
//! carries rows of the edit-distance table as its state (the classic "row automaton"): each
//! byte of a term costs O(query length), and `can_match` prunes a branch of the fst as soon as
//! every cell of the row exceeds the budget. Query tokens are at most
//! [`crate::text::MAX_TYPO_BYTES`] long, so a row fits a fixed array.
//!
//! The distance is Damerau's restricted one (optimal string alignment), as people type: a swap of
//! two neighbouring letters ("autsime") costs one edit, like a substitution. A swap looks two rows
//! back, so the state carries the previous row and the previous byte as well. Pruning stays
//! exact: a swap's cell is at most one more than a cell of the previous row two columns back,
//! and the current row already has a cell at most that (by substitution), so a row whose every
//! cell is over the budget can never lead to a match.

use fst::Automaton;

use crate::text::MAX_TYPO_BYTES;

/// Matches terms within `budget` edits of the query (or, in prefix mode, terms that have a prefix
/// within `budget` edits of it).
#[derive(Clone, Debug)]
pub struct RowLevenshtein {
    query: Vec<u8>,
    budget: u8,
    prefix: bool,
}

/// The last two rows of the distance table and the last byte read; `None` once no extension can
/// match.
#[derive(Clone, Debug)]
pub struct Row {
    cells: [u8; MAX_TYPO_BYTES + 1],
    /// The row before `cells` (all `u8::MAX` at the start).
    previous: [u8; MAX_TYPO_BYTES + 1],
    /// The term byte that produced `cells` (none at the start).
    byte: Option<u8>,
    /// In prefix mode: some prefix already matched.
    matched: bool,
}

impl RowLevenshtein {
    /// An automaton for `query` (truncated to [`MAX_TYPO_BYTES`] bytes) and `budget` edits.
    pub fn new(query: &str, budget: u8, prefix: bool) -> RowLevenshtein {
        let bytes = query.as_bytes();
        let query = bytes[..bytes.len().min(MAX_TYPO_BYTES)].to_vec();
        RowLevenshtein {
            query,
            budget,
            prefix,
        }
    }

    fn last(&self, row: &Row) -> u8 {
        row.cells[self.query.len()]
    }

    /// Whether `term` matches: the walk an `fst` search makes along one term, for a short list
    /// of terms that is not worth an `fst` (the synonym dictionary's keys).
    pub fn matches(&self, term: &[u8]) -> bool {
        let mut state = self.start();
        for &byte in term {
            if !self.can_match(&state) {
                return false;
            }
            state = self.accept(&state, byte);
        }
        self.is_match(&state)
    }
}

impl Automaton for RowLevenshtein {
    type State = Option<Row>;

    fn start(&self) -> Option<Row> {
        let mut cells = [u8::MAX; MAX_TYPO_BYTES + 1];
        for (i, cell) in cells.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = i.min(u8::MAX as usize) as u8;
        }
        let mut row = Row {
            cells,
            previous: [u8::MAX; MAX_TYPO_BYTES + 1],
            byte: None,
            matched: false,
        };
        row.matched = self.prefix && self.last(&row) <= self.budget;
        Some(row)
    }

    fn is_match(&self, state: &Option<Row>) -> bool {
        match state {
            Some(row) => row.matched || self.last(row) <= self.budget,
            None => false,
        }
    }

    fn can_match(&self, state: &Option<Row>) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Option<Row>, byte: u8) -> Option<Row> {
        let row = state.as_ref()?;
        if row.matched {
            // Every extension of a matched prefix matches.
            return Some(row.clone());
        }
        let n = self.query.len();
        let mut next = [u8::MAX; MAX_TYPO_BYTES + 1];
        next[0] = row.cells[0].saturating_add(1);
        let mut lowest = next[0];
        for i in 0..n {
            let substitution = row.cells[i].saturating_add(u8::from(self.query[i] != byte));
            let deletion = row.cells[i + 1].saturating_add(1);
            let insertion = next[i].saturating_add(1);
            let mut cell = substitution.min(deletion).min(insertion);
            // A swap: query bytes i-1, i are this term's previous byte and this byte reversed.
            if i > 0 && Some(self.query[i]) == row.byte && self.query[i - 1] == byte {
                cell = cell.min(row.previous[i - 1].saturating_add(1));
            }
            next[i + 1] = cell;
            lowest = lowest.min(cell);
        }
        if lowest > self.budget {
            return None;
        }
        let mut out = Row {
            cells: next,
            previous: row.cells,
            byte: Some(byte),
            matched: false,
        };
        out.matched = self.prefix && self.last(&out) <= self.budget;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{edit_distance, prefix_edit_distance};
    use fst::{IntoStreamer, Set, Streamer};
    use proptest::prelude::*;

    fn matches(set: &Set<Vec<u8>>, automaton: RowLevenshtein) -> Vec<String> {
        let mut stream = set.search(automaton).into_stream();
        let mut out = Vec::new();
        while let Some(key) = stream.next() {
            out.push(String::from_utf8_lossy(key).into_owned());
        }
        out
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        let set = Set::from_iter(["autisme", "autismespektrum", "autist"]).unwrap();
        assert_eq!(
            matches(&set, RowLevenshtein::new("autsime", 1, false)),
            ["autisme"]
        );
        assert_eq!(
            matches(&set, RowLevenshtein::new("autsime", 1, true)),
            ["autisme", "autismespektrum"]
        );
        assert!(matches(&set, RowLevenshtein::new("uatsime", 1, false)).is_empty());
    }

    /// Walking one term gives what the `fst` search gives for it.
    #[test]
    fn a_single_term_matches_as_in_a_search() {
        let terms = ["", "angst", "autisme", "autismespektrum", "autist"];
        let set = Set::from_iter(terms.iter().copied().filter(|t| !t.is_empty())).unwrap();
        for (query, budget, prefix) in [
            ("autsime", 1, false),
            ("autsime", 1, true),
            ("aut", 0, true),
            ("angst", 0, false),
            ("", 0, false),
        ] {
            let automaton = RowLevenshtein::new(query, budget, prefix);
            let walked: Vec<&str> = terms
                .iter()
                .copied()
                .filter(|t| !t.is_empty() && automaton.matches(t.as_bytes()))
                .collect();
            assert_eq!(
                walked,
                matches(&set, automaton.clone()),
                "{query} {budget} {prefix}"
            );
        }
        assert!(RowLevenshtein::new("", 0, false).matches(b""));
        assert!(!RowLevenshtein::new("autisme", 0, false).matches(b"autist"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn agrees_with_plain_distance(
            mut words in proptest::collection::vec("[abcd]{0,9}", 1..40),
            query in "[abcd]{0,9}",
            budget in 0u8..3,
            prefix in any::<bool>(),
        ) {
            words.sort();
            words.dedup();
            let set = Set::from_iter(words.iter()).unwrap();
            let got = matches(&set, RowLevenshtein::new(&query, budget, prefix));
            let expected: Vec<String> = words
                .iter()
                .filter(|w| {
                    let d = if prefix {
                        prefix_edit_distance(query.as_bytes(), w.as_bytes())
                    } else {
                        edit_distance(query.as_bytes(), w.as_bytes())
                    };
                    d <= budget as usize
                })
                .cloned()
                .collect();
            let automaton = RowLevenshtein::new(&query, budget, prefix);
            let walked: Vec<String> =
                words.iter().filter(|w| automaton.matches(w.as_bytes())).cloned().collect();
            prop_assert_eq!(&got, &expected);
            prop_assert_eq!(walked, expected);
        }
    }
}
