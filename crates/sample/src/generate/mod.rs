//! A deterministic, realistic sample catalogue: offers and foster families that look real to a
//! Danish caseworker, for demos, tests and benchmarks.
//!
//! # What it makes
//!
//! [`Generator`] yields [`Record`]s: first `offers` offers (`T-100000`, `T-100001`, ...), then
//! `foster_families` foster families (`P-200000`, ...). [`write_jsonl`] writes them as the
//! catalogue's JSON Lines. The sample follows the shares of the real portal: legal bases
//! weighted as in practice (many § 85 and §§ 107/108, day offers under §§ 103/104, fewer
//! treatment offers, few §§ 109/110, children's opholdssteder and døgninstitutioner), target
//! groups, ages and rates that fit each basis, ~60 % of records updated within six months and
//! ~20 % older than a year, ~40 % of offers with free places, 1–2 % marked by their authority,
//! and foster families of every type with narrow age ranges, one in eight on pause.
//!
//! # Determinism
//!
//! The same [`GeneratorOptions`] give byte-identical output on every platform and in every
//! version of this module that does not say otherwise: the generator has its own PRNG
//! ([`rng`]) and uses only IEEE-exact float operations, all dates count back from
//! `options.today` (never the clock), and JSON is written by `serde_json` from plain values.
//! Changing what is generated changes the sample; the test `golden_sample_hash` then says so.
//!
//! # Memory
//!
//! Each record is drawn from its own generator seeded by `(seed, kind, index)`, so record *i*
//! costs the same as record 0 and needs nothing from the records before it
//! ([`Generator::record`]). Ids come from the index, so they are unique without remembering
//! any. Streaming a million records holds one record at a time.
//!
//! # Layout
//!
//! [`rng`] random numbers · [`geo`] municipalities, postal districts, streets, coordinates ·
//! [`ids`] CVR, P-numbers, phones · [`kinds`] what offers under each legal basis look like ·
//! [`names`] and [`text`] Danish names and descriptions · [`dates`] freshness ·
//! [`offers`] and [`families`] assemble records · [`writer`] JSON Lines output.

pub mod dates;
pub mod families;
pub mod geo;
pub mod ids;
pub mod kinds;
pub mod names;
pub mod offers;
pub mod oversight;
pub mod rng;
pub mod text;
pub mod writer;

use crate::date::Date;
use crate::model::Record;

pub use writer::write_jsonl;

/// Separates the random streams of offers and foster families.
const OFFER_STREAM: u64 = 1;
const FAMILY_STREAM: u64 = 2;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneratorOptions {
    /// Number of offers.
    pub offers: u64,
    /// Number of foster families.
    pub foster_families: u64,
    /// Seed: the same seed (and other options) give the same sample.
    pub seed: u64,
    /// The day the sample is "as of": every date is counted back from it.
    pub today: Date,
}

/// Offers in the national-size sample (about as many as Denmark has): `generate`'s default and
/// what `build/site` serves.
pub const NATIONAL_OFFERS: u64 = 6_000;
/// Foster families in the national-size sample.
pub const NATIONAL_FOSTER_FAMILIES: u64 = 6_500;

impl GeneratorOptions {
    /// The national-size sample ([`NATIONAL_OFFERS`] offers, [`NATIONAL_FOSTER_FAMILIES`]
    /// foster families) from `seed`, as of `today`.
    pub fn national(seed: u64, today: Date) -> GeneratorOptions {
        GeneratorOptions {
            offers: NATIONAL_OFFERS,
            foster_families: NATIONAL_FOSTER_FAMILIES,
            seed,
            today,
        }
    }
}

/// An iterator over the sample's records: offers first, then foster families.
#[derive(Clone, Debug)]
pub struct Generator {
    options: GeneratorOptions,
    next: u64,
}

impl Generator {
    /// A generator for these options, positioned at the first record.
    pub fn new(options: GeneratorOptions) -> Generator {
        Generator { options, next: 0 }
    }

    /// The options it generates for.
    pub fn options(&self) -> GeneratorOptions {
        self.options
    }

    /// Total number of records: offers plus foster families.
    pub fn len_total(&self) -> u64 {
        self.options
            .offers
            .saturating_add(self.options.foster_families)
    }

    /// Record number `index` (offers first, then families), computed on its own in constant
    /// time; `None` past the end. Iterating yields exactly `record(0)`, `record(1)`, ...
    pub fn record(&self, index: u64) -> Option<Record> {
        let GeneratorOptions {
            offers,
            seed,
            today,
            ..
        } = self.options;
        if index >= self.len_total() {
            None
        } else if index < offers {
            let mut rng = rng::Rng::for_record(seed, OFFER_STREAM, index);
            Some(Record::Offer(offers::offer(&mut rng, index, today)))
        } else {
            let number = index - offers;
            let mut rng = rng::Rng::for_record(seed, FAMILY_STREAM, number);
            Some(Record::FosterFamily(families::family(
                &mut rng, number, today,
            )))
        }
    }
}

impl Iterator for Generator {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let record = self.record(self.next)?;
        self.next += 1;
        Some(record)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.len_total().saturating_sub(self.next);
        let left = usize::try_from(left).unwrap_or(usize::MAX);
        (left, Some(left))
    }

    fn nth(&mut self, n: usize) -> Option<Record> {
        self.next = self.next.saturating_add(n as u64);
        self.next()
    }
}
