//! `tilbudsfinder generate` (being written).

use std::process::ExitCode;

/// Flags of `generate`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `generate`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`generate` is not written yet")
}
