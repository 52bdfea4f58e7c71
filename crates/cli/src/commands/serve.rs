//! `tilbudsfinder serve` (being written).

use std::process::ExitCode;

/// Flags of `serve`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `serve`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`serve` is not written yet")
}
