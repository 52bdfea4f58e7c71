//! Term dictionaries: the core file's (names, places, text facets' labels) and the deferred text
//! file's (descriptions), each an `fst::Map` from folded term to an entry of postings. The
//! decoder ([`StoredTerms::decode`]) validates the map and every posting and facet reference.

use serde::{Deserialize, Serialize};

use crate::codec::Bytes;
use crate::error::IndexError;
use crate::postings;

/// A term dictionary: an `fst::Map` from folded term to entry number, and the entries.
#[derive(Serialize, Deserialize, Debug, Default)]
pub struct StoredTerms<'a> {
    /// The `fst::Map` bytes.
    #[serde(borrow)]
    pub fst: Bytes<'a>,
    /// Entries, by the number the map gives.
    #[serde(borrow)]
    pub entries: Vec<StoredTerm<'a>>,
}

/// Where a term occurs. Postings are of global docs.
#[derive(Serialize, Deserialize, Debug, Default)]
pub struct StoredTerm<'a> {
    /// Docs whose name has the term as a word.
    #[serde(borrow)]
    pub name: Bytes<'a>,
    /// Docs whose name has a compound word ending in the term.
    #[serde(borrow)]
    pub name_part: Bytes<'a>,
    /// Docs whose other text (place, description) has the term as a word.
    #[serde(borrow)]
    pub other: Bytes<'a>,
    /// Docs whose other text has a compound ending in the term.
    #[serde(borrow)]
    pub other_part: Bytes<'a>,
    /// Facet values whose label has the term as a word: facet id × 65536 + value ordinal.
    pub facet: Vec<u32>,
    /// Facet values whose label has a compound ending in the term.
    pub facet_part: Vec<u32>,
}

/// The deferred text file: description terms.
#[derive(Serialize, Deserialize, Debug)]
pub struct TextPayload<'a> {
    /// Terms; only `other` and `other_part` are used.
    #[serde(borrow)]
    pub terms: StoredTerms<'a>,
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
