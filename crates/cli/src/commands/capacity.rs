//! `tilbudsfinder capacity INDEX_DIR [filter flags] [--json]`: the capacity overview (issue 7) of
//! the records a search matches: places and free places by target group, region and, for foster
//! families, by type and accepted age. It takes exactly the flags of `query` (sort and paging are
//! ignored), and `--json` prints the engine's `CapacityOverview`, the same the browser shows.

use std::process::ExitCode;

use tilbudsfinder_index::{CapacityFigures, CapacityRow};

use super::query::{build_query, open_index};
use super::write_stdout;

/// Flags of `capacity`: those of `query`. (Its own group id: two groups named `Args` trip
/// clap's debug assertions, so a debug build's `capacity` panicked before it started.)
#[derive(clap::Args)]
#[group(id = "capacity_args")]
pub struct Args {
    #[command(flatten)]
    pub query: super::query::Args,
}

/// One row: `fresh_days` is the overview's, so the label says the rule the index applied.
fn figures_line(label: &str, f: &CapacityFigures, fresh_days: u32) -> String {
    format!(
        "{label:<44} {:>7} records {:>8} places {:>7} free  (reported ≤ {fresh_days} days: {}, older: {}, never: {})",
        f.records, f.places, f.free_places, f.reported_fresh, f.reported_stale, f.unreported
    )
}

fn push_rows(out: &mut String, heading: &str, rows: &[CapacityRow], fresh_days: u32) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!("\n{heading}\n"));
    for row in rows {
        out.push_str(&figures_line(
            &format!("  {}", row.label),
            &row.figures,
            fresh_days,
        ));
        out.push('\n');
    }
}

/// Runs `capacity`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let index = open_index(&args.query.index_dir)?;
    let query = build_query(&args.query, &index)?;
    let overview = index.capacity(&query);
    if args.query.json {
        write_stdout(&format!("{}\n", serde_json::to_string(&overview)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let days = overview.fresh_days;
    let mut out = figures_line("All matches", &overview.total, days);
    out.push('\n');
    push_rows(
        &mut out,
        "By target-group group (groups overlap: a record counts in each it serves)",
        &overview.by_group,
        days,
    );
    push_rows(
        &mut out,
        "By target group (overlapping)",
        &overview.by_target,
        days,
    );
    push_rows(
        &mut out,
        "By region of the address",
        &overview.by_region,
        days,
    );
    push_rows(&mut out, "By family type", &overview.by_family_type, days);
    push_rows(
        &mut out,
        "By accepted age (overlapping)",
        &overview.by_age_band,
        days,
    );
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
