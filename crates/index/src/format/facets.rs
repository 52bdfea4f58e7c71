//! A facet's stored form in the core file: for open facets the dictionary of values, and one
//! postings list per value (docs local to the facet's mode). Closed facets' values are the
//! vocabularies' (`crate::facets`); parents' and dynamic facets' sets are not stored.
//!
//! The encoder ([`encode`]) and the decoder ([`decode`], which validates every dictionary and
//! postings list) are both here; [`derive`] rebuilds
//! the sets that are not stored (municipalities from the card columns, parents from their
//! children).

use std::collections::BTreeMap;

use crate::bits::Bits;
use crate::codec::Bytes;
use crate::error::{BuildError, IndexError};
use crate::facets::{derivation, facet_id, fixed_values, Derivation, FacetKind, ValueDef, FACETS};
use crate::format::cards::{check_len, Columns};
use crate::postings;
use crate::query::Mode;
use crate::text;

/// A facet's dictionary and postings. Postings are of docs local to the facet's mode.
#[derive(Debug, Default)]
pub struct StoredFacet<'a> {
    /// Open facets: the values, an `fst::Set` (byte order = value ordinal). Closed: empty.
    pub dictionary: Bytes<'a>,
    /// One postings list per value ordinal.
    pub postings: Vec<Bytes<'a>>,
}

crate::wire_struct!(StoredFacet<'a> { dictionary, postings });

/// A facet's postings as the writer collects them (docs local to the facet's mode, ascending).
#[derive(Default)]
pub(crate) struct FacetPostings {
    /// Closed facets: by vocabulary index.
    pub closed: Vec<Vec<u32>>,
    /// Open facets: by value string.
    pub open: BTreeMap<String, Vec<u32>>,
}

/// A facet encoded: its dictionary (open facets) and one postings list per value ordinal.
#[derive(Default)]
pub(crate) struct EncodedFacet {
    dictionary: Vec<u8>,
    postings: Vec<Vec<u8>>,
}

impl EncodedFacet {
    /// The stored form, borrowing.
    pub fn stored(&self) -> StoredFacet<'_> {
        StoredFacet {
            dictionary: Bytes(&self.dictionary),
            postings: self.postings.iter().map(|l| Bytes(l)).collect(),
        }
    }
}

/// A value of a text facet that some doc has, whose label is indexed as terms: (facet id,
/// value ordinal, label).
pub(crate) type FacetLabel = (usize, usize, String);

/// Encodes every facet of [`FACETS`] from its postings (one entry each), and lists the values of
/// text facets whose labels are indexed as terms.
pub(crate) fn encode(
    postings: &[FacetPostings],
    offers: u32,
    families: u32,
) -> Result<(Vec<EncodedFacet>, Vec<FacetLabel>), BuildError> {
    let mut facets = Vec::with_capacity(FACETS.len());
    let mut labels = Vec::new();
    for ((id, facet), acc) in FACETS.iter().enumerate().zip(postings) {
        let (_, universe) = mode_docs(facet.mode, offers, families);
        if derivation(facet) != Derivation::Stored {
            // Rebuilt by the reader from other data; only the label terms are stored.
            for (index, value) in fixed_values(facet).iter().enumerate() {
                if facet.text && acc.closed.get(index).is_some_and(|d| !d.is_empty()) {
                    labels.push((id, index, value.label.clone()));
                }
            }
            facets.push(EncodedFacet::default());
            continue;
        }
        match facet.kind() {
            FacetKind::Dynamic => facets.push(EncodedFacet::default()),
            FacetKind::Closed => {
                let mut lists = Vec::new();
                for (index, value) in fixed_values(facet).iter().enumerate() {
                    let docs = acc.closed.get(index).map(Vec::as_slice).unwrap_or(&[]);
                    lists.push(postings::encode(docs, universe));
                    if facet.text && !docs.is_empty() {
                        labels.push((id, index, value.label.clone()));
                    }
                }
                facets.push(EncodedFacet {
                    dictionary: Vec::new(),
                    postings: lists,
                });
            }
            FacetKind::Open => {
                let set =
                    fst::Set::from_iter(acc.open.keys()).map_err(|e| BuildError::Dictionary {
                        what: format!("facet {}", facet.name),
                        reason: e.to_string(),
                    })?;
                let mut lists = Vec::new();
                for (index, (value, docs)) in acc.open.iter().enumerate() {
                    lists.push(postings::encode(docs, universe));
                    if facet.text {
                        labels.push((id, index, value.clone()));
                    }
                }
                facets.push(EncodedFacet {
                    dictionary: set.into_fst().into_inner(),
                    postings: lists,
                });
            }
        }
    }
    Ok((facets, labels))
}

/// A facet's values and their document sets (local to the facet's mode).
pub(crate) struct FacetData {
    /// Values by ordinal.
    pub values: Vec<ValueDef>,
    /// Ordinals in display order.
    pub display: Vec<usize>,
    /// Documents per ordinal (static facets; dynamic ones are computed per query).
    pub sets: Vec<Bits>,
}

/// The first doc and the number of docs of a mode.
fn mode_docs(mode: Mode, offers: u32, families: u32) -> (u32, u32) {
    match mode {
        Mode::Offers => (0, offers),
        Mode::FosterFamilies => (offers, families),
    }
}

/// Decodes and validates the stored facets, one per entry of [`FACETS`]; the sets of derived
/// facets are left empty for [`derive`].
pub(crate) fn decode(
    file: &str,
    stored: &[StoredFacet<'_>],
    offers: u32,
    families: u32,
) -> Result<Vec<FacetData>, IndexError> {
    if stored.len() != FACETS.len() {
        return Err(IndexError::corrupt(file, "wrong number of facets"));
    }
    let mut facets = Vec::with_capacity(FACETS.len());
    for (spec, stored) in FACETS.iter().zip(stored) {
        let (_, docs) = mode_docs(spec.mode, offers, families);
        let values: Vec<ValueDef> = match spec.kind() {
            FacetKind::Open => {
                let bad =
                    |e: fst::Error| IndexError::corrupt(file, format!("facet {}: {e}", spec.name));
                let set = fst::Set::new(stored.dictionary.0.to_vec()).map_err(bad)?;
                set.as_fst().verify().map_err(bad)?;
                set.stream()
                    .into_strs()
                    .map_err(bad)?
                    .into_iter()
                    .map(|s| ValueDef {
                        code: s.clone(),
                        label: s,
                        parent: None,
                    })
                    .collect()
            }
            _ => fixed_values(spec),
        };
        let mut sets = Vec::new();
        if derivation(spec) == Derivation::Stored && spec.kind() != FacetKind::Dynamic {
            check_len(file, spec.name, stored.postings.len(), values.len())?;
            for list in &stored.postings {
                let set = postings::decode_bits(list.0, docs)
                    .ok_or_else(|| IndexError::corrupt(file, "malformed postings"))?;
                sets.push(set);
            }
        }
        let mut display: Vec<usize> = (0..values.len()).collect();
        if spec.kind() == FacetKind::Open {
            display.sort_by_cached_key(|&i| (text::collation_key(&values[i].label), i));
        }
        facets.push(FacetData {
            values,
            display,
            sets,
        });
    }
    Ok(facets)
}

/// Rebuilds the sets of the facets that are not stored: municipalities from the card columns
/// (a doc's own and its other departments'), then parents as the union of their children.
pub(crate) fn derive(
    file: &str,
    facets: &mut [FacetData],
    columns: &Columns,
    offers: u32,
    families: u32,
) -> Result<(), IndexError> {
    for (id, spec) in FACETS.iter().enumerate() {
        if derivation(spec) != Derivation::FromMunicipalityColumn {
            continue;
        }
        let (first, docs) = mode_docs(spec.mode, offers, families);
        let mut sets = vec![Bits::empty(docs); facets[id].values.len()];
        for local in 0..docs {
            let d = (first + local) as usize;
            let extras = &columns.extra_municipalities
                [columns.extra_offsets[d] as usize..columns.extra_offsets[d + 1] as usize];
            for &code in std::iter::once(&columns.municipality[d]).chain(extras) {
                if let Some(set) =
                    catalogue::vocab::municipality_index(code).and_then(|i| sets.get_mut(i))
                {
                    set.insert(local);
                }
            }
        }
        facets[id].sets = sets;
    }
    for (id, spec) in FACETS.iter().enumerate() {
        let Derivation::FromChild(child_name) = derivation(spec) else {
            continue;
        };
        let child = facet_id(spec.mode, child_name)
            .ok_or_else(|| IndexError::corrupt(file, "derived facet without child"))?;
        let (_, docs) = mode_docs(spec.mode, offers, families);
        let mut sets = vec![Bits::empty(docs); facets[id].values.len()];
        for (value, set) in facets[child].values.iter().zip(&facets[child].sets) {
            let parent = facets[id]
                .values
                .iter()
                .position(|p| Some(&p.code) == value.parent.as_ref());
            if let Some(parent) = parent {
                sets[parent].union_with(set);
            }
        }
        facets[id].sets = sets;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// About a quarter of a universe's docs, picked by a stream of numbers from `seed`.
    fn some_docs(universe: u32, seed: &mut u64) -> Vec<u32> {
        (0..universe)
            .filter(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *seed >> 62 == 0
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Every stored facet's postings, encoded, through the codec, decode to the same sets;
        /// open facets' values come back from their dictionary in byte order.
        #[test]
        fn every_stored_facet_round_trips(offers in 0u32..40, families in 0u32..40, seed in any::<u64>()) {
            let mut seed = seed;
            let postings: Vec<FacetPostings> = FACETS
                .iter()
                .map(|spec| {
                    let (_, universe) = mode_docs(spec.mode, offers, families);
                    let mut acc = FacetPostings::default();
                    match spec.kind() {
                        FacetKind::Closed => {
                            acc.closed = (0..fixed_values(spec).len())
                                .map(|_| some_docs(universe, &mut seed))
                                .collect();
                        }
                        FacetKind::Open => {
                            for value in ["Miljøterapi", "KRAP", "Åben dialog"] {
                                let docs = some_docs(universe, &mut seed);
                                if !docs.is_empty() {
                                    acc.open.insert(value.to_string(), docs);
                                }
                            }
                        }
                        FacetKind::Dynamic => {}
                    }
                    acc
                })
                .collect();
            let (encoded, _) = encode(&postings, offers, families).expect("encodes");
            let stored: Vec<StoredFacet> = encoded.iter().map(EncodedFacet::stored).collect();
            let bytes = crate::codec::encode(&stored).expect("encodes");
            let back: Vec<StoredFacet> = crate::codec::decode_borrowed("core", &bytes).expect("decodes");
            let decoded = decode("core", &back, offers, families).expect("valid");
            for ((spec, acc), data) in FACETS.iter().zip(&postings).zip(&decoded) {
                if derivation(spec) != Derivation::Stored {
                    continue;
                }
                let want: Vec<Vec<u32>> = match spec.kind() {
                    FacetKind::Closed => acc.closed.clone(),
                    FacetKind::Open => acc.open.values().cloned().collect(),
                    FacetKind::Dynamic => Vec::new(),
                };
                let got: Vec<Vec<u32>> = data.sets.iter().map(|set| set.iter().collect()).collect();
                prop_assert_eq!(got, want, "facet {}", spec.name);
                if spec.kind() == FacetKind::Open {
                    let codes: Vec<&String> = data.values.iter().map(|v| &v.code).collect();
                    let want: Vec<&String> = acc.open.keys().collect();
                    prop_assert_eq!(codes, want);
                }
            }
        }
    }

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
