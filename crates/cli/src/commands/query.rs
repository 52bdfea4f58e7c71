//! `tilbudsfinder query` (being written).

use std::process::ExitCode;

/// Flags of `query`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `query`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`query` is not written yet")
}
