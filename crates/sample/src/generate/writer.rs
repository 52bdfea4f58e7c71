//! Writes generated records as JSON Lines, streaming: one record in memory at a time.

use std::io::{self, BufWriter, Write};

use super::Generator;

/// How often (in records) the progress callback is called.
const PROGRESS_EVERY: u64 = 1_000;

/// Writes every record of `generator` to `out`, one JSON object a line, and returns how many
/// were written. `progress` is called with the number written so far every thousand records
/// and once at the end. The output is buffered here; `out` need not be.
pub fn write_jsonl<W: Write>(
    generator: Generator,
    out: W,
    mut progress: impl FnMut(u64),
) -> io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut written = 0u64;
    for record in generator {
        serde_json::to_writer(&mut out, &record).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        written += 1;
        if written.is_multiple_of(PROGRESS_EVERY) {
            progress(written);
        }
    }
    out.flush()?;
    progress(written);
    Ok(written)
}
