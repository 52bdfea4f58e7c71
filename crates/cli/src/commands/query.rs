//! `tilbudsfinder query INDEX_DIR ...`: runs one search against a built index and prints the
//! answer: `{"total": N, "hits": [ids of the page], "facets": {facet: {value: count}}}` with
//! `--json` (the same answer the browser gets), a short table otherwise.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use catalogue::check::text::printable;
use catalogue::vocab::PriceBasis;
use catalogue::Date;
use tilbudsfinder_index::facets::{
    facet_names, parse_facet, parse_filter, FilterRefusal, ValueDef,
};
use tilbudsfinder_index::text::edit_distance;

use super::write_stdout;
use tilbudsfinder_index::{
    Manifest, Mode, Near, PriceRange, Query, SearchIndex, Sort, MANIFEST_NAME, SORTS,
};

fn facets_help() -> String {
    let mut out = String::from("Facets (use with --filter FACET=VALUE):\n");
    for (mode, name) in [(Mode::Offers, "offers"), (Mode::FosterFamilies, "families")] {
        out.push_str(&format!("  {name}: {}\n", facet_names(mode).join(", ")));
    }
    out
}

/// `--mode`: what is searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    /// Offers (tilbud).
    Offers,
    /// Foster families (plejefamilier).
    Families,
}

impl ModeArg {
    fn mode(self) -> Mode {
        match self {
            ModeArg::Offers => Mode::Offers,
            ModeArg::Families => Mode::FosterFamilies,
        }
    }
}

/// `--price-basis`: what the price range's amounts are per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PriceBasisArg {
    /// Per day (døgn- and dagtakst; monthly rates divided by the days of a month).
    Day,
    /// Per hour of support or treatment.
    Hour,
    /// Per treatment course.
    Course,
}

impl From<PriceBasisArg> for PriceBasis {
    fn from(basis: PriceBasisArg) -> PriceBasis {
        match basis {
            PriceBasisArg::Day => PriceBasis::PerDay,
            PriceBasisArg::Hour => PriceBasis::PerHour,
            PriceBasisArg::Course => PriceBasis::PerCourse,
        }
    }
}

/// `--sort`: one of the engine's orders, named and described by its table [`SORTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortArg(Sort);

impl clap::ValueEnum for SortArg {
    fn value_variants<'a>() -> &'a [Self] {
        static VARIANTS: std::sync::OnceLock<Vec<SortArg>> = std::sync::OnceLock::new();
        VARIANTS.get_or_init(|| SORTS.iter().map(|(_, sort, _)| SortArg(*sort)).collect())
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        SORTS
            .iter()
            .find(|(_, sort, _)| *sort == self.0)
            .map(|(name, _, what)| clap::builder::PossibleValue::new(*name).help(*what))
    }
}

/// Flags of `query`.
#[derive(clap::Args)]
#[command(after_help = facets_help())]
pub struct Args {
    /// Directory of a built index (with manifest.json).
    pub index_dir: PathBuf,
    /// Search offers or foster families.
    #[arg(long, value_enum, default_value_t = ModeArg::Offers)]
    pub mode: ModeArg,
    /// Free text: prefix and typo tolerant, Danish-folded.
    #[arg(long, default_value = "")]
    pub text: String,
    /// A facet selection FACET=VALUE (repeatable): OR within a facet, AND across facets.
    #[arg(long = "filter", value_name = "FACET=VALUE")]
    pub filters: Vec<String>,
    /// Combine this facet's selected values with AND instead of OR (repeatable), e.g.
    /// `--all-of target`: records with every chosen target group.
    #[arg(long = "all-of", value_name = "FACET")]
    pub all_of: Vec<String>,
    /// Keep records that accept a person of this age.
    #[arg(long)]
    pub age: Option<u8>,
    /// Price basis of --price-min/--price-max.
    #[arg(long, value_enum)]
    pub price_basis: Option<PriceBasisArg>,
    /// Lowest normalised price, DKK.
    #[arg(long)]
    pub price_min: Option<f64>,
    /// Highest normalised price, DKK.
    #[arg(long)]
    pub price_max: Option<f64>,
    /// Keep records with at least this many free places.
    #[arg(long)]
    pub min_free: Option<u32>,
    /// Origin for distance: a municipality (name or code), a postal code or district, or LAT,LON.
    #[arg(long)]
    pub near: Option<String>,
    /// Keep records within this many km of --near.
    #[arg(long)]
    pub km: Option<f64>,
    /// Keep records whose oldest part was updated at most this many days ago.
    #[arg(long)]
    pub updated_within: Option<u32>,
    /// The day of the search, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// Order of results.
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: SortArg,
    /// Zero-based page number.
    #[arg(long, default_value_t = 0)]
    pub page: u32,
    /// Results per page (at most 100).
    #[arg(long, default_value_t = 20)]
    pub page_size: u32,
    /// Print the answer as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Reads a manifest and the files to open an index from a directory (with the text file).
pub fn open_index(dir: &Path) -> anyhow::Result<SearchIndex> {
    let manifest_path = dir.join(MANIFEST_NAME);
    let bytes = std::fs::read(&manifest_path)
        .with_context(|| format!("{}: cannot read the index", manifest_path.display()))?;
    let manifest = Manifest::parse(&bytes)?;
    let read = |name: &str| -> anyhow::Result<(String, Vec<u8>)> {
        let path = dir.join(name);
        let bytes =
            std::fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
        Ok((name.to_string(), bytes))
    };
    let initial = manifest
        .initial_files()
        .iter()
        .map(|n| read(n))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut index = SearchIndex::open(&manifest, initial)?;
    for name in index.deferred_files() {
        let (name, bytes) = read(&name)?;
        index.add_file(&name, bytes)?;
    }
    Ok(index)
}

/// Runs `query`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let index = open_index(&args.index_dir)?;
    let query = build_query(&args, &index)?;
    let results = index.search(&query);
    let mut out = String::new();
    if args.json {
        let facets: serde_json::Map<String, serde_json::Value> = results
            .facets
            .iter()
            .map(|f| {
                let values: serde_json::Map<String, serde_json::Value> = f
                    .values
                    .iter()
                    .map(|v| (v.value.clone(), serde_json::Value::from(v.count)))
                    .collect();
                (f.facet.clone(), serde_json::Value::Object(values))
            })
            .collect();
        let answer = serde_json::json!({
            "total": results.total,
            "hits": results.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>(),
            "facets": facets,
            "dropped_words": results.dropped_words,
            "did_you_mean": results.did_you_mean,
            "relaxations": results.relaxations,
        });
        writeln!(out, "{answer}")?;
    } else {
        writeln!(out, "{} found", results.total)?;
        if !results.dropped_words.is_empty() {
            writeln!(
                out,
                "(no record matches every word; these match without: {})",
                results.dropped_words.join(", ")
            )?;
        }
        if let Some(suggestion) = &results.did_you_mean {
            writeln!(out, "did you mean: {suggestion}")?;
        }
        for r in &results.relaxations {
            writeln!(out, "without {:?}: {} found", r.constraint, r.total)?;
        }
        for hit in &results.hits {
            if let Some(card) = index.card(hit.doc) {
                let distance = hit
                    .distance_km
                    .map(|km| format!(" {km:.1} km"))
                    .unwrap_or_default();
                // Catalogue text on a terminal: escaped, whatever the checks let through.
                writeln!(
                    out,
                    "{:<10} {} ({} {}){distance}",
                    printable(&card.id),
                    printable(&card.name),
                    card.postal_code,
                    printable(&card.city)
                )?;
            }
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The query the flags describe (shared with `capacity`, so both read the same filter flags).
pub fn build_query(args: &Args, index: &SearchIndex) -> anyhow::Result<Query> {
    let mode = args.mode.mode();
    let mut filters = Vec::new();
    for filter in &args.filters {
        let Some((facet, value)) = filter.split_once('=') else {
            bail!("--filter {filter:?}: expected FACET=VALUE");
        };
        match parse_filter(mode, facet, value, |name| index.facet_values(mode, name)) {
            Ok(_) => {}
            Err(refusal @ FilterRefusal::Value { .. }) => {
                let values = index.facet_values(mode, facet).unwrap_or_default();
                bail!(
                    "--filter {filter:?}: {refusal}; {}",
                    suggestion(value, values)
                );
            }
            Err(refusal) => bail!("--filter {filter:?}: {refusal}"),
        }
        filters.push((facet.to_string(), value.to_string()));
    }
    for facet in &args.all_of {
        if let Err(unknown) = parse_facet(mode, facet) {
            bail!("--all-of {facet:?}: {unknown}");
        }
    }
    let SortArg(sort) = args.sort;
    let price = match args.price_basis {
        Some(basis) => Some(PriceRange {
            basis: basis.into(),
            min: args.price_min,
            max: args.price_max,
        }),
        None if args.price_min.is_some() || args.price_max.is_some() => {
            bail!("--price-min/--price-max need --price-basis day|hour|course")
        }
        None => None,
    };
    let near = match &args.near {
        Some(place) => {
            let (lat, lon) = parse_point(place)
                .or_else(|| index.locate(place))
                .with_context(|| {
                    format!("--near {place:?}: no such municipality, postal code or LAT,LON")
                })?;
            Some(Near {
                lat,
                lon,
                max_km: args.km,
            })
        }
        None if args.km.is_some() => bail!("--km needs --near"),
        None => None,
    };
    let query = Query {
        mode,
        text: args.text.clone(),
        filters,
        all_of: args.all_of.clone(),
        age: args.age,
        price,
        min_free_places: args.min_free,
        near,
        updated_within_days: args.updated_within,
        today: args.today.unwrap_or_else(Date::today),
        sort: if sort == Sort::Distance && near.is_none() {
            bail!("--sort distance needs --near")
        } else {
            sort
        },
        page: args.page,
        page_size: args.page_size,
    };
    Ok(query)
}

/// The most near matches an unknown facet value's error lists.
const MAX_SUGGESTIONS: usize = 5;

/// What an error about an unknown facet value suggests: the values close to it (the same but for
/// case, a prefix of it, or at most two edits away, by code or label), else all values when
/// they are few.
fn suggestion(value: &str, values: &[ValueDef]) -> String {
    let wanted = value.to_lowercase();
    let distance = |v: &ValueDef| {
        [&v.code, &v.label]
            .iter()
            .map(|text| {
                let text = text.to_lowercase();
                if text == wanted {
                    0
                } else if text.starts_with(&wanted) || wanted.starts_with(&text) {
                    1
                } else {
                    edit_distance(text.as_bytes(), wanted.as_bytes()) + 1
                }
            })
            .min()
            .unwrap_or(usize::MAX)
    };
    let mut near: Vec<(usize, &ValueDef)> = values
        .iter()
        .map(|v| (distance(v), v))
        .filter(|(d, _)| *d <= 3)
        .collect();
    near.sort_by_key(|(d, v)| (*d, v.code.clone()));
    let shown = |v: &ValueDef| {
        if v.label == v.code {
            format!("{:?}", v.code)
        } else {
            format!("{:?} ({})", v.code, v.label)
        }
    };
    if !near.is_empty() {
        let listed: Vec<String> = near
            .iter()
            .take(MAX_SUGGESTIONS)
            .map(|(_, v)| shown(v))
            .collect();
        return format!("did you mean {}?", listed.join(", "));
    }
    if values.len() <= 12 {
        let listed: Vec<String> = values.iter().map(shown).collect();
        return format!("values: {}", listed.join(", "));
    }
    "`query INDEX_DIR --json` lists the values with their counts".to_owned()
}

/// `LAT,LON` as two numbers.
fn parse_point(text: &str) -> Option<(f64, f64)> {
    let (lat, lon) = text.split_once(',')?;
    let point: (f64, f64) = (lat.trim().parse().ok()?, lon.trim().parse().ok()?);
    (point.0.is_finite() && point.1.is_finite()).then_some(point)
}
