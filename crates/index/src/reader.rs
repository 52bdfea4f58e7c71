//! The index reader: opens the files a manifest lists and holds them in the form the query engine
//! works on. No I/O: the caller fetches the bytes (a `fetch()` in the browser, a file read in the
//! CLI) and hands them over.
//!
//! `open` checks each file's envelope (length, magic, version, kind, checksum) and that it is the
//! file the manifest lists (size and checksum), then decodes and validates every cross-reference
//! (column lengths, document numbers, vocabulary indices) so that no later lookup can go out of
//! bounds: a corrupt file is an error here, never a panic later.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use catalogue::model::Record;
use catalogue::vocab::{
    Authority, CareKind, FosterFamilyType, InspectionKind, LegalBasis, OfferType, PriceBasis,
    RateUnit, SanctionKind, TargetGroupGroup,
};
use catalogue::Date;

use crate::bits::Bits;
use crate::codec;
use crate::error::{FileKind, FoundKind, IndexError};
use crate::facets::{
    available_value, derivation, facet_id, facet_ids, fixed_values, Derivation, FacetKind,
    ValueDef, CARE, FACETS,
};
use crate::format::details;
use crate::format::{
    dequantise, CorePayload, Manifest, StoredOversight, StoredPostal, StoredTerms, TextPayload,
};
use crate::frame;
use crate::postings;
use crate::price::{self, PeerGroup};
use crate::query::{Card, CardInspection, CardOversight, CardSanction, Mode, PricePosition, Query};
use crate::text;

/// One term's occurrences, decoded.
#[derive(Debug, Default)]
pub(crate) struct TermEntry {
    pub name: Vec<u32>,
    pub name_part: Vec<u32>,
    pub other: Vec<u32>,
    pub other_part: Vec<u32>,
    pub facet: Vec<(usize, usize)>,
    pub facet_part: Vec<(usize, usize)>,
}

/// A decoded term dictionary.
pub(crate) struct TermDict {
    pub map: fst::Map<Vec<u8>>,
    pub entries: Vec<TermEntry>,
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

/// Card fields, decoded into owned columns.
pub(crate) struct Columns {
    pub ids: Vec<String>,
    pub names: Vec<String>,
    pub kind: Vec<u8>,
    pub basis_offsets: Vec<u32>,
    pub bases: Vec<u8>,
    pub postal: Vec<u16>,
    pub city: Vec<u32>,
    pub cities: Vec<String>,
    pub municipality: Vec<u16>,
    pub age_offsets: Vec<u32>,
    pub ages: Vec<(u8, u8)>,
    pub places: Vec<u32>,
    pub free: Vec<Option<u32>>,
    pub free_reported: Vec<Option<i32>>,
    pub price: Vec<Option<(u8, i64, Option<u16>)>>,
    pub updated_oldest: Vec<i32>,
    pub updated_newest: Vec<i32>,
    pub marked: Vec<Option<i32>>,
    pub pause_from: Vec<Option<i32>>,
    pub pause_until: Vec<Option<i32>>,
    pub lat: Vec<f64>,
    pub lon: Vec<f64>,
    /// Supervision facts, dates as day numbers.
    pub oversight: Vec<StoredOversight>,
    /// Foster families' free places for støtteophold.
    pub free_respite: Vec<Option<u32>>,
}

/// An opened index: ready to search, to show cards, and to decode detail shards.
pub struct SearchIndex {
    pub(crate) manifest: Manifest,
    pub(crate) offers: u32,
    pub(crate) families: u32,
    pub(crate) columns: Columns,
    pub(crate) facets: Vec<FacetData>,
    pub(crate) core_terms: TermDict,
    pub(crate) text_terms: Option<TermDict>,
    pub(crate) postal: Vec<StoredPostal>,
    pub(crate) positions: BTreeMap<u32, PricePosition>,
    /// Normalised main price per doc (basis, amount).
    pub(crate) normalised: Vec<Option<(PriceBasis, f64)>>,
    /// Prepared positions per doc, for distances.
    pub(crate) points: Vec<crate::geo::Point>,
    /// Position of each doc in Danish name order (ties: name bytes, then doc).
    pub(crate) name_rank: Vec<u32>,
    /// Precomputed orders for the sorts that do not depend on the query.
    pub(crate) price_asc_rank: Vec<u32>,
    pub(crate) price_desc_rank: Vec<u32>,
    pub(crate) free_rank: Vec<u32>,
    pub(crate) updated_rank: Vec<u32>,
    /// The same orders as lists of docs (rank → doc): a page of a query-independent order is
    /// the first matching docs of the list, found without sorting.
    pub(crate) name_order: Vec<u32>,
    pub(crate) price_asc_order: Vec<u32>,
    pub(crate) price_desc_order: Vec<u32>,
    pub(crate) free_order: Vec<u32>,
    pub(crate) updated_order: Vec<u32>,
    /// The synonym dictionary resolved against the facets, built on first use.
    pub(crate) synonyms: OnceLock<crate::synonyms::Synonyms>,
    /// Written forms of folded words, for spelling suggestions; built on first use.
    pub(crate) spellings: OnceLock<HashMap<String, String>>,
}

/// The docs in rank order.
fn order_of(rank: &[u32]) -> Vec<u32> {
    let mut order = vec![0u32; rank.len()];
    for (doc, &r) in rank.iter().enumerate() {
        if let Some(slot) = order.get_mut(r as usize) {
            *slot = doc as u32;
        }
    }
    order
}

fn opt_date(day: Option<i32>) -> Option<Date> {
    day.map(Date)
}

fn check_len(file: &str, what: &str, got: usize, want: usize) -> Result<(), IndexError> {
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

fn decode_list(file: &str, bytes: &[u8], limit: u32) -> Result<Vec<u32>, IndexError> {
    postings::decode(bytes, limit).ok_or_else(|| IndexError::corrupt(file, "malformed postings"))
}

fn decode_terms(
    file: &str,
    stored: &StoredTerms<'_>,
    docs: u32,
    facet_sizes: &[usize],
) -> Result<TermDict, IndexError> {
    let map = fst::Map::new(stored.fst.0.to_vec())
        .map_err(|e| IndexError::corrupt(file, format!("term dictionary: {e}")))?;
    // fst's own checksum: its lookups trust the structure and can overflow or index out of
    // bounds on a corrupt one (found by `fuzz/core_file`), so a bad one is refused here.
    map.as_fst()
        .verify()
        .map_err(|e| IndexError::corrupt(file, format!("term dictionary: {e}")))?;
    if map.len() != stored.entries.len() {
        return Err(IndexError::corrupt(
            file,
            "term dictionary and entries differ in length",
        ));
    }
    let refs = |list: &[u32]| -> Result<Vec<(usize, usize)>, IndexError> {
        list.iter()
            .map(|&r| {
                let (facet, value) = ((r >> 16) as usize, (r & 0xffff) as usize);
                match facet_sizes.get(facet) {
                    Some(&n) if value < n => Ok((facet, value)),
                    _ => Err(IndexError::corrupt(file, "term refers to no facet value")),
                }
            })
            .collect()
    };
    let mut entries = Vec::with_capacity(stored.entries.len());
    for e in &stored.entries {
        entries.push(TermEntry {
            name: decode_list(file, e.name.0, docs)?,
            name_part: decode_list(file, e.name_part.0, docs)?,
            other: decode_list(file, e.other.0, docs)?,
            other_part: decode_list(file, e.other_part.0, docs)?,
            facet: refs(&e.facet)?,
            facet_part: refs(&e.facet_part)?,
        });
    }
    // Every fst value must name an entry.
    let mut stream = map.stream();
    while let Some((_, value)) = fst::Streamer::next(&mut stream) {
        if value as usize >= entries.len() {
            return Err(IndexError::corrupt(file, "term points past the entries"));
        }
    }
    Ok(TermDict { map, entries })
}

/// The rank of each doc in the order `key` gives (the key must be unique per doc).
fn ranks<K: Ord>(n: usize, key: impl Fn(usize) -> K) -> Vec<u32> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_cached_key(|&d| key(d));
    let mut rank = vec![0u32; n];
    for (r, d) in order.into_iter().enumerate() {
        rank[d] = r as u32;
    }
    rank
}

/// Total order on f64 as a sortable integer.
fn float_key(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

/// Checks that the manifest's detail shards hold every record of each mode exactly once, in
/// order (their `records` ranges tile `0..count`), so that [`SearchIndex::detail_file`] answers
/// for every doc. Found by `fuzz/manifest`: an edited or mismatched manifest whose shards left
/// records out was accepted, and opening those records could never succeed.
fn check_detail_coverage(
    manifest: &Manifest,
    offers: u32,
    families: u32,
) -> Result<(), IndexError> {
    let manifest_name = crate::format::MANIFEST_NAME;
    if manifest
        .files
        .iter()
        .any(|f| f.kind == FileKind::Detail && f.records.is_none())
    {
        return Err(IndexError::corrupt(
            manifest_name,
            "a detail shard does not say which records it holds",
        ));
    }
    for (mode, count, what) in [
        (Mode::Offers, offers, "offers"),
        (Mode::FosterFamilies, families, "foster families"),
    ] {
        let mut ranges: Vec<(u32, u32)> = manifest
            .files
            .iter()
            .filter_map(|f| f.records)
            .filter(|r| r.mode == mode)
            .map(|r| (r.first, r.count))
            .collect();
        ranges.sort_unstable();
        let mut next = 0u32;
        for (first, len) in ranges {
            if first != next || len == 0 {
                return Err(IndexError::corrupt(
                    manifest_name,
                    format!("the detail shards of {what} do not hold records {next}.. in order"),
                ));
            }
            next = first.saturating_add(len);
        }
        if next != count {
            return Err(IndexError::corrupt(
                manifest_name,
                format!("the detail shards hold {next} {what}, the index has {count}"),
            ));
        }
    }
    Ok(())
}

impl SearchIndex {
    /// Opens an index from its manifest and the initial files (see [`Manifest::initial_files`]).
    pub fn open(
        manifest: &Manifest,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<SearchIndex, IndexError> {
        let core_name = manifest
            .initial_files()
            .into_iter()
            .next()
            .ok_or_else(|| IndexError::corrupt(crate::format::MANIFEST_NAME, "no core file"))?;
        let (name, bytes) = files
            .into_iter()
            .find(|(n, _)| *n == core_name)
            .ok_or_else(|| IndexError::mismatch(&core_name, "not among the files given to open"))?;
        let payload = frame::open(&name, &bytes, FileKind::Core)?;
        manifest.check_file(&name, &bytes)?;
        let core: CorePayload = codec::decode_borrowed(&name, payload)?;
        Self::from_core(manifest.clone(), &name, core)
    }

    fn from_core(
        manifest: Manifest,
        file: &str,
        core: CorePayload<'_>,
    ) -> Result<SearchIndex, IndexError> {
        let offers = core.offers;
        let families = core.families;
        let total = offers
            .checked_add(families)
            .ok_or_else(|| IndexError::corrupt(file, "document count overflows"))?;
        if manifest.counts.offers != offers || manifest.counts.foster_families != families {
            return Err(IndexError::mismatch(
                file,
                "record counts differ from the manifest",
            ));
        }
        check_detail_coverage(&manifest, offers, families)?;
        let n = total as usize;
        let c = &core.cards;
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
        if c.city.iter().any(|&i| i as usize > c.cities.len()) {
            return Err(IndexError::corrupt(file, "city index out of range"));
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
        let mut peer_table = Vec::with_capacity(core.peer_groups.len());
        for &(basis, group) in &core.peer_groups {
            let basis = LegalBasis::from_index(basis.into());
            let group = TargetGroupGroup::from_index(group.into());
            match (basis, group) {
                (Some(basis), Some(group)) => peer_table.push((basis, group)),
                _ => return Err(IndexError::corrupt(file, "unknown peer group")),
            }
        }
        let mut members = Vec::new();
        for (doc, &g) in c.peer_group.iter().enumerate() {
            if g == 0 {
                continue;
            }
            let (basis, group) = *peer_table
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
        let positions = price::peer_positions(&members);

        // Facets.
        if core.facets.len() != FACETS.len() {
            return Err(IndexError::corrupt(file, "wrong number of facets"));
        }
        let mut facets = Vec::with_capacity(FACETS.len());
        for (spec, stored) in FACETS.iter().zip(&core.facets) {
            let mode_docs = match spec.mode {
                Mode::Offers => offers,
                Mode::FosterFamilies => families,
            };
            let values: Vec<ValueDef> = match spec.kind() {
                FacetKind::Open => {
                    let set = fst::Set::new(stored.dictionary.0.to_vec()).map_err(|e| {
                        IndexError::corrupt(file, format!("facet {}: {e}", spec.name))
                    })?;
                    set.as_fst().verify().map_err(|e| {
                        IndexError::corrupt(file, format!("facet {}: {e}", spec.name))
                    })?;
                    set.stream()
                        .into_strs()
                        .map_err(|e| {
                            IndexError::corrupt(file, format!("facet {}: {e}", spec.name))
                        })?
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
                    let docs = decode_list(file, list.0, mode_docs)?;
                    sets.push(Bits::from_docs(mode_docs, &docs));
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
        let facet_sizes: Vec<usize> = facets.iter().map(|f| f.values.len()).collect();
        let core_terms = decode_terms(file, &core.terms, total, &facet_sizes)?;

        let cities: Vec<String> = c.cities.iter().map(|s| s.to_string()).collect();
        if core.postal.iter().any(|p| p.city as usize >= cities.len()) {
            return Err(IndexError::corrupt(file, "postal district names no city"));
        }
        let mut ids = Vec::with_capacity(n);
        let mut number = 0i64;
        for (&prefix, &delta) in c.id_prefix.iter().zip(&c.id_number) {
            number = number.wrapping_add(delta);
            ids.push(match c.id_prefixes.get(prefix as usize) {
                Some(p) => format!("{p}{number}"),
                None => String::new(),
            });
        }
        for &(doc, id) in &c.id_literals {
            match ids.get_mut(doc as usize) {
                Some(slot) if c.id_prefix[doc as usize] == u32::MAX => *slot = id.to_string(),
                _ => return Err(IndexError::corrupt(file, "literal id of no doc")),
            }
        }
        let district = |code: u16| {
            core.postal
                .binary_search_by_key(&code, |p| p.code)
                .ok()
                .map(|i| core.postal[i])
        };
        let mut city = Vec::with_capacity(n);
        let mut municipality = Vec::with_capacity(n);
        let mut lat = Vec::with_capacity(n);
        let mut lon = Vec::with_capacity(n);
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
            lat.push(dequantise(c.lat[d].wrapping_add(lat0)));
            lon.push(dequantise(c.lon[d].wrapping_add(lon0)));
        }
        let epoch = c.epoch;
        let back = |ago: i32| epoch.wrapping_sub(ago);
        let updated_oldest: Vec<i32> = c.updated_oldest.iter().map(|&a| back(a)).collect();
        let columns = Columns {
            ids,
            names: c.names.iter().map(|s| s.to_string()).collect(),
            kind: c.kind.clone(),
            basis_offsets,
            bases: c.bases.clone(),
            postal: c.postal.clone(),
            city,
            cities,
            municipality,
            age_offsets,
            ages: c.ages.clone(),
            places: c.places.clone(),
            free: c.free.clone(),
            free_reported: c.free_reported.iter().map(|d| d.map(back)).collect(),
            price: c.price.clone(),
            updated_newest: updated_oldest
                .iter()
                .zip(&c.updated_span)
                .map(|(&o, &s)| o.wrapping_add(s))
                .collect(),
            updated_oldest,
            marked: c.marked.iter().map(|d| d.map(back)).collect(),
            pause_from: c.pause_from.iter().map(|d| d.map(back)).collect(),
            pause_until: c.pause_until.iter().map(|d| d.map(back)).collect(),
            lat,
            lon,
            oversight: c.oversight.iter().map(|o| o.map_dates(back)).collect(),
            free_respite: c.free_respite.clone(),
        };
        let extra_offsets = offsets(
            file,
            "extra_municipalities",
            &c.extra_municipality_counts,
            c.extra_municipalities.len(),
        )?;
        for (id, spec) in FACETS.iter().enumerate() {
            if derivation(spec) != Derivation::FromMunicipalityColumn {
                continue;
            }
            let (first, mode_docs) = match spec.mode {
                Mode::Offers => (0, offers),
                Mode::FosterFamilies => (offers, families),
            };
            let mut sets = vec![Bits::empty(mode_docs); facets[id].values.len()];
            for local in 0..mode_docs {
                let d = (first + local) as usize;
                let extras = &c.extra_municipalities
                    [extra_offsets[d] as usize..extra_offsets[d + 1] as usize];
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
            let child = crate::facets::facet_id(spec.mode, child_name)
                .ok_or_else(|| IndexError::corrupt(file, "derived facet without child"))?;
            let mode_docs = match spec.mode {
                Mode::Offers => offers,
                Mode::FosterFamilies => families,
            };
            let mut sets = vec![Bits::empty(mode_docs); facets[id].values.len()];
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
        let name_rank = ranks(n, |d| {
            (
                text::collation_key(&columns.names[d]),
                columns.names[d].as_str(),
                d,
            )
        });
        let basis_order = |b: PriceBasis| b as u8;
        let price_asc_rank = ranks(n, |d| match normalised[d] {
            Some((b, p)) => (0u8, basis_order(b), float_key(p), name_rank[d]),
            None => (1, 0, 0, name_rank[d]),
        });
        let price_desc_rank = ranks(n, |d| match normalised[d] {
            Some((b, p)) => (0u8, basis_order(b), float_key(-p), name_rank[d]),
            None => (1, 0, 0, name_rank[d]),
        });
        // Descending by `Reverse`, not by subtracting from MAX: a day number before 1970 is
        // negative, and `i32::MAX - updated` overflowed (found by fuzz/core_file).
        let free_rank = ranks(n, |d| match columns.free[d] {
            Some(f) => (0u8, Reverse(f), name_rank[d]),
            None => (1, Reverse(0), name_rank[d]),
        });
        let updated_rank = ranks(n, |d| (Reverse(columns.updated_oldest[d]), name_rank[d]));

        let points = (0..n)
            .map(|d| crate::geo::Point::new(columns.lat[d], columns.lon[d]))
            .collect();
        Ok(SearchIndex {
            name_order: order_of(&name_rank),
            price_asc_order: order_of(&price_asc_rank),
            price_desc_order: order_of(&price_desc_rank),
            free_order: order_of(&free_rank),
            updated_order: order_of(&updated_rank),
            points,
            manifest,
            offers,
            families,
            columns,
            facets,
            core_terms,
            text_terms: None,
            postal: core.postal,
            positions,
            normalised,
            name_rank,
            price_asc_rank,
            price_desc_rank,
            free_rank,
            updated_rank,
            synonyms: OnceLock::new(),
            spellings: OnceLock::new(),
        })
    }

    /// Files that improve results when fetched after the first ones (description terms).
    pub fn deferred_files(&self) -> Vec<String> {
        if self.text_terms.is_some() {
            Vec::new()
        } else {
            self.manifest.names_of(FileKind::Text)
        }
    }

    /// Adds a deferred file: from then on, searches also match descriptions.
    pub fn add_file(&mut self, name: &str, bytes: Vec<u8>) -> Result<(), IndexError> {
        let entry = self
            .manifest
            .file(name)
            .ok_or_else(|| IndexError::mismatch(name, "not listed in the manifest"))?;
        if entry.kind != FileKind::Text {
            return Err(IndexError::WrongKind {
                file: name.to_string(),
                expected: FileKind::Text,
                got: FoundKind::Known(entry.kind),
            });
        }
        let payload = frame::open(name, &bytes, FileKind::Text)?;
        self.manifest.check_file(name, &bytes)?;
        let text: TextPayload = codec::decode_borrowed(name, payload)?;
        let sizes: Vec<usize> = self.facets.iter().map(|f| f.values.len()).collect();
        self.text_terms = Some(decode_terms(name, &text.terms, self.total(), &sizes)?);
        Ok(())
    }

    /// Number of documents of both modes.
    pub(crate) fn total(&self) -> u32 {
        self.offers + self.families
    }

    /// The first doc and the number of docs of a mode.
    pub(crate) fn mode_range(&self, mode: Mode) -> (u32, u32) {
        match mode {
            Mode::Offers => (0, self.offers),
            Mode::FosterFamilies => (self.offers, self.families),
        }
    }

    /// The mode of a doc.
    pub(crate) fn mode_of(&self, doc: u32) -> Option<Mode> {
        if doc < self.offers {
            Some(Mode::Offers)
        } else if doc < self.total() {
            Some(Mode::FosterFamilies)
        } else {
            None
        }
    }

    /// The manifest the index was opened with.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Records and build information.
    pub fn counts(&self) -> IndexInfo {
        IndexInfo {
            offers: self.offers,
            foster_families: self.families,
            format_version: self.manifest.format_version,
            generator: self.manifest.generator.clone(),
            built_for: self.manifest.built_for,
        }
    }

    /// The names of a mode's facets, in display order.
    pub fn facet_names(&self, mode: Mode) -> Vec<&'static str> {
        facet_ids(mode).map(|i| FACETS[i].name).collect()
    }

    /// Every value a mode's facet can take in this index (codes and labels), or `None` when the
    /// mode has no such facet. What a filter from outside (a URL, a command line) is checked
    /// against: a value not listed here selects nothing and must not be shown as a filter.
    pub fn facet_values(&self, mode: Mode, facet: &str) -> Option<&[ValueDef]> {
        facet_id(mode, facet).map(|f| self.facets[f].values.as_slice())
    }

    /// Whether `facet=code` is a filter of `mode` that this index knows.
    pub fn knows_filter(&self, mode: Mode, facet: &str, code: &str) -> bool {
        self.facet_values(mode, facet)
            .is_some_and(|values| values.iter().any(|v| v.code == code))
    }

    /// The card of a doc.
    pub fn card(&self, doc: u32) -> Option<Card> {
        let mode = self.mode_of(doc)?;
        let d = doc as usize;
        let c = &self.columns;
        let kind_label = match mode {
            Mode::Offers => OfferType::from_index(c.kind[d].into()).map(|k| k.label()),
            Mode::FosterFamilies => {
                FosterFamilyType::from_index(c.kind[d].into()).map(|k| k.label())
            }
        }
        .unwrap_or_default()
        .to_string();
        let bases = &c.bases[c.basis_offsets[d] as usize..c.basis_offsets[d + 1] as usize];
        let ages = &c.ages[c.age_offsets[d] as usize..c.age_offsets[d + 1] as usize];
        let municipality = catalogue::vocab::municipality(c.municipality[d])
            .map(|m| m.name.to_string())
            .unwrap_or_default();
        let price = c.price[d].and_then(|(unit, oere, occupancy)| {
            RateUnit::from_index(unit.into()).map(|u| price::card_price(u, oere, occupancy))
        });
        Some(Card {
            doc,
            id: c.ids[d].clone(),
            mode,
            name: c.names[d].clone(),
            kind_label,
            legal_bases: bases
                .iter()
                .filter_map(|&b| LegalBasis::from_index(b.into()))
                .map(|b| b.short().to_string())
                .collect(),
            postal_code: c.postal[d],
            city: c.cities[c.city[d] as usize].clone(),
            municipality,
            age_from: ages.iter().map(|a| a.0).min().unwrap_or(0),
            age_to: ages.iter().map(|a| a.1).max().unwrap_or(0),
            places_total: c.places[d],
            free_places: c.free[d],
            free_places_reported: opt_date(c.free_reported[d]),
            price,
            updated_oldest: Date(c.updated_oldest[d]),
            updated_newest: Date(c.updated_newest[d]),
            marked: opt_date(c.marked[d]),
            pause_from: opt_date(c.pause_from[d]),
            pause_until: opt_date(c.pause_until[d]),
            price_position: self.positions.get(&doc).cloned(),
            oversight: card_oversight(&c.oversight[d]),
            free_respite_places: c.free_respite[d],
        })
    }

    /// The free places of a doc that fit `query`, as the search's free-places filter and the
    /// capacity overview count them: an offer's free places; a foster family's of the kinds the
    /// query's `care` selection asks for (døgnanbringelse and støtteophold without one), and
    /// none while it is on pause on the query's day (`catalogue::model::FosterFamily::
    /// free_places_of` says the same of a record). `None` when never reported.
    pub(crate) fn free_places_fitting(&self, doc: usize, query: &Query) -> Option<u32> {
        let c = &self.columns;
        let placement = *c.free.get(doc)?;
        if query.mode == Mode::Offers {
            return placement;
        }
        let paused = available_value(
            c.pause_from[doc].map(Date),
            c.pause_until[doc].map(Date),
            query.today,
        ) == 1;
        let placement = placement?;
        if paused {
            return Some(0);
        }
        let selected: Vec<&str> = query
            .filters
            .iter()
            .filter(|(facet, _)| facet == CARE.name)
            .map(|(_, value)| value.as_str())
            .collect();
        let wants = |kind: CareKind| selected.is_empty() || selected.contains(&kind.code());
        let mut fitting = 0;
        if wants(CareKind::Placement) {
            fitting += placement;
        }
        if wants(CareKind::Respite) {
            fitting += c.free_respite[doc].unwrap_or(0);
        }
        Some(fitting)
    }

    /// The doc of a catalogue id, for links that name records by id (a shared shortlist, an
    /// open detail); a linear scan, as it runs once per id in a link, never per keystroke.
    pub fn doc_by_id(&self, id: &str) -> Option<u32> {
        let doc = self.columns.ids.iter().position(|known| known == id)?;
        u32::try_from(doc).ok()
    }

    /// Of the given facet values (`(facet, code)`, as in [`Query::filters`]), those a doc has:
    /// why a result matches a search ("Tilknytningsforstyrrelse" of three target groups ticked
    /// with "eller"). Only facets stored per record answer; those computed per day do not.
    pub fn values_of_doc(&self, doc: u32, wanted: &[(String, String)]) -> Vec<(String, String)> {
        let Some(mode) = self.mode_of(doc) else {
            return Vec::new();
        };
        let local = doc - self.mode_range(mode).0;
        wanted
            .iter()
            .filter(|(facet, code)| {
                crate::facets::facet_id(mode, facet).is_some_and(|id| {
                    let data = &self.facets[id];
                    data.values
                        .iter()
                        .position(|v| &v.code == code)
                        .and_then(|value| data.sets.get(value))
                        .is_some_and(|set| set.contains(local))
                })
            })
            .cloned()
            .collect()
    }

    /// The detail shard that holds a doc's full record.
    pub fn detail_file(&self, doc: u32) -> Option<String> {
        let mode = self.mode_of(doc)?;
        let local = doc - self.mode_range(mode).0;
        self.manifest
            .files
            .iter()
            .find(|f| {
                f.records.is_some_and(|r| {
                    r.mode == mode && r.first <= local && local - r.first < r.count
                })
            })
            .map(|f| f.name.clone())
    }

    /// Decodes a doc's full record from its detail shard's bytes.
    pub fn decode_detail(&self, file: &str, bytes: &[u8], doc: u32) -> Result<Record, IndexError> {
        let expected = self.detail_file(doc).ok_or_else(|| {
            IndexError::mismatch(file, format!("no detail shard holds doc {doc}"))
        })?;
        if expected != file {
            return Err(IndexError::mismatch(
                file,
                format!("doc {doc} is in {expected}, not in this file"),
            ));
        }
        let payload = frame::open(file, bytes, FileKind::Detail)?;
        let entry = self.manifest.check_file(file, bytes)?;
        let (header, start) = details::decode_header(file, payload)?;
        if Some(header) != entry.records {
            return Err(IndexError::mismatch(
                file,
                "shard header differs from the manifest",
            ));
        }
        let mode = self
            .mode_of(doc)
            .ok_or_else(|| IndexError::mismatch(file, "no such doc"))?;
        let wanted = doc - self.mode_range(mode).0 - header.first;
        let record = details::decode_record(file, payload, start, &header, wanted)?;
        if record.id() != self.columns.ids[doc as usize] {
            return Err(IndexError::mismatch(
                file,
                "record id differs from the card's",
            ));
        }
        Ok(record)
    }

    /// A point for a place as people write it: a postcode ("2820", also "2820 Gentofte"), a
    /// municipality's code or name ("Gentofte", "Gentofte Kommune", "Københavns Kommune"), or a
    /// town ("Kongens Lyngby"). Postal points are the centroid of the catalogue's addresses with
    /// that code; a municipality's is its main town's.
    pub fn locate(&self, place: &str) -> Option<(f64, f64)> {
        let words = text::tokens(place);
        let postal_point = |code: u16| {
            self.postal
                .binary_search_by_key(&code, |p| p.code)
                .ok()
                .map(|i| {
                    (
                        dequantise(self.postal[i].lat),
                        dequantise(self.postal[i].lon),
                    )
                })
        };
        // A postcode anywhere decides: "2820 Gentofte".
        for word in &words {
            if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
                if let Some(point) = word.parse().ok().and_then(postal_point) {
                    return Some(point);
                }
            }
        }
        if let [word] = &words[..] {
            if let Ok(code) = word.parse::<u16>() {
                return catalogue::vocab::municipality(code).map(|m| (m.lat, m.lon));
            }
        }
        let name: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !matches!(*w, "kommune" | "kommunen" | "kommunes"))
            .collect();
        if name.is_empty() {
            return None;
        }
        let wanted = name.join(" ");
        let same = |written: &str| text::tokens(written).join(" ") == wanted;
        if let Some(m) = catalogue::vocab::MUNICIPALITIES
            .iter()
            .find(|m| same(m.name))
        {
            return Some((m.lat, m.lon));
        }
        if let Some(p) = self
            .postal
            .iter()
            .find(|p| same(&self.columns.cities[p.city as usize]))
        {
            return Some((dequantise(p.lat), dequantise(p.lon)));
        }
        // The genitive of "Københavns Kommune".
        let genitive = wanted.strip_suffix('s')?;
        catalogue::vocab::MUNICIPALITIES
            .iter()
            .find(|m| text::tokens(m.name).join(" ") == genitive)
            .map(|m| (m.lat, m.lon))
    }
}

/// Records and build information of an opened index.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexInfo {
    /// Offers indexed.
    pub offers: u32,
    /// Foster families indexed.
    pub foster_families: u32,
    /// Format version of the files.
    pub format_version: u16,
    /// Version of the tool that built them.
    pub generator: String,
    /// The build's date, if it was given one.
    pub built_for: Option<Date>,
}

/// A card's supervision facts from their column (dates as day numbers; kinds were validated
/// when the index was opened).
fn card_oversight(stored: &StoredOversight) -> CardOversight {
    CardOversight {
        authority: Authority::from_index(stored.authority.into())
            .unwrap_or(Authority::Municipality),
        sanctions: stored
            .sanctions
            .iter()
            .filter_map(|&(kind, since, deadline)| {
                Some(CardSanction {
                    kind: SanctionKind::from_index(kind.into())?,
                    since: Date(since),
                    deadline: deadline.map(Date),
                })
            })
            .collect(),
        inspection: stored.inspection.and_then(|(date, kind)| {
            Some(CardInspection {
                date: Date(date),
                kind: InspectionKind::from_index(kind.into())?,
            })
        }),
        approval_lapses: stored.lapses.map(Date),
    }
}
