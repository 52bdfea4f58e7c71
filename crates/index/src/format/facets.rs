//! A facet's stored form in the core file: for open facets the dictionary of values, and one
//! postings list per value (docs local to the facet's mode). Closed facets' values are the
//! vocabularies' (`crate::facets`); parents' and dynamic facets' sets are not stored.

use serde::{Deserialize, Serialize};

use crate::codec::Bytes;

/// A facet's dictionary and postings. Postings are of docs local to the facet's mode.
#[derive(Serialize, Deserialize, Debug, Default)]
pub struct StoredFacet<'a> {
    /// Open facets: the values, an `fst::Set` (byte order = value ordinal). Closed: empty.
    #[serde(borrow)]
    pub dictionary: Bytes<'a>,
    /// One postings list per value ordinal.
    #[serde(borrow)]
    pub postings: Vec<Bytes<'a>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A facet's dictionary and postings decode, borrowing, to what was encoded.
        #[test]
        fn a_facet_round_trips(
            dictionary in proptest::collection::vec(any::<u8>(), 0..64),
            postings in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..16), 0..8),
        ) {
            let stored = StoredFacet {
                dictionary: Bytes(&dictionary),
                postings: postings.iter().map(|p| Bytes(p)).collect(),
            };
            let bytes = crate::codec::encode(&stored).expect("encodes");
            let back: StoredFacet = crate::codec::decode_borrowed("core", &bytes).expect("decodes");
            prop_assert_eq!(back.dictionary.0, &dictionary[..]);
            let back: Vec<&[u8]> = back.postings.iter().map(|p| p.0).collect();
            let want: Vec<&[u8]> = postings.iter().map(Vec::as_slice).collect();
            prop_assert_eq!(back, want);
        }
    }
}
