//! Text matching: which records each query word matches and how well, and what to do when no
//! record matches every word.
//!
//! Every word of a query is matched the same way wherever it stands, so word order never changes
//! the set of hits: a word matches a term of the index when it is the term, begins it, or is
//! within its typo budget of the term or of the term's beginning (optimal string alignment, so a
//! swap of two neighbouring letters is one edit). Compound parts are terms too ("behandling" of
//! "misbrugsbehandling"), and so are the keys of the synonym dictionary ([`crate::synonyms`]),
//! whose matches select the facet values they stand for. A phrase of the dictionary ("psykisk
//! syg") matches when all its words are in the query, in any order.
//!
//! Stop words ([`crate::text::STOP_WORDS`]) are optional: a record need not match them, and one
//! that has one as a whole word scores a little higher. All other words are required. When no
//! record in scope (ranges and filters applied) matches every required word, the engine keeps
//! the largest set of words that some record matches, and names the words it dropped.
//!
//! # Scores
//!
//! A word's match in a record has a [`quality`]: whether it matched without a typo, the field
//! ([`Field`]: name, then what the record *is* — its place, target groups and other labels —,
//! then its description) and the kind ([`MatchKind`]: exact, partial, synonym). A record keeps
//! each word's best quality, and its score is their sum (plus one per optional word it has).
//! The bits of a quality are laid out so that the sum orders records by, in turn: how many words
//! matched, how many matched without a typo, how many matched in the name or what the record is
//! rather than only in its description, fields, kinds. `docs/ranking.md` says why.

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};

use crate::automaton::RowLevenshtein;
use crate::bits::Bits;
use std::cmp::Reverse;
use std::collections::HashMap;

use crate::format::terms::TermDict;
use crate::query::{Mode, Query, SearchResults};
use crate::reader::SearchIndex;
use crate::synonyms::Synonyms;
use crate::text::{self, typo_budget, QueryWord};

/// Where in a record a word matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The free-text description.
    Description = 1,
    /// What the record is: its place (postal code, town, municipality, region), target groups,
    /// services, offer type, methods and the other labels the text search covers.
    Attribute = 2,
    /// The record's name.
    Name = 3,
}

/// How a word matched a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// Through the synonym dictionary.
    Synonym = 1,
    /// The word begins the term, or the term is a compound part ("behandling" in
    /// "misbrugsbehandling").
    Partial = 2,
    /// The word is the term.
    Exact = 3,
}

/// The bit that says a word matched at all; summed, it counts the matched words.
pub const MATCHED: u32 = 1 << 19;
const TYPO_FREE_SHIFT: u32 = 15;
const STRONG_SHIFT: u32 = 11;
const FIELD_SHIFT: u32 = 6;

/// The quality of one word's match. Summed over a query's words (at most
/// [`crate::text::MAX_QUERY_TOKENS`] required, [`crate::text::MAX_QUERY_WORDS`] in all) the
/// parts never carry into each other: kinds (≤ 3 a required word) and optional words (1 each)
/// fill bits 0–5, fields (≤ 3 each) bits 6–10, words matched in the name or an attribute
/// ("strong", ≤ 8) bits 11–14, typo-free words (≤ 8) bits 15–18, matched words from bit 19 up.
///
/// The strong count comes before the field sum so that a record whose need matched only in its
/// description cannot catch up by having the town in its name.
pub fn quality(field: Field, kind: MatchKind, typo: bool) -> u32 {
    MATCHED
        | (u32::from(!typo) << TYPO_FREE_SHIFT)
        | (u32::from(field >= Field::Attribute) << STRONG_SHIFT)
        | ((field as u32) << FIELD_SHIFT)
        | kind as u32
}

/// What an optional word adds to a record that has it as a whole word: the least that orders.
pub const OPTIONAL_WORD: u32 = 1;

/// The outcome of matching a query's text within a scope.
pub(crate) struct TextMatch {
    /// The records (local to the mode) that match the kept words; `None` when the query has no
    /// words.
    pub docs: Option<Bits>,
    /// Per record of the mode, its score (0 for records outside `docs`).
    pub scores: Vec<u32>,
    /// Required words no record in scope matched together with the others, as typed.
    pub dropped: Vec<String>,
}

/// One required word's matches: best quality per record of the mode, and the set of them.
struct WordMatches {
    best: Vec<u32>,
    docs: Bits,
}

impl SearchIndex {
    /// Matches `text` against the records of `mode`. Words are kept or dropped by what matches
    /// within `scope` (the records the query's ranges and filters leave).
    pub(crate) fn match_text(&self, text: &str, mode: Mode, scope: &Bits) -> TextMatch {
        let (_, n) = self.mode_range(mode);
        let typed = text::typed_tokens(text);
        let words = text::query_words(text);
        if words.is_empty() {
            return TextMatch {
                docs: None,
                scores: Vec::new(),
                dropped: Vec::new(),
            };
        }
        let mut matches: Vec<Option<WordMatches>> = words
            .iter()
            .map(|w| (!w.optional).then(|| self.match_word(&w.text, mode)))
            .collect();
        self.match_phrases(&words, mode, &mut matches);

        let mut scores = vec![0u32; n as usize];
        for (word, m) in words.iter().zip(&matches) {
            match m {
                Some(m) => {
                    for (s, &b) in scores.iter_mut().zip(&m.best) {
                        *s += b;
                    }
                }
                None => self.add_optional(&word.text, mode, &mut scores),
            }
        }

        let required: Vec<&WordMatches> = matches.iter().flatten().collect();
        let keep = best_subset(&required, scope);
        let mut docs = Bits::full(n);
        for (i, m) in required.iter().enumerate() {
            if keep & (1 << i) != 0 {
                docs.intersect_with(&m.docs);
            }
        }
        let mut dropped = Vec::new();
        let mut r = 0;
        for (i, (word, m)) in words.iter().zip(&matches).enumerate() {
            if m.is_some() {
                if keep & (1 << r) == 0 {
                    dropped.push(typed.get(i).map_or(word.text.clone(), |t| t.1.to_string()));
                }
                r += 1;
            }
        }
        for (local, s) in scores.iter_mut().enumerate() {
            if !docs.contains(local as u32) {
                *s = 0;
            }
        }
        TextMatch {
            docs: Some(docs),
            scores,
            dropped,
        }
    }

    /// The records one (required) word matches in the mode, with the best quality of each.
    fn match_word(&self, word: &str, mode: Mode) -> WordMatches {
        let (_, n) = self.mode_range(mode);
        let mut best = vec![0u32; n as usize];
        self.match_dict(&self.core_terms, word, Field::Attribute, mode, &mut best);
        if let Some(dict) = &self.text_terms {
            self.match_dict(dict, word, Field::Description, mode, &mut best);
        }
        self.match_synonyms(word, mode, &mut best);
        let mut docs = Bits::empty(n);
        for (local, &b) in best.iter().enumerate() {
            if b != 0 {
                docs.insert(local as u32);
            }
        }
        WordMatches { best, docs }
    }

    /// Raises `best` for every record a term matching `word` occurs in. `other` is the field
    /// the dictionary's non-name postings belong to (places in the core dictionary,
    /// descriptions in the text one).
    fn match_dict(&self, dict: &TermDict, word: &str, other: Field, mode: Mode, best: &mut [u32]) {
        let mut visit = |term: &[u8], value: u64| {
            let typo = !term.starts_with(word.as_bytes());
            let kind = if term == word.as_bytes() {
                MatchKind::Exact
            } else {
                MatchKind::Partial
            };
            let Some(entry) = dict.entries.get(value as usize) else {
                return;
            };
            let part = MatchKind::Partial;
            self.raise(&entry.name, quality(Field::Name, kind, typo), mode, best);
            self.raise(
                &entry.name_part,
                quality(Field::Name, part, typo),
                mode,
                best,
            );
            self.raise(&entry.other, quality(other, kind, typo), mode, best);
            self.raise(&entry.other_part, quality(other, part, typo), mode, best);
            let label = quality(Field::Attribute, kind, typo);
            for &(facet, value) in &entry.facet {
                self.raise_facet(facet, value, label, mode, best);
            }
            let label_part = quality(Field::Attribute, part, typo);
            for &(facet, value) in &entry.facet_part {
                self.raise_facet(facet, value, label_part, mode, best);
            }
        };
        stream_matches(&dict.map, word, &mut visit);
    }

    /// Raises `best` for the records having a value that a dictionary word matching `word`
    /// stands for. Phrases are matched by [`SearchIndex::match_phrases`], not here.
    fn match_synonyms(&self, word: &str, mode: Mode, best: &mut [u32]) {
        let synonyms = self.synonyms();
        // Every key is a candidate (a few hundred); `key_match` decides, as it would among the
        // candidates an automaton finds (short words need the whole key).
        for (key, targets) in synonyms.keys.iter().zip(&synonyms.targets) {
            if key.contains(' ') {
                continue;
            }
            let Some(typo) = crate::synonyms::key_match(word, key) else {
                continue;
            };
            let q = quality(Field::Attribute, MatchKind::Synonym, typo);
            for &(facet, v) in targets {
                self.raise_facet(facet, v, q, mode, best);
            }
        }
    }

    /// Phrases of the synonym dictionary: when every word of a key is among the query's words
    /// (in any order), each required query word of the key matches the records having the
    /// key's values.
    fn match_phrases(&self, words: &[QueryWord], mode: Mode, matches: &mut [Option<WordMatches>]) {
        let synonyms = self.synonyms();
        let q = quality(Field::Attribute, MatchKind::Synonym, false);
        for (phrase, entry) in &synonyms.phrases {
            if !phrase.iter().all(|p| words.iter().any(|w| &w.text == p)) {
                continue;
            }
            for (word, m) in words.iter().zip(matches.iter_mut()) {
                let Some(m) = m else { continue };
                if !phrase.contains(&word.text) {
                    continue;
                }
                for &(facet, v) in &synonyms.targets[*entry] {
                    self.raise_facet(facet, v, q, mode, &mut m.best);
                }
                for (local, &b) in m.best.iter().enumerate() {
                    if b != 0 {
                        m.docs.insert(local as u32);
                    }
                }
            }
        }
    }

    /// Adds [`OPTIONAL_WORD`] to the records that have an optional word as a whole word in
    /// a field the index knows.
    fn add_optional(&self, word: &str, mode: Mode, scores: &mut [u32]) {
        let (_, n) = self.mode_range(mode);
        let mut has = vec![0u32; n as usize];
        for dict in std::iter::once(&self.core_terms).chain(self.text_terms.as_ref()) {
            if let Some(value) = dict.map.get(word) {
                if let Some(entry) = dict.entries.get(value as usize) {
                    for list in [&entry.name, &entry.other] {
                        self.raise(list, 1, mode, &mut has);
                    }
                    for &(facet, v) in &entry.facet {
                        self.raise_facet(facet, v, 1, mode, &mut has);
                    }
                }
            }
        }
        for (s, h) in scores.iter_mut().zip(has) {
            *s += h * OPTIONAL_WORD;
        }
    }

    fn raise(&self, docs: &[u32], quality: u32, mode: Mode, best: &mut [u32]) {
        let (first, n) = self.mode_range(mode);
        let start = docs.partition_point(|&d| d < first);
        for &doc in &docs[start..] {
            let local = doc - first;
            if local >= n {
                break;
            }
            let slot = &mut best[local as usize];
            *slot = (*slot).max(quality);
        }
    }

    fn raise_facet(&self, facet: usize, value: usize, quality: u32, mode: Mode, best: &mut [u32]) {
        if crate::facets::FACETS[facet].mode != mode {
            return;
        }
        if let Some(set) = self.facets[facet].sets.get(value) {
            for local in set.iter() {
                if let Some(slot) = best.get_mut(local as usize) {
                    *slot = (*slot).max(quality);
                }
            }
        }
    }

    /// The synonym dictionary resolved against this index's facets (built on first use).
    pub(crate) fn synonyms(&self) -> &Synonyms {
        self.synonyms.get_or_init(|| {
            Synonyms::new(|facet, code| {
                crate::facets::FACETS
                    .iter()
                    .enumerate()
                    .filter(|(_, spec)| spec.name == facet)
                    .filter_map(|(id, _)| {
                        self.facets[id]
                            .values
                            .iter()
                            .position(|v| v.code == code)
                            .map(|ordinal| (id, ordinal))
                    })
                    .collect()
            })
        })
    }
}

/// Streams the terms of `map` that `word` matches: those it begins, and those within its typo
/// budget of it or of their beginning.
fn stream_matches(map: &fst::Map<Vec<u8>>, word: &str, visit: &mut impl FnMut(&[u8], u64)) {
    let budget = typo_budget(word);
    if budget > 0 {
        stream_all(map, RowLevenshtein::new(word, budget, true), visit);
    } else {
        stream_all(map, Str::new(word).starts_with(), visit);
    }
}

fn stream_all<A: Automaton>(
    map: &fst::Map<Vec<u8>>,
    automaton: A,
    visit: &mut impl FnMut(&[u8], u64),
) {
    let mut stream = map.search(automaton).into_stream();
    while let Some((term, value)) = stream.next() {
        visit(term, value);
    }
}

/// Which required words to keep, as a bit mask: all of them when some record in scope matches
/// them all; otherwise the largest set of words some record in scope matches together (ties:
/// the set matching most records, then the one keeping earlier words). With no such set, all.
fn best_subset(words: &[&WordMatches], scope: &Bits) -> u32 {
    let all = (1u32 << words.len()) - 1;
    let count = |mask: u32| {
        let mut docs = scope.clone();
        for (i, w) in words.iter().enumerate() {
            if mask & (1 << i) != 0 {
                docs.intersect_with(&w.docs);
            }
        }
        docs.count()
    };
    if words.is_empty() || count(all) > 0 {
        return all;
    }
    for size in (1..words.len() as u32).rev() {
        let mut best: Option<(u32, u32)> = None;
        for mask in (1..all).rev().filter(|m| m.count_ones() == size) {
            let c = count(mask);
            // Reversed, a mask that keeps the first word is the larger one.
            let better = match best {
                None => c > 0,
                Some((b, bc)) => c > bc || (c == bc && mask.reverse_bits() > b.reverse_bits()),
            };
            if better {
                best = Some((mask, c));
            }
        }
        if let Some((mask, _)) = best {
            return mask;
        }
    }
    all
}

impl SearchIndex {
    /// A spelling of the query that finds what it does not: each required word that matches
    /// no record, or that was dropped, replaced by the nearest word the index or the synonym
    /// dictionary knows (within one more edit than the word's typo budget, at most two),
    /// keeping everything else as typed. Only offered when the new query matches all its words.
    /// `dropped_words` are the query's own answer's, so the query is not searched again.
    pub(crate) fn did_you_mean(&self, query: &Query, dropped_words: &[String]) -> Option<String> {
        let typed = text::typed_tokens(&query.text);
        let words = text::query_words(&query.text);
        let mut corrected = query.text.clone();
        let mut changed = false;
        // Right to left, so earlier spans keep their offsets.
        for (i, word) in words.iter().enumerate().rev() {
            if word.optional {
                continue;
            }
            let (_, original) = typed[i];
            let dropped = dropped_words.iter().any(|d| d == original);
            if !dropped && self.match_word(&word.text, query.mode).docs.count() > 0 {
                continue;
            }
            let Some(replacement) = self.nearest_word(&word.text) else {
                continue;
            };
            let start = original.as_ptr() as usize - query.text.as_ptr() as usize;
            corrected.replace_range(start..start + original.len(), &replacement);
            changed = true;
        }
        if !changed {
            return None;
        }
        let mut q = query.clone();
        q.text = corrected;
        let better = self.search_quietly(&q);
        (better.total > 0 && better.dropped_words.is_empty()).then_some(q.text)
    }

    /// The known word nearest to `word` (fewest edits, then the one most records have), in
    /// its written form when a label, town or dictionary word spells it so.
    fn nearest_word(&self, word: &str) -> Option<String> {
        let limit = (typo_budget(word) + 1).min(2);
        let mut best: Option<(usize, Reverse<usize>, String)> = None;
        let mut consider = |term: &[u8], frequency: usize| {
            if term == word.as_bytes() || term.contains(&b' ') {
                return;
            }
            let distance = text::edit_distance(word.as_bytes(), term);
            let candidate = (
                distance,
                Reverse(frequency),
                String::from_utf8_lossy(term).into(),
            );
            if best.as_ref().is_none_or(|b| candidate < *b) {
                best = Some(candidate);
            }
        };
        let automaton = || RowLevenshtein::new(word, limit, false);
        stream_all(&self.core_terms.map, automaton(), &mut |term, value| {
            let frequency = self.core_terms.entries.get(value as usize).map_or(0, |e| {
                e.name.len() + e.other.len() + e.facet.len() + e.name_part.len()
            });
            consider(term, frequency);
        });
        let automaton = automaton();
        for key in &self.synonyms().keys {
            if automaton.matches(key.as_bytes()) {
                consider(key.as_bytes(), 1);
            }
        }
        let (_, _, folded) = best?;
        Some(self.spellings().get(&folded).cloned().unwrap_or(folded))
    }

    /// Written forms of folded words, from the labels of facet values, the towns, the
    /// municipalities and the synonym dictionary ("koebenhavn" → "københavn").
    fn spellings(&self) -> &HashMap<String, String> {
        self.spellings.get_or_init(|| {
            let mut map = HashMap::new();
            let mut add = |written: &str| {
                for (folded, typed) in text::typed_tokens(written) {
                    map.entry(folded).or_insert_with(|| typed.to_lowercase());
                }
            };
            for facet in &self.facets {
                for value in &facet.values {
                    add(&value.label);
                }
            }
            for city in &self.columns.cities {
                add(city);
            }
            for entry in crate::synonyms::entries() {
                add(&entry.words);
            }
            map
        })
    }

    /// A search without the explanations (no recursion into did-you-mean or relaxations).
    fn search_quietly(&self, query: &Query) -> SearchResults {
        let mut q = query.clone();
        q.page_size = 1;
        self.answer_plain(&q)
    }
}
