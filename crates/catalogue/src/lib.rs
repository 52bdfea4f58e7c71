//! The offer catalogue of Tilbudsfinder.
//!
//! A catalogue is a JSON Lines file: one [`model::Record`] a line, an offer or a foster
//! family. This crate owns everything about it:
//!
//! - [`model`]: the records' types, which are the file format (documented in
//!   `docs/catalogue.md`, with a JSON Schema in `docs/catalogue.schema.json`);
//! - [`vocab`]: the closed vocabularies (legal bases, target groups, authorities, regions, the 98
//!   municipalities with approximate positions);
//! - [`vocab_en`]: their English labels, beside the Danish ones, for an English interface;
//! - [`date`]: calendar dates as day numbers;
//! - [`geo`]: positions and great-circle distances, the one definition of "how far";
//! - [`freshness`]: the one rule for fresh, aging and stale parts of a record;
//! - [`read`]: the streaming JSON Lines reader, one located error per bad line;
//! - [`check`]: every rule a record must pass to be indexed, as errors and warnings;
//! - [`migrate`]: rewrites a catalogue of an earlier format's codes, reporting what a person
//!   must decide.
//!
//! The sample generator is the `tilbudsfinder-sample` crate (`crates/sample`), so that the
//! browser build never compiles it.
//!
//! `read`, `migrate` and [`check::check_stream`] are behind the default feature `read`: the index
//! and web crates depend on this crate without it (`default-features = false`), so the browser
//! build compiles only the model, the vocabularies and the record checks' pure rules.
//!
//! The crate does no I/O of its own beyond reading from a `BufRead` it is given, so the model
//! compiles to wasm with the index crate that stores these records.

pub mod check;
pub mod date;
pub mod freshness;
pub mod geo;
#[cfg(feature = "read")]
pub mod migrate;
pub mod model;
#[cfg(feature = "read")]
pub mod read;
pub mod vocab;
pub mod vocab_en;

pub use date::Date;
pub use model::{FosterFamily, Offer, Record};
