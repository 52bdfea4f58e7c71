//! The payloads of the index files (inside the envelope of [`crate::frame`]) and the manifest,
//! one file per stored structure, each with its layout, its encoder beside its decoder (which
//! validates what it decodes) and a round-trip test; the writer (`build.rs`) and the reader
//! (`reader.rs`) only call them:
//!
//! - [`cards`]: the card columns of the core file (with the name order), postal districts,
//!   supervision facts, peer-group numbers and quantised coordinates;
//! - [`facets`]: a facet's dictionary and postings, and the sets the reader derives;
//! - [`terms`]: term dictionaries (core and text files), whole words and compound parts;
//! - [`details`]: detail shards (header and records);
//! - [`manifest`]: the manifest file (`manifest.json`).
//!
//! Field order is the byte layout (each structure's `Wire` impl lists its fields in order; the
//! encoding is `crate::codec`'s): change it only with a format version bump and new golden files (`docs/index-format.md`, "What bumps the
//! format version").

pub mod cards;
pub mod details;
pub mod facets;
pub mod manifest;
pub mod terms;

pub use cards::{
    dequantise, quantise, CardColumns, StoredOversight, StoredPostal, COORDINATE_STEPS,
};
pub use details::DetailHeader;
pub use facets::StoredFacet;
pub use manifest::{IndexCounts, Manifest, ManifestFile, MANIFEST_NAME};
pub use terms::{StoredTerm, StoredTerms, TextPayload};

/// The core file: everything needed for the first results. Docs `0..offers` are offers,
/// `offers..offers + families` foster families, each in catalogue order.
#[derive(Debug)]
pub struct CorePayload<'a> {
    /// Number of offers.
    pub offers: u32,
    /// Number of foster families.
    pub families: u32,
    /// Card columns, one entry per doc.
    pub cards: CardColumns<'a>,
    /// One entry per facet of [`crate::facets::FACETS`] (dynamic facets: empty).
    pub facets: Vec<StoredFacet<'a>>,
    /// Terms of names, places, and text facets' labels.
    pub terms: StoredTerms<'a>,
    /// Postal districts with the centroid of the catalogue's addresses, by postal code.
    pub postal: Vec<StoredPostal>,
    /// Peer groups for price positions: (legal basis index, target-group group index).
    pub peer_groups: Vec<(u8, u8)>,
}

crate::wire_struct!(CorePayload<'a> { offers, families, cards, facets, terms, postal, peer_groups });
