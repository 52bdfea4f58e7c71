//! Differential tests: on random catalogues and thousands of random queries, the index answers
//! exactly what a plain scan of every record answers — totals, the hits of the page in order,
//! and every facet count.
//!
//! The reference below shares only the *definitions* with the index (folding, the facet table,
//! what a record's facet values are, main price, quality scores); it computes matches with plain
//! edit distances over every word of every record, facet counts by scanning, and order with an
//! ordinary comparator — no fst, no postings, no bitsets, no precomputed ranks.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};

use catalogue::generate::{Generator, GeneratorOptions};
use catalogue::model::Record;
use catalogue::vocab::{CareKind, PriceBasis, MUNICIPALITIES};
use catalogue::Date;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use tilbudsfinder_index::facets::{
    available_value, facet_ids, fixed_values, static_values, updated_bucket, FacetKind,
    StaticValue, FACETS,
};
use tilbudsfinder_index::format::{dequantise, quantise};
use tilbudsfinder_index::price::main_price;
use tilbudsfinder_index::text::{
    collation_key, compound_parts, edit_distance, prefix_edit_distance, query_tokens, tokens,
    typo_budget,
};
use tilbudsfinder_index::{
    distance_km, page_size, quality, BuildOptions, FacetCounts, FacetValueCount, IndexBuilder,
    Manifest, MatchKind, Mode, Near, PriceRange, Query, SearchIndex, Sort,
};

/// Everything the reference needs about one record.
struct Doc {
    mode: Mode,
    id: String,
    name: String,
    name_words: Vec<String>,
    other_words: Vec<String>,
    description_words: Vec<String>,
    /// Per facet id: the codes of the record's values (static facets).
    values: Vec<Vec<String>>,
    ages: Vec<(u8, u8)>,
    price: Option<(PriceBasis, f64)>,
    free: Option<u32>,
    /// The foster family itself: its free places that fit a query are the model's own
    /// `free_places_of`, not the index's column arithmetic.
    family: Option<catalogue::model::FosterFamily>,
    oldest: Date,
    pause: Option<(Date, Option<Date>)>,
    position: (f64, f64),
}

struct Reference {
    docs: Vec<Doc>,
    /// Every whole word of the catalogue (for compound parts).
    words: BTreeSet<String>,
    /// Open facets' values in the catalogue, per facet id.
    open_values: Vec<BTreeSet<String>>,
}

fn first_position(record: &Record) -> (f64, f64) {
    let (lat, lon) = match record {
        Record::Offer(o) => o
            .departments
            .first()
            .map(|d| (d.address.lat, d.address.lon))
            .unwrap_or((0.0, 0.0)),
        Record::FosterFamily(f) => (f.location.lat, f.location.lon),
    };
    (dequantise(quantise(lat)), dequantise(quantise(lon)))
}

fn code_of(facet: usize, value: &StaticValue) -> String {
    match value {
        StaticValue::Closed(i) => fixed_values(&FACETS[facet])[*i].code.clone(),
        StaticValue::Open(s) => s.clone(),
    }
}

fn label_of(facet: usize, code: &str) -> String {
    match FACETS[facet].kind {
        FacetKind::Open => code.to_string(),
        _ => fixed_values(&FACETS[facet])
            .into_iter()
            .find(|v| v.code == code)
            .map(|v| v.label)
            .unwrap_or_default(),
    }
}

impl Reference {
    fn new(records: &[Record]) -> Reference {
        let mut docs = Vec::new();
        let mut open_values = vec![BTreeSet::new(); FACETS.len()];
        let ordered = records
            .iter()
            .filter(|r| matches!(r, Record::Offer(_)))
            .chain(
                records
                    .iter()
                    .filter(|r| matches!(r, Record::FosterFamily(_))),
            );
        for record in ordered {
            let mode = match record {
                Record::Offer(_) => Mode::Offers,
                Record::FosterFamily(_) => Mode::FosterFamilies,
            };
            let mut values = vec![Vec::new(); FACETS.len()];
            let mut other_words = Vec::new();
            for (id, facet) in FACETS.iter().enumerate() {
                for value in static_values(facet, record) {
                    let code = code_of(id, &value);
                    if facet.kind == FacetKind::Open {
                        open_values[id].insert(code.clone());
                    }
                    values[id].push(code);
                }
            }
            let places: Vec<String> = match record {
                Record::Offer(o) => o
                    .departments
                    .iter()
                    .map(|d| format!("{} {}", d.address.postal_code, d.address.city))
                    .collect(),
                Record::FosterFamily(f) => {
                    vec![format!("{} {}", f.location.postal_code, f.location.city)]
                }
            };
            for place in &places {
                other_words.extend(tokens(place));
            }
            let (description, ages, free, oldest, pause) = match record {
                Record::Offer(o) => (
                    &o.description,
                    o.services.iter().map(|s| (s.age_from, s.age_to)).collect(),
                    o.free_places.map(|f| f.count),
                    o.updated.oldest(),
                    None,
                ),
                Record::FosterFamily(f) => (
                    &f.description,
                    vec![(f.age_from, f.age_to)],
                    Some(f.free_places.count),
                    f.updated,
                    f.pause.map(|p| (p.from, p.until)),
                ),
            };
            docs.push(Doc {
                mode,
                id: record.id().to_string(),
                name: record.name().to_string(),
                name_words: tokens(record.name()),
                other_words,
                description_words: tokens(description),
                values,
                ages,
                price: main_price(record).map(|p| (p.basis, p.normalised)),
                free,
                family: match record {
                    Record::FosterFamily(f) => Some(f.clone()),
                    Record::Offer(_) => None,
                },
                oldest,
                pause,
                position: first_position(record),
            });
        }
        let mut words = BTreeSet::new();
        for doc in &docs {
            words.extend(doc.name_words.iter().cloned());
            words.extend(doc.other_words.iter().cloned());
            words.extend(doc.description_words.iter().cloned());
            for (facet, codes) in doc.values.iter().enumerate() {
                if FACETS[facet].text {
                    for code in codes {
                        words.extend(tokens(&label_of(facet, code)));
                    }
                }
            }
        }
        Reference {
            docs,
            words,
            open_values,
        }
    }

    fn class(token: &str, word: &str, last: bool) -> Option<MatchKind> {
        if word == token {
            return Some(MatchKind::Exact);
        }
        if last && word.starts_with(token) {
            return Some(MatchKind::Partial);
        }
        let budget = typo_budget(token) as usize;
        if budget == 0 {
            return None;
        }
        let d = if last {
            prefix_edit_distance(token.as_bytes(), word.as_bytes())
        } else {
            edit_distance(token.as_bytes(), word.as_bytes())
        };
        (d <= budget).then_some(MatchKind::Typo)
    }

    /// Best quality of `token` over a field's words and their compound parts.
    fn field_quality(&self, token: &str, last: bool, words: &[String], in_name: bool) -> u8 {
        let mut best = 0;
        for word in words {
            if let Some(kind) = Self::class(token, word, last) {
                best = best.max(quality(in_name, kind));
            }
            for part in compound_parts(word, |s| self.words.contains(s)) {
                if let Some(kind) = Self::class(token, part, last) {
                    let kind = if kind == MatchKind::Typo {
                        MatchKind::Typo
                    } else {
                        MatchKind::Partial
                    };
                    best = best.max(quality(in_name, kind));
                }
            }
        }
        best
    }

    fn text_score(&self, doc: &Doc, query_tokens: &[String], descriptions: bool) -> Option<u16> {
        let mut other = doc.other_words.clone();
        if descriptions {
            other.extend(doc.description_words.iter().cloned());
        }
        for (facet, codes) in doc.values.iter().enumerate() {
            if FACETS[facet].text && FACETS[facet].mode == doc.mode {
                for code in codes {
                    other.extend(tokens(&label_of(facet, code)));
                }
            }
        }
        let mut total = 0u16;
        for (i, token) in query_tokens.iter().enumerate() {
            let last = i + 1 == query_tokens.len();
            let q = self
                .field_quality(token, last, &doc.name_words, true)
                .max(self.field_quality(token, last, &other, false));
            if q == 0 {
                return None;
            }
            total += u16::from(q);
        }
        Some(total)
    }

    fn codes(&self, doc: &Doc, facet: usize, today: Date) -> Vec<String> {
        let spec = &FACETS[facet];
        match spec.name {
            "updated" => vec![fixed_values(spec)[updated_bucket(doc.oldest, today)]
                .code
                .clone()],
            "available" => {
                let (from, until) = doc.pause.map_or((None, None), |(f, u)| (Some(f), u));
                vec![fixed_values(spec)[available_value(from, until, today)]
                    .code
                    .clone()]
            }
            _ => doc.values[facet].clone(),
        }
    }

    fn in_ranges(&self, doc: &Doc, query: &Query) -> (bool, Option<f64>) {
        let distance = query
            .near
            .map(|n| distance_km(n.lat, n.lon, doc.position.0, doc.position.1));
        let mut keep = true;
        if let Some(age) = query.age {
            keep &= doc.ages.iter().any(|&(f, t)| f <= age && age <= t);
        }
        if let Some(range) = query.price {
            keep &= doc.price.is_some_and(|(basis, p)| {
                basis == range.basis
                    && range.min.is_none_or(|m| p >= m)
                    && range.max.is_none_or(|m| p <= m)
            });
        }
        if let Some(min) = query.min_free_places {
            let free = match &doc.family {
                Some(f) => {
                    let selected: Vec<&str> = query
                        .filters
                        .iter()
                        .filter(|(facet, _)| facet == "care")
                        .map(|(_, v)| v.as_str())
                        .collect();
                    Some(
                        [CareKind::Placement, CareKind::Respite]
                            .into_iter()
                            .filter(|k| selected.is_empty() || selected.contains(&k.code()))
                            .map(|k| f.free_places_of(k, query.today))
                            .sum(),
                    )
                }
                None => doc.free,
            };
            keep &= free.is_some_and(|f| f >= min);
        }
        if let Some(days) = query.updated_within_days {
            keep &= i64::from(doc.oldest.days_until(query.today)) <= i64::from(days);
        }
        if let (Some(near), Some(km)) = (query.near, distance) {
            if let Some(max) = near.max_km {
                keep &= km <= max;
            }
        }
        (keep, distance)
    }

    fn name_order(&self, a: usize, b: usize) -> Ordering {
        let (da, db) = (&self.docs[a], &self.docs[b]);
        collation_key(&da.name)
            .cmp(&collation_key(&db.name))
            .then_with(|| da.name.cmp(&db.name))
            .then(a.cmp(&b))
    }

    fn search(&self, query: &Query, descriptions: bool) -> (u32, Vec<String>, Vec<FacetCounts>) {
        let qtokens = query_tokens(&query.text);
        // Candidates after text and ranges, with score and distance.
        let mut base: Vec<(usize, u16, Option<f64>)> = Vec::new();
        for (i, doc) in self.docs.iter().enumerate() {
            if doc.mode != query.mode {
                continue;
            }
            let score = if qtokens.is_empty() {
                0
            } else {
                match self.text_score(doc, &qtokens, descriptions) {
                    Some(s) => s,
                    None => continue,
                }
            };
            let (keep, distance) = self.in_ranges(doc, query);
            if keep {
                base.push((i, score, distance));
            }
        }
        // Selections per facet.
        let mut selections: Vec<(usize, Vec<String>)> = Vec::new();
        for (name, code) in &query.filters {
            let Some(facet) = facet_ids(query.mode).find(|&f| FACETS[f].name == name) else {
                continue;
            };
            match selections.iter_mut().find(|(f, _)| *f == facet) {
                Some((_, codes)) => {
                    if !codes.contains(code) {
                        codes.push(code.clone())
                    }
                }
                None => selections.push((facet, vec![code.clone()])),
            }
        }
        let passes = |doc: &Doc, except: Option<usize>| {
            selections.iter().all(|(facet, codes)| {
                Some(*facet) == except
                    || self
                        .codes(doc, *facet, query.today)
                        .iter()
                        .any(|c| codes.contains(c))
            })
        };
        let mut matching: Vec<(usize, u16, Option<f64>)> = base
            .iter()
            .copied()
            .filter(|(i, _, _)| passes(&self.docs[*i], None))
            .collect();

        let mut facets = Vec::new();
        for facet in facet_ids(query.mode) {
            let spec = &FACETS[facet];
            let mut values: Vec<(String, String, Option<String>)> = match spec.kind {
                FacetKind::Open => {
                    let mut v: Vec<String> = self.open_values[facet].iter().cloned().collect();
                    v.sort_by(|a, b| collation_key(a).cmp(&collation_key(b)).then(a.cmp(b)));
                    v.into_iter().map(|s| (s.clone(), s, None)).collect()
                }
                _ => fixed_values(spec)
                    .into_iter()
                    .map(|v| (v.code, v.label, v.parent))
                    .collect(),
            };
            let selected: Vec<String> = selections
                .iter()
                .find(|(f, _)| *f == facet)
                .map(|(_, c)| c.clone())
                .unwrap_or_default();
            for code in &selected {
                if !values.iter().any(|v| &v.0 == code) {
                    values.push((code.clone(), code.clone(), None));
                }
            }
            let mut out = Vec::new();
            for (code, label, parent) in values {
                let count = base
                    .iter()
                    .filter(|(i, _, _)| {
                        let doc = &self.docs[*i];
                        passes(doc, Some(facet))
                            && self.codes(doc, facet, query.today).contains(&code)
                    })
                    .count() as u32;
                if count > 0 || selected.contains(&code) {
                    out.push(FacetValueCount {
                        value: code,
                        label,
                        count,
                        parent,
                    });
                }
            }
            facets.push(FacetCounts {
                facet: spec.name.to_string(),
                values: out,
            });
        }

        let has_text = !qtokens.is_empty();
        matching.sort_by(|a, b| {
            let (da, db) = (&self.docs[a.0], &self.docs[b.0]);
            let price_order = |desc: bool| match (da.price, db.price) {
                (Some((ba, pa)), Some((bb, pb))) => {
                    let by_price = if desc {
                        pb.total_cmp(&pa)
                    } else {
                        pa.total_cmp(&pb)
                    };
                    (ba as u8).cmp(&(bb as u8)).then(by_price)
                }
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            let primary = match query.sort {
                Sort::Relevance if has_text => b.1.cmp(&a.1),
                Sort::PriceAsc => price_order(false),
                Sort::PriceDesc => price_order(true),
                Sort::Distance => match (a.2, b.2) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    _ => Ordering::Equal,
                },
                Sort::FreePlaces => match (da.free, db.free) {
                    (Some(x), Some(y)) => y.cmp(&x),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
                Sort::Updated => db.oldest.cmp(&da.oldest),
                _ => Ordering::Equal,
            };
            primary.then_with(|| self.name_order(a.0, b.0))
        });
        let size = page_size(query) as usize;
        let hits = matching
            .iter()
            .skip(query.page as usize * size)
            .take(size)
            .map(|(i, _, _)| self.docs[*i].id.clone())
            .collect();
        (matching.len() as u32, hits, facets)
    }
}

fn catalogue(seed: u64, offers: u64, families: u64, today: Date) -> Vec<Record> {
    let mut records: Vec<Record> = Generator::new(GeneratorOptions {
        offers,
        foster_families: families,
        seed,
        today,
    })
    .collect();
    // Interleave modes (the index numbers offers first whatever the input order).
    records.sort_by_key(|r| r.id().bytes().rev().collect::<Vec<u8>>());
    records
}

fn build(records: &[Record]) -> (SearchIndex, SearchIndex) {
    let mut builder = IndexBuilder::new(BuildOptions {
        shard_size: 16,
        ..BuildOptions::default()
    });
    let mut files = Vec::new();
    for record in records {
        builder.add(record);
        files.extend(builder.take_ready_files());
    }
    let built = builder.finish().expect("build");
    files.extend(built.files);
    let manifest = Manifest::parse(&built.manifest).expect("manifest");
    let initial: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(|(n, _)| manifest.initial_files().contains(n))
        .cloned()
        .collect();
    let without_text = SearchIndex::open(&manifest, initial.clone()).expect("open");
    let mut with_text = SearchIndex::open(&manifest, initial).expect("open");
    for name in with_text.deferred_files() {
        let bytes = files
            .iter()
            .find(|(n, _)| *n == name)
            .expect("file")
            .1
            .clone();
        with_text.add_file(&name, bytes).expect("add text");
    }
    // Every record comes back from its detail shard.
    for doc in 0..records.len() as u32 {
        let name = with_text.detail_file(doc).expect("detail file");
        let bytes = &files.iter().find(|(n, _)| *n == name).expect("shard").1;
        let record = with_text
            .decode_detail(&name, bytes, doc)
            .expect("decode detail");
        assert_eq!(
            Some(record.id().to_string()),
            with_text.card(doc).map(|c| c.id)
        );
        assert!(records.contains(&record));
    }
    (without_text, with_text)
}

/// A random query over the words and values of the catalogue.
fn query_strategy(
    words: Vec<String>,
    open: Vec<(usize, String)>,
    today: Date,
) -> impl Strategy<Value = Query> {
    let words = if words.is_empty() {
        vec!["x".to_string()]
    } else {
        words
    };
    let text_token = (
        proptest::sample::select(words),
        0u8..6,
        any::<prop::sample::Index>(),
        "[a-z]",
    )
        .prop_map(|(word, how, at, letter)| {
            let chars: Vec<char> = word.chars().collect();
            let i = at.index(chars.len().max(1));
            match how {
                0 | 1 => word,
                2 => chars[..i.max(1).min(chars.len())].iter().collect(),
                3 => {
                    let mut c = chars.clone();
                    if !c.is_empty() {
                        c.remove(i.min(c.len() - 1));
                    }
                    c.into_iter().collect()
                }
                4 => {
                    let mut c = chars.clone();
                    c.insert(i.min(c.len()), letter.chars().next().unwrap_or('a'));
                    c.into_iter().collect()
                }
                _ => {
                    let mut c = chars.clone();
                    if !c.is_empty() {
                        let j = i.min(c.len() - 1);
                        c[j] = letter.chars().next().unwrap_or('a');
                    }
                    c.into_iter().collect()
                }
            }
        });
    let text = prop_oneof![
        2 => Just(String::new()),
        3 => (proptest::collection::vec(text_token, 2), 0u8..4).prop_map(|(t, n)| if n == 0 { t.join(" ") } else { t[0].clone() }),
    ];
    let filter = (
        any::<bool>(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(families, f, v)| {
            let mode = if families {
                Mode::FosterFamilies
            } else {
                Mode::Offers
            };
            let ids: Vec<usize> = facet_ids(mode).collect();
            let facet = ids[f.index(ids.len())];
            let spec = &FACETS[facet];
            let mut codes: Vec<String> = match spec.kind {
                FacetKind::Open => open
                    .iter()
                    .filter(|(i, _)| *i == facet)
                    .map(|(_, s)| s.clone())
                    .collect(),
                _ => fixed_values(spec).into_iter().map(|v| v.code).collect(),
            };
            // An open facet of a catalogue without such records has no values at all.
            if codes.is_empty() || v.index(20) == 0 {
                codes = vec!["no-such-value".to_string()];
            }
            (spec.name.to_string(), codes[v.index(codes.len())].clone())
        });
    let municipality = proptest::sample::select(MUNICIPALITIES.to_vec());
    (
        any::<bool>(),
        text,
        (proptest::collection::vec(filter, 3), 0u8..5).prop_map(|(mut f, n)| {
            f.truncate([0, 0, 1, 1, 3][n as usize]);
            f
        }),
        proptest::option::weighted(0.2, 0u8..90),
        proptest::option::weighted(
            0.1,
            (
                0u8..3,
                proptest::option::of(0.0..4000.0f64),
                proptest::option::of(0.0..8000.0f64),
            ),
        ),
        proptest::option::weighted(0.15, 0u32..4),
        proptest::option::weighted(
            0.3,
            (
                municipality,
                proptest::option::weighted(0.4, 20.0..250.0f64),
            ),
        ),
        proptest::option::weighted(0.15, 0u32..900),
        (
            -400i32..400,
            0usize..7,
            0u32..3,
            prop_oneof![Just(0u32), 1u32..12, Just(500)],
        ),
    )
        .prop_map(
            move |(
                families,
                text,
                filters,
                age,
                price,
                min_free,
                near,
                updated,
                (shift, sort, page, size),
            )| Query {
                mode: if families {
                    Mode::FosterFamilies
                } else {
                    Mode::Offers
                },
                text,
                filters,
                age,
                price: price.map(|(b, min, max)| PriceRange {
                    basis: [
                        PriceBasis::PerDay,
                        PriceBasis::PerHour,
                        PriceBasis::PerCourse,
                    ][b as usize],
                    min,
                    max,
                }),
                min_free_places: min_free,
                near: near.map(|(m, km)| Near {
                    lat: m.lat,
                    lon: m.lon,
                    max_km: km,
                }),
                updated_within_days: updated,
                today: today.add_days(shift),
                sort: [
                    Sort::Relevance,
                    Sort::PriceAsc,
                    Sort::PriceDesc,
                    Sort::Distance,
                    Sort::FreePlaces,
                    Sort::Updated,
                    Sort::Name,
                ][sort],
                page,
                page_size: size,
            },
        )
}

static QUERIES: AtomicU32 = AtomicU32::new(0);
static NON_EMPTY: AtomicU32 = AtomicU32::new(0);
static TEXT_NON_EMPTY: AtomicU32 = AtomicU32::new(0);

fn compare(
    index: &SearchIndex,
    reference: &Reference,
    query: &Query,
    descriptions: bool,
) -> Result<(), TestCaseError> {
    let got = index.search(query);
    QUERIES.fetch_add(1, AtomicOrdering::Relaxed);
    if got.total > 0 {
        NON_EMPTY.fetch_add(1, AtomicOrdering::Relaxed);
        if !query.text.is_empty() {
            TEXT_NON_EMPTY.fetch_add(1, AtomicOrdering::Relaxed);
        }
    }
    let (total, hits, facets) = reference.search(query, descriptions);
    let got_hits: Vec<String> = got.hits.iter().map(|h| h.id.clone()).collect();
    prop_assert_eq!(got.total, total, "total for {:?}", query);
    prop_assert_eq!(got_hits, hits, "hits for {:?}", query);
    for (g, r) in got.facets.iter().zip(&facets) {
        prop_assert_eq!(g, r, "facet {} for {:?}", g.facet, query);
    }
    prop_assert_eq!(got.facets.len(), facets.len());
    Ok(())
}

#[test]
fn index_answers_like_a_plain_scan() {
    let today = Date::from_ymd(2026, 11, 22).expect("date");
    let mut catalogue_runner = TestRunner::new(Config {
        cases: 12,
        ..Config::default()
    });
    catalogue_runner
        .run(
            &(any::<u64>(), 0u64..140, 0u64..140),
            |(seed, offers, families)| {
                let records = catalogue(seed, offers, families, today);
                let reference = Reference::new(&records);
                let (without_text, with_text) = build(&records);
                let mut words: Vec<String> = reference.words.iter().cloned().collect();
                words.extend(
                    ["behandling", "aarhus", "autisme", "plejefamilie", "xq"].map(String::from),
                );
                let open: Vec<(usize, String)> = reference
                    .open_values
                    .iter()
                    .enumerate()
                    .flat_map(|(i, set)| set.iter().map(move |s| (i, s.clone())))
                    .collect();
                let mut query_runner = TestRunner::new(Config {
                    cases: 200,
                    ..Config::default()
                });
                query_runner
                    .run(
                        &(query_strategy(words, open, today), any::<bool>()),
                        |(query, descriptions)| {
                            let index = if descriptions {
                                &with_text
                            } else {
                                &without_text
                            };
                            compare(index, &reference, &query, descriptions)
                        },
                    )
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                Ok(())
            },
        )
        .expect("differential");
    let (queries, non_empty, text) = (
        QUERIES.load(AtomicOrdering::Relaxed),
        NON_EMPTY.load(AtomicOrdering::Relaxed),
        TEXT_NON_EMPTY.load(AtomicOrdering::Relaxed),
    );
    println!("{queries} queries, {non_empty} with matches, {text} of them with text");
    assert!(queries >= 2000, "{queries} queries");
    assert!(
        non_empty * 4 >= queries,
        "too few queries match anything: {non_empty}/{queries}"
    );
    assert!(
        text * 10 >= queries,
        "too few text queries match: {text}/{queries}"
    );
}
