//! Positions and great-circle distances: the one definition of "how far", used by the reader
//! (which prepares a [`Point`] per document once), the engine (distance filter, sort and the
//! distance shown on a hit) and, through [`distance_km`], the web UI and the tests.
//!
//! It sits below both the reader and the engine so that neither imports the other for it.

pub use catalogue::geo::{distance_km, Point, EARTH_RADIUS_KM};
