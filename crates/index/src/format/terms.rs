//! Term dictionaries: the core file's (names, places, text facets' labels) and the deferred text
//! file's (descriptions), each an `fst::Map` from folded term to an entry of postings.

use serde::{Deserialize, Serialize};

use crate::codec::Bytes;

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
