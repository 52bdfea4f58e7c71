//! The browser front end: a Yew app over the search index, mounted into any element.
//!
//! The page (`www/main.js`), the `<tilbuds-finder>` widget and the iframe page all call
//! [`mount`] with an element and a plain configuration object (see [`config`]). The app renders
//! only inside that element, styles only `tf-` classes, never sets inline styles (a strict CSP
//! forbids them) and touches the URL's query string only when `syncUrl` is on.
//!
//! Layout of the crate, following Yew's examples:
//! - [`state`]: the user's choices, one state type and one `Action` enum;
//! - [`url_state`]: those choices in the query string and back;
//! - [`loader`] and [`hooks`]: fetching the index, progress and plain-language errors;
//! - [`components`]: one component a file; they render the engine's answers and nothing more;
//! - [`shortlist`]: saved records, storage with an in-memory fallback, CSV export;
//! - [`i18n`]: every string, Danish first and English second;
//! - [`host_events`]: what the host page hears (`tilbudsfinder:ready`, `:results`, ...);
//! - [`parts`]: the widget's `::part()` names, by the class of the piece they name.
//!
//! The query logic lives in `tilbudsfinder-index`, tested natively; nothing here filters,
//! counts or sorts.

pub mod clipboard;
pub mod components;
pub mod config;
pub mod csv;
pub mod hooks;
pub mod host_events;
pub mod i18n;
pub mod instance;
pub mod links;
pub mod loader;
pub mod parts;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod report_error;
pub mod shortlist;
pub mod state;
pub mod url_state;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::components::app::{App, AppProps};
use crate::config::Config;

/// A mounted app; `update()` gives it a new configuration, `destroy()` removes it and frees
/// everything it holds.
#[wasm_bindgen]
pub struct AppHandle {
    inner: Option<yew::AppHandle<App>>,
    config: Rc<Config>,
}

#[wasm_bindgen]
impl AppHandle {
    /// Unmounts the app: its DOM, listeners and timers go; calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.inner.take() {
            handle.destroy();
        }
    }

    /// Gives the running app a new configuration object. Returns `true` when the app took it
    /// as it runs (unchanged, or changed only in what is drawn: see
    /// [`Config::with_live_settings`]), `false` when the change needs a fresh mount (another
    /// index, language, mode or presets), which the caller then does.
    pub fn update(&mut self, config: JsValue) -> Result<bool, JsError> {
        let next = read_config(&config)?;
        if !self.config.takes_live(&next) {
            return Ok(false);
        }
        if next != *self.config {
            self.config = Rc::new(next);
            if let Some(handle) = self.inner.as_mut() {
                handle.update(AppProps {
                    config: Rc::clone(&self.config),
                });
            }
        }
        Ok(true)
    }
}

/// The configuration object as a [`Config`]; anything unreadable gives the defaults.
fn read_config(config: &JsValue) -> Result<Config, JsError> {
    let json = if config.is_undefined() || config.is_null() {
        "{}".to_string()
    } else {
        js_sys::JSON::stringify(config)
            .map_err(|_| JsError::new("the configuration is not a plain object"))?
            .as_string()
            .unwrap_or_else(|| "{}".to_string())
    };
    Ok(Config::from_json(&json))
}

/// Mounts the search app into `element` with a configuration object (see [`config::Config`]).
/// `take_prefetched`, if given, is www/prefetch.js's `takePrefetched`: the index requests the
/// page started while the app was loading are taken from it (`loader::add_prefetcher`).
#[wasm_bindgen]
pub fn mount(
    element: web_sys::Element,
    config: JsValue,
    take_prefetched: Option<js_sys::Function>,
) -> Result<AppHandle, JsError> {
    let config = Rc::new(read_config(&config)?);
    if let Some(take) = take_prefetched {
        loader::add_prefetcher(take);
    }
    element.set_attribute("lang", config.lang.tag()).ok();
    let props = AppProps {
        config: Rc::clone(&config),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(AppHandle {
        inner: Some(handle),
        config,
    })
}

/// Today's date on the user's clock: freshness and pauses are judged by it.
#[cfg(target_arch = "wasm32")]
pub fn today() -> catalogue::Date {
    let now = js_sys::Date::new_0();
    catalogue::Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| catalogue::Date((js_sys::Date::now() / 86_400_000.0) as i32))
}

/// Today's date (UTC) where the app is rendered outside a browser: the build's prerendering
/// (`prerender`).
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> catalogue::Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    catalogue::Date(i32::try_from(seconds / 86_400).unwrap_or(i32::MAX))
}
