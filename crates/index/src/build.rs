//! The index writer: takes accepted records one at a time and produces the index files.
//!
//! Records are never all held as records: each is reduced on arrival to a compact row (card
//! fields, numbers), facet postings and term postings, and its full form is encoded (`codec`)
//! and kept as bytes. [`IndexBuilder::finish`] numbers the docs of each mode in Danish name order
//! ([`cards::name_order`]: collation key, name bytes, then arrival), so that the name order is
//! the doc order and the index need not store it (format 4); it then renumbers the postings,
//! cuts the encoded records into detail shards in that order and assembles the core and text
//! files. Everything is ordered (BTreeMap, sorted vectors): building twice gives the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use catalogue::model::{FosterFamily, Offer, Record};
use catalogue::vocab::MUNICIPALITIES;
use catalogue::Date;

use crate::codec;
use crate::error::{BuildError, FileKind};
use crate::facets::{static_values, FacetKind, StaticValue, FACETS};
use crate::format::cards::{self, CardRow};
use crate::format::details;
use crate::format::facets::{self as stored_facets, EncodedFacet, FacetPostings};
use crate::format::terms::{self, WordDocs};
use crate::format::{
    quantise, CardColumns, CorePayload, DetailHeader, IndexCounts, Manifest, ManifestFile,
    StoredOversight, StoredPostal, TextPayload,
};
use crate::frame;
use crate::price::{self, PeerGroup};
use crate::query::Mode;
use crate::text;

/// How to build.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The build's date, recorded in the manifest (nothing stored depends on it).
    pub today: Option<Date>,
    /// Records per detail shard.
    pub shard_size: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            today: None,
            shard_size: 128,
        }
    }
}

/// The files of a finished index: write `files` first, `manifest` (as `manifest.json`) last.
#[derive(Clone, Debug, Default)]
pub struct IndexFiles {
    /// `manifest.json`.
    pub manifest: Vec<u8>,
    /// (name, bytes) of every data file: the core, the text and the detail shards.
    pub files: Vec<(String, Vec<u8>)>,
}

impl IndexFiles {
    /// Writes the data files, then `manifest.json` through a temporary file and a rename, so a
    /// reader never sees a manifest whose files are missing.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn write_to(&self, dir: &std::path::Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, bytes) in &self.files {
            std::fs::write(dir.join(name), bytes)?;
        }
        let tmp = dir.join(".manifest.json.tmp");
        std::fs::write(&tmp, &self.manifest)?;
        std::fs::rename(&tmp, dir.join(crate::format::MANIFEST_NAME))
    }
}

/// A doc's key while building: mode in the top bit, position in its mode below.
type DocKey = u32;
const FAMILY_BIT: u32 = 1 << 31;

/// Postings of one term while building, per field and whether it is a whole word.
#[derive(Default)]
struct TermAcc {
    name: Vec<DocKey>,
    other: Vec<DocKey>,
    description: Vec<DocKey>,
}

fn push_doc(list: &mut Vec<DocKey>, doc: DocKey) {
    if list.last() != Some(&doc) {
        list.push(doc);
    }
}

/// The encoded detail records of one mode, in arrival order, back to back.
#[derive(Default)]
struct DetailAcc {
    bytes: Vec<u8>,
    /// Where each record ends in `bytes`.
    ends: Vec<usize>,
}

impl DetailAcc {
    /// The encoded record that arrived `local`-th (empty past the end).
    fn record(&self, local: usize) -> &[u8] {
        let start = match local {
            0 => 0,
            i => self.ends.get(i - 1).copied().unwrap_or(0),
        };
        let end = self.ends.get(local).copied().unwrap_or(start);
        self.bytes.get(start..end).unwrap_or_default()
    }
}

/// Builds an index from records given one at a time.
pub struct IndexBuilder {
    options: BuildOptions,
    rows: [Vec<CardRow>; 2],
    facets: Vec<FacetPostings>,
    terms: HashMap<String, TermAcc>,
    cities: Vec<String>,
    city_ids: HashMap<String, u32>,
    /// Postal code → (city id, municipality, sum lat, sum lon, count) of every address with it.
    postal: BTreeMap<u16, (u32, u16, f64, f64, u32)>,
    details: [DetailAcc; 2],
    error: Option<BuildError>,
}

fn mode_slot(mode: Mode) -> usize {
    match mode {
        Mode::Offers => 0,
        Mode::FosterFamilies => 1,
    }
}

impl IndexBuilder {
    /// A builder with no records.
    pub fn new(options: BuildOptions) -> IndexBuilder {
        IndexBuilder {
            options,
            rows: [Vec::new(), Vec::new()],
            facets: FACETS.iter().map(|_| FacetPostings::default()).collect(),
            terms: HashMap::new(),
            cities: Vec::new(),
            city_ids: HashMap::new(),
            postal: BTreeMap::new(),
            details: Default::default(),
            error: None,
        }
    }

    /// Records added so far.
    pub fn len(&self) -> usize {
        self.rows[0].len() + self.rows[1].len()
    }

    /// Whether no record was added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn city_id(&mut self, city: &str) -> u32 {
        if let Some(&id) = self.city_ids.get(city) {
            return id;
        }
        let id = self.cities.len() as u32;
        self.cities.push(city.to_string());
        self.city_ids.insert(city.to_string(), id);
        id
    }

    fn note_postal(&mut self, code: u16, city: &str, municipality: u16, lat: f64, lon: f64) {
        let city = self.city_id(city);
        let entry = self
            .postal
            .entry(code)
            .or_insert((city, municipality, 0.0, 0.0, 0));
        if lat.is_finite() && lon.is_finite() {
            entry.2 += lat;
            entry.3 += lon;
            entry.4 += 1;
        }
    }

    fn add_terms(&mut self, text: &str, key: DocKey, field: fn(&mut TermAcc) -> &mut Vec<DocKey>) {
        for token in text::tokens(text) {
            let acc = self.terms.entry(token).or_default();
            push_doc(field(acc), key);
        }
    }

    /// Adds one (accepted) record.
    pub fn add(&mut self, record: &Record) {
        let mode = match record {
            Record::Offer(_) => Mode::Offers,
            Record::FosterFamily(_) => Mode::FosterFamilies,
        };
        let slot = mode_slot(mode);
        let local = self.rows[slot].len() as u32;
        let key = if slot == 1 { local | FAMILY_BIT } else { local };
        let row = match record {
            Record::Offer(o) => self.offer_row(o),
            Record::FosterFamily(f) => self.family_row(f),
        };
        let mut row = row;
        row.price = price::main_price(record).map(|p| {
            (
                p.unit.index() as u8,
                price::to_oere(p.amount),
                p.occupancy_rate.map(price::to_tenths),
            )
        });
        row.peer = price::peer_group(record);
        row.oversight = StoredOversight::of(record);
        self.rows[slot].push(row);

        for (id, facet) in FACETS.iter().enumerate() {
            if facet.mode != mode || facet.kind() == FacetKind::Dynamic {
                continue;
            }
            for value in static_values(facet, record) {
                let acc = &mut self.facets[id];
                match value {
                    StaticValue::Closed(index) => {
                        if acc.closed.len() <= index {
                            acc.closed.resize(index + 1, Vec::new());
                        }
                        acc.closed[index].push(local);
                    }
                    StaticValue::Open(s) => acc.open.entry(s).or_default().push(local),
                }
            }
        }

        self.add_terms(record.name(), key, |t| &mut t.name);
        for place in place_texts(record) {
            self.add_terms(&place, key, |t| &mut t.other);
        }
        let description = match record {
            Record::Offer(o) => &o.description,
            Record::FosterFamily(f) => &f.description,
        };
        self.add_terms(description, key, |t| &mut t.description);

        self.add_detail(slot, record);
    }

    fn offer_row(&mut self, o: &Offer) -> CardRow {
        for d in &o.departments {
            let a = &d.address;
            self.note_postal(a.postal_code, &a.city, a.municipality, a.lat, a.lon);
        }
        let first = o.departments.first().map(|d| &d.address);
        let city = first.map(|a| self.city_id(&a.city)).unwrap_or(0);
        if first.is_none() {
            self.city_id("");
        }
        let updated = o.updated;
        let mut extra_municipalities: Vec<u16> = Vec::new();
        for d in o.departments.iter().skip(1) {
            let code = d.address.municipality;
            if Some(code) != first.map(|a| a.municipality) && !extra_municipalities.contains(&code)
            {
                extra_municipalities.push(code);
            }
        }
        CardRow {
            extra_municipalities,
            id: o.id.clone(),
            name: o.name.clone(),
            kind: o.offer_type.index() as u8,
            bases: o
                .legal_bases
                .iter()
                .map(|b| b.basis.index() as u8)
                .collect(),
            postal: first.map(|a| a.postal_code).unwrap_or(0),
            city,
            municipality: first.map(|a| a.municipality).unwrap_or(0),
            ages: o.services.iter().map(|s| (s.age_from, s.age_to)).collect(),
            places: o.places_total,
            free: o.free_places.map(|f| f.count),
            free_reported: o.free_places.map(|f| f.reported.0),
            updated_oldest: updated.oldest().0,
            updated_newest: updated.newest().0,
            marked: o.supervision.marking.as_ref().map(|m| m.date.0),
            lat: first.map(|a| quantise(a.lat)).unwrap_or(0),
            lon: first.map(|a| quantise(a.lon)).unwrap_or(0),
            ..CardRow::default()
        }
    }

    fn family_row(&mut self, f: &FosterFamily) -> CardRow {
        let l = &f.location;
        self.note_postal(l.postal_code, &l.city, l.municipality, l.lat, l.lon);
        let city = self.city_id(&l.city);
        CardRow {
            id: f.id.clone(),
            name: f.name.clone(),
            kind: f.family_type.index() as u8,
            bases: Vec::new(),
            postal: l.postal_code,
            city,
            municipality: l.municipality,
            ages: vec![(f.age_from, f.age_to)],
            places: u32::from(f.children_approved),
            free: Some(f.free_places.count),
            free_respite: f.free_respite_places,
            free_reported: Some(f.free_places.reported.0),
            updated_oldest: f.updated.0,
            updated_newest: f.updated.0,
            pause_from: f.pause.map(|p| p.from.0),
            pause_until: f.pause.and_then(|p| p.until).map(|d| d.0),
            lat: quantise(l.lat),
            lon: quantise(l.lon),
            ..CardRow::default()
        }
    }

    fn add_detail(&mut self, slot: usize, record: &Record) {
        let acc = &mut self.details[slot];
        if let Err(e) = details::encode_record(record, &mut acc.bytes) {
            self.error.get_or_insert(e);
        }
        acc.ends.push(acc.bytes.len());
    }

    /// The detail shards of one mode: its encoded records in doc order (`order`: the arrival
    /// positions in name order), `shard_size` to a shard.
    fn seal_shards(
        &self,
        slot: usize,
        mode: Mode,
        order: &[u32],
    ) -> Result<Vec<(ManifestFile, Vec<u8>)>, BuildError> {
        let acc = &self.details[slot];
        let mut out = Vec::new();
        for (i, chunk) in order.chunks(self.options.shard_size.max(1)).enumerate() {
            let header = DetailHeader {
                mode,
                first: (i * self.options.shard_size.max(1)) as u32,
                count: chunk.len() as u32,
            };
            let mut records = Vec::new();
            for &local in chunk {
                records.extend_from_slice(acc.record(local as usize));
            }
            let payload = details::encode_shard(&header, &records)?;
            out.push(sealed(FileKind::Detail, &payload, Some(header)));
        }
        Ok(out)
    }

    /// Renumbers the docs of each mode in name order: the rows, the facet postings and the
    /// term postings. Returns each mode's arrival positions in name order.
    fn number_in_name_order(&mut self) -> [Vec<u32>; 2] {
        let orders = self.rows.each_ref().map(|rows| {
            let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
            cards::name_order(&names)
        });
        let new_numbers = orders.each_ref().map(|order| {
            let mut new = vec![0u32; order.len()];
            for (rank, &local) in order.iter().enumerate() {
                new[local as usize] = rank as u32;
            }
            new
        });
        for (slot, order) in orders.iter().enumerate() {
            let mut old: Vec<Option<CardRow>> = std::mem::take(&mut self.rows[slot])
                .into_iter()
                .map(Some)
                .collect();
            self.rows[slot] = order
                .iter()
                .filter_map(|&local| old[local as usize].take())
                .collect();
        }
        let renumber = |list: &mut Vec<u32>, new: &[u32]| {
            for doc in list.iter_mut() {
                *doc = new[*doc as usize];
            }
            list.sort_unstable();
            list.dedup();
        };
        for (id, acc) in self.facets.iter_mut().enumerate() {
            let new = &new_numbers[mode_slot(FACETS[id].mode)];
            for list in acc.closed.iter_mut().chain(acc.open.values_mut()) {
                renumber(list, new);
            }
        }
        let renumber_key = |key: DocKey| -> DocKey {
            if key & FAMILY_BIT != 0 {
                new_numbers[1][(key & !FAMILY_BIT) as usize] | FAMILY_BIT
            } else {
                new_numbers[0][key as usize]
            }
        };
        for acc in self.terms.values_mut() {
            for list in [&mut acc.name, &mut acc.other, &mut acc.description] {
                for key in list.iter_mut() {
                    *key = renumber_key(*key);
                }
                list.sort_unstable();
            }
        }
        orders
    }

    /// Assembles the core and text files and the manifest.
    pub fn finish(mut self) -> Result<IndexFiles, BuildError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let (offers, families) = (self.rows[0].len() as u32, self.rows[1].len() as u32);
        let total = u64::from(offers) + u64::from(families);
        if total >= u64::from(FAMILY_BIT) {
            return Err(BuildError::TooManyRecords { records: total });
        }
        let orders = self.number_in_name_order();
        let (facets, labels) = stored_facets::encode(&self.facets, offers, families)?;
        let (core_terms, text_terms) =
            terms::encode(&self.word_docs(offers), &labels, offers + families)?;
        let peer_groups = self.peer_groups();
        let postal = self.postal_table();
        let rows = self.card_rows(&peer_groups);
        let core = CorePayload {
            offers,
            families,
            cards: CardColumns::encode(&rows, &self.cities, &postal),
            facets: facets.iter().map(EncodedFacet::stored).collect(),
            terms: core_terms.stored(),
            postal,
            peer_groups: peer_groups
                .iter()
                .map(|g| (g.basis.index() as u8, g.group.index() as u8))
                .collect(),
        };
        let text = TextPayload {
            terms: text_terms.stored(),
        };
        let mut files = Vec::new();
        let mut listed = Vec::new();
        for (kind, payload) in [
            (FileKind::Core, codec::encode(&core)?),
            (FileKind::Text, codec::encode(&text)?),
        ] {
            let (entry, file) = sealed(kind, &payload, None);
            files.push((entry.name.clone(), file));
            listed.push(entry);
        }
        // Offers' shards before families', each in doc order.
        for (slot, mode) in [(0, Mode::Offers), (1, Mode::FosterFamilies)] {
            for (entry, file) in self.seal_shards(slot, mode, &orders[slot])? {
                files.push((entry.name.clone(), file));
                listed.push(entry);
            }
        }
        let manifest = Manifest::new(
            self.options.today,
            IndexCounts {
                offers,
                foster_families: families,
            },
            listed,
        );
        Ok(IndexFiles {
            manifest: manifest.to_json(),
            files,
        })
    }

    /// Every word's docs, numbered globally (families after the `offers` offers).
    fn word_docs(&self, offers: u32) -> Vec<WordDocs<'_>> {
        let global = |keys: &[DocKey]| -> Vec<u32> {
            keys.iter()
                .map(|&key| {
                    if key & FAMILY_BIT != 0 {
                        offers + (key & !FAMILY_BIT)
                    } else {
                        key
                    }
                })
                .collect()
        };
        self.terms
            .iter()
            .map(|(word, acc)| WordDocs {
                word,
                name: global(&acc.name),
                other: global(&acc.other),
                description: global(&acc.description),
            })
            .collect()
    }

    /// The peer groups of priced offers, sorted, so that the table is independent of input
    /// order; a group's number in the `peer_group` column is 1 + its index here.
    fn peer_groups(&self) -> Vec<PeerGroup> {
        let groups: BTreeSet<PeerGroup> = self.rows[0]
            .iter()
            .filter(|row| row.price.is_some())
            .filter_map(|row| row.peer)
            .collect();
        groups.into_iter().collect()
    }

    /// Every doc's row (offers, then families) with its peer-group number.
    fn card_rows(&self, peer_groups: &[PeerGroup]) -> Vec<(&CardRow, u16)> {
        let number = |row: &CardRow| {
            row.price
                .and(row.peer)
                .and_then(|g| peer_groups.binary_search(&g).ok())
                .map_or(0, |i| i as u16 + 1)
        };
        let offers = self.rows[0].iter().map(|row| (row, number(row)));
        let families = self.rows[1].iter().map(|row| (row, 0));
        offers.chain(families).collect()
    }

    /// The postal districts: each code's district name and municipality (of the first address
    /// seen with it) and the centroid of its addresses.
    fn postal_table(&self) -> Vec<StoredPostal> {
        self.postal
            .iter()
            .map(|(&code, &(city, municipality, lat, lon, n))| {
                let (lat, lon) = if n > 0 {
                    (lat / f64::from(n), lon / f64::from(n))
                } else {
                    fallback_position(code)
                };
                StoredPostal {
                    code,
                    city,
                    municipality,
                    lat: quantise(lat),
                    lon: quantise(lon),
                }
            })
            .collect()
    }
}

/// A data file sealed in its envelope, and its entry in the manifest.
fn sealed(
    kind: FileKind,
    payload: &[u8],
    records: Option<DetailHeader>,
) -> (ManifestFile, Vec<u8>) {
    let file = frame::seal(kind, payload);
    let entry = ManifestFile {
        name: frame::file_name(kind, &file),
        kind,
        size: file.len() as u64,
        checksum: frame::file_checksum(&file),
        records,
    };
    (entry, file)
}

/// Place words a record is found by besides its name: postal districts and codes of every
/// address. (Municipality and region names come from the facets' labels.)
fn place_texts(record: &Record) -> Vec<String> {
    match record {
        Record::Offer(o) => o
            .departments
            .iter()
            .map(|d| format!("{} {}", d.address.postal_code, d.address.city))
            .collect(),
        Record::FosterFamily(f) => vec![format!("{} {}", f.location.postal_code, f.location.city)],
    }
}

/// A position for a postal code with no usable coordinates: its municipality's main town when the
/// code is a main town's, else the middle of Denmark.
fn fallback_position(code: u16) -> (f64, f64) {
    MUNICIPALITIES
        .iter()
        .find(|m| m.postal_code == code)
        .map(|m| (m.lat, m.lon))
        .unwrap_or((56.0, 10.0))
}
