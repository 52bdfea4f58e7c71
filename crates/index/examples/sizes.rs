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

/// Sections stored side by side, as one byte string.
fn cat(parts: Vec<Vec<u8>>) -> Vec<u8> {
    parts.concat()
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
        cat(vec![
            encode(&c.id_prefixes)?,
            encode(&c.id_prefix)?,
            encode(&c.id_number)?,
            encode(&c.id_literals)?,
        ]),
    );
    report("names", encode(&c.names)?);
    report("kind", encode(&c.kind)?);
    report(
        "bases",
        cat(vec![encode(&c.basis_counts)?, encode(&c.bases)?]),
    );
    report(
        "postal+city",
        cat(vec![
            encode(&c.postal)?,
            encode(&c.city)?,
            encode(&c.cities)?,
        ]),
    );
    report("municipality", encode(&c.municipality)?);
    report("ages", cat(vec![encode(&c.age_counts)?, encode(&c.ages)?]));
    report(
        "places+free",
        cat(vec![
            encode(&c.places)?,
            encode(&c.free)?,
            encode(&c.free_reported)?,
        ]),
    );
    report("price", encode(&c.price)?);
    report(
        "updated",
        cat(vec![encode(&c.updated_oldest)?, encode(&c.updated_span)?]),
    );
    report(
        "marked+pause",
        cat(vec![
            encode(&c.marked)?,
            encode(&c.pause_from)?,
            encode(&c.pause_until)?,
        ]),
    );
    report("lat+lon", cat(vec![encode(&c.lat)?, encode(&c.lon)?]));
    report("peer", encode(&c.peer_group)?);
    report("facets", encode(&core.facets)?);
    report("terms.fst", encode(&core.terms.fst)?);
    report("terms.entries", encode(&core.terms.entries)?);
    report("postal table", encode(&core.postal)?);
    report("whole payload", payload.to_vec());
    Ok(())
}
