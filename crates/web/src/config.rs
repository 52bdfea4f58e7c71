//! The app's configuration: what the page or the widget passes to `mount`.
//!
//! A plain JS object, read through `JSON.stringify` and the index crate's JSON reader so that a
//! missing or mistyped key falls back to its default (that key alone: the others still count)
//! instead of failing the mount:
//! `{ indexUrl, lang, mode, presetFilters, lockPresets, headingLevel, pageSize, syncUrl,
//! heading, capacityView, modeSwitch }`.
//!
//! Municipality and region presets may name the place instead of giving its code
//! (`["municipality", "Gentofte Kommune"]`): they are turned into codes here, once, so the rest of
//! the app only ever sees codes. Some settings only change what is drawn (the heading, which
//! switches show): [`Config::with_live_settings`] names them, and a mounted app takes a new
//! configuration that differs only in those without starting over (`AppHandle::update`).

use catalogue::vocab::{self, Region};
use tilbudsfinder_index::query::Mode;
use tilbudsfinder_index::{facets, json};

use crate::i18n::Lang;
use crate::loader::normalise_base;

/// The most results one page shows.
pub const MAX_PAGE_SIZE: u32 = 100;

/// The configuration as given, before defaults and bounds are applied.
#[derive(Debug, Default)]
struct RawConfig {
    index_url: Option<String>,
    lang: Option<String>,
    mode: Option<String>,
    preset_filters: Vec<(String, String)>,
    lock_presets: bool,
    heading_level: Option<u8>,
    page_size: Option<u32>,
    sync_url: Option<bool>,
    heading: Option<String>,
    capacity_view: Option<bool>,
    mode_switch: Option<bool>,
}

// The keys in camelCase, as JavaScript names them; a key of another type is its default.
tilbudsfinder_index::json_struct!(RawConfig {
    index_url = "indexUrl": lenient,
    lang: lenient,
    mode: lenient,
    preset_filters = "presetFilters": lenient,
    lock_presets = "lockPresets": lenient,
    heading_level = "headingLevel": lenient,
    page_size = "pageSize": lenient,
    sync_url = "syncUrl": lenient,
    heading: lenient,
    capacity_view = "capacityView": lenient,
    mode_switch = "modeSwitch": lenient,
});

/// The app's configuration, with defaults applied and values in range.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where the index lives, ending in `/`.
    pub index_url: String,
    /// Interface language.
    pub lang: Lang,
    /// The mode to start in.
    pub mode: Mode,
    /// Filters the page presets, as (facet, value).
    pub preset_filters: Vec<(String, String)>,
    /// When true the presets always apply and cannot be removed, and the mode is fixed.
    pub lock_presets: bool,
    /// The level of the app's own top heading (1–6); lower headings follow from it.
    pub heading_level: u8,
    /// Results per page.
    pub page_size: u32,
    /// Keep the search in the URL's query string.
    pub sync_url: bool,
    /// The app's top heading, instead of the mode's own title ("Find et tilbud").
    pub heading: Option<String>,
    /// Offer the capacity overview beside the results (the view switch).
    pub capacity_view: bool,
    /// Offer the switch between offers and foster families.
    pub mode_switch: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config::from_json("{}")
    }
}

impl Config {
    /// Reads a configuration from JSON; anything unreadable gives the defaults.
    pub fn from_json(json: &str) -> Config {
        let raw: RawConfig = json::from_str(json).unwrap_or_default();
        Config {
            index_url: normalise_base(raw.index_url.as_deref().unwrap_or("index/")),
            lang: match raw.lang.as_deref() {
                Some(l) if l.to_ascii_lowercase().starts_with("en") => Lang::En,
                _ => Lang::Da,
            },
            mode: match raw.mode.as_deref() {
                Some("families") => Mode::FosterFamilies,
                _ => Mode::Offers,
            },
            preset_filters: raw
                .preset_filters
                .into_iter()
                .filter(|(f, v)| !f.is_empty() && !v.is_empty())
                .map(|(facet, value)| {
                    let value = place_code(&facet, &value).unwrap_or(value);
                    (facet, value)
                })
                .collect(),
            lock_presets: raw.lock_presets,
            heading_level: raw.heading_level.unwrap_or(1).clamp(1, 6),
            page_size: raw.page_size.unwrap_or(20).clamp(1, MAX_PAGE_SIZE),
            sync_url: raw.sync_url.unwrap_or(true),
            heading: raw
                .heading
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty()),
            capacity_view: raw.capacity_view.unwrap_or(true),
            mode_switch: raw.mode_switch.unwrap_or(true),
        }
    }

    /// This configuration with the settings of `next` that a running app can take as they come
    /// (what is drawn: the heading, its level, which switches show); the rest (index, language,
    /// mode, presets, page size, URL sync) decides how the app starts, so changing it remounts.
    pub fn with_live_settings(&self, next: &Config) -> Config {
        Config {
            heading: next.heading.clone(),
            heading_level: next.heading_level,
            capacity_view: next.capacity_view,
            mode_switch: next.mode_switch,
            ..self.clone()
        }
    }

    /// True when a running app with this configuration can take `next` without remounting.
    pub fn takes_live(&self, next: &Config) -> bool {
        self.with_live_settings(next) == *next
    }

    /// The app's top heading: the configured one, or the mode's own title.
    pub fn title(&self, mode: Mode) -> &str {
        match (&self.heading, mode) {
            (Some(heading), _) => heading,
            (None, Mode::Offers) => self.lang.texts().app_title_offers,
            (None, Mode::FosterFamilies) => self.lang.texts().app_title_families,
        }
    }

    /// The heading level `depth` below the app's top heading, capped at 6.
    pub fn heading(&self, depth: u8) -> u8 {
        (self.heading_level + depth).min(6)
    }
}

/// The code of a municipality or region preset given by name (`None`: not a place facet, or
/// already a code, or no such name; an unknown value is left for the index to reject).
fn place_code(facet: &str, value: &str) -> Option<String> {
    if facet == facets::MUNICIPALITY.name {
        vocab::municipality_by_name(value).map(|m| m.code.to_string())
    } else if facet == facets::REGION.name {
        Region::from_name(value).map(|r| r.code().to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_bounds() {
        let c = Config::from_json("null");
        assert_eq!(c.index_url, "index/");
        assert!(c.sync_url);
        let c = Config::from_json(
            r#"{"indexUrl":"https://x/idx","lang":"en","mode":"families","presetFilters":[["municipality","751"]],
                "lockPresets":true,"headingLevel":9,"pageSize":0,"syncUrl":false}"#,
        );
        assert_eq!(c.index_url, "https://x/idx/");
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.mode, Mode::FosterFamilies);
        assert_eq!(c.preset_filters.len(), 1);
        assert_eq!((c.heading_level, c.page_size, c.sync_url), (6, 1, false));
        assert_eq!(c.heading(2), 6);
        assert_eq!(
            (c.heading.as_deref(), c.capacity_view, c.mode_switch),
            (None, true, true)
        );
    }

    /// A key of another type (or out of its type's range) is its default, and only that key:
    /// the rest of the configuration still counts. What is not a JSON object gives the defaults.
    #[test]
    fn a_mistyped_key_is_its_default_alone() {
        let c = Config::from_json(
            r#"{"indexUrl":"https://x/idx","pageSize":"5","headingLevel":300,"lang":["en"],
                "presetFilters":[["municipality"]],"lockPresets":1,"syncUrl":null,"mode":"families",
                "heading":7,"capacityView":"no","modeSwitch":false,"unknown":{"a":[1,2]}}"#,
        );
        assert_eq!(c.index_url, "https://x/idx/");
        assert_eq!((c.page_size, c.heading_level, c.lang), (20, 1, Lang::Da));
        assert!(c.preset_filters.is_empty());
        assert!(!c.lock_presets);
        assert_eq!(c.mode, Mode::FosterFamilies);
        assert_eq!((c.sync_url, c.heading.as_deref()), (true, None));
        assert_eq!((c.capacity_view, c.mode_switch), (true, false));
        for not_an_object in ["[]", "\"x\"", "{\"indexUrl\":\"a\"", "", "{\"a\":1}x"] {
            assert_eq!(
                Config::from_json(not_an_object),
                Config::default(),
                "{not_an_object}"
            );
        }
    }

    #[test]
    fn places_are_taken_by_name_or_code() {
        let c = Config::from_json(
            r#"{"presetFilters":[["municipality","Gentofte Kommune"],["municipality","751"],
                ["region","Hovedstaden"],["region","Atlantis"],["target","Gentofte"]]}"#,
        );
        let pairs: Vec<(&str, &str)> = c
            .preset_filters
            .iter()
            .map(|(f, v)| (f.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("municipality", "157"),
                ("municipality", "751"),
                ("region", "1084"),
                ("region", "Atlantis"),
                ("target", "Gentofte"),
            ]
        );
    }

    #[test]
    fn only_what_is_drawn_is_taken_live() {
        let c = Config::from_json(r#"{"mode":"families","presetFilters":[["region","1084"]]}"#);
        let drawn = Config::from_json(
            r#"{"mode":"families","presetFilters":[["region","1084"]],"heading":" Plejefamilier ",
                "headingLevel":3,"capacityView":false,"modeSwitch":false}"#,
        );
        assert!(c.takes_live(&drawn));
        assert!(c.takes_live(&c));
        assert_eq!(drawn.title(Mode::Offers), "Plejefamilier");
        assert_eq!(c.title(Mode::Offers), c.lang.texts().app_title_offers);
        for starts_over in [
            r#"{"mode":"offers","presetFilters":[["region","1084"]]}"#,
            r#"{"mode":"families","presetFilters":[["region","1085"]]}"#,
            r#"{"mode":"families","presetFilters":[["region","1084"]],"lang":"en"}"#,
            r#"{"mode":"families","presetFilters":[["region","1084"]],"pageSize":5}"#,
        ] {
            assert!(
                !c.takes_live(&Config::from_json(starts_over)),
                "{starts_over}"
            );
        }
    }
}
