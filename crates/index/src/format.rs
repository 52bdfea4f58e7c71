//! The payloads of the index files (inside the envelope of [`crate::frame`]) and the manifest.
//!
//! Field order is the byte layout (bincode writes fields in declaration order): change it only
//! with a format version bump and new golden files.

use catalogue::Date;
use serde::{Deserialize, Serialize};

use crate::codec::Bytes;
use crate::error::{FileKind, IndexError};
use crate::frame::{why_unreadable, FORMAT_VERSION, GENERATOR, MAX_READ_VERSION, MIN_READ_VERSION};
use crate::query::Mode;

/// The core file: everything needed for the first results. Docs `0..offers` are offers,
/// `offers..offers + families` foster families, each in catalogue order.
#[derive(Serialize, Deserialize, Debug)]
pub struct CorePayload<'a> {
    /// Number of offers.
    pub offers: u32,
    /// Number of foster families.
    pub families: u32,
    /// Card columns, one entry per doc.
    #[serde(borrow)]
    pub cards: CardColumns<'a>,
    /// One entry per facet of [`crate::facets::FACETS`] (dynamic facets: empty).
    #[serde(borrow)]
    pub facets: Vec<StoredFacet<'a>>,
    /// Terms of names, places, and text facets' labels.
    #[serde(borrow)]
    pub terms: StoredTerms<'a>,
    /// Postal districts with the centroid of the catalogue's addresses, by postal code.
    pub postal: Vec<StoredPostal>,
    /// Peer groups for price positions: (legal basis index, target-group group index).
    pub peer_groups: Vec<(u8, u8)>,
}

/// Card fields as columns, each encoded to be small before and after gzip. Dates are stored as
/// days before `epoch` (the latest date in the columns); positions as the difference from the
/// postal district's centroid in degrees × 10⁴; the district name only when it differs from the
/// postal table's.
#[derive(Serialize, Deserialize, Debug, Default)]
pub struct CardColumns<'a> {
    /// Prefixes of ids of the form prefix + number (`T-`, `P-`), sorted.
    #[serde(borrow)]
    pub id_prefixes: Vec<&'a str>,
    /// Index into `id_prefixes`, or `u32::MAX` for an id stored literally.
    pub id_prefix: Vec<u32>,
    /// Id number minus the previous doc's id number.
    pub id_number: Vec<i64>,
    /// Ids that are not prefix + number: (doc, id).
    #[serde(borrow)]
    pub id_literals: Vec<(u32, &'a str)>,
    /// Names.
    #[serde(borrow)]
    pub names: Vec<&'a str>,
    /// Offer type or family type (vocabulary index).
    pub kind: Vec<u8>,
    /// Number of legal bases per doc.
    pub basis_counts: Vec<u8>,
    /// Legal bases (vocabulary index), concatenated.
    pub bases: Vec<u8>,
    /// Postal code of the (first) address.
    pub postal: Vec<u16>,
    /// 0: the postal table's district name for the code; otherwise 1 + index into `cities`.
    pub city: Vec<u32>,
    /// Distinct postal district names, in order of first use.
    #[serde(borrow)]
    pub cities: Vec<&'a str>,
    /// Municipality code of the (first) address; 0 when it is the postal table's for the code.
    pub municipality: Vec<u16>,
    /// Number of other municipalities per doc (offers' departments after the first).
    pub extra_municipality_counts: Vec<u8>,
    /// Those municipality codes, concatenated.
    pub extra_municipalities: Vec<u16>,
    /// Number of age ranges per doc (offers: one per service; families: one).
    pub age_counts: Vec<u8>,
    /// Age ranges (from, to), concatenated.
    pub ages: Vec<(u8, u8)>,
    /// Places in total (families: children approved for).
    pub places: Vec<u32>,
    /// Free places, when reported.
    pub free: Vec<Option<u32>>,
    /// When free places were reported (days before `epoch`).
    pub free_reported: Vec<Option<i32>>,
    /// Main rate: (unit index, amount in øre, occupancy rate in tenths of a percent).
    pub price: Vec<Option<(u8, i64, Option<u16>)>>,
    /// The day dates are counted back from.
    pub epoch: i32,
    /// Oldest part's update (days before `epoch`).
    pub updated_oldest: Vec<i32>,
    /// Newest part's update minus the oldest's, days.
    pub updated_span: Vec<i32>,
    /// Date of the authority's marking (days before `epoch`).
    pub marked: Vec<Option<i32>>,
    /// Start of a pause (days before `epoch`).
    pub pause_from: Vec<Option<i32>>,
    /// End of a pause (days before `epoch`; negative when after it).
    pub pause_until: Vec<Option<i32>>,
    /// Latitude × 10⁴ minus the postal district centroid's.
    pub lat: Vec<i32>,
    /// Longitude × 10⁴ minus the postal district centroid's.
    pub lon: Vec<i32>,
    /// 1 + index into [`CorePayload::peer_groups`], or 0.
    pub peer_group: Vec<u16>,
    /// Supervision facts per doc (format 2).
    pub oversight: Vec<StoredOversight>,
    /// Foster families: free places for støtteophold (`free` holds døgnanbringelse); `None`
    /// for offers and families not approved for it.
    pub free_respite: Vec<Option<u32>>,
}

/// A card's supervision facts: standing sanctions, the latest inspection and the approval's
/// lapse, dates as days before [`CardColumns::epoch`] (negative when after it).
#[derive(Serialize, Deserialize, Debug, Default, Clone, PartialEq)]
pub struct StoredOversight {
    /// The supervising authority (vocabulary index): where "Meld en fejl" writes to.
    pub authority: u8,
    /// (sanction kind index, decided, deadline) of each standing sanction.
    pub sanctions: Vec<(u8, i32, Option<i32>)>,
    /// (date, inspection kind index) of the latest inspection.
    pub inspection: Option<(i32, u8)>,
    /// When the approval lapses for being unused.
    pub lapses: Option<i32>,
}

impl StoredOversight {
    /// The facts of a record, dates as day numbers.
    pub fn of(record: &catalogue::Record) -> StoredOversight {
        StoredOversight {
            authority: record.authority().index() as u8,
            sanctions: record
                .sanctions()
                .iter()
                .filter(|s| s.is_active())
                .map(|s| (s.kind.index() as u8, s.date.0, s.deadline.map(|d| d.0)))
                .collect(),
            inspection: record
                .latest_inspection()
                .map(|i| (i.date.0, i.kind.index() as u8)),
            lapses: record.approval_lapses_on().map(|d| d.0),
        }
    }

    /// The same facts with every date mapped by `f` (to and from days before the epoch).
    pub fn map_dates(&self, f: impl Fn(i32) -> i32) -> StoredOversight {
        StoredOversight {
            authority: self.authority,
            sanctions: self
                .sanctions
                .iter()
                .map(|&(kind, since, deadline)| (kind, f(since), deadline.map(&f)))
                .collect(),
            inspection: self.inspection.map(|(date, kind)| (f(date), kind)),
            lapses: self.lapses.map(&f),
        }
    }
}

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

/// A postal district.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct StoredPostal {
    /// Postal code.
    pub code: u16,
    /// Index into [`CardColumns::cities`].
    pub city: u32,
    /// Municipality of the first address seen with the code.
    pub municipality: u16,
    /// Centroid latitude × 10⁴.
    pub lat: i32,
    /// Centroid longitude × 10⁴.
    pub lon: i32,
}

/// The deferred text file: description terms.
#[derive(Serialize, Deserialize, Debug)]
pub struct TextPayload<'a> {
    /// Terms; only `other` and `other_part` are used.
    #[serde(borrow)]
    pub terms: StoredTerms<'a>,
}

/// The header of a detail shard; the records follow it, each bincode-encoded.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailHeader {
    /// Mode of every record of the shard.
    pub mode: Mode,
    /// Position of the first record among its mode's records.
    pub first: u32,
    /// Number of records.
    pub count: u32,
}

/// Steps per degree of stored coordinates: 10⁻⁴ degrees is 11 m north–south and 6 m east–west
/// in Denmark, far finer than any distance a search asks about.
pub const COORDINATE_STEPS: f64 = 1e4;

/// Quantises a coordinate to 10⁻⁴ degrees.
pub fn quantise(degrees: f64) -> i32 {
    if degrees.is_finite() {
        (degrees * COORDINATE_STEPS)
            .round()
            .clamp(i32::MIN as f64, i32::MAX as f64) as i32
    } else {
        0
    }
}

/// The degrees of a quantised coordinate.
pub fn dequantise(value: i32) -> f64 {
    f64::from(value) / COORDINATE_STEPS
}

/// One file as listed in the manifest.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ManifestFile {
    /// File name (content-hashed).
    pub name: String,
    /// Kind of file.
    pub kind: FileKind,
    /// Size in bytes.
    pub size: u64,
    /// xxh3-64 of the whole file, 16 hex digits.
    pub checksum: String,
    /// For detail shards: which records it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<DetailHeader>,
}

/// Counts in the manifest.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndexCounts {
    /// Offers indexed.
    pub offers: u32,
    /// Foster families indexed.
    pub foster_families: u32,
}

/// `manifest.json`: the only file with a fixed name; lists every other file.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Manifest {
    /// Always `"tilbudsfinder-index"`.
    pub format: String,
    /// Format version of the files.
    pub format_version: u16,
    /// Version of the crate that wrote them.
    pub generator: String,
    /// The build's `--today` (judges nothing stored; recorded for the report), if given.
    #[serde(default)]
    pub built_for: Option<Date>,
    /// Records indexed.
    pub counts: IndexCounts,
    /// Every file: core first, then text, then detail shards in record order.
    pub files: Vec<ManifestFile>,
}

/// The name of the manifest file.
pub const MANIFEST_NAME: &str = "manifest.json";
const FORMAT_NAME: &str = "tilbudsfinder-index";

impl Manifest {
    /// A manifest for freshly written files.
    pub fn new(built_for: Option<Date>, counts: IndexCounts, files: Vec<ManifestFile>) -> Manifest {
        Manifest {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            generator: GENERATOR.to_string(),
            built_for,
            counts,
            files,
        }
    }

    /// Parses and checks `manifest.json`.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, IndexError> {
        let manifest: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| IndexError::corrupt(MANIFEST_NAME, e.to_string()))?;
        if manifest.format != FORMAT_NAME {
            return Err(IndexError::BadMagic {
                file: MANIFEST_NAME.to_string(),
            });
        }
        if !(MIN_READ_VERSION..=MAX_READ_VERSION).contains(&manifest.format_version) {
            return Err(IndexError::Version {
                file: MANIFEST_NAME.to_string(),
                min: MIN_READ_VERSION,
                max: MAX_READ_VERSION,
                got: manifest.format_version,
                generator: GENERATOR,
                why: why_unreadable(manifest.format_version),
            });
        }
        let cores = manifest
            .files
            .iter()
            .filter(|f| f.kind == FileKind::Core)
            .count();
        if cores != 1 {
            return Err(IndexError::corrupt(
                MANIFEST_NAME,
                format!("lists {cores} core files, expected 1"),
            ));
        }
        Ok(manifest)
    }

    /// The manifest as pretty JSON (deterministic: field order is fixed).
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// Files to fetch before the first results: the core file.
    pub fn initial_files(&self) -> Vec<String> {
        self.names_of(FileKind::Core)
    }

    /// Names of every file of a kind, in manifest order.
    pub fn names_of(&self, kind: FileKind) -> Vec<String> {
        self.files
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.name.clone())
            .collect()
    }

    /// The entry of a file.
    pub fn file(&self, name: &str) -> Option<&ManifestFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// Checks that `bytes` are the file the manifest lists under `name`.
    pub fn check_file(&self, name: &str, bytes: &[u8]) -> Result<&ManifestFile, IndexError> {
        let entry = self
            .file(name)
            .ok_or_else(|| IndexError::mismatch(name, "not listed in the manifest"))?;
        if entry.size != bytes.len() as u64 {
            return Err(IndexError::mismatch(
                name,
                format!("size {} but the manifest says {}", bytes.len(), entry.size),
            ));
        }
        let checksum = crate::frame::file_checksum(bytes);
        if checksum != entry.checksum {
            return Err(IndexError::mismatch(
                name,
                format!(
                    "checksum {checksum} but the manifest says {}",
                    entry.checksum
                ),
            ));
        }
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_round_trip_within_half_a_step() {
        for degrees in [54.5595, 57.7512, 8.0763, 15.1973, 0.0, -12.34567] {
            let back = dequantise(quantise(degrees));
            assert!(
                (back - degrees).abs() <= 0.5 / COORDINATE_STEPS + 1e-12,
                "{degrees} -> {back}"
            );
        }
    }
}
