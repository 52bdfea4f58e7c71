//! The files of an index: determinism, golden files of format v4 (and the refusal of v1, v2 and
//! v3, with their reasons), docs numbered in name order, and bad input (truncated,
//! bit-flipped, wrong version, wrong kind, manifest of another build) giving typed errors that
//! name the file, never a panic.

use std::path::PathBuf;

use catalogue::model::Record;
use catalogue::Date;
use proptest::prelude::*;
use sample::generate::{Generator, GeneratorOptions};
use tilbudsfinder_index::format::cards::name_order;
use tilbudsfinder_index::format::CorePayload;
use tilbudsfinder_index::{
    codec, frame, BuildOptions, BuiltIndex, FileKind, IndexError, Manifest, Mode, Query,
    SearchIndex, Sort,
};

fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("date")
}

/// The tiny fixed catalogue of the golden files: 12 offers and 8 families from seed 7.
fn tiny_catalogue() -> Vec<Record> {
    Generator::new(GeneratorOptions {
        offers: 12,
        foster_families: 8,
        seed: 7,
        today: today(),
    })
    .collect()
}

/// (manifest bytes, every file).
fn build(records: &[Record]) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let options = BuildOptions {
        today: Some(today()),
        shard_size: 8,
    };
    let mut built = BuiltIndex::build(records, options).expect("build");
    built.files.sort();
    (built.manifest.to_json(), built.files)
}

/// Opens the index of `manifest` with every file, as the browser does.
fn open(manifest: &[u8], files: &[(String, Vec<u8>)]) -> Result<SearchIndex, IndexError> {
    let built = BuiltIndex {
        manifest: Manifest::parse(manifest)?,
        files: files.to_vec(),
    };
    built.open()
}

/// The fixed query of the golden test, and its answer as text.
fn golden_answer(index: &SearchIndex) -> String {
    let mut out = String::new();
    for (mode, text) in [(Mode::Offers, "bo"), (Mode::FosterFamilies, "")] {
        let results = index.search(&Query {
            mode,
            text: text.to_string(),
            today: today(),
            sort: Sort::Name,
            page_size: 100,
            ..Query::default()
        });
        out.push_str(&format!("{mode:?} total {}\n", results.total));
        for hit in &results.hits {
            let card = index.card(hit.doc).expect("card");
            out.push_str(&format!(
                "{} {} {:?} {:?} {:?}\n",
                card.id,
                card.name,
                card.price.map(|p| p.normalised),
                card.price_position.map(|p| (p.peers, p.percentile)),
                card.oversight
            ));
        }
        for facet in &results.facets {
            let values: Vec<String> = facet
                .values
                .iter()
                .map(|v| format!("{}={}", v.value, v.count))
                .collect();
            out.push_str(&format!("{}: {}\n", facet.facet, values.join(" ")));
        }
    }
    out
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/v4")
}

/// The committed index of format 1 (before catalogue format 2).
fn golden_v1_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/v1")
}

#[test]
fn building_twice_gives_identical_bytes() {
    let records = tiny_catalogue();
    let first = build(&records);
    let second = build(&records);
    assert_eq!(first, second);
    assert!(first.1.len() >= 3);
}

/// Today's reader refuses the committed format-1 index, and says precisely why: its stored
/// vocabulary positions mean other values in catalogue format 2 (issue 16), so reading it would
/// show wrong legal bases and family types instead of failing.
#[test]
fn golden_v1_index_is_refused_with_its_reason() {
    let dir = golden_v1_dir();
    let manifest = std::fs::read(dir.join("manifest.json")).expect("golden v1 manifest");
    let err = Manifest::parse(&manifest).expect_err("format 1 is not read");
    assert!(matches!(err, IndexError::Version { got: 1, .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("format 1 stored the vocabularies of catalogue format 1"),
        "{message}"
    );
    assert!(message.contains("tilbudsfinder migrate"), "{message}");
    // The files themselves say the same, without the manifest.
    let core = std::fs::read_dir(&dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("core."))
        })
        .expect("core file");
    let bytes = std::fs::read(&core).expect("core");
    let parsed = Manifest::parse(
        std::fs::read(golden_dir().join("manifest.json"))
            .expect("golden manifest")
            .as_slice(),
    )
    .expect("v4 manifest");
    // Given in place of a v4 core, the v1 core is refused by its own header.
    let name = parsed
        .initial_files()
        .into_iter()
        .next()
        .expect("core name");
    let err = SearchIndex::open(&parsed, vec![(name, bytes)])
        .err()
        .expect("v1 core refused");
    assert!(matches!(err, IndexError::Version { got: 1, .. }), "{err}");
}

/// Today's reader refuses the committed format-2 index, saying why: format 2 lacks the stored
/// name order (format 3), without which opening would collate every name.
#[test]
fn golden_v2_index_is_refused_with_its_reason() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/v2");
    let manifest = std::fs::read(dir.join("manifest.json")).expect("golden v2 manifest");
    let err = Manifest::parse(&manifest).expect_err("format 2 is not read");
    assert!(matches!(err, IndexError::Version { got: 2, .. }), "{err}");
    assert!(
        err.to_string()
            .contains("format 2 did not store the name order"),
        "{err}"
    );
    assert!(err.to_string().contains("rebuild the index"), "{err}");
}

/// Today's reader refuses the committed format-3 index, saying why: format 3 stored the name
/// order as a column, which format 4 dropped (its docs are numbered in name order).
#[test]
fn golden_v3_index_is_refused_with_its_reason() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/v3");
    let manifest = std::fs::read(dir.join("manifest.json")).expect("golden v3 manifest");
    let err = Manifest::parse(&manifest).expect_err("format 3 is not read");
    assert!(matches!(err, IndexError::Version { got: 3, .. }), "{err}");
    assert!(
        err.to_string()
            .contains("format 4 numbers the docs in name order"),
        "{err}"
    );
    assert!(err.to_string().contains("rebuild the index"), "{err}");
}

/// Today's reader opens the committed v4 index and answers the fixed queries as recorded. Set
/// `UPDATE_GOLDEN=1` to rewrite the files (only with a format version bump!), or
/// `UPDATE_GOLDEN_ANSWER=1` to rewrite only the answer after a deliberate change of the engine.
#[test]
fn golden_v4_index_opens_and_answers_the_same() {
    let dir = golden_dir();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let (manifest, files) = build(&tiny_catalogue());
        std::fs::create_dir_all(&dir).expect("mkdir");
        for entry in std::fs::read_dir(&dir).expect("list") {
            std::fs::remove_file(entry.expect("entry").path()).expect("rm");
        }
        for (name, bytes) in &files {
            std::fs::write(dir.join(name), bytes).expect("write");
        }
        std::fs::write(dir.join("manifest.json"), &manifest).expect("write");
        let index = open(&manifest, &files).expect("open");
        std::fs::write(dir.join("answer.txt"), golden_answer(&index)).expect("write");
    }
    let manifest = std::fs::read(dir.join("manifest.json")).expect("golden manifest");
    let parsed = Manifest::parse(&manifest).expect("parse golden manifest");
    let files: Vec<(String, Vec<u8>)> = parsed
        .files
        .iter()
        .map(|f| {
            (
                f.name.clone(),
                std::fs::read(dir.join(&f.name)).expect("golden file"),
            )
        })
        .collect();
    let index = open(&manifest, &files).expect("open golden index");
    // A change of the engine's answers (not of the format) rewrites only the answer.
    if std::env::var_os("UPDATE_GOLDEN_ANSWER").is_some() {
        std::fs::write(dir.join("answer.txt"), golden_answer(&index)).expect("write");
    }
    let expected = std::fs::read_to_string(dir.join("answer.txt")).expect("golden answer");
    assert_eq!(golden_answer(&index), expected);
    // Every detail shard still decodes.
    for doc in 0..(parsed.counts.offers + parsed.counts.foster_families) {
        let name = index.detail_file(doc).expect("shard");
        let bytes = &files.iter().find(|(n, _)| *n == name).expect("file").1;
        let record = index.decode_detail(&name, bytes, doc).expect("decode");
        assert_eq!(Some(record.id().to_string()), index.card(doc).map(|c| c.id));
    }
}

/// Opens the tiny catalogue's index with its core payload changed by `edit`, re-sealed and listed
/// in the manifest under its new checksum: what a writer with that bug would produce, which the
/// envelope's and the manifest's checks cannot catch.
fn open_with_core_edited(edit: impl FnOnce(&mut CorePayload)) -> Result<SearchIndex, IndexError> {
    let (manifest, files) = build(&tiny_catalogue());
    let mut manifest = Manifest::parse(&manifest).expect("manifest");
    let (name, bytes) = &files[file_of(&files, "core.")];
    let payload = frame::open(name, bytes, FileKind::Core).expect("envelope");
    let mut core: CorePayload = codec::decode_borrowed(name, payload).expect("payload");
    edit(&mut core);
    let sealed = frame::seal(FileKind::Core, &codec::encode(&core).expect("encode"));
    let entry = manifest
        .files
        .iter_mut()
        .find(|f| f.kind == FileKind::Core)
        .expect("core entry");
    entry.name = frame::file_name(FileKind::Core, &sealed);
    entry.size = sealed.len() as u64;
    entry.checksum = frame::file_checksum(&sealed);
    let name = entry.name.clone();
    SearchIndex::open(&manifest, vec![(name, sealed)])
}

fn corrupt_saying(result: Result<SearchIndex, IndexError>, what: &str) -> bool {
    match result {
        Err(err @ IndexError::Corrupt { .. }) => err.to_string().contains(what),
        _ => false,
    }
}

/// The writer numbers each mode's docs in name order (format 4), so the name order is not
/// stored: offers' names and families' names each come in `name_order`'s order, and the name
/// sort gives the doc order.
#[test]
fn docs_are_numbered_in_name_order() {
    let (manifest, files) = build(&tiny_catalogue());
    let (name, bytes) = &files[file_of(&files, "core.")];
    let payload = frame::open(name, bytes, FileKind::Core).expect("envelope");
    let core: CorePayload = codec::decode_borrowed(name, payload).expect("payload");
    let offers = core.offers as usize;
    assert_eq!((core.offers, core.families), (12, 8));
    for names in [&core.cards.names[..offers], &core.cards.names[offers..]] {
        let in_order: Vec<u32> = (0..names.len() as u32).collect();
        assert_eq!(name_order(names), in_order, "{names:?}");
    }
    let index = open(&manifest, &files).expect("open");
    for (mode, first) in [(Mode::Offers, 0), (Mode::FosterFamilies, core.offers)] {
        let results = index.search(&Query {
            mode,
            sort: Sort::Name,
            page_size: 50,
            today: today(),
            ..Query::default()
        });
        let docs: Vec<u32> = results.hits.iter().map(|h| h.doc).collect();
        let all = if first == 0 { 12 } else { 8 };
        assert_eq!(docs, (first..first + all).collect::<Vec<_>>());
    }
}

/// The reader trusts the doc order: a core file whose names are out of order (a writer with a
/// bug) opens, and the name sort follows the docs, with no panic.
#[test]
fn names_out_of_order_open() {
    let index = open_with_core_edited(|core| core.cards.names.swap(0, 1)).expect("opens");
    let results = index.search(&Query {
        sort: Sort::Name,
        today: today(),
        ..Query::default()
    });
    assert_eq!(results.hits.first().map(|h| h.doc), Some(0));
}

/// Ids are made per card from their stored parts, so the parts are checked at open: a prefix
/// past the table, or a doc marked as literal without its literal, is a named error.
#[test]
fn damaged_ids_are_refused() {
    assert!(corrupt_saying(
        open_with_core_edited(|core| core.cards.id_prefix[3] = 7),
        "id prefix out of range"
    ));
    assert!(corrupt_saying(
        open_with_core_edited(|core| core.cards.id_prefix[3] = u32::MAX),
        "literal id of no doc"
    ));
}

fn file_of(files: &[(String, Vec<u8>)], kind: &str) -> usize {
    files
        .iter()
        .position(|(n, _)| n.starts_with(kind))
        .expect("file of kind")
}

fn names_file(err: &IndexError, name: &str) -> bool {
    err.to_string().starts_with(&format!("{name}: "))
}

#[test]
fn truncated_flipped_versioned_and_misnamed_files_are_named_errors() {
    let (manifest, files) = build(&tiny_catalogue());
    let core = file_of(&files, "core.");
    let name = files[core].0.clone();

    let mut truncated = files.clone();
    let len = truncated[core].1.len();
    truncated[core].1.truncate(len / 2);
    let err = open(&manifest, &truncated).err().expect("truncated");
    assert!(matches!(err, IndexError::Truncated { .. }), "{err}");
    assert!(names_file(&err, &name), "{err}");

    let mut flipped = files.clone();
    flipped[core].1[40] ^= 0x10;
    let err = open(&manifest, &flipped).err().expect("flipped");
    assert!(matches!(err, IndexError::Checksum { .. }), "{err}");
    assert!(names_file(&err, &name));

    let mut newer = files.clone();
    newer[core].1[4] = 5;
    let err = open(&manifest, &newer).err().expect("version");
    assert!(matches!(err, IndexError::Version { got: 5, .. }), "{err}");
    assert!(err.to_string().contains("rebuild the index"));

    // A text file where the core should be.
    let text = file_of(&files, "text.");
    let mut swapped = files.clone();
    swapped[core].1 = files[text].1.clone();
    let err = open(&manifest, &swapped).err().expect("kind");
    assert!(matches!(err, IndexError::WrongKind { .. }), "{err}");

    // A manifest of another build: the core file's checksum differs.
    let (other_manifest, _) = build(&tiny_catalogue()[..10]);
    let mut other: Manifest = Manifest::parse(&other_manifest).expect("manifest");
    other.files[0].name = name.clone();
    let err = open(&other.to_json(), &files).err().expect("mismatch");
    assert!(matches!(err, IndexError::ManifestMismatch { .. }), "{err}");
    assert!(names_file(&err, &name));
    assert!(err.to_string().contains("reload the page"));

    // A detail shard asked for a doc it does not hold, or damaged.
    let index = open(&manifest, &files).expect("open");
    let shard = index.detail_file(0).expect("shard");
    let bytes = files
        .iter()
        .find(|(n, _)| *n == shard)
        .expect("bytes")
        .1
        .clone();
    let last = index.counts().offers + index.counts().foster_families - 1;
    assert!(matches!(
        index.decode_detail(&shard, &bytes, last),
        Err(IndexError::ManifestMismatch { .. })
    ));
    let mut damaged = bytes.clone();
    damaged[30] ^= 1;
    assert!(matches!(
        index.decode_detail(&shard, &damaged, 0),
        Err(IndexError::Checksum { .. })
    ));
    assert!(Manifest::parse(b"{\"format\": 1}").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random byte flips and truncations of any file never panic; the error names a file.
    #[test]
    fn damaged_files_never_panic(which in 0usize..3, at in any::<prop::sample::Index>(), bits in 1u8..=255, cut in any::<bool>()) {
        let (manifest, files) = build(&tiny_catalogue());
        let kinds = [FileKind::Core, FileKind::Text, FileKind::Detail];
        let stem = format!("{}.", kinds[which]);
        let target = file_of(&files, &stem);
        let mut damaged = files.clone();
        let bytes = &mut damaged[target].1;
        let i = at.index(bytes.len());
        if cut {
            bytes.truncate(i);
        } else {
            bytes[i] ^= bits;
        }
        let name = damaged[target].0.clone();
        let result = open(&manifest, &damaged).and_then(|index| {
            let shard = index.detail_file(0).unwrap_or_default();
            let bytes = damaged.iter().find(|(n, _)| *n == shard).map(|f| f.1.clone()).unwrap_or_default();
            index.decode_detail(&shard, &bytes, 0).map(|_| ())
        });
        if kinds[which] != FileKind::Detail || damaged[target].0 == files[target].0 {
            if let Err(err) = &result {
                prop_assert!(err.to_string().contains(".bin") || err.to_string().starts_with("manifest.json"), "{}", err);
            }
        }
        if kinds[which] != FileKind::Detail {
            let err = result.err();
            prop_assert!(err.as_ref().is_some_and(|e| names_file(e, &name)), "{:?}", err);
        }
    }
}
