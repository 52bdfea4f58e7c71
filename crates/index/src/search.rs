//! The query engine: text, ranges, facets with disjunctive counts, sort and pages. No I/O.
//!
//! A search runs in five steps over the documents of the query's mode:
//! 1. *text*: each query token is looked up in the term dictionaries (exact, prefix for the last
//!    token, typos through [`RowLevenshtein`]); a document must match every token; its score is
//!    the sum over tokens of the best match quality (see [`quality`]);
//! 2. *ranges*: age, price, free places, distance and freshness remove documents;
//! 3. *facets*: the documents of the selected values are OR-ed per facet, and the facets AND-ed;
//! 4. *counts*: each facet's values are counted under every *other* facet's selection
//!    (a bitset AND and popcount per value);
//! 5. *order*: a key per matching document, partial selection of the requested page.

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};

use crate::automaton::RowLevenshtein;
use crate::bits::Bits;
use crate::facets::{available_value, facet_ids, updated_bucket, FacetKind, FACETS};
use crate::query::{FacetCounts, FacetValueCount, Hit, Mode, Query, SearchResults, Sort};
use crate::reader::{SearchIndex, TermDict};
use crate::text::{self, typo_budget};
use catalogue::Date;

/// Results per page when the query asks for 0.
pub const DEFAULT_PAGE_SIZE: u32 = 20;
/// The most results a page holds.
pub const MAX_PAGE_SIZE: u32 = 100;

/// The sort names accepted in URLs and on the command line, with what they do.
pub const SORTS: &[(&str, Sort, &str)] = &[
    (
        "relevance",
        Sort::Relevance,
        "best text match first (name matches first); without text, by name",
    ),
    (
        "price_asc",
        Sort::PriceAsc,
        "cheapest normalised price first (per day, then per hour, then per course); no price last",
    ),
    (
        "price_desc",
        Sort::PriceDesc,
        "dearest normalised price first (per day, then per hour, then per course); no price last",
    ),
    (
        "distance",
        Sort::Distance,
        "nearest first (needs --near); otherwise by name",
    ),
    (
        "free_places",
        Sort::FreePlaces,
        "most free places first; unreported last",
    ),
    (
        "updated",
        Sort::Updated,
        "most recently updated (oldest part) first",
    ),
    ("name", Sort::Name, "by name, Danish order (æ, ø, å last)"),
];

/// How well a query token matched a document in one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    /// The token is a word of the field.
    Exact,
    /// The token begins a word, or is the end of a compound word (as in "behandling" in
    /// "misbrugsbehandling").
    Partial,
    /// The token is within its typo budget of a word (or, for the last token, of a word's start).
    Typo,
}

/// The score of a match: name fields outrank every other field, and within a field exact beats
/// partial beats typo. A document's score is the sum over query tokens of its best quality.
pub fn quality(in_name: bool, kind: MatchKind) -> u8 {
    let within = match kind {
        MatchKind::Exact => 3,
        MatchKind::Partial => 2,
        MatchKind::Typo => 1,
    };
    if in_name {
        within + 3
    } else {
        within
    }
}

/// Mean Earth radius used for distances.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A position prepared for repeated distance computations (radians and cosine computed once).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    lat_rad: f64,
    lon_deg: f64,
    cos_lat: f64,
}

impl Point {
    /// A point at WGS84 degrees.
    pub fn new(lat: f64, lon: f64) -> Point {
        let lat_rad = lat.to_radians();
        Point {
            lat_rad,
            lon_deg: lon,
            cos_lat: lat_rad.cos(),
        }
    }

    /// Great-circle distance in km (haversine).
    pub fn km_to(&self, other: &Point) -> f64 {
        let dp = other.lat_rad - self.lat_rad;
        let dl = (other.lon_deg - self.lon_deg).to_radians();
        let a = (dp / 2.0).sin().powi(2) + self.cos_lat * other.cos_lat * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }

    /// Latitude in radians.
    pub fn lat_rad(&self) -> f64 {
        self.lat_rad
    }
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Point::new(lat1, lon1).km_to(&Point::new(lat2, lon2))
}

/// The page size a query gets.
pub fn page_size(query: &Query) -> u32 {
    match query.page_size {
        0 => DEFAULT_PAGE_SIZE,
        n => n.min(MAX_PAGE_SIZE),
    }
}

/// What one facet of the query selects.
/// One facet's selection in a query: its chosen value codes and the docs having any of them.
pub(crate) struct Selection {
    pub(crate) facet: usize,
    codes: Vec<String>,
    pub(crate) docs: Bits,
}

/// The sets of a mode's dynamic facets (freshness, availability), judged on one day.
pub(crate) type DynamicSets = Vec<(usize, Vec<Bits>)>;

impl SearchIndex {
    /// The mode's dynamic facets' sets for the query's day, computed once per query.
    pub(crate) fn query_dynamic_sets(&self, mode: Mode, today: Date) -> DynamicSets {
        facet_ids(mode)
            .filter(|&f| FACETS[f].kind == FacetKind::Dynamic)
            .map(|f| (f, self.dynamic_sets(f, today)))
            .collect()
    }

    /// A facet's value sets: the day's for a dynamic facet, the stored ones otherwise.
    pub(crate) fn sets_of<'a>(&'a self, dynamic: &'a DynamicSets, facet: usize) -> &'a [Bits] {
        match dynamic.iter().find(|(f, _)| *f == facet) {
            Some((_, sets)) => sets,
            None => &self.facets[facet].sets,
        }
    }

    /// The query's facet selections, one per facet it names (OR within a facet); `n` docs.
    pub(crate) fn facet_selections(
        &self,
        query: &Query,
        n: u32,
        dynamic: &DynamicSets,
    ) -> Vec<Selection> {
        let mut selections: Vec<Selection> = Vec::new();
        for (name, code) in &query.filters {
            let Some(facet) = crate::facets::facet_id(query.mode, name) else {
                continue;
            };
            let index = match selections.iter().position(|s| s.facet == facet) {
                Some(i) => i,
                None => {
                    selections.push(Selection {
                        facet,
                        codes: Vec::new(),
                        docs: Bits::empty(n),
                    });
                    selections.len() - 1
                }
            };
            let selection = &mut selections[index];
            if selection.codes.contains(code) {
                continue;
            }
            selection.codes.push(code.clone());
            if let Some(value) = self.facets[facet]
                .values
                .iter()
                .position(|v| &v.code == code)
            {
                if let Some(set) = self.sets_of(dynamic, facet).get(value) {
                    selection.docs.union_with(set);
                }
            }
        }
        selections
    }

    /// Answers a query.
    pub fn search(&self, query: &Query) -> SearchResults {
        let mode = query.mode;
        let (first, n) = self.mode_range(mode);
        let mut base = Bits::full(n);

        let tokens = text::query_tokens(&query.text);
        let scores = (!tokens.is_empty()).then(|| self.text_scores(&tokens, mode, &mut base));
        let distances = self.apply_ranges(query, &mut base);

        let dynamic = self.query_dynamic_sets(mode, query.today);
        let selections = self.facet_selections(query, n, &dynamic);

        let mut matching = base.clone();
        for s in &selections {
            matching.intersect_with(&s.docs);
        }

        let mut facets = Vec::new();
        for facet in facet_ids(mode) {
            let data = &self.facets[facet];
            let selected = selections.iter().find(|s| s.facet == facet);
            let own;
            let candidates = match selected {
                Some(_) => {
                    let mut c = base.clone();
                    for s in selections.iter().filter(|s| s.facet != facet) {
                        c.intersect_with(&s.docs);
                    }
                    own = c;
                    &own
                }
                None => &matching,
            };
            let sets = self.sets_of(&dynamic, facet);
            let is_selected =
                |code: &str| selected.is_some_and(|s| s.codes.iter().any(|c| c == code));
            let mut values = Vec::new();
            for &ordinal in &data.display {
                let value = &data.values[ordinal];
                let count = sets.get(ordinal).map_or(0, |set| candidates.count_and(set));
                if count > 0 || is_selected(&value.code) {
                    values.push(FacetValueCount {
                        value: value.code.clone(),
                        label: value.label.clone(),
                        count,
                        parent: value.parent.clone(),
                    });
                }
            }
            if let Some(s) = selected {
                for code in &s.codes {
                    if !data.values.iter().any(|v| &v.code == code) {
                        values.push(FacetValueCount {
                            value: code.clone(),
                            label: code.clone(),
                            count: 0,
                            parent: None,
                        });
                    }
                }
            }
            facets.push(FacetCounts {
                facet: FACETS[facet].name.to_string(),
                values,
            });
        }

        let total = matching.count();
        let hits = self.page(
            query,
            first,
            &matching,
            scores.as_deref(),
            distances.as_deref(),
        );
        SearchResults {
            total,
            hits,
            facets,
        }
    }

    /// The value sets of a dynamic facet on `today`.
    pub(crate) fn dynamic_sets(&self, facet: usize, today: Date) -> Vec<Bits> {
        let spec = &FACETS[facet];
        let (first, n) = self.mode_range(spec.mode);
        let values = self.facets[facet].values.len();
        let mut sets = vec![Bits::empty(n); values];
        let c = &self.columns;
        for local in 0..n {
            let d = (first + local) as usize;
            let value = match spec.name {
                "updated" => updated_bucket(Date(c.updated_oldest[d]), today),
                "available" => {
                    available_value(c.pause_from[d].map(Date), c.pause_until[d].map(Date), today)
                }
                _ => continue,
            };
            if let Some(set) = sets.get_mut(value) {
                set.insert(local);
            }
        }
        sets
    }

    /// Scores every document of the mode against the tokens; removes from `base` those that miss
    /// a token.
    pub(crate) fn text_scores(&self, tokens: &[String], mode: Mode, base: &mut Bits) -> Vec<u16> {
        let (first, n) = self.mode_range(mode);
        let mut total = vec![0u16; n as usize];
        for (i, token) in tokens.iter().enumerate() {
            let last = i + 1 == tokens.len();
            let mut best = vec![0u8; n as usize];
            self.match_dict(&self.core_terms, token, last, mode, &mut best);
            if let Some(dict) = &self.text_terms {
                self.match_dict(dict, token, last, mode, &mut best);
            }
            for (local, (&b, t)) in best.iter().zip(total.iter_mut()).enumerate() {
                if b == 0 {
                    base.remove(local as u32);
                } else {
                    *t += u16::from(b);
                }
            }
        }
        let _ = first;
        total
    }

    /// Raises `best[doc]` for every document a term matching `token` occurs in.
    fn match_dict(&self, dict: &TermDict, token: &str, last: bool, mode: Mode, best: &mut [u8]) {
        let budget = typo_budget(token);
        let mut visit = |term: &[u8], value: u64| {
            let kind = if term == token.as_bytes() {
                MatchKind::Exact
            } else if last && term.starts_with(token.as_bytes()) {
                MatchKind::Partial
            } else {
                MatchKind::Typo
            };
            let part_kind = if kind == MatchKind::Typo {
                MatchKind::Typo
            } else {
                MatchKind::Partial
            };
            if let Some(entry) = dict.entries.get(value as usize) {
                self.raise(&entry.name, quality(true, kind), mode, best);
                self.raise(&entry.name_part, quality(true, part_kind), mode, best);
                self.raise(&entry.other, quality(false, kind), mode, best);
                self.raise(&entry.other_part, quality(false, part_kind), mode, best);
                for &(facet, value) in &entry.facet {
                    self.raise_facet(facet, value, quality(false, kind), mode, best);
                }
                for &(facet, value) in &entry.facet_part {
                    self.raise_facet(facet, value, quality(false, part_kind), mode, best);
                }
            }
        };
        if budget > 0 {
            stream_all(
                &dict.map,
                RowLevenshtein::new(token, budget, last),
                &mut visit,
            );
        } else if last {
            stream_all(&dict.map, Str::new(token).starts_with(), &mut visit);
        } else if let Some(value) = dict.map.get(token) {
            visit(token.as_bytes(), value);
        }
    }

    fn raise(&self, docs: &[u32], quality: u8, mode: Mode, best: &mut [u8]) {
        let (first, n) = self.mode_range(mode);
        let start = docs.partition_point(|&d| d < first);
        for &doc in &docs[start..] {
            let local = doc - first;
            if local >= n {
                break;
            }
            let slot = &mut best[local as usize];
            *slot = (*slot).max(quality);
        }
    }

    fn raise_facet(&self, facet: usize, value: usize, quality: u8, mode: Mode, best: &mut [u8]) {
        if FACETS[facet].mode != mode {
            return;
        }
        if let Some(set) = self.facets[facet].sets.get(value) {
            for local in set.iter() {
                let slot = &mut best[local as usize];
                *slot = (*slot).max(quality);
            }
        }
    }

    /// Removes documents outside the query's ranges; returns distances when `near` is given.
    pub(crate) fn apply_ranges(&self, query: &Query, base: &mut Bits) -> Option<Vec<f64>> {
        let (first, n) = self.mode_range(query.mode);
        let c = &self.columns;
        let mut distances = query.near.map(|_| vec![f64::INFINITY; n as usize]);
        let any_filter = query.age.is_some()
            || query.price.is_some()
            || query.min_free_places.is_some()
            || query.near.is_some_and(|near| near.max_km.is_some())
            || query.updated_within_days.is_some();
        if !any_filter && distances.is_none() {
            return None;
        }
        let origin = query.near.map(|near| Point::new(near.lat, near.lon));
        // A great-circle distance is at least the latitude difference's arc: documents outside
        // that band are beyond `max_km` without computing their distance.
        let band = query
            .near
            .and_then(|near| near.max_km)
            .map(|max| max / EARTH_RADIUS_KM * (1.0 + 1e-9) + 1e-12);
        let docs: Vec<u32> = base.iter().collect();
        for local in docs {
            let d = (first + local) as usize;
            let mut keep = true;
            if let Some(age) = query.age {
                let ages = &c.ages[c.age_offsets[d] as usize..c.age_offsets[d + 1] as usize];
                keep &= ages.iter().any(|&(from, to)| from <= age && age <= to);
            }
            if let Some(range) = query.price {
                keep &= match self.normalised[d] {
                    Some((basis, price)) => {
                        basis == range.basis
                            && range.min.is_none_or(|min| price >= min)
                            && range.max.is_none_or(|max| price <= max)
                    }
                    None => false,
                };
            }
            if let Some(min) = query.min_free_places {
                keep &= self
                    .free_places_fitting(d, query)
                    .is_some_and(|free| free >= min);
            }
            if let Some(days) = query.updated_within_days {
                let age = Date(c.updated_oldest[d]).days_until(query.today);
                keep &= i64::from(age) <= i64::from(days);
            }
            if let (Some(near), Some(origin), Some(distances)) =
                (query.near, origin, distances.as_mut())
            {
                let point = &self.points[d];
                if keep && band.is_some_and(|b| (point.lat_rad() - origin.lat_rad()).abs() > b) {
                    keep = false;
                } else if keep {
                    let km = origin.km_to(point);
                    distances[local as usize] = km;
                    if let Some(max) = near.max_km {
                        keep &= km <= max;
                    }
                }
            }
            if !keep {
                base.remove(local);
            }
        }
        distances
    }

    /// The requested page of `matching`, in the query's order.
    fn page(
        &self,
        query: &Query,
        first: u32,
        matching: &Bits,
        scores: Option<&[u16]>,
        distances: Option<&[f64]>,
    ) -> Vec<Hit> {
        let size = page_size(query) as usize;
        let start = (query.page as usize).saturating_mul(size);
        let end = start.saturating_add(size);
        let hit = |local: u32| {
            let doc = first + local;
            Hit {
                doc,
                id: self.columns.ids[doc as usize].clone(),
                distance_km: distances.map(|km| km[local as usize]),
            }
        };
        let fixed_order: Option<&[u32]> = match query.sort {
            Sort::Relevance if scores.is_none() => Some(&self.name_order),
            Sort::Distance if distances.is_none() => Some(&self.name_order),
            Sort::Name => Some(&self.name_order),
            Sort::PriceAsc => Some(&self.price_asc_order),
            Sort::PriceDesc => Some(&self.price_desc_order),
            Sort::FreePlaces => Some(&self.free_order),
            Sort::Updated => Some(&self.updated_order),
            _ => None,
        };
        if let Some(order) = fixed_order {
            let n = matching.universe();
            return order
                .iter()
                .filter_map(|&doc| {
                    doc.checked_sub(first)
                        .filter(|&l| l < n && matching.contains(l))
                })
                .take(end)
                .skip(start)
                .map(hit)
                .collect();
        }
        let key = |local: u32| -> (u64, u32) {
            let d = (first + local) as usize;
            let name = self.name_rank[d];
            match query.sort {
                Sort::Relevance => match scores {
                    Some(s) => (u64::from(u16::MAX - s[local as usize]), name),
                    None => (u64::from(name), 0),
                },
                Sort::PriceAsc => (u64::from(self.price_asc_rank[d]), 0),
                Sort::PriceDesc => (u64::from(self.price_desc_rank[d]), 0),
                Sort::Distance => match distances {
                    Some(km) => (km[local as usize].to_bits(), name),
                    None => (u64::from(name), 0),
                },
                Sort::FreePlaces => (u64::from(self.free_rank[d]), 0),
                Sort::Updated => (u64::from(self.updated_rank[d]), 0),
                Sort::Name => (u64::from(name), 0),
            }
        };
        let mut keyed: Vec<((u64, u32), u32)> = matching.iter().map(|l| (key(l), l)).collect();
        if start >= keyed.len() {
            return Vec::new();
        }
        let end = end.min(keyed.len());
        if end < keyed.len() {
            keyed.select_nth_unstable(end - 1);
            keyed.truncate(end);
        }
        keyed.sort_unstable();
        keyed[start..end]
            .iter()
            .map(|&(_, local)| hit(local))
            .collect()
    }
}

fn stream_all<A: Automaton>(
    map: &fst::Map<Vec<u8>>,
    automaton: A,
    visit: &mut impl FnMut(&[u8], u64),
) {
    let mut stream = map.search(automaton).into_stream();
    while let Some((term, value)) = stream.next() {
        visit(term, value);
    }
}
