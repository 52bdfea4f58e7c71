//! What the fuzz targets share: a real index to damage, and ways to hand a fuzzed file to the
//! reader so that it gets past the cheap checks and reaches the decoders.
//!
//! # The fixture
//! [`fixture`] builds, once per process, the index of the same small catalogue that
//! `build/fuzz` seeds the corpora from (`tilbudsfinder generate --offers 60 --foster-families 60
//! --seed 1 --today 2026-11-22`, checked, accepted records only). The build is deterministic, so
//! the seed files on disk are byte for byte the fixture's files.
//!
//! # Getting past the checks
//! A fuzzed file would almost always fail the manifest's size and checksum or the envelope's
//! footer checksum, and the decoders behind them would never run. So every file target treats
//! its input two ways:
//! - input that starts with the magic `TBFI` is a whole file: the manifest entry is rewritten to
//!   its size and checksum, so the envelope checks (length, magic, version, kind, footer) and
//!   everything behind them are fuzzed;
//! - any other input is a payload: it is sealed into a valid envelope of the right kind first,
//!   so the payload decoders and the cross-reference checks are fuzzed.
//!
//! `build/fuzz` seeds each file target's corpus with the real file and its bare payload.
//!
//! # The property
//! No input may panic, abort, overflow or allocate without bound. And the crate documents that
//! once [`SearchIndex::open`] accepts a file, no lookup can fail: [`exercise`] holds it to that
//! (every card of every hit exists, every doc has a detail shard).

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use catalogue::check::CheckOptions;
use catalogue::read::ReadLine;
use catalogue::Date;
use catalogue::Record;
use sample::GeneratorOptions;
use tilbudsfinder_index::format::{CorePayload, DetailHeader};
use tilbudsfinder_index::query::PriceRange;
use tilbudsfinder_index::{
    codec, frame, BuildOptions, BuiltIndex, FileKind, IndexCounts, Manifest, Mode, Near, Query,
    SearchIndex, Sort,
};

/// The day the fixture catalogue is generated and checked for.
pub const FIXTURE_TODAY: Date = Date(20_779); // 2026-11-22

/// The longest query text a target builds (the input's text repeated up to this size).
pub const MAX_QUERY_TEXT: usize = 64 * 1024;

/// The most documents [`exercise`] looks at one by one, so one input stays fast.
const MAX_DOCS_EXERCISED: u32 = 512;

/// A built index, held in memory.
pub struct Fixture {
    /// The parsed manifest and every data file.
    pub built: BuiltIndex,
    /// Words that occur in the catalogue, for queries that find something.
    pub words: Vec<String>,
}

impl Fixture {
    /// The bytes of the first file of a kind.
    pub fn first(&self, kind: FileKind) -> (&str, &[u8]) {
        let name = self
            .built
            .manifest
            .names_of(kind)
            .into_iter()
            .next()
            .expect("the fixture has every kind of file");
        let bytes = self
            .built
            .file(&name)
            .expect("the manifest lists only files that exist");
        let name = self
            .built
            .manifest
            .file(&name)
            .map(|f| f.name.as_str())
            .expect("listed");
        (name, bytes)
    }

    /// The fuzzed bytes in place of the first file of `kind`: that file's name, the bytes as a
    /// complete file ([`as_file`]) and a copy of the manifest that agrees with their size and
    /// checksum ([`manifest_for`]).
    pub fn substitute(&self, kind: FileKind, data: &[u8]) -> (&str, Vec<u8>, Manifest) {
        let (name, _) = self.first(kind);
        let file = as_file(kind, data);
        let manifest = manifest_for(&self.built.manifest, name, &file);
        (name, file, manifest)
    }

    /// The fixture index, opened with its text file added.
    pub fn open_full(&self) -> SearchIndex {
        self.built
            .open()
            .expect("the fixture opens with its text file")
    }
}

/// The fixture, built on first use.
pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(build_fixture)
}

fn build_fixture() -> Fixture {
    assert_eq!(FIXTURE_TODAY.to_string(), "2026-11-22");
    let accepted = sample::accepted(GeneratorOptions {
        offers: 60,
        foster_families: 60,
        seed: 1,
        today: FIXTURE_TODAY,
    });
    let mut words = Vec::new();
    for record in &accepted {
        if words.len() < 64 {
            words.extend(first_words(record));
        }
    }
    let options = BuildOptions {
        today: Some(FIXTURE_TODAY),
        ..BuildOptions::default()
    };
    let built = BuiltIndex::build(&accepted, options).expect("the fixture builds");
    Fixture { built, words }
}

fn first_words(record: &Record) -> Vec<String> {
    let (name, description) = match record {
        Record::Offer(o) => (&o.name, &o.description),
        Record::FosterFamily(f) => (&f.name, &f.description),
    };
    name.split_whitespace()
        .chain(description.split_whitespace().take(3))
        .map(str::to_owned)
        .collect()
}

/// The fuzzed bytes as a complete file of `kind`: as they are when they start with the magic,
/// else sealed as a payload.
pub fn as_file(kind: FileKind, data: &[u8]) -> Vec<u8> {
    if data.starts_with(&frame::MAGIC) {
        data.to_vec()
    } else {
        frame::seal(kind, data)
    }
}

/// A copy of `manifest` whose entry `name` describes `bytes` (size and checksum).
pub fn manifest_for(manifest: &Manifest, name: &str, bytes: &[u8]) -> Manifest {
    let mut manifest = manifest.clone();
    for entry in manifest.files.iter_mut().filter(|f| f.name == name) {
        entry.size = bytes.len() as u64;
        entry.checksum = frame::file_checksum(bytes);
    }
    manifest
}

/// The record counts a core file claims, when its payload decodes (so that the manifest can
/// agree with it and the checks behind the count comparison run too).
pub fn core_counts(name: &str, file: &[u8]) -> Option<IndexCounts> {
    let payload = frame::open(name, file, FileKind::Core).ok()?;
    let core: CorePayload = codec::decode_borrowed(name, payload).ok()?;
    Some(IndexCounts {
        offers: core.offers,
        foster_families: core.families,
    })
}

/// The header a detail file claims, when it decodes.
pub fn detail_header(name: &str, file: &[u8]) -> Option<DetailHeader> {
    let payload = frame::open(name, file, FileKind::Detail).ok()?;
    codec::decode_prefix::<DetailHeader>(name, payload)
        .ok()
        .map(|(header, _)| header)
}

/// Uses an opened index the way the app does, asserting what the crate promises once `open`
/// succeeded: every hit has a card and a detail shard, and no lookup panics.
pub fn exercise(index: &SearchIndex, words: &[String]) {
    let info = index.counts();
    for mode in [Mode::Offers, Mode::FosterFamilies] {
        let mut queries = vec![Query {
            mode,
            today: FIXTURE_TODAY,
            page_size: 50,
            ..Query::default()
        }];
        for word in words.iter().take(4) {
            queries.push(Query {
                mode,
                text: word.clone(),
                today: FIXTURE_TODAY,
                ..Query::default()
            });
        }
        for query in &queries {
            let results = index.search(query);
            check_results(index, query, &results);
            // Select the first value of every facet, as a click on it would.
            for facet in results.facets.iter() {
                if let Some(value) = facet.values.first() {
                    let narrowed = Query {
                        filters: vec![(facet.facet.clone(), value.value.clone())],
                        ..query.clone()
                    };
                    let results = index.search(&narrowed);
                    check_results(index, &narrowed, &results);
                }
            }
        }
    }
    let total = info.offers.saturating_add(info.foster_families);
    for doc in 0..total.min(MAX_DOCS_EXERCISED) {
        assert!(
            index.card(doc).is_some(),
            "doc {doc} of {total} has no card"
        );
        let _ = index.detail_file(doc);
    }
    assert!(index.card(total).is_none(), "a card past the last doc");
    let _ = index.locate("8000");
    let _ = index.locate("Aarhus");
    let _ = index.locate("");
}

/// What every answer must satisfy, whatever the query.
pub fn check_results(
    index: &SearchIndex,
    query: &Query,
    results: &tilbudsfinder_index::SearchResults,
) {
    assert!(
        results.hits.len() as u64 <= u64::from(results.total),
        "more hits than the total"
    );
    assert!(
        results.hits.len() as u32 <= tilbudsfinder_index::MAX_PAGE_SIZE,
        "a page longer than the cap"
    );
    let info = index.counts();
    let in_mode = match query.mode {
        Mode::Offers => info.offers,
        Mode::FosterFamilies => info.foster_families,
    };
    assert!(results.total <= in_mode, "more matches than documents");
    for hit in &results.hits {
        let card = index.card(hit.doc);
        assert!(card.is_some(), "hit {} has no card", hit.doc);
        assert_eq!(
            card.map(|c| c.mode),
            Some(query.mode),
            "a hit of the wrong mode"
        );
        assert!(
            index.detail_file(hit.doc).is_some(),
            "hit {} has no detail shard",
            hit.doc
        );
    }
}

/// Every facet name and value code of the fixture, for queries that select real values.
pub fn vocabulary(index: &SearchIndex) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for mode in [Mode::Offers, Mode::FosterFamilies] {
        let results = index.search(&Query {
            mode,
            today: FIXTURE_TODAY,
            ..Query::default()
        });
        for facet in results.facets {
            for value in facet.values {
                out.push((facet.facet.clone(), value.value));
            }
        }
    }
    out
}

/// A query made from fuzz bytes: any text (odd Unicode, up to [`MAX_QUERY_TEXT`] bytes), real
/// and made-up filters, any numbers (NaN, infinities, extremes), any page.
pub fn arbitrary_query(
    u: &mut Unstructured<'_>,
    words: &[String],
    vocabulary: &[(String, String)],
) -> arbitrary::Result<Query> {
    let mode = if bool::arbitrary(u)? {
        Mode::Offers
    } else {
        Mode::FosterFamilies
    };
    let mut text = match u.int_in_range(0u8..=3)? {
        0 => String::arbitrary(u)?,
        1 => u.choose(words).cloned().unwrap_or_default(),
        2 => format!(
            "{} {}",
            u.choose(words).cloned().unwrap_or_default(),
            String::arbitrary(u)?
        ),
        _ => {
            let piece = String::arbitrary(u)?;
            let times = usize::from(u16::arbitrary(u)?);
            piece.repeat(times.min(MAX_QUERY_TEXT / piece.len().max(1)))
        }
    };
    truncate_to_char_boundary(&mut text, MAX_QUERY_TEXT);
    let mut filters = Vec::new();
    for _ in 0..u.int_in_range(0u8..=6)? {
        if bool::arbitrary(u)? && !vocabulary.is_empty() {
            filters.push(u.choose(vocabulary)?.clone());
        } else {
            filters.push((String::arbitrary(u)?, String::arbitrary(u)?));
        }
    }
    let sort = *u.choose(&Sort::ALL)?;
    let price = if bool::arbitrary(u)? {
        Some(PriceRange {
            basis: *u.choose(&[
                catalogue::vocab::PriceBasis::PerDay,
                catalogue::vocab::PriceBasis::PerHour,
                catalogue::vocab::PriceBasis::PerCourse,
            ])?,
            min: Option::<f64>::arbitrary(u)?,
            max: Option::<f64>::arbitrary(u)?,
        })
    } else {
        None
    };
    let near = if bool::arbitrary(u)? {
        Some(Near {
            lat: f64::arbitrary(u)?,
            lon: f64::arbitrary(u)?,
            max_km: Option::<f64>::arbitrary(u)?,
        })
    } else {
        None
    };
    let today = if bool::arbitrary(u)? {
        FIXTURE_TODAY
    } else {
        Date(i32::arbitrary(u)?)
    };
    let all_of = if bool::arbitrary(u)? {
        filters
            .first()
            .map(|(f, _)| f.clone())
            .into_iter()
            .collect()
    } else {
        Vec::new()
    };
    Ok(Query {
        mode,
        text,
        filters,
        all_of,
        age: Option::<u8>::arbitrary(u)?,
        price,
        min_free_places: Option::<u32>::arbitrary(u)?,
        near,
        updated_within_days: Option::<u32>::arbitrary(u)?,
        today,
        sort,
        page: u32::arbitrary(u)?,
        page_size: u32::arbitrary(u)?,
    })
}

fn truncate_to_char_boundary(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

/// Reads every line of a catalogue and checks it, asserting the accounting the reader and
/// checker promise: one outcome per non-blank line, `records = accepted + rejected`.
pub fn read_and_check(data: &[u8]) {
    let lines: Vec<ReadLine> = catalogue::read::CatalogueReader::new(data)
        .collect::<Result<_, _>>()
        .expect("reading from memory cannot fail with an I/O error");
    let mut outcomes = 0u64;
    let summary = catalogue::check::check_stream(
        data,
        &CheckOptions {
            today: FIXTURE_TODAY,
        },
        |_| outcomes += 1,
    )
    .expect("reading from memory cannot fail with an I/O error");
    assert_eq!(summary.records, lines.len() as u64, "one outcome per line");
    assert_eq!(summary.records, outcomes, "one callback per record");
    assert_eq!(
        summary.records,
        summary.accepted + summary.rejected,
        "records = accepted + rejected"
    );
    if let Ok(text) = std::str::from_utf8(data) {
        for line in text.lines().take(64) {
            if line.trim().is_empty() || line.len() > catalogue::read::MAX_LINE_BYTES {
                continue;
            }
            // The fast path may refuse what the Value path lets through (a repeated key), never
            // the reverse, and both read an accepted line alike.
            if let Ok(direct) = catalogue::read::parse_record(line, true) {
                let via_value = catalogue::read::parse_record_via_value(line, true);
                assert_eq!(
                    Ok(direct),
                    via_value,
                    "the fast path and the Value path disagree on {line:?}"
                );
            }
        }
    }
}
