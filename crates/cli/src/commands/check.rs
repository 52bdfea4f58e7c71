//! `tilbudsfinder check` (being written).

use std::process::ExitCode;

/// Flags of `check`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `check`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`check` is not written yet")
}
