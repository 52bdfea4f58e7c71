//! Writes a generated sample catalogue as JSON Lines: `cargo run --example sample -- OFFERS FAMILIES OUT`.
//! (The CLI's `generate` does the same; this keeps the index's benchmarks and tests self-sufficient.)
use catalogue::Date;
use sample::generate::{Generator, GeneratorOptions, NATIONAL_FOSTER_FAMILIES, NATIONAL_OFFERS};
use std::io::Write;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let number =
        |i: usize, default: u64| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let out = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "sample.jsonl".into());
    let generator = Generator::new(GeneratorOptions {
        offers: number(1, NATIONAL_OFFERS),
        foster_families: number(2, NATIONAL_FOSTER_FAMILIES),
        seed: 1,
        today: Date::from_ymd(2026, 11, 22).unwrap_or_default(),
    });
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    for record in generator {
        serde_json::to_writer(&mut file, &record)?;
        file.write_all(b"\n")?;
    }
    file.flush()
}
