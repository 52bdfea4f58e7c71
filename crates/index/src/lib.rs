//! The search index of Tilbudsfinder: file format, writer, reader and query engine.
//!
//! One crate holds all four so that the build step (native) and the browser (wasm) can never
//! disagree about the format. The query path does no I/O, uses no threads and no clock: the
//! caller hands it bytes and [`Query::today`].
//!
//! # How the parts fit
//!
//! ```text
//! catalogue records ──IndexBuilder::add──▶ IndexBuilder ──finish──▶ IndexFiles (manifest + files)
//! manifest.json ──Manifest::parse──▶ Manifest ──initial_files──▶ fetch ──SearchIndex::open──▶ SearchIndex
//! SearchIndex::search(&Query) ──▶ SearchResults { total, hits, facets }   SearchIndex::card(doc) ──▶ Card
//! SearchIndex::detail_file(doc) ──▶ fetch ──SearchIndex::decode_detail──▶ catalogue::Record
//! ```
//!
//! ```
//! use tilbudsfinder_index::{BuildOptions, IndexBuilder, Manifest, Query, SearchIndex};
//!
//! let builder = IndexBuilder::new(BuildOptions::default());
//! // builder.add(&record) for every accepted record ...
//! let built = builder.finish().unwrap();
//! let manifest = Manifest::parse(&built.manifest).unwrap();
//! let index = SearchIndex::open(&manifest, built.files.clone()).unwrap();
//! let results = index.search(&Query::default());
//! assert_eq!(results.total, 0);
//! ```
//!
//! # Files
//!
//! An index is a directory: `manifest.json` (the only mutable name) and data files named by
//! content hash, `<kind>.<xxh3-64 hex>.bin`, so a static host can cache them forever. Every data
//! file has the same envelope ([`frame`]): magic `TBFI`, format version (u16), kind byte, payload
//! length, payload, xxh3-64 checksum of everything before it, end magic `IFBT`. The kinds
//! ([`FileKind`]):
//!
//! - **core** (one; fetched before the first results): card columns, facet dictionaries and
//!   postings, the term dictionary of names, places and text facets' labels (an `fst::Map` from
//!   folded term to entry), postal districts with their centroids, and peer groups for price
//!   positions. Layout: [`format::CorePayload`].
//! - **text** (one; fetched after the first results): the description terms
//!   ([`format::TextPayload`]). Until it is added, text search covers names, places, methods,
//!   target groups and the other text facets but not descriptions.
//! - **detail** (many, 128 records each): a [`format::DetailHeader`] followed by the full records
//!   ([`codec`]), fetched when a record is opened.
//!
//! `docs/index-format.md` describes every byte; what follows are the rules that matter to code.
//!
//! # Invariants
//!
//! - Documents are numbered densely: offers `0..offers` in catalogue order, then foster families.
//! - Postings are strictly increasing doc lists, stored as gaps or as a bitmap, whichever is
//!   smaller ([`postings`]); facet postings are numbered within their mode, term postings globally.
//! - Everything written is ordered: building the same catalogue twice gives the same bytes.
//! - [`SearchIndex::open`] rejects any file whose envelope, manifest entry or cross-references
//!   do not check out, with an [`IndexError`] naming the file; afterwards no lookup can fail.
//!
//! # Versions
//!
//! The reader accepts format versions [`frame::MIN_READ_VERSION`]..=[`frame::MAX_READ_VERSION`].
//! A file outside that range gives [`IndexError::Version`], whose message names the tool version
//! that writes this reader's format: rebuild the index with it (or reload a stale page).
//!
//! # Quirks
//!
//! - Amounts are stored to the øre and occupancy rates to a tenth of a percent; positions to
//!   10⁻⁴ degrees (about 11 m). Distances use an offer's first department.
//! - Typo tolerance counts edits (a swap of neighbouring letters is one) in bytes of the folded
//!   token, with a budget by letters (æ, ø, å one each); tokens over 32 bytes get none.
//! - Compound parts are suffixes (≥ 5 bytes) of a word that are themselves words somewhere in
//!   the catalogue or in the synonym dictionary: "behandling" finds "misbrugsbehandling" when
//!   "behandling" occurs alone somewhere. They rank as partial matches.
//! - Text matching and ranking: [`matching`]; everyday words: [`synonyms`]; the ranking rules
//!   for people: `docs/ranking.md`.

pub mod automaton;
pub mod bits;
mod build;
pub mod capacity;
pub mod codec;
mod error;
pub mod facets;
pub mod format;
pub mod frame;
pub mod geo;
pub mod json;
pub mod matching;
mod memory;
mod orders;
pub mod postings;
pub mod price;
pub mod query;
mod reader;
pub mod relevance;
mod search;
pub mod synonyms;
pub mod text;

pub use build::{BuildOptions, IndexBuilder, IndexFiles};
pub use capacity::{CapacityFigures, CapacityOverview, CapacityRow};
pub use error::{BuildError, FileKind, FoundKind, IndexError};
pub use format::{IndexCounts, Manifest, ManifestFile, MANIFEST_NAME};
pub use geo::distance_km;
pub use matching::{quality, Field, MatchKind};
pub use memory::{BuiltIndex, OpenWith};
pub use query::{
    Card, CardInspection, CardOversight, CardPrice, CardSanction, Constraint, FacetCounts,
    FacetValueCount, Hit, Mode, Near, PricePosition, PriceRange, Query, Relaxation, SearchResults,
    Sort,
};
pub use reader::{IndexInfo, SearchIndex};
pub use search::{page_size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SORTS};
