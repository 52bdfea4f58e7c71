//! The benchmark's fixed query mix as a plain program, so that it can be run under
//! `valgrind --tool=callgrind` (instruction counts do not depend on the machine's load, which
//! criterion's wall clock does) and against an older commit with the same source.
//!
//! - `cargo run --release -p tilbudsfinder-index --example query_mix -- write DIR [SOURCE]`
//!   builds the index as the benchmark does from `SOURCE`: a number of records to generate
//!   (default 12,500: national size, 6,000 offers : 6,500 families, seed 1) or a catalogue file
//!   (`.jsonl`, its accepted records: to build two commits' indexes from the same records),
//!   writes its files to `DIR` and prints bytes and gzipped bytes per record for the initial,
//!   deferred and details files.
//! - `... --example query_mix -- run DIR [ROUNDS]` opens the index from `DIR` once
//!   (`open_index`), adds its deferred files (`add_deferred`) and answers the mix `ROUNDS` times
//!   (default 3), one `run_query` call per query; it prints each query's match count and median
//!   wall-clock time. The three functions are never inlined, so callgrind can count each call;
//!   one function a run (with two `--toggle-collect` options callgrind 3.19 counted nothing):
//!   `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=query_mix::run_query
//!   --dump-after=query_mix::run_query target/release/examples/query_mix run DIR 3` writes one
//!   profile per query, in call order (round by round), each with its `totals:` line; the same
//!   with `open_index` or `add_deferred` counts the open or the deferred file.
//!
//! The mix is the benchmark's own (`benches/shared/query_mix.rs`, included here).

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use catalogue::check::{check_stream, CheckOptions, Outcome};
use catalogue::Record;
use sample::generate::{Generator, GeneratorOptions};
use tilbudsfinder_index::{BuildOptions, FileKind, IndexBuilder, Manifest, Query, SearchIndex};

#[path = "../benches/shared/query_mix.rs"]
mod query_mix;
use query_mix::{query_mix, today};

type Failure = Box<dyn std::error::Error>;

/// `println!` that stays quiet on a closed stdout (`| head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

fn gzipped(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

/// The records to index: `source` generated ones or a catalogue file's accepted ones.
fn records(source: &str) -> Result<Vec<Record>, Failure> {
    if let Ok(total) = source.parse::<u64>() {
        let offers = total * 6000 / 12_500;
        return Ok(Generator::new(GeneratorOptions {
            offers,
            foster_families: total.saturating_sub(offers),
            seed: 1,
            today: today(),
        })
        .collect());
    }
    let file = std::io::BufReader::new(std::fs::File::open(source)?);
    let mut records = Vec::new();
    let options = CheckOptions { today: today() };
    check_stream(file, &options, |outcome| {
        if let Outcome::Accepted { record, .. } = outcome {
            records.push(record);
        }
    })?;
    Ok(records)
}

/// Builds the index of `source`'s records and writes every file (manifest, core, text, details)
/// to `dir`.
fn write(dir: &Path, source: &str) -> Result<(), Failure> {
    let records = records(source)?;
    let total = records.len().max(1);
    std::fs::create_dir_all(dir)?;
    let mut builder = IndexBuilder::new(BuildOptions {
        today: Some(today()),
        ..BuildOptions::default()
    });
    // (files, bytes, gzipped bytes) per kind: initial, deferred, details.
    let mut sizes = [(0usize, 0usize, 0usize); 3];
    let mut keep = |slot: usize, name: &str, bytes: &[u8]| -> std::io::Result<()> {
        sizes[slot].0 += 1;
        sizes[slot].1 += bytes.len();
        sizes[slot].2 += gzipped(bytes);
        std::fs::write(dir.join(name), bytes)
    };
    for record in &records {
        builder.add(record);
    }
    let built = builder.finish()?;
    let manifest = Manifest::parse(&built.manifest)?;
    for (name, bytes) in &built.files {
        let slot = match manifest.file(name).map(|f| f.kind) {
            Some(FileKind::Core) => 0,
            Some(FileKind::Text) => 1,
            _ => 2,
        };
        keep(slot, name, bytes)?;
    }
    std::fs::write(dir.join("manifest.json"), &built.manifest)?;
    say!("records {}", records.len());
    for (what, (files, bytes, gz)) in ["initial", "deferred", "details"].iter().zip(sizes) {
        say!(
            "{what:<8} {files:>5} files {bytes:>10} B {gz:>9} gz  {:>7.1} B/rec {:>6.1} gz B/rec",
            bytes as f64 / total as f64,
            gz as f64 / total as f64
        );
    }
    Ok(())
}

#[inline(never)]
fn open_index(
    manifest: &Manifest,
    initial: Vec<(String, Vec<u8>)>,
) -> Result<SearchIndex, Failure> {
    Ok(SearchIndex::open(manifest, initial)?)
}

#[inline(never)]
fn add_deferred(index: &mut SearchIndex, files: Vec<(String, Vec<u8>)>) -> Result<(), Failure> {
    for (name, bytes) in files {
        index.add_file(&name, bytes)?;
    }
    Ok(())
}

/// One query answered with every facet count (what the benchmark times); returns the matches.
#[inline(never)]
fn run_query(index: &SearchIndex, query: &Query) -> usize {
    black_box(index.search(black_box(query))).total as usize
}

fn run(dir: &Path, rounds: usize) -> Result<(), Failure> {
    let manifest = Manifest::parse(&std::fs::read(dir.join("manifest.json"))?)?;
    let read = |names: Vec<String>| -> std::io::Result<Vec<(String, Vec<u8>)>> {
        names
            .into_iter()
            .map(|name| Ok((name.clone(), std::fs::read(dir.join(&name))?)))
            .collect()
    };
    let initial = read(manifest.initial_files().to_vec())?;
    let started = Instant::now();
    let mut index = open_index(&manifest, initial)?;
    let open = started.elapsed();
    let deferred = read(index.deferred_files())?;
    add_deferred(&mut index, deferred)?;
    say!("open {:.1} ms", open.as_secs_f64() * 1e3);
    let mix = query_mix();
    let mut times = vec![Vec::with_capacity(rounds); mix.len()];
    let mut matches = vec![0; mix.len()];
    for _ in 0..rounds {
        for (i, (_, query)) in mix.iter().enumerate() {
            let started = Instant::now();
            matches[i] = run_query(&index, query);
            times[i].push(started.elapsed().as_secs_f64() * 1e6);
        }
    }
    for (i, (name, _)) in mix.iter().enumerate() {
        times[i].sort_by(f64::total_cmp);
        let median = times[i].get(times[i].len() / 2).copied().unwrap_or(0.0);
        say!("{name:<14} {:>6} matches {median:>9.0} µs", matches[i]);
    }
    Ok(())
}

fn main() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let third = args.get(2).map(String::as_str);
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("write"), Some(dir)) => write(Path::new(dir), third.unwrap_or("12500")),
        (Some("run"), Some(dir)) => run(
            Path::new(dir),
            third.and_then(|s| s.parse().ok()).unwrap_or(3),
        ),
        _ => Err(
            "usage: query_mix write DIR [RECORDS | CATALOGUE.jsonl] | query_mix run DIR [ROUNDS]"
                .into(),
        ),
    }
}
