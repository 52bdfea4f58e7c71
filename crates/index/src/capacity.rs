//! The capacity overview (issue 7): places and free places of the records a query matches,
//! grouped by target group, by region, for offers by legal basis and, for foster families, by
//! family type and accepted age.
//!
//! The ministry asks "are there enough places for citizens with psychiatric difficulties in
//! Midtjylland?": the answer is the same filters as a search (text, facets, ranges; paging and
//! sort ignored), summed instead of listed. The figures come from the card columns the core file
//! already holds (`places`, `free`, `free_reported`, `municipality`, `kind`, `ages`) and the
//! `group`/`target` facet sets, so no file is fetched and the answer is computed in the browser
//! as fast as a search.
//!
//! Counting rules, which the page states:
//! - a record counts its places once in *every* target group (and group) it serves, so target
//!   rows overlap and do not add up to the total;
//! - a record counts once in the region of its (first) address, so region rows add up to the total;
//! - an offer counts its places once under *every* legal basis it has (bases overlap too);
//! - residential, day and outpatient places are different things (a bed, a day place, a course of
//!   outpatient treatment): [`SearchIndex::capacity_of_kind`] counts one kind at a time, and
//!   every view of offer capacity (the browser's, the CLI's) goes through it, so they are never
//!   added up;
//! - a foster family counts in every age band its accepted ages touch (bands overlap too);
//! - free places are summed only where reported; how many records reported them recently (not
//!   stale by the free-place rule of [`catalogue::freshness`], judged on [`Query::today`]),
//!   earlier, or never, is counted beside them, so a reader can see how far the free-place
//!   figure can be trusted.

use catalogue::freshness::{Freshness, Part};
use catalogue::vocab::{
    FosterFamilyType, LegalBasis, OfferType, Region, TargetGroup, TargetGroupGroup,
};
use catalogue::Date;
use serde::{Deserialize, Serialize};

use crate::bits::Bits;
use crate::facets::{facet_id, GROUP, TARGET};
use crate::query::{Mode, Query};
use crate::reader::SearchIndex;

/// The age bands of the foster-family overview: (code, Danish label, from, to), inclusive.
pub const AGE_BANDS: [(&str, &str, u8, u8); 6] = [
    ("0-2", "0–2 år", 0, 2),
    ("3-5", "3–5 år", 3, 5),
    ("6-9", "6–9 år", 6, 9),
    ("10-13", "10–13 år", 10, 13),
    ("14-17", "14–17 år", 14, 17),
    ("18+", "18 år og derover", 18, u8::MAX),
];

/// Sums over a set of records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityFigures {
    /// Records counted.
    pub records: u32,
    /// Places in total (children approved for, for families).
    pub places: u64,
    /// Free places, summed over the records that reported them.
    pub free_places: u64,
    /// Places of the records that reported free places: the whole that `free_places` is a
    /// share of (see [`CapacityFigures::free_share`]).
    #[serde(default)]
    pub places_reported: u64,
    /// Records whose free-place report is not stale on the query's day (the free-place rule).
    pub reported_fresh: u32,
    /// Records whose free places were reported earlier than that.
    pub reported_stale: u32,
    /// Records that have not reported free places.
    pub unreported: u32,
}

impl CapacityFigures {
    fn add(&mut self, record: &RecordFigures) {
        self.records += 1;
        self.places += u64::from(record.places);
        match record.free {
            Some((free, fresh)) => {
                self.free_places += u64::from(free);
                self.places_reported += u64::from(record.places);
                if fresh {
                    self.reported_fresh += 1;
                } else {
                    self.reported_stale += 1;
                }
            }
            None => self.unreported += 1,
        }
    }
}

impl CapacityFigures {
    /// Free places as a share (0 to 1) of the places of the records that reported them; `None`
    /// when none reported. Records that never reported are left out of both sides, so their
    /// places do not pass for full.
    pub fn free_share(&self) -> Option<f64> {
        (self.places_reported > 0).then(|| self.free_places as f64 / self.places_reported as f64)
    }
}

/// One bar of the overview: a value and its figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CapacityRow {
    /// Value code, as in the facet of the same name (`target`, `group`, `region`,
    /// `family_type`) or an [`AGE_BANDS`] code.
    pub code: String,
    /// Danish label.
    pub label: String,
    /// For target groups: the code of their target-group group.
    pub parent: Option<String>,
    /// The sums.
    pub figures: CapacityFigures,
}

/// The capacity overview of a query's matches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CapacityOverview {
    /// Offers or foster families.
    pub mode: Mode,
    /// The day free places' freshness is judged by ([`Query::today`]).
    pub today: Date,
    /// Days within which a free-place report counts as fresh.
    pub fresh_days: u32,
    /// All matching records, each once. Equals `search(query).total` in `records`.
    pub total: CapacityFigures,
    /// By target-group group, in vocabulary order; groups no match serves are left out.
    pub by_group: Vec<CapacityRow>,
    /// By target group, in vocabulary order (so grouped by their group); unserved ones left out.
    pub by_target: Vec<CapacityRow>,
    /// By the region of the record's address, every region in vocabulary order.
    pub by_region: Vec<CapacityRow>,
    /// Offers by legal basis, in vocabulary order; bases no match has are left out (empty for
    /// foster families).
    #[serde(default)]
    pub by_basis: Vec<CapacityRow>,
    /// Foster families by type, every type in vocabulary order (empty for offers).
    pub by_family_type: Vec<CapacityRow>,
    /// Foster families by accepted age band, every band of [`AGE_BANDS`] (empty for offers).
    pub by_age_band: Vec<CapacityRow>,
}

/// What one record contributes.
struct RecordFigures {
    places: u32,
    /// Free places and whether the report is fresh.
    free: Option<(u32, bool)>,
}

fn row(code: &str, label: &str, parent: Option<&str>) -> CapacityRow {
    CapacityRow {
        code: code.to_string(),
        label: label.to_string(),
        parent: parent.map(str::to_string),
        figures: CapacityFigures::default(),
    }
}

impl SearchIndex {
    /// Places and free places of the records `query` matches, grouped for the capacity overview.
    /// Uses the same filters as [`SearchIndex::search`]; `sort`, `page` and `page_size` are
    /// ignored.
    pub fn capacity(&self, query: &Query) -> CapacityOverview {
        let mode = query.mode;
        let (first, _) = self.mode_range(mode);
        let matching = self.matching_docs(query);
        let c = &self.columns;
        let figures = |local: u32| -> RecordFigures {
            let d = (first + local) as usize;
            let fresh = |reported: Option<i32>| {
                reported.is_some_and(|day| {
                    Part::FreePlaces.freshness(Date(day), query.today) != Freshness::Stale
                })
            };
            RecordFigures {
                places: c.places.get(d).copied().unwrap_or(0),
                free: self
                    .free_places_fitting(d, query)
                    .map(|free| (free, fresh(c.free_reported.get(d).copied().flatten()))),
            }
        };

        let mut overview = CapacityOverview {
            mode,
            today: query.today,
            fresh_days: Part::FreePlaces.rule().stale_after_days.unsigned_abs(),
            ..CapacityOverview::default()
        };
        let mut by_region: Vec<CapacityRow> = Region::ALL
            .iter()
            .map(|r| row(r.code(), r.label(), None))
            .collect();
        let mut by_family_type: Vec<CapacityRow> = Vec::new();
        let mut by_age_band: Vec<CapacityRow> = Vec::new();
        if mode == Mode::FosterFamilies {
            by_family_type = FosterFamilyType::ALL
                .iter()
                .map(|t| row(t.code(), t.label(), None))
                .collect();
            by_age_band = AGE_BANDS
                .iter()
                .map(|(code, label, _, _)| row(code, label, None))
                .collect();
        }
        for local in matching.iter() {
            let record = figures(local);
            let d = (first + local) as usize;
            overview.total.add(&record);
            let region = c
                .municipality
                .get(d)
                .and_then(|&code| catalogue::vocab::municipality(code))
                .map(|m| m.region.index());
            if let Some(r) = region.and_then(|i| by_region.get_mut(i)) {
                r.figures.add(&record);
            }
            if mode == Mode::FosterFamilies {
                let kind = c.kind.get(d).copied().map(usize::from);
                if let Some(t) = kind.and_then(|k| by_family_type.get_mut(k)) {
                    t.figures.add(&record);
                }
                let ages = match (c.age_offsets.get(d), c.age_offsets.get(d + 1)) {
                    (Some(&from), Some(&to)) => {
                        c.ages.get(from as usize..to as usize).unwrap_or_default()
                    }
                    _ => &[],
                };
                for (band, (_, _, low, high)) in by_age_band.iter_mut().zip(AGE_BANDS) {
                    if ages.iter().any(|&(from, to)| from <= high && low <= to) {
                        band.figures.add(&record);
                    }
                }
            }
        }
        overview.by_group = self.rows_by_facet(mode, GROUP.name, &matching, &figures, |i| {
            TargetGroupGroup::from_index(i).map(|g| row(g.code(), g.label(), None))
        });
        overview.by_target = self.rows_by_facet(mode, TARGET.name, &matching, &figures, |i| {
            TargetGroup::from_index(i).map(|t| row(t.code(), t.label(), Some(t.group().code())))
        });
        if mode == Mode::Offers {
            overview.by_basis = self.rows_by_facet(mode, "basis", &matching, &figures, |i| {
                LegalBasis::from_index(i).map(|b| row(b.code(), b.label(), None))
            });
        }
        overview.by_region = by_region;
        overview.by_family_type = by_family_type;
        overview.by_age_band = by_age_band;
        overview
    }

    /// The overview of offers counting one kind of places only: `query` with its offer-type
    /// filter (if any) replaced by `kind`. Residential, day and outpatient places are never
    /// added up, so this is how offer capacity is asked for (the browser's view and the CLI).
    pub fn capacity_of_kind(&self, query: &Query, kind: OfferType) -> CapacityOverview {
        self.capacity(&query_of_kind(query, kind))
    }

    /// One row per value of a closed facet that some match has, summing its matches.
    fn rows_by_facet(
        &self,
        mode: Mode,
        facet: &str,
        matching: &Bits,
        figures: &dyn Fn(u32) -> RecordFigures,
        make_row: impl Fn(usize) -> Option<CapacityRow>,
    ) -> Vec<CapacityRow> {
        let Some(id) = facet_id(mode, facet) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for (value, set) in self.facets[id].sets.iter().enumerate() {
            let Some(mut r) = make_row(value) else {
                continue;
            };
            let mut docs = matching.clone();
            docs.intersect_with(set);
            for local in docs.iter() {
                r.figures.add(&figures(local));
            }
            if r.figures.records > 0 {
                rows.push(r);
            }
        }
        rows
    }

    /// The docs (numbered within the query's mode) that match the query's text, ranges and
    /// facet selections: exactly the set [`SearchIndex::search`] counts in `total`.
    fn matching_docs(&self, query: &Query) -> Bits {
        self.matching(query).matching
    }
}

/// `query` with its offer-type filter replaced by `kind`.
pub fn query_of_kind(query: &Query, kind: OfferType) -> Query {
    let mut query = query.clone();
    query.mode = Mode::Offers;
    query.filters.retain(|(facet, _)| facet != "type");
    query
        .filters
        .push(("type".to_string(), kind.code().to_string()));
    query
}

#[cfg(test)]
mod tests {
    //! The overview against a plain scan over the records the index was built from.

    use catalogue::model::Record;
    use catalogue::vocab::{CareKind, TargetGroup};
    use sample::generate::{Generator, GeneratorOptions};

    use super::*;
    use crate::BuildOptions;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 22).expect("date")
    }

    fn records() -> Vec<Record> {
        Generator::new(GeneratorOptions {
            offers: 300,
            foster_families: 200,
            seed: 11,
            today: today(),
        })
        .collect()
    }

    fn open(records: &[Record]) -> SearchIndex {
        let options = BuildOptions {
            today: Some(today()),
            shard_size: 64,
        };
        crate::BuiltIndex::open_records(records, options, crate::OpenWith::Initial)
            .expect("build and open")
    }

    /// What the scan needs of a record.
    struct Plain {
        mode: Mode,
        places: u32,
        free: Option<(u32, Date)>,
        targets: Vec<TargetGroup>,
        bases: Vec<LegalBasis>,
        offer_type: Option<OfferType>,
        /// Region of the first address, and of every address (for the region filter).
        region: u16,
        regions: Vec<u16>,
        ages: Vec<(u8, u8)>,
        family_type: Option<FosterFamilyType>,
    }

    fn plain(record: &Record) -> Plain {
        match record {
            Record::Offer(o) => Plain {
                mode: Mode::Offers,
                places: o.places_total,
                free: o.free_places.map(|f| (f.count, f.reported)),
                targets: o
                    .services
                    .iter()
                    .flat_map(|s| s.target_groups.iter().copied())
                    .collect(),
                bases: o.legal_bases.iter().map(|b| b.basis).collect(),
                offer_type: Some(o.offer_type),
                region: o.departments[0].address.region,
                regions: o.departments.iter().map(|d| d.address.region).collect(),
                ages: o.services.iter().map(|s| (s.age_from, s.age_to)).collect(),
                family_type: None,
            },
            Record::FosterFamily(f) => Plain {
                mode: Mode::FosterFamilies,
                places: u32::from(f.children_approved),
                free: Some((
                    f.free_places_of(CareKind::Placement, today())
                        + f.free_places_of(CareKind::Respite, today()),
                    f.free_places.reported,
                )),
                targets: f.target_groups.clone(),
                bases: Vec::new(),
                offer_type: None,
                region: f.location.region,
                regions: vec![f.location.region],
                ages: vec![(f.age_from, f.age_to)],
                family_type: Some(f.family_type),
            },
        }
    }

    fn add(figures: &mut CapacityFigures, p: &Plain) {
        figures.records += 1;
        figures.places += u64::from(p.places);
        match p.free {
            Some((count, reported)) => {
                figures.free_places += u64::from(count);
                figures.places_reported += u64::from(p.places);
                if Part::FreePlaces.freshness(reported, today()) != Freshness::Stale {
                    figures.reported_fresh += 1;
                } else {
                    figures.reported_stale += 1;
                }
            }
            None => figures.unreported += 1,
        }
    }

    /// The overview computed by scanning the records, for a query that filters at most by one
    /// `region`, one `group` and one offer type (`kind`).
    fn scan(
        records: &[Record],
        mode: Mode,
        region: Option<&str>,
        group: Option<&str>,
        kind: Option<OfferType>,
    ) -> CapacityOverview {
        let matches: Vec<Plain> = records
            .iter()
            .map(plain)
            .filter(|p| p.mode == mode)
            .filter(|p| kind.is_none_or(|k| p.offer_type == Some(k)))
            .filter(|p| region.is_none_or(|r| p.regions.iter().any(|x| x.to_string() == r)))
            .filter(|p| group.is_none_or(|g| p.targets.iter().any(|t| t.group().code() == g)))
            .collect();
        let mut overview = CapacityOverview {
            mode,
            today: today(),
            fresh_days: Part::FreePlaces.rule().stale_after_days.unsigned_abs(),
            ..CapacityOverview::default()
        };
        for p in &matches {
            add(&mut overview.total, p);
        }
        let rows =
            |make: &dyn Fn(&Plain) -> Vec<String>, all: Vec<CapacityRow>, keep_empty: bool| {
                all.into_iter()
                    .map(|mut r| {
                        for p in matches.iter().filter(|p| make(p).contains(&r.code)) {
                            add(&mut r.figures, p);
                        }
                        r
                    })
                    .filter(|r| keep_empty || r.figures.records > 0)
                    .collect::<Vec<_>>()
            };
        overview.by_group = rows(
            &|p| {
                p.targets
                    .iter()
                    .map(|t| t.group().code().to_string())
                    .collect()
            },
            TargetGroupGroup::ALL
                .iter()
                .map(|g| row(g.code(), g.label(), None))
                .collect(),
            false,
        );
        overview.by_target = rows(
            &|p| p.targets.iter().map(|t| t.code().to_string()).collect(),
            TargetGroup::ALL
                .iter()
                .map(|t| row(t.code(), t.label(), Some(t.group().code())))
                .collect(),
            false,
        );
        if mode == Mode::Offers {
            overview.by_basis = rows(
                &|p| p.bases.iter().map(|b| b.code().to_string()).collect(),
                LegalBasis::ALL
                    .iter()
                    .map(|b| row(b.code(), b.label(), None))
                    .collect(),
                false,
            );
        }
        overview.by_region = rows(
            &|p| vec![p.region.to_string()],
            Region::ALL
                .iter()
                .map(|r| row(r.code(), r.label(), None))
                .collect(),
            true,
        );
        if mode == Mode::FosterFamilies {
            overview.by_family_type = rows(
                &|p| {
                    p.family_type
                        .map(|t| t.code().to_string())
                        .into_iter()
                        .collect()
                },
                FosterFamilyType::ALL
                    .iter()
                    .map(|t| row(t.code(), t.label(), None))
                    .collect(),
                true,
            );
            overview.by_age_band = rows(
                &|p| {
                    AGE_BANDS
                        .iter()
                        .filter(|(_, _, low, high)| {
                            p.ages.iter().any(|&(from, to)| from <= *high && *low <= to)
                        })
                        .map(|(code, ..)| code.to_string())
                        .collect()
                },
                AGE_BANDS
                    .iter()
                    .map(|(code, label, ..)| row(code, label, None))
                    .collect(),
                true,
            );
        }
        overview
    }

    fn query(mode: Mode, filters: &[(&str, &str)]) -> Query {
        Query {
            mode,
            filters: filters
                .iter()
                .map(|(f, v)| (f.to_string(), v.to_string()))
                .collect(),
            today: today(),
            ..Query::default()
        }
    }

    #[test]
    fn overview_equals_a_plain_scan() {
        let records = records();
        let index = open(&records);
        let some_region = Region::ALL[1].code();
        let some_group = TargetGroupGroup::ALL[2].code();
        for mode in [Mode::Offers, Mode::FosterFamilies] {
            for (region, group) in [
                (None, None),
                (Some(some_region), None),
                (None, Some(some_group)),
                (Some(some_region), Some(some_group)),
            ] {
                let mut filters = Vec::new();
                filters.extend(region.map(|r| ("region", r)));
                filters.extend(group.map(|g| ("group", g)));
                let got = index.capacity(&query(mode, &filters));
                let want = scan(&records, mode, region, group, None);
                assert_eq!(got, want, "{mode:?} region {region:?} group {group:?}");
            }
        }
    }

    #[test]
    fn each_kind_of_places_is_counted_alone_whatever_type_the_query_holds() {
        let records = records();
        let index = open(&records);
        let some_region = Region::ALL[3].code();
        let mut kinds_places = 0;
        for kind in OfferType::ALL.iter().copied() {
            // A type filter of another kind in the query is replaced, not combined.
            for held in [None, Some(OfferType::Day)] {
                let mut filters = vec![("region", some_region)];
                filters.extend(held.map(|t| ("type", t.code())));
                let got = index.capacity_of_kind(&query(Mode::Offers, &filters), kind);
                let want = scan(&records, Mode::Offers, Some(some_region), None, Some(kind));
                assert_eq!(got, want, "{kind:?} with {held:?} in the query");
                assert!(
                    got.total.records > 0,
                    "the sample has {kind:?} offers there"
                );
                if held.is_none() {
                    kinds_places += got.total.places;
                }
            }
        }
        let all = index.capacity(&query(Mode::Offers, &[("region", some_region)]));
        assert_eq!(
            kinds_places, all.total.places,
            "the kinds partition the offers"
        );
        let basis_records: u32 = all.by_basis.iter().map(|r| r.figures.records).sum();
        assert!(
            basis_records >= all.total.records,
            "every offer has a basis"
        );
    }

    #[test]
    fn free_share_leaves_out_records_that_never_reported() {
        let figures = CapacityFigures {
            records: 3,
            places: 100,
            free_places: 5,
            places_reported: 20,
            reported_fresh: 1,
            reported_stale: 1,
            unreported: 1,
        };
        assert_eq!(figures.free_share(), Some(0.25));
        assert_eq!(CapacityFigures::default().free_share(), None);
    }

    #[test]
    fn records_counted_equal_the_search_total() {
        let records = records();
        let index = open(&records);
        let mut queries = vec![
            query(Mode::Offers, &[]),
            query(
                Mode::Offers,
                &[("updated", "fresh"), ("type", "residential")],
            ),
            query(Mode::FosterFamilies, &[("available", "yes")]),
        ];
        let mut text = query(Mode::Offers, &[]);
        text.text = "bo".to_string();
        text.age = Some(16);
        queries.push(text);
        let mut free = query(Mode::FosterFamilies, &[]);
        free.min_free_places = Some(1);
        queries.push(free);
        let mut matched_something = false;
        for q in &queries {
            let overview = index.capacity(q);
            let total = index.search(q).total;
            assert_eq!(overview.total.records, total, "{q:?}");
            matched_something |= total > 0;
            let t = overview.total;
            assert_eq!(
                t.reported_fresh + t.reported_stale + t.unreported,
                t.records
            );
            let region_records: u32 = overview.by_region.iter().map(|r| r.figures.records).sum();
            assert_eq!(region_records, t.records, "every record has one region");
        }
        assert!(matched_something, "the sample must match some query");
    }

    #[test]
    fn family_overview_has_types_and_bands_and_offers_have_none() {
        let records = records();
        let index = open(&records);
        let families = index.capacity(&query(Mode::FosterFamilies, &[]));
        assert_eq!(families.by_age_band.len(), AGE_BANDS.len());
        assert_eq!(families.by_family_type.len(), FosterFamilyType::ALL.len());
        let typed: u32 = families
            .by_family_type
            .iter()
            .map(|r| r.figures.records)
            .sum();
        assert_eq!(typed, families.total.records);
        let offers = index.capacity(&query(Mode::Offers, &[]));
        assert!(offers.by_age_band.is_empty() && offers.by_family_type.is_empty());
        assert!(offers.total.places > 0);
    }
}
