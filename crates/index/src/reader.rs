//! The index reader: opens the files a manifest lists and holds them in the form the query engine
//! works on. No I/O: the caller fetches the bytes (a `fetch()` in the browser, a file read in the
//! CLI) and hands them over.
//!
//! `open` checks each file's envelope (length, magic, version, kind, checksum) and that it is the
//! file the manifest lists (size and checksum), then has each stored structure decode and
//! validate itself (`format/`: card columns, facets, terms) so that no later lookup can go out of
//! bounds: a corrupt file is an error here, never a panic later.
//!
//! What the empty query's first results do not need is built on first use, not at open: the
//! price, free-places and updated orders (`orders.rs`), the price positions among peers, the
//! synonym dictionary and spellings. Ids are made per card, not for every doc.

use std::collections::HashMap;
use std::sync::OnceLock;

use catalogue::model::Record;
use catalogue::vocab::{
    Authority, CareKind, FosterFamilyType, InspectionKind, LegalBasis, OfferType, RateUnit,
    SanctionKind,
};
use catalogue::Date;

use crate::codec;
use crate::error::{FileKind, FoundKind, IndexError};
use crate::facets::{available_value, facet_id, facet_ids, ValueDef, CARE, FACETS};
use crate::format::cards::Columns;
use crate::format::details;
use crate::format::facets::{self as stored_facets, FacetData};
use crate::format::terms::TermDict;
use crate::format::{
    dequantise, CorePayload, Manifest, StoredOversight, StoredPostal, TextPayload,
};
use crate::frame;
use crate::orders::{LazySort, SortOrder};
use crate::price;
use crate::query::{Card, CardInspection, CardOversight, CardSanction, Mode, PricePosition, Query};
use crate::text;

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
    /// Danish name order: the doc order, since the writer numbers each mode's docs by name
    /// (format 4); the identity, kept as an order so every sort reads it the same way.
    pub(crate) name: SortOrder,
    /// The other query-independent orders, each built on first use (slot: [`LazySort::slot`]).
    lazy_orders: [OnceLock<SortOrder>; LazySort::COUNT],
    /// Each priced offer's position among its peers, computed on first use.
    positions: OnceLock<price::PeerPositions>,
    /// The synonym dictionary resolved against the facets, built on first use.
    pub(crate) synonyms: OnceLock<crate::synonyms::Synonyms>,
    /// Written forms of folded words, for spelling suggestions; built on first use.
    pub(crate) spellings: OnceLock<HashMap<String, String>>,
}

fn opt_date(day: Option<i32>) -> Option<Date> {
    day.map(Date)
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
        let (offers, families) = (core.offers, core.families);
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
        let columns = core
            .cards
            .decode(file, offers, families, &core.postal, &core.peer_groups)?;
        let mut facets = stored_facets::decode(file, &core.facets, offers, families)?;
        stored_facets::derive(file, &mut facets, &columns, offers, families)?;
        let facet_sizes: Vec<usize> = facets.iter().map(|f| f.values.len()).collect();
        let core_terms = core.terms.decode(file, total, &facet_sizes)?;
        Ok(SearchIndex {
            name: SortOrder::identity(total as usize),
            lazy_orders: Default::default(),
            positions: OnceLock::new(),
            manifest,
            offers,
            families,
            columns,
            facets,
            core_terms,
            text_terms: None,
            postal: core.postal,
            synonyms: OnceLock::new(),
            spellings: OnceLock::new(),
        })
    }

    /// A query-independent order other than the name order, built the first time it is asked for.
    pub(crate) fn lazy_order(&self, which: LazySort) -> &SortOrder {
        self.lazy_orders[which.slot()].get_or_init(|| which.build(&self.columns, &self.name.rank))
    }

    /// The position of a priced offer among its peers (computed for all on first use).
    fn price_position(&self, doc: u32) -> Option<PricePosition> {
        self.positions
            .get_or_init(|| price::peer_positions(&self.columns.peer_members))
            .get(doc)
            .cloned()
    }

    /// The catalogue id of a doc.
    pub(crate) fn id(&self, doc: u32) -> String {
        self.columns.ids.get(doc as usize)
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
        self.text_terms = Some(text.terms.decode(name, self.total(), &sizes)?);
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
            id: c.ids.get(d),
            mode,
            name: c.names.get(d).to_string(),
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
            price_position: self.price_position(doc),
            oversight: card_oversight(&c.oversight(d)),
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
        self.columns.ids.find(id)
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
        if !self.columns.ids.is(doc as usize, record.id()) {
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
