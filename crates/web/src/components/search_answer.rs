//! What the search page shows for its choices, computed from them: the engine's answer ready to
//! render, the capacity overview, the chips of the active filters and the printout's summary of
//! the search. Plain functions of the state, the loaded index and the configuration, apart from
//! the page's hooks and layout (`search_page`).

use std::rc::Rc;

use catalogue::vocab::OfferType;
use catalogue::Date;
use tilbudsfinder_index::query::{FacetCounts, Mode, Query, Relaxation};
use tilbudsfinder_index::{CapacityOverview, SearchIndex};
use yew::AttrValue;

use crate::components::chips::Chip;
use crate::components::result_list::CardView;
use crate::config::Config;
use crate::hooks::IndexRef;
use crate::i18n::{self, Lang};
use crate::state::{Action, SearchState};

/// What the engine answered for the current choices, ready to render.
#[derive(PartialEq)]
pub struct Answer {
    pub total: u32,
    pub pages: u32,
    pub cards: Rc<Vec<CardView>>,
    pub facets: Vec<Rc<FacetCounts>>,
    /// A place was typed but the index does not know it.
    pub place_unknown: bool,
    /// Distances can be shown and sorted by.
    pub has_origin: bool,
    /// Words no record matched together with the others (the results match without them).
    pub dropped_words: Vec<String>,
    /// The text spelt as the index knows it, when some word matched nothing.
    pub did_you_mean: Option<String>,
    /// When nothing matched: filters whose removal would give results.
    pub relaxations: Vec<Relaxation>,
}

/// The engine's query for the current choices, and whether a place was asked for and not found.
fn engine_query(
    engine: &SearchIndex,
    state: &SearchState,
    config: &Config,
    today: Date,
) -> (Query, bool) {
    let place = state.range.near_place.trim();
    let origin = if place.is_empty() {
        None
    } else {
        engine.locate(place)
    };
    let fixed: &[(String, String)] = if config.lock_presets {
        &config.preset_filters
    } else {
        &[]
    };
    let query = state.to_query(fixed, origin, today, config.page_size);
    (query, !place.is_empty() && origin.is_none())
}

/// Facets whose ticked values a card names as the reasons it matches (a family's target
/// groups and competences, an offer's too): the ones that describe what a place can do.
const REASON_FACETS: &[&str] = &[
    "target",
    "group",
    "competence",
    "method",
    "service",
    "care",
    "staff",
];

pub fn run_search(index: &IndexRef, state: &SearchState, config: &Config, today: Date) -> Answer {
    let engine = index.index.borrow();
    let (query, place_unknown) = engine_query(&engine, state, config, today);
    let mut results = engine.search(&query);
    // Facet values in the interface language, once, for the panel, the chips and the reasons.
    for facet in &mut results.facets {
        for value in &mut facet.values {
            value.label = i18n::facet_value(config.lang, &facet.facet, &value.value, &value.label);
        }
    }
    // Why a card matches: which of the ticked values of these facets it has.
    let reason_filters: Vec<(String, String)> = state
        .filters
        .iter()
        .filter(|(facet, _)| REASON_FACETS.contains(&facet.as_str()))
        .cloned()
        .collect();
    let cards = results
        .hits
        .iter()
        .filter_map(|hit| {
            engine.card(hit.doc).map(|card| CardView {
                card: Rc::new(card),
                distance_km: hit.distance_km,
                reasons: engine
                    .values_of_doc(hit.doc, &reason_filters)
                    .iter()
                    .map(|(facet, value)| value_label(&results.facets, facet, value))
                    .collect(),
            })
        })
        .collect();
    Answer {
        total: results.total,
        pages: results.total.div_ceil(config.page_size.max(1)),
        cards: Rc::new(cards),
        facets: results.facets.iter().cloned().map(Rc::new).collect(),
        place_unknown,
        has_origin: query.near.is_some(),
        dropped_words: results.dropped_words,
        did_you_mean: results.did_you_mean,
        relaxations: results.relaxations,
    }
}

/// The capacity overview for the current choices: the same query as the search, summed. For
/// offers, only one kind of place is counted (`kind`, replacing any offer type in the filters):
/// residential, day and outpatient places are never added together.
pub fn run_capacity(
    index: &IndexRef,
    state: &SearchState,
    config: &Config,
    today: Date,
    kind: OfferType,
) -> CapacityOverview {
    let engine = index.index.borrow();
    let (query, _) = engine_query(&engine, state, config, today);
    let mut overview = if query.mode == Mode::Offers {
        engine.capacity_of_kind(&query, kind)
    } else {
        engine.capacity(&query)
    };
    // Row labels in the interface language, as the facets of the same names say them.
    let lang = config.lang;
    for (facet, rows) in [
        ("group", &mut overview.by_group),
        ("target", &mut overview.by_target),
        ("region", &mut overview.by_region),
        ("family_type", &mut overview.by_family_type),
    ] {
        for row in rows.iter_mut() {
            row.label = i18n::facet_value(lang, facet, &row.code, &row.label);
        }
    }
    for row in &mut overview.by_age_band {
        row.label = i18n::age_band(lang, &row.code, &row.label);
    }
    overview
}

/// The data-quality report's address in the interface language, a sibling of the index
/// (`…/index/` → `…/report/index.html`, the English one in `…/report/en/`; build/site).
pub fn report_url(index_url: &str, lang: Lang) -> Option<AttrValue> {
    let folder = match lang {
        Lang::Da => "report/",
        Lang::En => "report/en/",
    };
    index_url
        .strip_suffix("index/")
        .map(|base| AttrValue::from(format!("{base}{folder}index.html")))
}

/// The label of a facet value as the engine gave it, or the code if it is not in the counts.
fn value_label<F: std::borrow::Borrow<FacetCounts>>(
    facets: &[F],
    facet: &str,
    value: &str,
) -> String {
    facets
        .iter()
        .map(|f| f.borrow())
        .filter(|f| f.facet == facet)
        .flat_map(|f| f.values.iter())
        .find(|v| v.value == value)
        .map(|v| v.label.clone())
        .unwrap_or_else(|| value.to_string())
}

pub fn chips_for(state: &SearchState, answer: &Answer, config: &Config) -> Vec<Chip> {
    let lang = config.lang;
    // Values of one facet stand together, joined by "og" or "eller" as the engine combines them.
    let mut ordered: Vec<&(String, String)> = Vec::new();
    for pair in &state.filters {
        if !ordered.contains(&pair) {
            ordered.extend(state.filters.iter().filter(|(f, _)| *f == pair.0));
        }
    }
    let mut chips: Vec<Chip> = Vec::new();
    for (i, (facet, value)) in ordered.iter().map(|p| (&p.0, &p.1)).enumerate() {
        let follows = i > 0 && ordered[i - 1].0 == *facet;
        chips.push(Chip {
            label: format!(
                "{}: {}",
                i18n::facet_legend(lang, facet),
                value_label(&answer.facets, facet, value)
            ),
            remove: Action::RemoveFilter {
                facet: facet.clone(),
                value: value.clone(),
            },
            joiner: follows.then(|| i18n::joiner(lang, state.all_of.contains(facet))),
        });
    }
    if let Some(age) = state.range.age {
        chips.push(Chip {
            label: i18n::chip_age(lang, age),
            remove: Action::SetAge(None),
            joiner: None,
        });
    }
    if let (Some(basis), Some(_)) = (state.range.price_basis, state.price_range()) {
        chips.push(Chip {
            label: i18n::chip_price(lang, basis, state.range.price_min, state.range.price_max),
            remove: Action::ClearPrice,
            joiner: None,
        });
    }
    if state.range.free_only {
        chips.push(Chip {
            label: lang.texts().free_only.to_string(),
            remove: Action::SetFreeOnly(false),
            joiner: None,
        });
    }
    if !state.range.near_place.trim().is_empty() {
        chips.push(Chip {
            label: i18n::chip_near(lang, state.range.near_place.trim(), state.range.near_km),
            remove: Action::ClearNear,
            joiner: None,
        });
    }
    if let Some(days) = state.range.updated_within {
        chips.push(Chip {
            label: i18n::chip_updated(lang, days),
            remove: Action::SetUpdatedWithin(None),
            joiner: None,
        });
    }
    chips
}

/// The search that produced a printout, in words: mode, text and every filter.
pub fn search_summary(state: &SearchState, chips: &[Chip], lang: Lang) -> String {
    let t = lang.texts();
    let mut parts: Vec<String> = vec![match state.mode {
        Mode::Offers => t.mode_offers.to_string(),
        Mode::FosterFamilies => t.mode_families.to_string(),
    }];
    if !state.text.trim().is_empty() {
        parts.push(format!("\u{201c}{}\u{201d}", state.text.trim()));
    }
    if chips.is_empty() {
        parts.push(i18n::placement_texts(lang).print_no_filters.to_string());
    }
    parts.extend(chips.iter().map(|c| c.label.clone()));
    parts.join("; ")
}
