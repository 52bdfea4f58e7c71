//! One module a subcommand; each has `Args` (its flags, documented) and `run`.

pub mod build;
pub mod capacity;
pub mod catalogue_input;
pub mod check;
pub mod generate;
pub mod migrate;
pub mod precompress;
pub mod query;
pub mod relevance;
pub mod report;
pub mod serve;

use std::io::{self, Write};

use anyhow::Context;

/// Writes `text` to standard output. A closed pipe (`tilbudsfinder query … | head -1`) ends the
/// output quietly, as it does for every Unix tool; any other write error is an error.
pub fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    quiet_if_closed(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// A write to standard output's result, with a closed pipe counted as success.
pub fn quiet_if_closed(result: io::Result<()>) -> anyhow::Result<()> {
    match result {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
