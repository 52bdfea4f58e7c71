//! Term dictionaries: the core file's (names, places, text facets' labels) and the deferred text
//! file's (descriptions), each an `fst::Map` from folded term to an entry of postings. The
//! encoder ([`encode`]: whole words, then compound parts of every word that ends in another
//! word) and the decoder ([`StoredTerms::decode`], which validates the map and every posting and
//! facet reference) are both here.

use std::collections::{BTreeMap, BTreeSet};

use crate::codec::Bytes;
use crate::error::{BuildError, IndexError};
use crate::format::facets::FacetLabel;
use crate::postings;
use crate::text;

/// A term dictionary: an `fst::Map` from folded term to entry number, and the entries.
#[derive(Debug, Default)]
pub struct StoredTerms<'a> {
    /// The `fst::Map` bytes.
    pub fst: Bytes<'a>,
    /// Entries, by the number the map gives.
    pub entries: Vec<StoredTerm<'a>>,
}

crate::wire_struct!(StoredTerms<'a> { fst, entries });

/// Where a term occurs. Postings are of global docs.
#[derive(Debug, Default)]
pub struct StoredTerm<'a> {
    /// Docs whose name has the term as a word.
    pub name: Bytes<'a>,
    /// Docs whose name has a compound word ending in the term.
    pub name_part: Bytes<'a>,
    /// Docs whose other text (place, description) has the term as a word.
    pub other: Bytes<'a>,
    /// Docs whose other text has a compound ending in the term.
    pub other_part: Bytes<'a>,
    /// Facet values whose label has the term as a word: facet id × 65536 + value ordinal.
    pub facet: Vec<u32>,
    /// Facet values whose label has a compound ending in the term.
    pub facet_part: Vec<u32>,
}

crate::wire_struct!(StoredTerm<'a> { name, name_part, other, other_part, facet, facet_part });

/// The deferred text file: description terms.
#[derive(Debug)]
pub struct TextPayload<'a> {
    /// Terms; only `other` and `other_part` are used.
    pub terms: StoredTerms<'a>,
}

crate::wire_struct!(TextPayload<'a> { terms });

/// A word's docs as the writer collects them (global doc numbers, ascending).
pub(crate) struct WordDocs<'a> {
    pub word: &'a str,
    /// Docs whose name has the word.
    pub name: Vec<u32>,
    /// Docs whose place text has it.
    pub other: Vec<u32>,
    /// Docs whose description has it (the text file's).
    pub description: Vec<u32>,
}

/// A term dictionary encoded: the `fst::Map` and each entry's four postings lists (name,
/// name part, other, other part) and facet references (whole, part).
#[derive(Default)]
pub(crate) struct EncodedTerms {
    fst: Vec<u8>,
    entries: Vec<EncodedTerm>,
}

/// A term's entry encoded: its four postings lists and its facet references.
struct EncodedTerm {
    lists: [Vec<u8>; 4],
    facet: Vec<u32>,
    facet_part: Vec<u32>,
}

impl EncodedTerms {
    /// The stored form, borrowing.
    pub fn stored(&self) -> StoredTerms<'_> {
        StoredTerms {
            fst: Bytes(&self.fst),
            entries: self
                .entries
                .iter()
                .map(|e| StoredTerm {
                    name: Bytes(&e.lists[NAME]),
                    name_part: Bytes(&e.lists[NAME_PART]),
                    other: Bytes(&e.lists[OTHER]),
                    other_part: Bytes(&e.lists[OTHER_PART]),
                    facet: e.facet.clone(),
                    facet_part: e.facet_part.clone(),
                })
                .collect(),
        }
    }
}

/// A term's docs and facet references while the dictionaries are built.
#[derive(Default)]
struct TermAcc {
    lists: [Vec<u32>; 4],
    facet: Vec<u32>,
    facet_part: Vec<u32>,
}

/// Slots of [`TermAcc::lists`] (the order of [`StoredTerm`]'s lists).
const NAME: usize = 0;
const NAME_PART: usize = 1;
const OTHER: usize = 2;
const OTHER_PART: usize = 3;

/// Builds the core file's dictionary (names, places, the labels of text facets' values) and
/// the text file's (descriptions, in the `other` lists) over `docs` docs. A word's compound
/// parts are its suffixes that are words too: the catalogue's, the labels' or the synonym
/// dictionary's ("misbrug" makes a part of "alkoholmisbrug" even where no record says
/// "misbrug").
pub(crate) fn encode(
    words: &[WordDocs<'_>],
    labels: &[FacetLabel],
    docs: u32,
) -> Result<(EncodedTerms, EncodedTerms), BuildError> {
    let mut label_terms: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for (facet, value, label) in labels {
        for token in text::tokens(label) {
            label_terms
                .entry(token)
                .or_default()
                .insert(((*facet as u32) << 16) | *value as u32);
        }
    }
    let dictionary_words = crate::synonyms::words();
    let mut known: BTreeSet<&str> = words.iter().map(|w| w.word).collect();
    known.extend(label_terms.keys().map(String::as_str));
    known.extend(dictionary_words.iter().map(String::as_str));
    let mut core: BTreeMap<String, TermAcc> = BTreeMap::new();
    let mut text: BTreeMap<String, TermAcc> = BTreeMap::new();
    for w in words {
        let parts = text::compound_parts(w.word, |s| known.contains(s));
        let in_core = !w.name.is_empty() || !w.other.is_empty();
        let in_text = !w.description.is_empty();
        for (term, (name, other)) in std::iter::once((w.word, (NAME, OTHER)))
            .chain(parts.into_iter().map(|p| (p, (NAME_PART, OTHER_PART))))
        {
            if in_core {
                let entry = core.entry(term.to_string()).or_default();
                entry.lists[name].extend(&w.name);
                entry.lists[other].extend(&w.other);
            }
            if in_text {
                text.entry(term.to_string()).or_default().lists[other].extend(&w.description);
            }
        }
    }
    for (term, refs) in &label_terms {
        core.entry(term.clone()).or_default().facet.extend(refs);
        for part in text::compound_parts(term, |s| known.contains(s)) {
            core.entry(part.to_string())
                .or_default()
                .facet_part
                .extend(refs);
        }
    }
    drop(known);
    Ok((finish(core, docs)?, finish(text, docs)?))
}

/// Sorts and encodes every term's lists, and maps the terms (sorted, distinct) to their entries.
fn finish(terms: BTreeMap<String, TermAcc>, docs: u32) -> Result<EncodedTerms, BuildError> {
    let error = |e: fst::Error| BuildError::Dictionary {
        what: "term dictionary".to_string(),
        reason: e.to_string(),
    };
    let mut map = fst::MapBuilder::memory();
    let mut entries = Vec::with_capacity(terms.len());
    for (i, (term, mut acc)) in terms.into_iter().enumerate() {
        map.insert(&term, i as u64).map_err(error)?;
        let lists = acc.lists.each_mut().map(|list| {
            list.sort_unstable();
            list.dedup();
            postings::encode(list, docs)
        });
        acc.facet.sort_unstable();
        acc.facet.dedup();
        acc.facet_part.sort_unstable();
        acc.facet_part.dedup();
        entries.push(EncodedTerm {
            lists,
            facet: acc.facet,
            facet_part: acc.facet_part,
        });
    }
    Ok(EncodedTerms {
        fst: map.into_inner().map_err(error)?,
        entries,
    })
}

/// One term's occurrences, decoded.
#[derive(Debug, Default)]
pub(crate) struct TermEntry {
    pub name: Vec<u32>,
    pub name_part: Vec<u32>,
    pub other: Vec<u32>,
    pub other_part: Vec<u32>,
    pub facet: Vec<(usize, usize)>,
    pub facet_part: Vec<(usize, usize)>,
}

/// A decoded term dictionary.
pub(crate) struct TermDict {
    pub map: fst::Map<Vec<u8>>,
    pub entries: Vec<TermEntry>,
}

/// A postings list of a file, decoded (docs below `limit`).
pub(crate) fn decode_postings(
    file: &str,
    bytes: &[u8],
    limit: u32,
) -> Result<Vec<u32>, IndexError> {
    postings::decode(bytes, limit).ok_or_else(|| IndexError::corrupt(file, "malformed postings"))
}

impl StoredTerms<'_> {
    /// Decodes and validates the dictionary of an index of `docs` docs whose facets have
    /// `facet_sizes` values each.
    pub(crate) fn decode(
        &self,
        file: &str,
        docs: u32,
        facet_sizes: &[usize],
    ) -> Result<TermDict, IndexError> {
        let map = fst::Map::new(self.fst.0.to_vec())
            .map_err(|e| IndexError::corrupt(file, format!("term dictionary: {e}")))?;
        // fst's own checksum: its lookups trust the structure and can overflow or index out of
        // bounds on a corrupt one (found by `fuzz/core_file`), so a bad one is refused here.
        map.as_fst()
            .verify()
            .map_err(|e| IndexError::corrupt(file, format!("term dictionary: {e}")))?;
        if map.len() != self.entries.len() {
            return Err(IndexError::corrupt(
                file,
                "term dictionary and entries differ in length",
            ));
        }
        let refs = |list: &[u32]| -> Result<Vec<(usize, usize)>, IndexError> {
            list.iter()
                .map(|&r| {
                    let (facet, value) = ((r >> 16) as usize, (r & 0xffff) as usize);
                    match facet_sizes.get(facet) {
                        Some(&n) if value < n => Ok((facet, value)),
                        _ => Err(IndexError::corrupt(file, "term refers to no facet value")),
                    }
                })
                .collect()
        };
        let mut entries = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            entries.push(TermEntry {
                name: decode_postings(file, e.name.0, docs)?,
                name_part: decode_postings(file, e.name_part.0, docs)?,
                other: decode_postings(file, e.other.0, docs)?,
                other_part: decode_postings(file, e.other_part.0, docs)?,
                facet: refs(&e.facet)?,
                facet_part: refs(&e.facet_part)?,
            });
        }
        // Every fst value must name an entry.
        let mut stream = map.stream();
        while let Some((_, value)) = fst::Streamer::next(&mut stream) {
            if value as usize >= entries.len() {
                return Err(IndexError::corrupt(file, "term points past the entries"));
            }
        }
        Ok(TermDict { map, entries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Words' docs, encoded into the core and text dictionaries and through the codec, decode
        /// to the same whole-word lists (compound parts only add `_part` lists).
        #[test]
        fn encoded_dictionaries_round_trip(
            words in proptest::collection::btree_map(
                "[a-zæøå]{1,12}",
                (proptest::collection::btree_set(0u32..50, 0..6), proptest::collection::btree_set(0u32..50, 0..6), proptest::collection::btree_set(0u32..50, 0..6)),
                0..12,
            ),
        ) {
            let docs: Vec<WordDocs> = words
                .iter()
                .map(|(word, (name, other, description))| WordDocs {
                    word,
                    name: name.iter().copied().collect(),
                    other: other.iter().copied().collect(),
                    description: description.iter().copied().collect(),
                })
                .collect();
            let (core, text) = encode(&docs, &[], 50).expect("encodes");
            let decode = |encoded: &EncodedTerms| {
                let bytes = crate::codec::encode(&TextPayload { terms: encoded.stored() }).expect("encodes");
                let back: TextPayload = crate::codec::decode_borrowed("core", &bytes).expect("decodes");
                back.terms.decode("core", 50, &[]).expect("valid")
            };
            let (core, text) = (decode(&core), decode(&text));
            fn entry<'d>(dict: &'d TermDict, word: &str) -> Option<&'d TermEntry> {
                dict.map.get(word).map(|i| &dict.entries[i as usize])
            }
            for w in &docs {
                match entry(&core, w.word) {
                    Some(e) => {
                        prop_assert_eq!(&e.name, &w.name);
                        prop_assert_eq!(&e.other, &w.other);
                    }
                    None => prop_assert!(w.name.is_empty() && w.other.is_empty()),
                }
                match entry(&text, w.word) {
                    Some(e) => {
                        prop_assert_eq!(&e.other, &w.description);
                        prop_assert!(e.name.is_empty());
                    }
                    None => prop_assert!(w.description.is_empty()),
                }
            }
        }
    }

    proptest! {
        /// A term dictionary decodes, borrowing from the bytes, to what was encoded.
        #[test]
        fn terms_round_trip(
            fst in proptest::collection::vec(any::<u8>(), 0..64),
            entries in proptest::collection::vec(
                (proptest::collection::vec(any::<u8>(), 0..8), proptest::collection::vec(any::<u32>(), 0..4)),
                0..8,
            ),
        ) {
            let stored = TextPayload {
                terms: StoredTerms {
                    fst: Bytes(&fst),
                    entries: entries
                        .iter()
                        .map(|(postings, facet)| StoredTerm {
                            name: Bytes(postings),
                            other: Bytes(postings),
                            facet: facet.clone(),
                            ..StoredTerm::default()
                        })
                        .collect(),
                },
            };
            let bytes = crate::codec::encode(&stored).expect("encodes");
            let back: TextPayload = crate::codec::decode_borrowed("text", &bytes).expect("decodes");
            prop_assert_eq!(back.terms.fst.0, &fst[..]);
            prop_assert_eq!(back.terms.entries.len(), entries.len());
            for (term, (postings, facet)) in back.terms.entries.iter().zip(&entries) {
                prop_assert_eq!(term.name.0, &postings[..]);
                prop_assert_eq!(term.other.0, &postings[..]);
                prop_assert!(term.name_part.0.is_empty() && term.other_part.0.is_empty());
                prop_assert_eq!(&term.facet, facet);
            }
        }
    }
}
