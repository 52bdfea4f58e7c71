//! `tilbudsfinder build` (being written).

use std::process::ExitCode;

/// Flags of `build`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `build`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`build` is not written yet")
}
