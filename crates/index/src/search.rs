//! The query engine: text, ranges, facets with disjunctive counts, sort and pages. No I/O.
//!
//! A search runs in five steps over the documents of the query's mode:
//! 1. *ranges*: age, price, free places, distance and freshness remove documents;
//! 2. *facets*: the documents of the selected values are OR-ed per facet (AND-ed for the facets
//!    in [`Query::all_of`]), and the facets AND-ed;
//! 3. *text*: every query word is matched wherever it stands ([`crate::matching`]); a document
//!    must match every required word, or, when none in scope does, the most words some do;
//! 4. *counts*: each facet's values are counted under every *other* facet's selection
//!    (a bitset AND and popcount per value); a facet combined with AND is counted under its own
//!    selection too, so a count says what ticking that value as well would give;
//! 5. *order*: a key per matching document, partial selection of the requested page.
//!
//! A search that finds nothing says what would: the words it could not match
//! ([`SearchResults::dropped_words`]), a spelling the dictionary knows
//! ([`SearchResults::did_you_mean`]), and the count each filter's removal would give
//! ([`SearchResults::relaxations`]).

use crate::bits::Bits;
use crate::facets::{available_value, facet_ids, updated_bucket, FacetKind, Live, Values, FACETS};
use crate::geo::{Point, EARTH_RADIUS_KM};
use crate::matching::TextMatch;
use crate::orders::LazySort;
use crate::query::{
    Constraint, FacetCounts, FacetValueCount, Hit, Mode, Query, Relaxation, SearchResults, Sort,
};
use crate::reader::SearchIndex;
use catalogue::Date;

/// Results per page when the query asks for 0.
pub const DEFAULT_PAGE_SIZE: u32 = 20;
/// The most results a page holds.
pub const MAX_PAGE_SIZE: u32 = 100;

/// The sort names accepted in URLs and on the command line, with what they do.
pub static SORTS: &[(&str, Sort, &str)] = &[
    (
        "relevance",
        Sort::Relevance,
        "best text match first (docs/ranking.md); without text, nearest first when --near is \
         given, else by name",
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

/// The page size a query gets.
pub fn page_size(query: &Query) -> u32 {
    match query.page_size {
        0 => DEFAULT_PAGE_SIZE,
        n => n.min(MAX_PAGE_SIZE),
    }
}

/// One facet's selection in a query: its chosen value codes and the docs having any of them
/// (or, for a facet in [`Query::all_of`], all of them).
pub(crate) struct Selection {
    pub(crate) facet: usize,
    codes: Vec<String>,
    /// Values are AND-ed rather than OR-ed.
    all: bool,
    pub(crate) docs: Bits,
}

/// What [`SearchIndex::matching`] finds.
pub(crate) struct Matching {
    /// Documents in the ranges that match the text (facet selections not applied).
    pub(crate) base: Bits,
    /// Documents that match everything.
    pub(crate) matching: Bits,
    pub(crate) selections: Vec<Selection>,
    pub(crate) dynamic: DynamicSets,
    pub(crate) distances: Option<Vec<f64>>,
    pub(crate) text: TextMatch,
}

/// The sets of a mode's dynamic facets (freshness, availability), judged on one day.
pub(crate) type DynamicSets = Vec<(usize, Vec<Bits>)>;

impl SearchIndex {
    /// The mode's dynamic facets' sets for the query's day, computed once per query.
    pub(crate) fn query_dynamic_sets(&self, mode: Mode, today: Date) -> DynamicSets {
        facet_ids(mode)
            .filter(|&f| FACETS[f].kind() == FacetKind::Dynamic)
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

    /// The query's facet selections, one per facet it names (OR within a facet, or AND for
    /// the facets in [`Query::all_of`]); `n` docs.
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
                    let all = query.all_of.iter().any(|f| f == name);
                    selections.push(Selection {
                        facet,
                        codes: Vec::new(),
                        all,
                        docs: if all { Bits::full(n) } else { Bits::empty(n) },
                    });
                    selections.len() - 1
                }
            };
            let selection = &mut selections[index];
            if selection.codes.contains(code) {
                continue;
            }
            selection.codes.push(code.clone());
            let set = self.facets[facet]
                .values
                .iter()
                .position(|v| &v.code == code)
                .and_then(|value| self.sets_of(dynamic, facet).get(value));
            match (selection.all, set) {
                (false, Some(set)) => selection.docs.union_with(set),
                (false, None) => {}
                (true, Some(set)) => selection.docs.intersect_with(set),
                (true, None) => selection.docs = Bits::empty(n),
            }
        }
        selections
    }

    /// The documents (local to the mode) a query matches, its text's outcome and the
    /// distances: the ranges, the facet selections and the text, exactly as
    /// [`SearchIndex::search`] counts them. Also returns the documents before the facet
    /// selections (ranges and text only), which facet counts start from.
    pub(crate) fn matching(&self, query: &Query) -> Matching {
        let mode = query.mode;
        let (_, n) = self.mode_range(mode);
        let mut base = Bits::full(n);
        let distances = self.apply_ranges(query, &mut base);
        let dynamic = self.query_dynamic_sets(mode, query.today);
        let selections = self.facet_selections(query, n, &dynamic);
        let mut scope = base.clone();
        for s in &selections {
            scope.intersect_with(&s.docs);
        }
        let text = self.match_text(&query.text, mode, &scope);
        let mut matching = scope;
        if let Some(docs) = &text.docs {
            base.intersect_with(docs);
            matching.intersect_with(docs);
        }
        Matching {
            base,
            matching,
            selections,
            dynamic,
            distances,
            text,
        }
    }

    /// The ids of every record a query matches, in index order (for exports and measures).
    pub fn all_matches(&self, query: &Query) -> Vec<String> {
        let (first, _) = self.mode_range(query.mode);
        self.matching(query)
            .matching
            .iter()
            .map(|local| self.id(first + local))
            .collect()
    }

    /// Answers a query.
    pub fn search(&self, query: &Query) -> SearchResults {
        self.answer(query, true)
    }

    /// Answers a query without saying what would give results when there are none.
    pub(crate) fn answer_plain(&self, query: &Query) -> SearchResults {
        self.answer(query, false)
    }

    /// Answers a query; `explain` adds what would give results when there are none.
    fn answer(&self, query: &Query, explain: bool) -> SearchResults {
        let mode = query.mode;
        let (first, _) = self.mode_range(mode);
        let Matching {
            base,
            matching,
            selections,
            dynamic,
            distances,
            text,
        } = self.matching(query);

        let mut facets = Vec::new();
        for facet in facet_ids(mode) {
            let data = &self.facets[facet];
            let selected = selections.iter().find(|s| s.facet == facet);
            let own;
            let candidates = match selected {
                Some(s) if !s.all => {
                    let mut c = base.clone();
                    for s in selections.iter().filter(|s| s.facet != facet) {
                        c.intersect_with(&s.docs);
                    }
                    own = c;
                    &own
                }
                _ => &matching,
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
        let scores = text.docs.as_ref().map(|_| text.scores.as_slice());
        let hits = self.page(query, first, &matching, scores, distances.as_deref());
        let mut results = SearchResults {
            total,
            hits,
            facets,
            dropped_words: text.dropped,
            did_you_mean: None,
            relaxations: Vec::new(),
        };
        if explain && (total == 0 || !results.dropped_words.is_empty()) {
            results.did_you_mean = self.did_you_mean(query, &results.dropped_words);
        }
        if explain && total == 0 {
            results.relaxations = self.relaxations(query);
        }
        results
    }

    /// For a query that finds nothing: how many records each filter's removal would give
    /// (only those that give some), in the order the filters are shown. Each figure is the
    /// total of the query without that filter, so it is exact whatever the text does.
    fn relaxations(&self, query: &Query) -> Vec<Relaxation> {
        let mut out = Vec::new();
        let mut facets: Vec<&str> = Vec::new();
        for (name, _) in &query.filters {
            if !facets.contains(&name.as_str()) {
                facets.push(name);
            }
        }
        for name in facets {
            let mut q = query.clone();
            q.filters.retain(|(f, _)| f != name);
            out.push(Relaxation {
                constraint: Constraint::Facet(name.to_string()),
                total: self.answer(&q, false).total,
            });
        }
        let mut without = |constraint: Constraint, edit: &dyn Fn(&mut Query)| {
            let mut q = query.clone();
            edit(&mut q);
            if q != *query {
                let total = self.answer(&q, false).total;
                out.push(Relaxation { constraint, total });
            }
        };
        without(Constraint::Age, &|q| q.age = None);
        without(Constraint::Price, &|q| q.price = None);
        without(Constraint::FreePlaces, &|q| q.min_free_places = None);
        without(Constraint::Distance, &|q| {
            if let Some(near) = &mut q.near {
                near.max_km = None;
            }
        });
        without(Constraint::Updated, &|q| q.updated_within_days = None);
        out.retain(|r| r.total > 0);
        out
    }

    /// The value sets of a dynamic facet on `today`.
    pub(crate) fn dynamic_sets(&self, facet: usize, today: Date) -> Vec<Bits> {
        let spec = &FACETS[facet];
        let Values::Dynamic { rule, .. } = spec.values else {
            return Vec::new();
        };
        let (first, n) = self.mode_range(spec.mode);
        let values = self.facets[facet].values.len();
        let mut sets = vec![Bits::empty(n); values];
        let c = &self.columns;
        for local in 0..n {
            let d = (first + local) as usize;
            let value = match rule {
                Live::Freshness => updated_bucket(Date(c.updated_oldest[d]), today),
                Live::Availability => {
                    available_value(c.pause_from[d].map(Date), c.pause_until[d].map(Date), today)
                }
            };
            if let Some(set) = sets.get_mut(value) {
                set.insert(local);
            }
        }
        sets
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
                keep &= match self.columns.normalised[d] {
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
                let point = &self.columns.points[d];
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
    ///
    /// Relevance with text: score first (`docs/ranking.md`), then the nearest when the query
    /// has a place, else the most recently updated, then name. Relevance without text: nearest
    /// first when the query has a place, else by name.
    fn page(
        &self,
        query: &Query,
        first: u32,
        matching: &Bits,
        scores: Option<&[u32]>,
        distances: Option<&[f64]>,
    ) -> Vec<Hit> {
        let size = page_size(query) as usize;
        let start = (query.page as usize).saturating_mul(size);
        let end = start.saturating_add(size);
        let hit = |local: u32| {
            let doc = first + local;
            Hit {
                doc,
                id: self.id(doc),
                distance_km: distances.map(|km| km[local as usize]),
            }
        };
        let fixed_order: Option<&[u32]> = match query.sort {
            Sort::Relevance if scores.is_none() && distances.is_none() => Some(&self.name.order),
            Sort::Distance if distances.is_none() => Some(&self.name.order),
            Sort::Name => Some(&self.name.order),
            Sort::PriceAsc => Some(&self.lazy_order(LazySort::PriceAsc).order),
            Sort::PriceDesc => Some(&self.lazy_order(LazySort::PriceDesc).order),
            Sort::FreePlaces => Some(&self.lazy_order(LazySort::FreePlaces).order),
            Sort::Updated => Some(&self.lazy_order(LazySort::Updated).order),
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
        // Distances are finite and non-negative: their f32 bits order as they do.
        let km_key = |local: u32| -> Option<u32> {
            distances.map(|km| (km[local as usize] as f32).to_bits())
        };
        let rank = |which: LazySort| &self.lazy_order(which).rank;
        let key = |local: u32| -> (u64, u32) {
            let d = (first + local) as usize;
            let name = self.name.rank[d];
            match query.sort {
                Sort::Relevance => match scores {
                    Some(s) => {
                        let tie = km_key(local).unwrap_or_else(|| rank(LazySort::Updated)[d]);
                        (
                            (u64::from(u32::MAX - s[local as usize]) << 32) | u64::from(tie),
                            name,
                        )
                    }
                    None => (u64::from(km_key(local).unwrap_or(name)), name),
                },
                Sort::PriceAsc => (u64::from(rank(LazySort::PriceAsc)[d]), 0),
                Sort::PriceDesc => (u64::from(rank(LazySort::PriceDesc)[d]), 0),
                Sort::Distance => match distances {
                    Some(km) => (km[local as usize].to_bits(), name),
                    None => (u64::from(name), 0),
                },
                Sort::FreePlaces => (u64::from(rank(LazySort::FreePlaces)[d]), 0),
                Sort::Updated => (u64::from(rank(LazySort::Updated)[d]), 0),
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
