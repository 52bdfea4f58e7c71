//! Differential tests: on random catalogues and thousands of random queries, the index answers
//! exactly what a plain scan of every record answers — totals, the hits of the page in order,
//! and every facet count.
//!
//! The reference below shares only the *definitions* with the index (folding, stop words, the
//! facet table, what a record's facet values are, main price, quality scores, the synonym
//! dictionary's entries); it computes matches with plain edit distances over every word of every
//! record and every dictionary key, facet counts by scanning, the words to keep by trying every
//! subset, and order with an ordinary comparator — no fst, no postings, no bitsets, no
//! precomputed ranks.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};

use catalogue::model::Record;
use catalogue::vocab::{CareKind, PriceBasis, MUNICIPALITIES};
use catalogue::Date;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sample::generate::{Generator, GeneratorOptions};
use tilbudsfinder_index::facets::{
    available_value, facet_ids, fixed_values, static_values, updated_bucket, FacetKind,
    StaticValue, FACETS,
};
use tilbudsfinder_index::format::{dequantise, quantise};
use tilbudsfinder_index::price::main_price;
use tilbudsfinder_index::synonyms::{self, SynonymEntry};
use tilbudsfinder_index::text::{
    collation_key, compound_parts, prefix_edit_distance, query_words, tokens, typo_budget,
    QueryWord,
};
use tilbudsfinder_index::{
    distance_km, page_size, quality, BuildOptions, BuiltIndex, FacetCounts, FacetValueCount, Field,
    MatchKind, Mode, Near, PriceRange, Query, SearchIndex, Sort,
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
    /// Every whole word of the catalogue and of the synonym dictionary (for compound parts).
    words: BTreeSet<String>,
    /// The catalogue's words alone (for making queries).
    catalogue_words: BTreeSet<String>,
    synonyms: Vec<SynonymEntry>,
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
    match FACETS[facet].kind() {
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
                    if facet.kind() == FacetKind::Open {
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
        let catalogue_words = words.clone();
        words.extend(synonyms::words());
        Reference {
            docs,
            words,
            catalogue_words,
            synonyms: synonyms::entries(),
            open_values,
        }
    }

    /// How a query word matches a word: (kind, typo), or not at all.
    fn class(token: &str, word: &str) -> Option<(MatchKind, bool)> {
        if word == token {
            return Some((MatchKind::Exact, false));
        }
        if word.starts_with(token) {
            return Some((MatchKind::Partial, false));
        }
        let budget = typo_budget(token) as usize;
        (budget > 0 && prefix_edit_distance(token.as_bytes(), word.as_bytes()) <= budget)
            .then_some((MatchKind::Partial, true))
    }

    /// Best quality of `token` over a field's words and their compound parts.
    fn field_quality(&self, token: &str, words: &[String], field: Field) -> u32 {
        let mut best = 0;
        for word in words {
            if let Some((kind, typo)) = Self::class(token, word) {
                best = best.max(quality(field, kind, typo));
            }
            for part in compound_parts(word, |s| self.words.contains(s)) {
                if let Some((_, typo)) = Self::class(token, part) {
                    best = best.max(quality(field, MatchKind::Partial, typo));
                }
            }
        }
        best
    }

    /// Whether the record has any of a dictionary entry's values.
    fn has_any(&self, doc: &Doc, entry: &SynonymEntry) -> bool {
        entry.targets.iter().any(|(facet, code)| {
            FACETS.iter().enumerate().any(|(id, spec)| {
                spec.name == facet && spec.mode == doc.mode && doc.values[id].contains(code)
            })
        })
    }

    /// The words of the record's attributes: places and the labels of text facets' values.
    fn attribute_words(&self, doc: &Doc) -> Vec<String> {
        let mut words = doc.other_words.clone();
        for (facet, codes) in doc.values.iter().enumerate() {
            if FACETS[facet].text && FACETS[facet].mode == doc.mode {
                for code in codes {
                    words.extend(tokens(&label_of(facet, code)));
                }
            }
        }
        words
    }

    /// Per query word, the dictionary entries it matches and the quality such a match gives.
    fn synonym_matches(&self, words: &[QueryWord]) -> Vec<Vec<(usize, u32)>> {
        words
            .iter()
            .map(|w| {
                let mut out = Vec::new();
                if w.optional {
                    return out;
                }
                for (i, entry) in self.synonyms.iter().enumerate() {
                    if entry.key.contains(' ') {
                        let phrase: Vec<&str> = entry.key.split(' ').collect();
                        let all_there = phrase.iter().all(|p| words.iter().any(|x| x.text == *p));
                        if all_there && phrase.contains(&w.text.as_str()) {
                            out.push((i, quality(Field::Attribute, MatchKind::Synonym, false)));
                        }
                    } else if let Some(typo) = synonyms::key_match(&w.text, &entry.key) {
                        out.push((i, quality(Field::Attribute, MatchKind::Synonym, typo)));
                    }
                }
                out
            })
            .collect()
    }

    /// Per query word: its quality in the record (0: no match); optional words give 1 for an
    /// exact word, and are not required.
    fn word_qualities(
        &self,
        doc: &Doc,
        words: &[QueryWord],
        synonyms: &[Vec<(usize, u32)>],
        descriptions: bool,
    ) -> Vec<u32> {
        let attributes = self.attribute_words(doc);
        let description: &[String] = if descriptions {
            &doc.description_words
        } else {
            &[]
        };
        words
            .iter()
            .zip(synonyms)
            .map(|(w, synonyms)| {
                let token = w.text.as_str();
                if w.optional {
                    let has = doc.name_words.iter().any(|x| x == token)
                        || attributes.iter().any(|x| x == token)
                        || description.iter().any(|x| x == token);
                    return u32::from(has);
                }
                let mut q = self
                    .field_quality(token, &doc.name_words, Field::Name)
                    .max(self.field_quality(token, &attributes, Field::Attribute))
                    .max(self.field_quality(token, description, Field::Description));
                for &(entry, quality) in synonyms {
                    if self.has_any(doc, &self.synonyms[entry]) {
                        q = q.max(quality);
                    }
                }
                q
            })
            .collect()
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

    fn search(&self, query: &Query, descriptions: bool) -> Answer {
        let words = query_words(&query.text);
        let synonyms = self.synonym_matches(&words);
        let required: Vec<usize> = (0..words.len()).filter(|&i| !words[i].optional).collect();
        // Per doc of the mode in the ranges: its word qualities and its distance.
        let mut in_ranges: Vec<(usize, Vec<u32>, Option<f64>)> = Vec::new();
        for (i, doc) in self.docs.iter().enumerate() {
            if doc.mode != query.mode {
                continue;
            }
            let (keep, distance) = self.in_ranges(doc, query);
            if keep {
                let qualities = if words.is_empty() {
                    Vec::new()
                } else {
                    self.word_qualities(doc, &words, &synonyms, descriptions)
                };
                in_ranges.push((i, qualities, distance));
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
        let all_of = |facet: usize| query.all_of.iter().any(|f| f == FACETS[facet].name);
        let passes = |doc: &Doc, except: Option<usize>| {
            selections.iter().all(|(facet, codes)| {
                if Some(*facet) == except {
                    return true;
                }
                let have = self.codes(doc, *facet, query.today);
                if all_of(*facet) {
                    codes.iter().all(|c| have.contains(c))
                } else {
                    codes.iter().any(|c| have.contains(c))
                }
            })
        };
        // The words to keep: all, or the largest subset some doc in scope matches.
        let matches_words = |q: &[u32], keep: &[usize]| keep.iter().all(|&w| q[w] > 0);
        let in_scope: Vec<&(usize, Vec<u32>, Option<f64>)> = in_ranges
            .iter()
            .filter(|(i, _, _)| passes(&self.docs[*i], None))
            .collect();
        let count = |keep: &[usize]| {
            in_scope
                .iter()
                .filter(|(_, q, _)| matches_words(q, keep))
                .count()
        };
        let mut keep: Vec<usize> = required.clone();
        if !required.is_empty() && count(&required) == 0 {
            let r = required.len();
            'sizes: for size in (1..r).rev() {
                let mut best: Option<(Vec<usize>, usize)> = None;
                // Subsets in lexicographic order of their positions: the first found of the
                // largest count keeps the earliest words.
                for subset in subsets(r, size) {
                    let kept: Vec<usize> = subset.iter().map(|&k| required[k]).collect();
                    let c = count(&kept);
                    if c > 0 && best.as_ref().is_none_or(|(_, bc)| c > *bc) {
                        best = Some((kept, c));
                    }
                }
                if let Some((kept, _)) = best {
                    keep = kept;
                    break 'sizes;
                }
            }
        }
        let dropped: Vec<String> = required
            .iter()
            .filter(|w| !keep.contains(w))
            .map(|&w| words[w].text.clone())
            .collect();
        // Candidates after text and ranges, with score and distance.
        let base: Vec<(usize, u32, Option<f64>)> = in_ranges
            .iter()
            .filter(|(_, q, _)| words.is_empty() || matches_words(q, &keep))
            .map(|(i, q, d)| (*i, q.iter().sum(), *d))
            .collect();
        let mut matching: Vec<(usize, u32, Option<f64>)> = base
            .iter()
            .copied()
            .filter(|(i, _, _)| passes(&self.docs[*i], None))
            .collect();

        let mut facets = Vec::new();
        for facet in facet_ids(query.mode) {
            let spec = &FACETS[facet];
            let mut values: Vec<(String, String, Option<String>)> = match spec.kind() {
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
            // A facet combined with AND is counted under its own selection as well.
            let except = (!all_of(facet)).then_some(facet);
            let mut out = Vec::new();
            for (code, label, parent) in values {
                let count = base
                    .iter()
                    .filter(|(i, _, _)| {
                        let doc = &self.docs[*i];
                        passes(doc, except) && self.codes(doc, facet, query.today).contains(&code)
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

        let has_text = !words.is_empty();
        let has_place = query.near.is_some();
        let km = |d: Option<f64>| d.map(|d| d as f32).unwrap_or(f32::INFINITY);
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
                Sort::Relevance if has_text => b.1.cmp(&a.1).then_with(|| {
                    if has_place {
                        km(a.2).total_cmp(&km(b.2))
                    } else {
                        db.oldest.cmp(&da.oldest)
                    }
                }),
                Sort::Relevance if has_place => km(a.2).total_cmp(&km(b.2)),
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
        Answer {
            total: matching.len() as u32,
            hits,
            facets,
            dropped,
        }
    }
}

/// What the reference answers.
struct Answer {
    total: u32,
    hits: Vec<String>,
    facets: Vec<FacetCounts>,
    /// Dropped words, folded.
    dropped: Vec<String>,
}

/// The subsets of `0..n` with `size` members, each in increasing order, in lexicographic order.
fn subsets(n: usize, size: usize) -> Vec<Vec<usize>> {
    if size == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for first in 0..n {
        for rest in subsets(n, size - 1) {
            if rest.first().is_none_or(|&r| r > first) {
                let mut s = vec![first];
                s.extend(rest);
                out.push(s);
            }
        }
    }
    out
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
    let options = BuildOptions {
        shard_size: 16,
        ..BuildOptions::default()
    };
    let built = BuiltIndex::build(records, options).expect("build");
    let without_text = built.open_initial().expect("open");
    let with_text = built.open().expect("open with text");
    let files = &built.files;
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
        3 => (proptest::collection::vec(text_token, 3), 0u8..6).prop_map(|(t, n)| match n {
            0 => t.join(" "),
            1 | 2 => t[..2].join(" "),
            _ => t[0].clone(),
        }),
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
            let mut codes: Vec<String> = match spec.kind() {
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
        (proptest::collection::vec(filter, 3), 0u8..5, any::<bool>()).prop_map(
            |(mut f, n, all)| {
                f.truncate([0, 0, 1, 1, 3][n as usize]);
                // Sometimes the first facet's values are AND-ed (and sometimes a second value
                // of it is chosen, so that AND and OR differ).
                let all_of: Vec<String> = match f.first() {
                    Some((name, _)) if all => vec![name.clone()],
                    _ => Vec::new(),
                };
                (f, all_of)
            },
        ),
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
            0usize..Sort::ALL.len(),
            0u32..3,
            prop_oneof![Just(0u32), 1u32..12, Just(500)],
        ),
    )
        .prop_map(
            move |(
                families,
                text,
                (filters, all_of),
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
                all_of,
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
                sort: Sort::ALL[sort],
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
    let expected = reference.search(query, descriptions);
    let got_hits: Vec<String> = got.hits.iter().map(|h| h.id.clone()).collect();
    prop_assert_eq!(got.total, expected.total, "total for {:?}", query);
    prop_assert_eq!(got_hits, expected.hits, "hits for {:?}", query);
    for (g, r) in got.facets.iter().zip(&expected.facets) {
        prop_assert_eq!(g, r, "facet {} for {:?}", g.facet, query);
    }
    prop_assert_eq!(got.facets.len(), expected.facets.len());
    let dropped: Vec<String> = got.dropped_words.iter().flat_map(|w| tokens(w)).collect();
    prop_assert_eq!(dropped, expected.dropped, "dropped words for {:?}", query);
    if got.total == 0 {
        // Every relaxation offered gives exactly what the query without that filter gives.
        for r in &got.relaxations {
            prop_assert!(r.total > 0);
        }
    }
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
                let mut words: Vec<String> = reference.catalogue_words.iter().cloned().collect();
                words.extend(
                    [
                        "behandling",
                        "aarhus",
                        "autisme",
                        "plejefamilie",
                        "xq",
                        "asperger",
                        "misbrug",
                        "i",
                        "for",
                        "psykisk syg",
                        "syg",
                    ]
                    .map(String::from),
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
