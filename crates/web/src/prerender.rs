//! The page's first view, rendered by the build (`tilbudsfinder-page`, build/site) so that the
//! first results are in the HTML itself: on screen before any script runs, readable without
//! JavaScript and by search engines.
//!
//! It is Yew's server-side rendering of the very components the app draws once its index is
//! loaded ([`Prerendered`]: the search page for the empty query, over the same initial files the
//! app loads first), so the markup is defined once. The page's script mounts the app beside it
//! and, when the app is ready, puts the live app in its place in one frame (www/main.js): the
//! same markup, so nothing moves.
//!
//! [`fallback_snippet`] writes the other prerendered piece: the content a municipal editor puts
//! inside `<tilbuds-finder>` for a preset, shown until the widget has loaded and to visitors
//! without JavaScript (docs/embedding.md): the first results of that preset, each linking to
//! the record on the publisher's full search page, and a link to the whole search; and
//! [`widget_view`] the widget's own first view, which it shows until its app takes over.

use std::rc::Rc;

use tilbudsfinder_index::{IndexError, Manifest, SearchIndex};
use yew::LocalServerRenderer;

use catalogue::Date;
use tilbudsfinder_index::query::Mode;
use yew::prelude::*;

use crate::components::app::{Prerendered, PrerenderedProps};
use crate::config::Config;
use crate::hooks::IndexRef;
use crate::i18n::{self, Lang};
use crate::instance;
use crate::loader::LoadedIndex;
use crate::parts;
use crate::state::SearchState;
use crate::url_state;

/// Opens the index from its manifest and the files the first results need, read by `read`
/// (a file name of the manifest to its bytes), exactly as the app opens it in the browser;
/// with the names of those files.
pub fn open_initial(
    manifest: &[u8],
    read: impl Fn(&str) -> std::io::Result<Vec<u8>>,
) -> Result<(SearchIndex, Vec<String>), PrerenderError> {
    let manifest = Manifest::parse(manifest)?;
    let names = manifest.initial_files();
    let mut files = Vec::new();
    for name in &names {
        let bytes = read(name).map_err(|e| PrerenderError::Read(name.clone(), e))?;
        files.push((name.clone(), bytes));
    }
    Ok((SearchIndex::open(&manifest, files)?, names))
}

/// The markup of the app's first view for `config` over `index`.
pub fn first_view(config: Config, index: SearchIndex) -> String {
    let loaded = LoadedIndex::new(index, &config.index_url);
    let props = PrerenderedProps {
        config: Rc::new(config),
        index: IndexRef(Rc::new(loaded)),
    };
    render_static::<Prerendered>(props)
}

/// A widget's first view, for inside its `<tilbuds-finder>`: a declarative shadow root holding
/// the widget's stylesheet (under `site_url`, where widget.js is), the app's first view for
/// `config` as [`first_view`] renders it, and a slot for the element's own children (the
/// fallback list). The widget shows this view until its app is ready and then puts the app in
/// its place in one frame (www/widget.js): the same markup in the same box, so the host page
/// below does not move. The view is `hidden` and `inert`: the stylesheet shows it (so a
/// stylesheet that did not load leaves the fallback list, not unstyled markup), and nothing in
/// it takes input before the app does. Without scripting the stylesheet keeps it hidden and
/// the fallback list with its links shows.
///
/// The view's pieces carry their `part` names ([`crate::parts`]), as the live app's do, so a
/// host page's `::part()` styles reach the view from its first paint.
pub fn widget_view(config: Config, index: SearchIndex, site_url: &str) -> String {
    let lang = config.lang.tag();
    let view = parts::with_parts(&first_view(config, index));
    let stylesheet = attribute_text(&format!("{site_url}tilbudsfinder.css"));
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{stylesheet}\">\
         <div class=\"tf-widget tf-widget-view\" lang=\"{lang}\" hidden inert>{view}</div>\
         <div class=\"tf-widget-fallback\"><slot></slot></div></template>"
    )
}

/// `text` escaped for a double-quoted attribute value.
fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// One result of the fallback: its name, what it is, where, and its address on the full page.
#[derive(Clone, PartialEq)]
struct FallbackItem {
    name: AttrValue,
    label: AttrValue,
    href: AttrValue,
}

#[derive(Properties, PartialEq)]
struct FallbackProps {
    lang: Lang,
    found: AttrValue,
    items: Vec<FallbackItem>,
    all_href: AttrValue,
}

/// The fallback's markup: plain elements and the host page's own styles (it lives in the host
/// page, outside the widget's shadow root).
#[function_component(Fallback)]
fn fallback(props: &FallbackProps) -> Html {
    html! {
        <div class="tilbudsfinder-fallback" lang={props.lang.tag()}>
            <p>{ props.found.clone() }</p>
            <ul>
                { for props.items.iter().map(|item| html! {
                    <li><a href={item.href.clone()}>{ item.name.clone() }</a>{ ", " }{ item.label.clone() }</li>
                }) }
            </ul>
            <p><a href={props.all_href.clone()}>{ i18n::page(props.lang).fallback_all }</a></p>
        </div>
    }
}

/// The fallback snippet for the preset in `config` (its mode, filters, language and page size),
/// with links into the full search page at `page_url`; or the presets the index does not know.
pub fn fallback_snippet(
    config: &Config,
    index: &SearchIndex,
    page_url: &str,
    today: Date,
) -> Result<String, Vec<(String, String)>> {
    let mut filters = config.preset_filters.clone();
    url_state::vet_filters(&mut filters, config.mode, index);
    let unknown: Vec<(String, String)> = config
        .preset_filters
        .iter()
        .filter(|f| !filters.contains(f))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let state = SearchState {
        mode: config.mode,
        filters,
        ..SearchState::default()
    };
    let results = index.search(&state.to_query(&[], None, today, config.page_size));
    let link = |query: String| AttrValue::from(format!("{page_url}{query}"));
    // The full page in the fallback's language.
    let keep = match config.lang {
        Lang::Da => "",
        Lang::En => "?lang=en",
    };
    let items = results
        .hits
        .iter()
        .filter_map(|hit| index.card(hit.doc))
        .map(|card| FallbackItem {
            label: AttrValue::from(match card.mode {
                // A family's label names its type, town, ages and id (families share names).
                Mode::FosterFamilies => i18n::record_label(config.lang, &card),
                Mode::Offers => format!(
                    "{}, {} {}",
                    i18n::card_kind(config.lang, &card),
                    card.postal_code,
                    card.city
                ),
            }),
            href: link(url_state::record_link(&state, &card.id, keep)),
            name: AttrValue::from(card.name),
        })
        .collect();
    let props = FallbackProps {
        lang: config.lang,
        found: AttrValue::from(i18n::found(config.lang, state.mode, results.total)),
        items,
        all_href: link(url_state::encode(&state, keep)),
    };
    Ok(render_static::<Fallback>(props))
}

/// Renders a component to static HTML, outside a browser. Every app it draws is numbered as
/// prerendered ([`instance::PRERENDERED`]), so that its ids differ from those of the app that
/// loads beside it in the browser.
fn render_static<C: BaseComponent>(props: C::Properties) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing");
    let local = tokio::task::LocalSet::new();
    instance::prerendering(|| {
        local.block_on(&runtime, async move {
            LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render()
                .await
        })
    })
}

/// Why the first view could not be rendered.
#[derive(Debug)]
pub enum PrerenderError {
    /// An index file could not be read.
    Read(String, std::io::Error),
    /// The index rejected its files.
    Index(IndexError),
}

impl From<IndexError> for PrerenderError {
    fn from(e: IndexError) -> PrerenderError {
        PrerenderError::Index(e)
    }
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrerenderError::Read(name, e) => write!(f, "cannot read the index file {name}: {e}"),
            PrerenderError::Index(e) => write!(f, "the index cannot be opened: {e}"),
        }
    }
}

impl std::error::Error for PrerenderError {}

#[cfg(test)]
mod tests {
    use super::attribute_text;

    #[test]
    fn the_stylesheet_address_cannot_leave_its_attribute() {
        assert_eq!(
            attribute_text("https://x.dk/a?b=1&c=\"><script>"),
            "https://x.dk/a?b=1&amp;c=&quot;>&lt;script>"
        );
        assert_eq!(attribute_text("../"), "../");
    }
}
