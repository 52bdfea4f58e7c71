//! Opens a built index's initial files as the browser does, `ROUNDS` times, and prints the
//! median time: `cargo run --release -p tilbudsfinder-index --example open -- INDEX_DIR [ROUNDS]`.
//! Under `valgrind --tool=callgrind` (ROUNDS = 1) it counts the instructions of one open, a
//! figure that does not depend on the machine's load.
use std::time::Instant;

use tilbudsfinder_index::{Manifest, SearchIndex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_default());
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let manifest_bytes = std::fs::read(dir.join("manifest.json"))?;
    let manifest = Manifest::parse(&manifest_bytes)?;
    let files: Vec<(String, Vec<u8>)> = manifest
        .initial_files()
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).unwrap_or_default();
            (name, bytes)
        })
        .collect();
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds.max(1) {
        let files = files.clone();
        let started = Instant::now();
        let manifest = Manifest::parse(&manifest_bytes)?;
        let index = SearchIndex::open(&manifest, files)?;
        times.push(started.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(&index);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "open: median {:.2} ms, min {:.2} ms over {} rounds",
        times[times.len() / 2],
        times[0],
        times.len()
    );
    Ok(())
}
