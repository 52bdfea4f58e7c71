//! Prints the gzipped size of each section of a built index's core file:
//! `cargo run --release --example sizes -- INDEX_DIR`. Used to decide the encodings.
use std::io::Write;
use tilbudsfinder_index::codec::{decode_borrowed, encode};
use tilbudsfinder_index::format::CorePayload;
use tilbudsfinder_index::{frame, FileKind, Manifest};

fn gz(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).ok();
    e.finish().map(|v| v.len()).unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_default());
    let manifest = Manifest::parse(&std::fs::read(dir.join("manifest.json"))?)?;
    let name = &manifest.initial_files()[0];
    let bytes = std::fs::read(dir.join(name))?;
    let payload = frame::open(name, &bytes, FileKind::Core)?;
    let core: CorePayload = decode_borrowed(name, payload)?;
    let n = (core.offers + core.families) as f64;
    let c = &core.cards;
    let report = |what: &str, bytes: Vec<u8>| {
        println!(
            "{what:<16} {:>9} B {:>8} gz {:>6.2} gz B/rec",
            bytes.len(),
            gz(&bytes),
            gz(&bytes) as f64 / n
        );
    };
    report(
        "ids",
        encode(&(&c.id_prefixes, &c.id_prefix, &c.id_number, &c.id_literals))?,
    );
    report("names", encode(&c.names)?);
    report("kind", encode(&c.kind)?);
    report("bases", encode(&(&c.basis_counts, &c.bases))?);
    report("postal+city", encode(&(&c.postal, &c.city, &c.cities))?);
    report("municipality", encode(&c.municipality)?);
    report("ages", encode(&(&c.age_counts, &c.ages))?);
    report(
        "places+free",
        encode(&(&c.places, &c.free, &c.free_reported))?,
    );
    report("price", encode(&c.price)?);
    report("updated", encode(&(&c.updated_oldest, &c.updated_span))?);
    report(
        "marked+pause",
        encode(&(&c.marked, &c.pause_from, &c.pause_until))?,
    );
    report("lat+lon", encode(&(&c.lat, &c.lon))?);
    report("peer", encode(&c.peer_group)?);
    report("facets", encode(&core.facets)?);
    report("terms.fst", encode(&core.terms.fst)?);
    report("terms.entries", encode(&core.terms.entries)?);
    report("postal table", encode(&core.postal)?);
    report("whole payload", payload.to_vec());
    Ok(())
}
