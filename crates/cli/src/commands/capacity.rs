//! `tilbudsfinder capacity INDEX_DIR [filter flags] [--per-kind] [--json]`: the capacity overview
//! (issue 7) of the records a search matches: places and free places by target group, region,
//! legal basis and, for foster families, by type and accepted age. It takes exactly the flags of
//! `query` (sort and paging are ignored).
//!
//! Residential, day and outpatient places are different things and never added up (issue 15):
//! the text output for offers is one block per kind (the kinds a `type` filter names, or all
//! three), each counted by the engine's `SearchIndex::capacity_of_kind`, as the browser's view
//! does. `--json` prints the engine's `CapacityOverview` for the filters as given (what the
//! browser shows when the filters name one offer type); with `--per-kind` it prints an object
//! with one such overview per kind of offer, keyed by the offer type's code.

use std::process::ExitCode;

use catalogue::vocab::OfferType;
use tilbudsfinder_index::query::{Mode, Query};
use tilbudsfinder_index::{CapacityFigures, CapacityOverview, CapacityRow, SearchIndex};

use super::query::{build_query, open_index};
use super::write_stdout;

/// Flags of `capacity`: those of `query`, and the split by kind. (Its own group id: two groups
/// named `Args` trip clap's debug assertions, so a debug build's `capacity` panicked before it
/// started.)
#[derive(clap::Args)]
#[group(id = "capacity_args")]
pub struct Args {
    #[command(flatten)]
    pub query: super::query::Args,
    /// With --json and offers: one overview per kind of offer (residential, day, outpatient),
    /// keyed by its code, instead of one overview of the filters as given.
    #[arg(long)]
    pub per_kind: bool,
}

/// One row: `fresh_days` is the overview's, so the label says the rule the index applied.
fn figures_line(label: &str, f: &CapacityFigures, fresh_days: u32) -> String {
    let share = f
        .free_share()
        .map_or_else(|| "–".to_string(), |s| format!("{:.1} %", s * 100.0));
    format!(
        "{label:<44} {:>7} records {:>8} places {:>7} free ({share:>7} of reported)  (reported ≤ {fresh_days} days: {}, older: {}, never: {})",
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

/// The kinds of offer the query names in its `type` filter, or all of them.
fn kinds_asked(query: &Query) -> Vec<OfferType> {
    let named: Vec<OfferType> = OfferType::ALL
        .iter()
        .copied()
        .filter(|kind| {
            query
                .filters
                .iter()
                .any(|(facet, value)| facet == "type" && value == kind.code())
        })
        .collect();
    if named.is_empty() {
        OfferType::ALL.to_vec()
    } else {
        named
    }
}

/// One overview per kind asked for (offers), or the one overview (foster families).
fn overviews(index: &SearchIndex, query: &Query) -> Vec<(Option<OfferType>, CapacityOverview)> {
    match query.mode {
        Mode::Offers => kinds_asked(query)
            .into_iter()
            .map(|kind| (Some(kind), index.capacity_of_kind(query, kind)))
            .collect(),
        Mode::FosterFamilies => vec![(None, index.capacity(query))],
    }
}

fn text(kind: Option<OfferType>, overview: &CapacityOverview) -> String {
    let days = overview.fresh_days;
    let mut out = String::new();
    let total_label = match kind {
        Some(kind) => {
            out.push_str(&format!("== {} ==\n", kind.label()));
            format!("All matches ({})", kind.label())
        }
        None => "All matches".to_string(),
    };
    out.push_str(&figures_line(&total_label, &overview.total, days));
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
    push_rows(
        &mut out,
        "By legal basis (overlapping: an offer counts under each basis it has)",
        &overview.by_basis,
        days,
    );
    push_rows(&mut out, "By family type", &overview.by_family_type, days);
    push_rows(
        &mut out,
        "By accepted age (overlapping)",
        &overview.by_age_band,
        days,
    );
    out
}

/// Runs `capacity`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let index = open_index(&args.query.index_dir)?;
    let query = build_query(&args.query, &index)?;
    if args.query.json {
        let json = if args.per_kind {
            if query.mode != Mode::Offers {
                anyhow::bail!("--per-kind splits offers by kind; foster families have no kinds");
            }
            let by_kind: serde_json::Map<String, serde_json::Value> = OfferType::ALL
                .iter()
                .map(|kind| {
                    serde_json::to_value(index.capacity_of_kind(&query, *kind))
                        .map(|v| (kind.code().to_string(), v))
                })
                .collect::<Result<_, _>>()?;
            serde_json::to_string(&by_kind)?
        } else {
            serde_json::to_string(&index.capacity(&query))?
        };
        write_stdout(&format!("{json}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let blocks: Vec<String> = overviews(&index, &query)
        .iter()
        .map(|(kind, overview)| text(*kind, overview))
        .collect();
    write_stdout(&blocks.join("\n"))?;
    Ok(ExitCode::SUCCESS)
}
