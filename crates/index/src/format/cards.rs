//! The card columns of the core file: every field a result card shows, as columns encoded to be
//! small before and after gzip; the postal districts the positions are relative to; a card's
//! supervision facts; coordinates quantised to 10⁻⁴ degrees. The docs of each mode are numbered
//! in Danish name order ([`name_order`], applied by the writer; format 4), so the name order is
//! the doc order and is not stored.
//!
//! The writer's encoder ([`CardColumns::encode`]) and the reader's decoder
//! ([`CardColumns::decode`], which validates every index a later lookup follows) are both here,
//! so what a column's numbers mean is written once.

use std::collections::BTreeMap;

use crate::error::IndexError;
use crate::geo::Point;
use crate::price::{self, PeerGroup};
use crate::text;
use catalogue::vocab::{
    Authority, FosterFamilyType, InspectionKind, LegalBasis, OfferType, PriceBasis, RateUnit,
    SanctionKind,
};

/// Card fields as columns, each encoded to be small before and after gzip. Dates are stored as
/// days before `epoch` (the latest date in the columns); positions as the difference from the
/// postal district's centroid in degrees × 10⁴; the district name only when it differs from the
/// postal table's.
#[derive(Debug, Default)]
pub struct CardColumns<'a> {
    /// Prefixes of ids of the form prefix + number (`T-`, `P-`), sorted.
    pub id_prefixes: Vec<&'a str>,
    /// Index into `id_prefixes`, or `u32::MAX` for an id stored literally.
    pub id_prefix: Vec<u32>,
    /// Id number minus the previous doc's id number.
    pub id_number: Vec<i64>,
    /// Ids that are not prefix + number: (doc, id).
    pub id_literals: Vec<(u32, &'a str)>,
    /// Names.
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
    /// 1 + index into [`super::CorePayload::peer_groups`], or 0.
    pub peer_group: Vec<u16>,
    /// Supervision facts per doc (format 2).
    pub oversight: Vec<StoredOversight>,
    /// Foster families: free places for støtteophold (`free` holds døgnanbringelse); `None`
    /// for offers and families not approved for it.
    pub free_respite: Vec<Option<u32>>,
}

crate::wire_struct!(CardColumns<'a> {
    id_prefixes, id_prefix, id_number, id_literals, names, kind, basis_counts, bases, postal,
    city, cities, municipality, extra_municipality_counts, extra_municipalities, age_counts,
    ages, places, free, free_reported, price, epoch, updated_oldest, updated_span, marked,
    pause_from, pause_until, lat, lon, peer_group, oversight, free_respite,
});

/// A card's supervision facts: standing sanctions, the latest inspection and the approval's
/// lapse, dates as days before [`CardColumns::epoch`] (negative when after it).
#[derive(Debug, Default, Clone, PartialEq)]
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

crate::wire_struct!(StoredOversight {
    authority,
    sanctions,
    inspection,
    lapses
});

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

/// A postal district.
#[derive(Debug, Clone, Copy, PartialEq)]
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

crate::wire_struct!(StoredPostal {
    code,
    city,
    municipality,
    lat,
    lon
});

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

/// The value of [`CardColumns::id_prefix`] for an id stored literally.
const LITERAL_ID: u32 = u32::MAX;

/// Splits an id like `T-104233` into its prefix and number, when it round-trips exactly (no
/// leading zeros, at most 15 digits); other ids are stored literally.
pub(crate) fn split_id(id: &str) -> Option<(&str, i64)> {
    let digits = id.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (prefix, number) = id.split_at(id.len() - digits);
    if number.is_empty() || number.len() > 15 || (number.len() > 1 && number.starts_with('0')) {
        return None;
    }
    number.parse().ok().map(|n| (prefix, n))
}

/// The docs in Danish name order: by [`text::collation_key`], then name bytes, then doc. The
/// one definition of the name sort (and of every tie broken by name): the writer numbers each
/// mode's docs in this order (the arrival position breaking ties), so a doc's number is its
/// rank by name within its mode.
pub fn name_order(names: &[&str]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_by_cached_key(|&d| {
        let name = names[d as usize];
        (text::collation_key(name), name, d)
    });
    order
}

/// A doc's card fields as the writer collects them: dates as day numbers, positions quantised.
#[derive(Default)]
pub(crate) struct CardRow {
    pub id: String,
    pub name: String,
    pub kind: u8,
    pub bases: Vec<u8>,
    pub postal: u16,
    /// Index into the writer's cities (not yet relative to the postal table).
    pub city: u32,
    pub municipality: u16,
    pub ages: Vec<(u8, u8)>,
    pub places: u32,
    pub free: Option<u32>,
    pub free_reported: Option<i32>,
    pub price: Option<(u8, i64, Option<u16>)>,
    pub updated_oldest: i32,
    pub updated_newest: i32,
    pub marked: Option<i32>,
    pub pause_from: Option<i32>,
    pub pause_until: Option<i32>,
    pub lat: i32,
    pub lon: i32,
    pub peer: Option<PeerGroup>,
    /// Municipalities of departments after the first, other than the first's, distinct.
    pub extra_municipalities: Vec<u16>,
    /// Supervision facts, dates as day numbers.
    pub oversight: StoredOversight,
    /// Foster families: free places for støtteophold.
    pub free_respite: Option<u32>,
}

impl<'a> CardColumns<'a> {
    /// Encodes every doc's row (offers first, then families, each with its peer-group number:
    /// 1 + index into the core file's peer groups, or 0) against the postal table.
    pub(crate) fn encode(
        rows: &[(&'a CardRow, u16)],
        cities: &'a [String],
        postal: &[StoredPostal],
    ) -> CardColumns<'a> {
        let postal_index: BTreeMap<u16, &StoredPostal> =
            postal.iter().map(|p| (p.code, p)).collect();
        let epoch = rows
            .iter()
            .flat_map(|(r, _)| {
                [
                    Some(r.updated_newest),
                    r.free_reported,
                    r.marked,
                    r.pause_from,
                    r.pause_until,
                ]
            })
            .flatten()
            .max()
            .unwrap_or(0);
        let mut cards = CardColumns {
            cities: cities.iter().map(String::as_str).collect(),
            epoch,
            ..CardColumns::default()
        };
        let mut id_prefixes: BTreeMap<&str, u32> = BTreeMap::new();
        for (row, _) in rows {
            if let Some((prefix, _)) = split_id(&row.id) {
                id_prefixes.insert(prefix, 0);
            }
        }
        for (i, value) in id_prefixes.values_mut().enumerate() {
            *value = i as u32;
        }
        cards.id_prefixes = id_prefixes.keys().copied().collect();
        let mut previous_number = 0i64;
        let ago = |day: i32| epoch - day;
        for &(row, peer) in rows {
            let doc = cards.names.len() as u32;
            match split_id(&row.id) {
                Some((prefix, number)) => {
                    cards
                        .id_prefix
                        .push(id_prefixes.get(prefix).copied().unwrap_or(0));
                    cards.id_number.push(number - previous_number);
                    previous_number = number;
                }
                None => {
                    cards.id_prefix.push(LITERAL_ID);
                    cards.id_number.push(0);
                    cards.id_literals.push((doc, &row.id));
                }
            }
            cards.names.push(&row.name);
            cards.kind.push(row.kind);
            cards.basis_counts.push(row.bases.len().min(255) as u8);
            cards.bases.extend(row.bases.iter().take(255));
            cards.postal.push(row.postal);
            let district = postal_index.get(&row.postal);
            cards
                .city
                .push(if district.is_some_and(|p| p.city == row.city) {
                    0
                } else {
                    row.city + 1
                });
            cards
                .extra_municipality_counts
                .push(row.extra_municipalities.len().min(255) as u8);
            cards
                .extra_municipalities
                .extend(row.extra_municipalities.iter().take(255));
            cards.municipality.push(
                if district.is_some_and(|p| p.municipality == row.municipality) {
                    0
                } else {
                    row.municipality
                },
            );
            cards.age_counts.push(row.ages.len().min(255) as u8);
            cards.ages.extend(row.ages.iter().take(255));
            cards.places.push(row.places);
            cards.free.push(row.free);
            cards.free_reported.push(row.free_reported.map(ago));
            cards.price.push(row.price);
            cards.updated_oldest.push(ago(row.updated_oldest));
            cards
                .updated_span
                .push(row.updated_newest - row.updated_oldest);
            cards.marked.push(row.marked.map(ago));
            cards.pause_from.push(row.pause_from.map(ago));
            cards.pause_until.push(row.pause_until.map(ago));
            let (lat0, lon0) = district.map_or((0, 0), |p| (p.lat, p.lon));
            cards.lat.push(row.lat.wrapping_sub(lat0));
            cards.lon.push(row.lon.wrapping_sub(lon0));
            cards.peer_group.push(peer);
            cards.oversight.push(row.oversight.map_dates(ago));
            cards.free_respite.push(row.free_respite);
        }
        cards
    }

    /// Decodes and validates the columns of `offers + families` docs against the core file's
    /// postal table and peer groups: every length, vocabulary index, city and peer group is
    /// checked, so no later lookup goes out of bounds. (The name order is the doc order since
    /// format 4: nothing to check; a file whose names are out of order only sorts by name in
    /// its stored order.)
    pub(crate) fn decode(
        self,
        file: &str,
        offers: u32,
        families: u32,
        postal: &[StoredPostal],
        peer_groups: &[(u8, u8)],
    ) -> Result<Columns, IndexError> {
        let c = self;
        let n = offers as usize + families as usize;
        for (what, len) in [
            ("id_prefix", c.id_prefix.len()),
            ("id_number", c.id_number.len()),
            ("names", c.names.len()),
            ("kind", c.kind.len()),
            ("basis_counts", c.basis_counts.len()),
            ("postal", c.postal.len()),
            ("city", c.city.len()),
            ("municipality", c.municipality.len()),
            ("age_counts", c.age_counts.len()),
            (
                "extra_municipality_counts",
                c.extra_municipality_counts.len(),
            ),
            ("places", c.places.len()),
            ("free", c.free.len()),
            ("free_reported", c.free_reported.len()),
            ("price", c.price.len()),
            ("updated_oldest", c.updated_oldest.len()),
            ("updated_span", c.updated_span.len()),
            ("marked", c.marked.len()),
            ("pause_from", c.pause_from.len()),
            ("pause_until", c.pause_until.len()),
            ("lat", c.lat.len()),
            ("lon", c.lon.len()),
            ("peer_group", c.peer_group.len()),
            ("oversight", c.oversight.len()),
            ("free_respite", c.free_respite.len()),
        ] {
            check_len(file, what, len, n)?;
        }
        let basis_offsets = offsets(file, "bases", &c.basis_counts, c.bases.len())?;
        let age_offsets = offsets(file, "ages", &c.age_counts, c.ages.len())?;
        let extra_offsets = offsets(
            file,
            "extra_municipalities",
            &c.extra_municipality_counts,
            c.extra_municipalities.len(),
        )?;
        if c.city.iter().any(|&i| i as usize > c.cities.len()) {
            return Err(IndexError::corrupt(file, "city index out of range"));
        }
        if postal.iter().any(|p| p.city as usize >= c.cities.len()) {
            return Err(IndexError::corrupt(file, "postal district names no city"));
        }
        if c.bases
            .iter()
            .any(|&b| LegalBasis::from_index(b.into()).is_none())
        {
            return Err(IndexError::corrupt(file, "unknown legal basis"));
        }
        for (doc, &kind) in c.kind.iter().enumerate() {
            let known = if (doc as u32) < offers {
                OfferType::from_index(kind.into()).is_some()
            } else {
                FosterFamilyType::from_index(kind.into()).is_some()
            };
            if !known {
                return Err(IndexError::corrupt(file, "unknown offer or family type"));
            }
        }
        let known_oversight = |o: &StoredOversight| {
            Authority::from_index(o.authority.into()).is_some()
                && o.sanctions
                    .iter()
                    .all(|s| SanctionKind::from_index(s.0.into()).is_some())
                && o.inspection
                    .is_none_or(|i| InspectionKind::from_index(i.1.into()).is_some())
        };
        if !c.oversight.iter().all(known_oversight) {
            return Err(IndexError::corrupt(
                file,
                "unknown sanction or inspection kind",
            ));
        }
        let mut normalised = Vec::with_capacity(n);
        for p in &c.price {
            normalised.push(match p {
                Some((unit, oere, occupancy)) => {
                    let unit = RateUnit::from_index((*unit).into())
                        .ok_or_else(|| IndexError::corrupt(file, "unknown rate unit"))?;
                    let cp = price::card_price(unit, *oere, *occupancy);
                    Some((cp.basis, cp.normalised))
                }
                None => None,
            });
        }
        let peer_members = peer_members(file, peer_groups, &c.peer_group, &normalised)?;
        let ids = Ids::decode(file, &c)?;

        let district = |code: u16| {
            postal
                .binary_search_by_key(&code, |p| p.code)
                .ok()
                .map(|i| postal[i])
        };
        let mut city = Vec::with_capacity(n);
        let mut municipality = Vec::with_capacity(n);
        let mut points = Vec::with_capacity(n);
        for d in 0..n {
            let place = district(c.postal[d]);
            city.push(match c.city[d] {
                0 => place.map(|p| p.city).ok_or_else(|| {
                    IndexError::corrupt(file, "postal code not in the postal table")
                })?,
                i => i - 1,
            });
            municipality.push(match c.municipality[d] {
                0 => place.map_or(0, |p| p.municipality),
                code => code,
            });
            let (lat0, lon0) = place.map_or((0, 0), |p| (p.lat, p.lon));
            points.push(Point::new(
                dequantise(c.lat[d].wrapping_add(lat0)),
                dequantise(c.lon[d].wrapping_add(lon0)),
            ));
        }
        let epoch = c.epoch;
        let back = |ago: i32| epoch.wrapping_sub(ago);
        let updated_oldest: Vec<i32> = c.updated_oldest.iter().map(|&a| back(a)).collect();
        Ok(Columns {
            ids,
            names: Strings::of(&c.names),
            kind: c.kind,
            basis_offsets,
            bases: c.bases,
            postal: c.postal,
            city,
            cities: c.cities.iter().map(|s| s.to_string()).collect(),
            municipality,
            extra_offsets,
            extra_municipalities: c.extra_municipalities,
            age_offsets,
            ages: c.ages,
            places: c.places,
            free: c.free,
            free_reported: c.free_reported.iter().map(|d| d.map(back)).collect(),
            price: c.price,
            normalised,
            peer_members,
            updated_newest: updated_oldest
                .iter()
                .zip(&c.updated_span)
                .map(|(&o, &s)| o.wrapping_add(s))
                .collect(),
            updated_oldest,
            marked: c.marked.iter().map(|d| d.map(back)).collect(),
            pause_from: c.pause_from.iter().map(|d| d.map(back)).collect(),
            pause_until: c.pause_until.iter().map(|d| d.map(back)).collect(),
            points,
            oversight: c.oversight,
            epoch,
            free_respite: c.free_respite,
        })
    }
}

/// Card fields, decoded into owned columns (dates as day numbers, coordinates in degrees,
/// cities and municipalities resolved through the postal table), validated.
pub(crate) struct Columns {
    pub ids: Ids,
    pub names: Strings,
    pub kind: Vec<u8>,
    pub basis_offsets: Vec<u32>,
    pub bases: Vec<u8>,
    pub postal: Vec<u16>,
    pub city: Vec<u32>,
    pub cities: Vec<String>,
    pub municipality: Vec<u16>,
    /// Other departments' municipalities per doc: `extra_municipalities[extra_offsets[d]..
    /// extra_offsets[d + 1]]`.
    pub extra_offsets: Vec<u32>,
    pub extra_municipalities: Vec<u16>,
    pub age_offsets: Vec<u32>,
    pub ages: Vec<(u8, u8)>,
    pub places: Vec<u32>,
    pub free: Vec<Option<u32>>,
    pub free_reported: Vec<Option<i32>>,
    pub price: Vec<Option<(u8, i64, Option<u16>)>>,
    /// Normalised main price per doc (basis, amount).
    pub normalised: Vec<Option<(PriceBasis, f64)>>,
    /// Docs with a price in a peer group: (doc, group, normalised amount).
    pub peer_members: Vec<(u32, PeerGroup, f64)>,
    pub updated_oldest: Vec<i32>,
    pub updated_newest: Vec<i32>,
    pub marked: Vec<Option<i32>>,
    pub pause_from: Vec<Option<i32>>,
    pub pause_until: Vec<Option<i32>>,
    /// Positions, prepared for distances.
    pub points: Vec<Point>,
    /// Supervision facts as stored, dates as days before `epoch` ([`Columns::oversight`] gives
    /// them as day numbers): converted per card shown, not for every doc at open.
    oversight: Vec<StoredOversight>,
    epoch: i32,
    /// Foster families' free places for støtteophold.
    pub free_respite: Vec<Option<u32>>,
}

impl Columns {
    /// A doc's supervision facts, dates as day numbers.
    pub fn oversight(&self, doc: usize) -> StoredOversight {
        let epoch = self.epoch;
        self.oversight[doc].map_dates(|ago| epoch.wrapping_sub(ago))
    }
}

/// Strings kept in one buffer: one allocation for every name, not one each.
pub(crate) struct Strings {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
}

impl Strings {
    fn of(strings: &[&str]) -> Strings {
        let mut text = String::with_capacity(strings.iter().map(|s| s.len()).sum());
        let mut ends = Vec::with_capacity(strings.len());
        for s in strings {
            text.push_str(s);
            ends.push(text.len());
        }
        Strings { text, ends }
    }

    /// The string at `index` (empty past the end).
    pub fn get(&self, index: usize) -> &str {
        let start = match index {
            0 => 0,
            i => self.ends.get(i - 1).copied().unwrap_or(0),
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or_default()
    }
}

/// Catalogue ids as stored: most are a prefix and a number (`T-104233`); the string is made
/// when asked for ([`Ids::get`]), not for every doc when the index is opened.
pub(crate) struct Ids {
    prefixes: Vec<String>,
    /// Per doc: index into `prefixes`, or [`LITERAL_ID`].
    prefix: Vec<u32>,
    /// Per doc: the id's number (0 for a literal id).
    number: Vec<i64>,
    /// (doc, id) of the ids stored literally, by doc.
    literals: Vec<(u32, String)>,
}

impl Ids {
    fn decode(file: &str, c: &CardColumns<'_>) -> Result<Ids, IndexError> {
        let mut number = Vec::with_capacity(c.id_number.len());
        let mut previous = 0i64;
        for &delta in &c.id_number {
            previous = previous.wrapping_add(delta);
            number.push(previous);
        }
        let literal_docs: Vec<u32> = c.id_literals.iter().map(|&(doc, _)| doc).collect();
        let literals_in_order = literal_docs.windows(2).all(|w| w[0] < w[1]);
        let literal_docs_match = c
            .id_prefix
            .iter()
            .enumerate()
            .filter(|&(_, &p)| p == LITERAL_ID)
            .map(|(doc, _)| doc as u32)
            .eq(literal_docs.iter().copied());
        if !literals_in_order || !literal_docs_match {
            return Err(IndexError::corrupt(file, "literal id of no doc"));
        }
        if c.id_prefix
            .iter()
            .any(|&p| p != LITERAL_ID && p as usize >= c.id_prefixes.len())
        {
            return Err(IndexError::corrupt(file, "id prefix out of range"));
        }
        Ok(Ids {
            prefixes: c.id_prefixes.iter().map(|s| s.to_string()).collect(),
            prefix: c.id_prefix.clone(),
            number,
            literals: c
                .id_literals
                .iter()
                .map(|&(doc, id)| (doc, id.to_string()))
                .collect(),
        })
    }

    /// The id of a doc (empty for a doc the index does not have).
    pub fn get(&self, doc: usize) -> String {
        match self.prefix.get(doc) {
            Some(&LITERAL_ID) => self
                .literals
                .binary_search_by_key(&(doc as u32), |&(d, _)| d)
                .map(|i| self.literals[i].1.clone())
                .unwrap_or_default(),
            Some(&p) => match self.prefixes.get(p as usize) {
                Some(prefix) => format!("{prefix}{}", self.number[doc]),
                None => String::new(),
            },
            None => String::new(),
        }
    }

    /// Whether doc `doc` has the id `id`.
    pub fn is(&self, doc: usize, id: &str) -> bool {
        match (self.prefix.get(doc), split_id(id)) {
            (Some(&LITERAL_ID), _) => self.get(doc) == id,
            (Some(&p), Some((prefix, number))) => {
                self.number[doc] == number
                    && self.prefixes.get(p as usize).is_some_and(|s| s == prefix)
            }
            _ => false,
        }
    }

    /// The first doc with the id `id`.
    pub fn find(&self, id: &str) -> Option<u32> {
        let doc = match split_id(id) {
            Some((prefix, number)) => {
                let p = self.prefixes.iter().position(|s| s == prefix)? as u32;
                self.prefix
                    .iter()
                    .zip(&self.number)
                    .position(|(&q, &m)| q == p && m == number)?
            }
            None => {
                let at = self.literals.iter().position(|(_, l)| l == id)?;
                self.literals[at].0 as usize
            }
        };
        u32::try_from(doc).ok()
    }
}

/// The docs with a price in a peer group, with the group and the normalised price, from the
/// `peer_group` column (0 or 1 + index into the core file's peer groups).
fn peer_members(
    file: &str,
    peer_groups: &[(u8, u8)],
    column: &[u16],
    normalised: &[Option<(PriceBasis, f64)>],
) -> Result<Vec<(u32, PeerGroup, f64)>, IndexError> {
    let mut table = Vec::with_capacity(peer_groups.len());
    for &(basis, group) in peer_groups {
        let basis = LegalBasis::from_index(basis.into());
        let group = catalogue::vocab::TargetGroupGroup::from_index(group.into());
        match (basis, group) {
            (Some(basis), Some(group)) => table.push((basis, group)),
            _ => return Err(IndexError::corrupt(file, "unknown peer group")),
        }
    }
    let mut members = Vec::new();
    for (doc, &g) in column.iter().enumerate() {
        if g == 0 {
            continue;
        }
        let (basis, group) = *table
            .get(usize::from(g) - 1)
            .ok_or_else(|| IndexError::corrupt(file, "peer group out of range"))?;
        if let Some((price_basis, amount)) = normalised[doc] {
            members.push((
                doc as u32,
                PeerGroup {
                    basis,
                    group,
                    price_basis,
                },
                amount,
            ));
        }
    }
    Ok(members)
}

pub(crate) fn check_len(file: &str, what: &str, got: usize, want: usize) -> Result<(), IndexError> {
    if got == want {
        Ok(())
    } else {
        Err(IndexError::corrupt(
            file,
            format!("{what} has {got} entries, expected {want}"),
        ))
    }
}

/// Offsets of a CSR layout from per-doc counts, checked against the values' length.
fn offsets(file: &str, what: &str, counts: &[u8], values: usize) -> Result<Vec<u32>, IndexError> {
    let mut out = Vec::with_capacity(counts.len() + 1);
    let mut sum = 0u32;
    out.push(0);
    for &c in counts {
        sum += u32::from(c);
        out.push(sum);
    }
    check_len(file, what, values, sum as usize)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any coordinate in Denmark's range comes back within half a step.
        #[test]
        fn quantised_coordinates_round_trip(degrees in -90.0f64..90.0) {
            let back = dequantise(quantise(degrees));
            prop_assert!((back - degrees).abs() <= 0.5 / COORDINATE_STEPS + 1e-9);
        }

        /// Supervision facts stored relative to an epoch come back unchanged, through the codec.
        #[test]
        fn oversight_round_trips_through_the_epoch_and_the_codec(
            authority in any::<u8>(),
            sanctions in proptest::collection::vec((any::<u8>(), -40_000i32..40_000, proptest::option::of(-40_000i32..40_000)), 0..4),
            inspection in proptest::option::of((-40_000i32..40_000, any::<u8>())),
            lapses in proptest::option::of(-40_000i32..40_000),
            epoch in -40_000i32..40_000,
        ) {
            let facts = StoredOversight { authority, sanctions, inspection, lapses };
            let stored = facts.map_dates(|day| epoch - day);
            let bytes = crate::codec::encode(&stored).expect("encodes");
            let decoded: StoredOversight =
                crate::codec::decode_borrowed("core", &bytes).expect("decodes");
            prop_assert_eq!(decoded.map_dates(|days_before| epoch - days_before), facts);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Card rows encoded, through the codec, decode to the same ids (prefix + number or
        /// literal), names, dates and places.
        #[test]
        fn card_columns_round_trip(
            rows in proptest::collection::vec(
                ("(T-|P-|X)?[0-9]{0,17}|[a-zø ]{1,6}", "[A-Za-zæøåÆØÅ ]{0,8}", 0u8..3, proptest::option::of(0u32..40), 18_000i32..21_000, 0i32..400),
                0..12,
            ),
        ) {
            let cities = vec!["Gentofte".to_string()];
            let built: Vec<CardRow> = rows
                .iter()
                .map(|(id, name, kind, free, updated, span)| CardRow {
                    id: id.clone(),
                    name: name.clone(),
                    kind: *kind,
                    postal: 2820,
                    municipality: 157,
                    free: *free,
                    updated_oldest: *updated,
                    updated_newest: updated + span,
                    ages: vec![(3, 17)],
                    ..CardRow::default()
                })
                .collect();
            let with_peers: Vec<(&CardRow, u16)> = built.iter().map(|r| (r, 0)).collect();
            let stored = CardColumns::encode(&with_peers, &cities, &[]);
            let bytes = crate::codec::encode(&stored).expect("encodes");
            let back: CardColumns = crate::codec::decode_borrowed("core", &bytes).expect("decodes");
            let columns = back.decode("core", rows.len() as u32, 0, &[], &[]).expect("valid");
            for (doc, row) in built.iter().enumerate() {
                prop_assert_eq!(columns.ids.get(doc), row.id.clone());
                prop_assert!(columns.ids.is(doc, &row.id));
                let first = built.iter().position(|r| r.id == row.id).map(|d| d as u32);
                prop_assert_eq!(columns.ids.find(&row.id), first);
                prop_assert_eq!(columns.names.get(doc), row.name.as_str());
                prop_assert_eq!(columns.free[doc], row.free);
                prop_assert_eq!(columns.updated_oldest[doc], row.updated_oldest);
                prop_assert_eq!(columns.updated_newest[doc], row.updated_newest);
                prop_assert_eq!(&columns.cities[columns.city[doc] as usize], "Gentofte");
                prop_assert_eq!(columns.municipality[doc], 157);
            }
        }
    }

    /// The name order is Danish: case ignored, æ, ø, å after z; equal keys by name bytes.
    #[test]
    fn names_are_ordered_the_danish_way() {
        let names = ["Åbo", "ærø", "Zebra", "anker", "Øster", "Anker"];
        let order: Vec<&str> = name_order(&names)
            .into_iter()
            .map(|d| names[d as usize])
            .collect();
        assert_eq!(order, ["Anker", "anker", "Zebra", "ærø", "Øster", "Åbo"]);
    }

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
