//! The search in the URL's query string, so that a search can be shared and the back button works.
//!
//! Only the query string is used, never the path or the fragment, so the app can live on any page
//! of a host site. Parameters this module does not know are kept as they were, in their order, so
//! a host page's own parameters survive. The format, all optional:
//!
//! | key    | value                                        |
//! |--------|----------------------------------------------|
//! | `q`    | search text                                  |
//! | `mode` | `families` (offers when absent)              |
//! | `f`    | `facet:value`, repeated                      |
//! | `all`  | a facet whose values must all hold (AND), repeated |
//! | `age`  | age in years                                 |
//! | `pb`   | price basis: `day`, `hour`, `course`         |
//! | `pmin`, `pmax` | price range, DKK                     |
//! | `free` | `1`: only with free places                   |
//! | `near`, `km` | place and radius                       |
//! | `upd`  | updated within this many days                |
//! | `sort` | `price_asc`, `price_desc`, `distance`, `free_places`, `updated`, `name` |
//! | `page` | one-based page number                        |
//! | `view` | `capacity`: the capacity overview (results when absent) |
//! | `rec`  | catalogue id of the record whose detail is open |
//! | `saved`| catalogue id of a saved record, repeated: the shortlist (see [`with_saved`]) |
//!
//! Values that do not parse are ignored, so a hand-edited URL never breaks the page.
//!
//! A URL is written by anyone who sends a link, so filters are vetted where they come in
//! ([`decode_known`], by the index's one parser `facets::parse_filter`): a facet or value the
//! loaded index does not know is left out rather than shown as an official-looking chip, and at
//! most [`MAX_URL_FILTERS`] are read (a link with 10,000 of them would make every keystroke
//! slow). The page says which were left out; the rest of the address applies.

use catalogue::vocab::PriceBasis;
use tilbudsfinder_index::query::{Mode, Sort};
use tilbudsfinder_index::{SearchIndex, SORTS};

use crate::state::{SearchState, View};
use tilbudsfinder_index::facets::{self, FilterRefusal};

const OUR_KEYS: &[&str] = &[
    "q", "mode", "f", "all", "age", "pb", "pmin", "pmax", "free", "near", "km", "upd", "sort",
    "page", "view", "rec",
];

/// The shortlist's key. Not one of [`OUR_KEYS`]: the shortlist is the device's, not the
/// search's, so [`encode`] keeps it as it is and [`with_saved`] alone writes it.
const SAVED_KEY: &str = "saved";

/// The longest id a link may name (the catalogue's own limit).
const MAX_ID_LEN: usize = 64;

/// The most facet filters read from one URL; the rest are dropped. Far more than anyone ticks.
pub const MAX_URL_FILTERS: usize = 50;

/// The filters from outside that vetting left out.
#[derive(Debug, Default, PartialEq)]
pub struct LeftOut {
    /// Filters naming a facet or value the index does not have, each with why.
    pub refused: Vec<FilterRefusal>,
    /// Filters beyond [`MAX_URL_FILTERS`].
    pub beyond_bound: usize,
}

impl LeftOut {
    /// True when nothing was left out.
    pub fn is_empty(&self) -> bool {
        self.refused.is_empty() && self.beyond_bound == 0
    }

    /// Adds what another vetting left out.
    pub fn add(&mut self, other: LeftOut) {
        self.refused.extend(other.refused);
        self.beyond_bound += other.beyond_bound;
    }
}

/// A state read from a URL, and which of its filters were left out on the way in.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub state: SearchState,
    pub left_out: LeftOut,
}

/// Reads a state from a query string, keeping only the filters `index` knows for the state's
/// mode: what the page uses for a URL from outside.
pub fn decode_known(query: &str, index: &SearchIndex) -> Decoded {
    let mut decoded = decode_bounded(query);
    let mode = decoded.state.mode;
    let vetted = vet_filters(&mut decoded.state.filters, mode, index);
    decoded.left_out.add(vetted);
    decoded
}

/// Keeps the first [`MAX_URL_FILTERS`] of `filters` that `index` knows for `mode` (also for the
/// presets of a widget's attributes and of `embed.html`'s query string, which come from outside
/// like any URL); returns what it left out.
pub fn vet_filters(
    filters: &mut Vec<(String, String)>,
    mode: Mode,
    index: &SearchIndex,
) -> LeftOut {
    let mut refused = Vec::new();
    filters.retain(|(facet, value)| {
        let parsed =
            facets::parse_filter(mode, facet, value, |name| index.facet_values(mode, name));
        parsed.map_err(|refusal| refused.push(refusal)).is_ok()
    });
    let beyond_bound = filters.len().saturating_sub(MAX_URL_FILTERS);
    filters.truncate(MAX_URL_FILTERS);
    LeftOut {
        refused,
        beyond_bound,
    }
}

/// Reads a state from a query string (with or without the leading `?`), filters unvetted.
pub fn decode(query: &str) -> SearchState {
    decode_bounded(query).state
}

/// [`decode`], counting the filters beyond [`MAX_URL_FILTERS`] it left out.
fn decode_bounded(query: &str) -> Decoded {
    let mut state = SearchState::default();
    let mut dropped = 0;
    for (key, value) in parse_pairs(query) {
        match key.as_str() {
            "q" => state.text = value,
            "view" if value == "capacity" => state.view = View::Capacity,
            "mode" if value == "families" => state.mode = Mode::FosterFamilies,
            "f" => {
                if let Some((facet, v)) = value.split_once(':') {
                    let pair = (facet.to_string(), v.to_string());
                    if facet.is_empty() || v.is_empty() || state.filters.contains(&pair) {
                        continue;
                    }
                    if state.filters.len() < MAX_URL_FILTERS {
                        state.filters.push(pair);
                    } else {
                        dropped += 1;
                    }
                }
            }
            "all" if facets::is_combinable(&value) && !state.all_of.contains(&value) => {
                state.all_of.push(value);
                state.all_of.sort();
            }
            "age" => state.range.age = value.parse().ok(),
            "pb" => state.range.price_basis = basis_from_code(&value),
            "pmin" => state.range.price_min = value.parse().ok(),
            "pmax" => state.range.price_max = value.parse().ok(),
            "free" => state.range.free_only = value == "1",
            "near" => state.range.near_place = value,
            "km" => state.range.near_km = value.parse().ok(),
            "upd" => state.range.updated_within = value.parse().ok().filter(|d| *d > 0),
            "sort" => state.sort = sort_from_code(&value).unwrap_or_default(),
            "rec" if is_record_id(&value) => state.open_record = Some(value),
            "page" => {
                state.page = value
                    .parse::<u32>()
                    .ok()
                    .and_then(|p| p.checked_sub(1))
                    .unwrap_or(0)
            }
            _ => {}
        }
    }
    Decoded {
        state,
        left_out: LeftOut {
            refused: Vec::new(),
            beyond_bound: dropped,
        },
    }
}

/// Writes a state into a query string (with a leading `?`, or empty), keeping the parameters of
/// `existing` that are not ours.
pub fn encode(state: &SearchState, existing: &str) -> String {
    let mut pairs: Vec<(String, String)> = parse_pairs(existing)
        .into_iter()
        .filter(|(k, _)| !OUR_KEYS.contains(&k.as_str()))
        .collect();
    let mut put = |k: &str, v: String| pairs.push((k.to_string(), v));
    if !state.text.is_empty() {
        put("q", state.text.clone());
    }
    if state.mode == Mode::FosterFamilies {
        put("mode", "families".into());
    }
    for (facet, value) in &state.filters {
        put("f", format!("{facet}:{value}"));
    }
    for facet in &state.all_of {
        put("all", facet.clone());
    }
    if let Some(age) = state.range.age {
        put("age", age.to_string());
    }
    if let Some(basis) = state.range.price_basis {
        put("pb", basis_code(basis).into());
    }
    if let Some(v) = state.range.price_min {
        put("pmin", v.to_string());
    }
    if let Some(v) = state.range.price_max {
        put("pmax", v.to_string());
    }
    if state.range.free_only {
        put("free", "1".into());
    }
    if !state.range.near_place.is_empty() {
        put("near", state.range.near_place.clone());
    }
    if let Some(km) = state.range.near_km {
        put("km", km.to_string());
    }
    if let Some(days) = state.range.updated_within {
        put("upd", days.to_string());
    }
    if let Some(code) = sort_code(state.sort) {
        put("sort", code.into());
    }
    if state.page > 0 {
        put("page", (state.page + 1).to_string());
    }
    if state.view == View::Capacity {
        put("view", "capacity".into());
    }
    if let Some(id) = &state.open_record {
        put("rec", id.clone());
    }
    join_pairs(&pairs)
}

/// The address (a query string, keeping `existing`'s parameters that are not ours) of the page
/// in `state` with record `id` opened: what a card's title links to, so a record can be opened
/// in a new tab, shared, and reached from the prerendered page.
pub fn record_link(state: &SearchState, id: &str, existing: &str) -> String {
    let opened = SearchState {
        open_record: Some(id.to_string()),
        ..state.clone()
    };
    encode(&opened, existing)
}

/// The saved records' ids a query string names, in order, without duplicates or malformed ids.
pub fn saved_ids(query: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (key, value) in parse_pairs(query) {
        if key == SAVED_KEY && is_record_id(&value) && !ids.contains(&value) {
            ids.push(value);
        }
    }
    ids
}

/// A query string whose shortlist is `ids` (replacing the one it had), everything else kept.
pub fn with_saved(query: &str, ids: &[String]) -> String {
    let mut pairs: Vec<(String, String)> = parse_pairs(query)
        .into_iter()
        .filter(|(k, _)| k != SAVED_KEY)
        .collect();
    pairs.extend(ids.iter().map(|id| (SAVED_KEY.to_string(), id.clone())));
    join_pairs(&pairs)
}

/// A catalogue id as the catalogue allows it: 1–64 of `A–Z a–z 0–9 . _ -`.
fn is_record_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_ID_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn join_pairs(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect();
    format!("?{}", body.join("&"))
}

/// The code of a price basis in URLs and selects.
pub fn basis_code(basis: PriceBasis) -> &'static str {
    match basis {
        PriceBasis::PerDay => "day",
        PriceBasis::PerHour => "hour",
        PriceBasis::PerCourse => "course",
    }
}

/// The price basis of a code.
pub fn basis_from_code(code: &str) -> Option<PriceBasis> {
    match code {
        "day" => Some(PriceBasis::PerDay),
        "hour" => Some(PriceBasis::PerHour),
        "course" => Some(PriceBasis::PerCourse),
        _ => None,
    }
}

/// The code of a sort order (`None` for the default, relevance), from the engine's table.
pub fn sort_code(sort: Sort) -> Option<&'static str> {
    SORTS
        .iter()
        .find(|(_, s, _)| *s == sort)
        .map(|(code, _, _)| *code)
        .filter(|_| sort != Sort::Relevance)
}

/// The sort order of a code; `relevance` and unknown codes give `None`.
pub fn sort_from_code(code: &str) -> Option<Sort> {
    SORTS
        .iter()
        .find(|(c, s, _)| *c == code && *s != Sort::Relevance)
        .map(|(_, s, _)| *s)
}

fn parse_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Encodes everything but unreserved characters (RFC 3986) and `:`, as UTF-8 bytes.
fn percent_encode(text: &str) -> String {
    crate::links::percent_encode(text, b":")
}

/// Decodes `%XX` and `+`; invalid escapes are kept literally, invalid UTF-8 replaced.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = text
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, HistoryEntry};
    use catalogue::Date;
    use sample::GeneratorOptions;
    use tilbudsfinder_index::{BuildOptions, BuiltIndex, OpenWith};

    /// A small index of generated records, as the page would have loaded it.
    fn small_index() -> SearchIndex {
        let today = Date(20_779);
        let accepted = sample::accepted(GeneratorOptions {
            offers: 40,
            foster_families: 10,
            seed: 3,
            today,
        });
        let options = BuildOptions {
            today: Some(today),
            ..BuildOptions::default()
        };
        BuiltIndex::open_records(&accepted, options, OpenWith::Initial).expect("builds and opens")
    }

    #[test]
    fn item_8_url_filters_that_do_not_exist_are_dropped_not_made_chips() {
        let index = small_index();
        let region = index
            .facet_values(Mode::Offers, "region")
            .and_then(|values| values.first())
            .expect("a region")
            .code
            .clone();
        let query = format!(
            "?f=Vigtigt:Ring%2070%2020%2020%2020&f=region:{region}&f=method:krap&f=region:9999"
        );
        let decoded = decode_known(&query, &index);
        assert_eq!(decoded.state.filters, vec![("region".to_string(), region)]);
        let value = |facet, value: &str| FilterRefusal::Value {
            facet,
            value: value.to_string(),
        };
        let refused = &decoded.left_out.refused;
        assert_eq!(refused.len(), 3);
        assert!(
            matches!(&refused[0], FilterRefusal::Facet(unknown) if unknown.name == "Vigtigt"),
            "{refused:?}"
        );
        assert_eq!(
            refused[1..],
            [value("method", "krap"), value("region", "9999")]
        );
        assert_eq!(decoded.left_out.beyond_bound, 0);
        // A family facet in an offers URL is not a filter of the mode either.
        let decoded = decode_known("?f=family_type:netvaerk", &index);
        assert!(decoded.state.filters.is_empty());
        assert!(matches!(
            &decoded.left_out.refused[..],
            [FilterRefusal::Facet(unknown)] if unknown.name == "family_type" && unknown.mode == Mode::Offers
        ));
    }

    #[test]
    fn item_8_the_number_of_filters_read_from_a_url_is_bounded() {
        let index = small_index();
        let many: Vec<String> = (0..10_000).map(|i| format!("f=target:v{i}")).collect();
        let decoded = decode_known(&format!("?{}", many.join("&")), &index);
        assert!(decoded.state.filters.is_empty());
        assert_eq!(decoded.left_out.refused.len(), MAX_URL_FILTERS);
        assert_eq!(decoded.left_out.beyond_bound, 10_000 - MAX_URL_FILTERS);
        // Known values count against the bound too: the first MAX_URL_FILTERS are kept.
        let known: Vec<String> = index
            .facet_values(Mode::Offers, "municipality")
            .expect("municipalities")
            .iter()
            .map(|v| format!("f=municipality:{}", v.code))
            .collect();
        assert!(
            known.len() > MAX_URL_FILTERS,
            "{} municipalities",
            known.len()
        );
        let decoded = decode_known(&format!("?{}", known.join("&")), &index);
        assert_eq!(decoded.state.filters.len(), MAX_URL_FILTERS);
        assert!(decoded.left_out.refused.is_empty());
        assert_eq!(decoded.left_out.beyond_bound, known.len() - MAX_URL_FILTERS);
    }

    #[test]
    fn the_capacity_view_is_kept_in_the_url() {
        let state = SearchState::default()
            .apply(Action::ToggleFilter {
                facet: "region".into(),
                value: "1082".into(),
            })
            .apply(Action::SetView(View::Capacity));
        let url = encode(&state, "lang=en");
        assert!(url.starts_with("?lang=en&f=region"), "{url}");
        assert!(url.ends_with("&view=capacity"), "{url}");
        let back = decode(&url);
        assert_eq!(back.view, View::Capacity);
        assert_eq!(back.filters, state.filters);
        assert_eq!(decode("?view=other").view, View::Search);
    }

    #[test]
    fn a_full_state_survives_the_round_trip() {
        let state = SearchState::default()
            .apply(Action::SetMode(Mode::FosterFamilies))
            .apply(Action::SetText("Ærø & co=1+2 %".into()))
            .apply(Action::ToggleFilter {
                facet: "target".into(),
                value: "Angst".into(),
            })
            .apply(Action::ToggleFilter {
                facet: "region".into(),
                value: "1083".into(),
            })
            .apply(Action::SetAllOf {
                facet: "target".into(),
                all: true,
            })
            .apply(Action::SetAge(Some(7)))
            .apply(Action::SetPriceBasis(Some(PriceBasis::PerHour)))
            .apply(Action::SetPriceMax(Some(900)))
            .apply(Action::SetFreeOnly(true))
            .apply(Action::SetNearPlace("8000".into()))
            .apply(Action::SetNearKm(Some(25)))
            .apply(Action::SetUpdatedWithin(Some(90)))
            .apply(Action::SetSort(Sort::Distance))
            .apply(Action::SetPage(2))
            .apply(Action::OpenRecord("PF-00042".into()));
        let url = encode(&state, "");
        assert!(url.ends_with("&rec=PF-00042"), "{url}");
        let back = decode(&url);
        assert_eq!(
            back,
            SearchState {
                history: HistoryEntry::None,
                last_typed: None,
                ..state
            }
        );
    }

    #[test]
    fn foreign_parameters_are_kept_and_junk_is_ignored() {
        let state = decode("?utm=x&age=abc&page=0&sort=nonsense&f=nocolon&q=%E2%82%AC%zz");
        assert_eq!(state.range.age, None);
        assert_eq!(state.page, 0);
        assert_eq!(state.sort, Sort::Relevance);
        assert!(state.filters.is_empty());
        assert_eq!(state.text, "€%zz");
        assert_eq!(encode(&SearchState::default(), "?utm=x&q=old"), "?utm=x");
        // Only the facets the page can combine with AND are read as such.
        assert_eq!(
            decode("?all=target&all=Vigtigt&all=target").all_of,
            ["target"]
        );
        assert_eq!(decode("?rec=a%20b").open_record, None, "not a catalogue id");
        let searching = decode("?q=autisme&f=region:1081");
        let link = record_link(&searching, "PF-00042", "?lang=en&q=old");
        let opened = decode(&link);
        assert_eq!(opened.open_record.as_deref(), Some("PF-00042"));
        assert_eq!(opened.text, "autisme", "the search is kept: {link}");
        assert_eq!(opened.filters, searching.filters);
        assert!(
            link.starts_with("?lang=en&"),
            "other parameters are kept: {link}"
        );
    }

    #[test]
    fn the_shortlist_is_kept_apart_from_the_search_and_survives_its_changes() {
        let ids = vec!["T-1".to_string(), "PF-2".to_string()];
        let url = with_saved("?utm=x&q=bo&saved=old", &ids);
        assert_eq!(url, "?utm=x&q=bo&saved=T-1&saved=PF-2");
        assert_eq!(saved_ids(&url), ids);
        // A change of the search keeps the shortlist where it is.
        let next = encode(&SearchState::default().apply(Action::SetAge(Some(3))), &url);
        assert_eq!(saved_ids(&next), ids, "{next}");
        assert_eq!(with_saved("?saved=T-1", &[]), "");
        assert_eq!(
            saved_ids("?saved=T-1&saved=T-1&saved=&saved=%3Cb%3E&saved=x.y_z"),
            vec!["T-1".to_string(), "x.y_z".to_string()]
        );
    }
}
