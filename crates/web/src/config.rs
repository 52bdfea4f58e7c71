//! The app's configuration: what the page or the widget passes to `mount`.
//!
//! A plain JS object, read through `JSON.stringify` and serde so that a missing or mistyped
//! key falls back to its default instead of failing the mount:
//! `{ indexUrl, lang, mode, presetFilters, lockPresets, headingLevel, pageSize, syncUrl }`.

use serde::Deserialize;
use tilbudsfinder_index::query::Mode;

use crate::i18n::Lang;
use crate::loader::normalise_base;

/// The most results one page shows.
pub const MAX_PAGE_SIZE: u32 = 100;

/// The configuration as given (camelCase keys), before defaults and bounds are applied.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawConfig {
    index_url: Option<String>,
    lang: Option<String>,
    mode: Option<String>,
    preset_filters: Vec<(String, String)>,
    lock_presets: bool,
    heading_level: Option<u8>,
    page_size: Option<u32>,
    sync_url: Option<bool>,
}

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
}

impl Default for Config {
    fn default() -> Config {
        Config::from_json("{}")
    }
}

impl Config {
    /// Reads a configuration from JSON; anything unreadable gives the defaults.
    pub fn from_json(json: &str) -> Config {
        let raw: RawConfig = serde_json::from_str(json).unwrap_or_default();
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
                .collect(),
            lock_presets: raw.lock_presets,
            heading_level: raw.heading_level.unwrap_or(1).clamp(1, 6),
            page_size: raw.page_size.unwrap_or(20).clamp(1, MAX_PAGE_SIZE),
            sync_url: raw.sync_url.unwrap_or(true),
        }
    }

    /// The heading level `depth` below the app's top heading, capped at 6.
    pub fn heading(&self, depth: u8) -> u8 {
        (self.heading_level + depth).min(6)
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
    }
}
