//! `tilbudsfinder-page SITE`: finishes the site's page (`SITE/index.html`, copied from
//! www/index.html) over the index built into `SITE/index/`:
//!
//! - between `<!-- tf:preload-index -->` and `<!-- /tf:preload-index -->`, a preload hint for
//!   each file the first results need (`Manifest::initial_files`), so they download while the
//!   app does;
//! - between `<!-- tf:prerender -->` and `<!-- /tf:prerender -->`, the app's first view
//!   (the search page for the empty query: the first cards and every facet with its counts),
//!   rendered by the app's own components (`prerender`), so results are in the first paint and
//!   readable without JavaScript.
//!
//! `tilbudsfinder-page --fallback SITE PAGE_URL [--mode families] [--lang en] [--count N]
//! [--filter FACET=VALUE]...` prints instead the fallback for a widget with those presets
//! (docs/embedding.md): what a municipal editor puts inside `<tilbuds-finder>`, so visitors see
//! the first results before the widget has loaded and without JavaScript, each linking to the
//! record on the full search page at PAGE_URL. Municipalities and regions may be given by name.
//!
//! `tilbudsfinder-page SITE PAGE...` also finishes each further PAGE (a path inside the site,
//! e.g. `demo/kommune.html`, the demo municipal page): each `<!-- tf:fallback OPTIONS -->` …
//! `<!-- /tf:fallback -->` inside a `<tilbuds-finder>` gets the fallback for OPTIONS (the
//! `--fallback` options, which repeat the widget's presets), linking to the site's page. The
//! widget shows its fallback while it loads, so its first results are in the first paint too.
//!
//! The marks stay, so the page can be finished again over another index (a site whose index is
//! replaced, as the robustness tests do). The page's configuration is read from the template itself (the `data-config` attribute of
//! the element the app mounts into), the same object www/main.js hands to `mount`, so the
//! prerendered view and the live app are drawn from one configuration.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tilbudsfinder_index::SearchIndex;
use tilbudsfinder_web::config::Config;
use tilbudsfinder_web::prerender;

const PRELOAD_START: &str = "<!-- tf:preload-index -->";
const PRELOAD_END: &str = "<!-- /tf:preload-index -->";
const PRERENDER_START: &str = "<!-- tf:prerender -->";
const PRERENDER_END: &str = "<!-- /tf:prerender -->";
const CONFIG_ATTRIBUTE: &str = "data-config='";
const FALLBACK_START: &str = "<!-- tf:fallback ";
const FALLBACK_START_CLOSE: &str = " -->";
const FALLBACK_END: &str = "<!-- /tf:fallback -->";

const USAGE: &str = "usage: tilbudsfinder-page SITE_DIR [PAGE_WITH_WIDGETS]...\n       tilbudsfinder-page --fallback SITE_DIR PAGE_URL [--mode families] [--lang en] [--count N] [--filter FACET=VALUE]...\n         [--view [--heading-level N] [--locked] [--no-capacity] [--no-mode-switch]]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.as_slice() {
        [site, pages @ ..] if !site.starts_with('-') => finish_site(Path::new(site), pages),
        [flag, site, page_url, options @ ..] if flag == "--fallback" => {
            fallback(Path::new(site), page_url, options)
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tilbudsfinder-page: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The site's page (its path and text), its configuration, and its index opened from the files
/// the first results need (with their names): what both the page and the fallback are made of.
struct Site {
    page_path: PathBuf,
    page: String,
    config: Config,
    index: SearchIndex,
    initial: Vec<String>,
    index_dir: PathBuf,
    manifest: Vec<u8>,
}

impl Site {
    fn open(site: &Path) -> Result<Site, String> {
        let page_path = site.join("index.html");
        let page = std::fs::read_to_string(&page_path)
            .map_err(|e| format!("cannot read {}: {e}", page_path.display()))?;
        let config_json = page_config(&page).ok_or_else(|| {
            format!(
                "{} has no {CONFIG_ATTRIBUTE}…' attribute",
                page_path.display()
            )
        })?;
        let config = Config::from_json(config_json);
        if config.index_url.contains("://") || config.index_url.starts_with('/') {
            return Err(format!(
                "the page's index ({}) must be a relative path inside the site",
                config.index_url
            ));
        }
        let index_dir: PathBuf = site.join(&config.index_url);
        let manifest_path = index_dir.join("manifest.json");
        let manifest = std::fs::read(&manifest_path)
            .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
        let (index, initial) =
            prerender::open_initial(&manifest, |name| std::fs::read(index_dir.join(name)))
                .map_err(|e| e.to_string())?;
        Ok(Site {
            page_path,
            page,
            config,
            index,
            initial,
            index_dir,
            manifest,
        })
    }

    /// The index opened afresh (a view's rendering consumes its index).
    fn reopen(&self) -> Result<SearchIndex, String> {
        prerender::open_initial(&self.manifest, |name| {
            std::fs::read(self.index_dir.join(name))
        })
        .map(|(index, _)| index)
        .map_err(|e| e.to_string())
    }
}

/// Finishes the site's page and each page with widgets, over the index opened once.
fn finish_site(site_dir: &Path, pages: &[String]) -> Result<(), String> {
    let site = Site::open(site_dir)?;
    finish_widget_pages(site_dir, &site, pages)?;
    finish_page(site)
}

fn finish_page(site: Site) -> Result<(), String> {
    let Site {
        page_path,
        page,
        config,
        index,
        initial,
        ..
    } = site;
    let hints = preload_hints(&config.index_url, &initial);
    let view = prerender::first_view(config, index);
    let page = replace_between(&page, PRELOAD_START, PRELOAD_END, &hints).ok_or_else(|| {
        format!(
            "{} has no {PRELOAD_START} … {PRELOAD_END}",
            page_path.display()
        )
    })?;
    let page = replace_between(
        &page,
        PRERENDER_START,
        PRERENDER_END,
        &format!("<div class=\"tf-prerendered\">{view}</div>"),
    )
    .ok_or_else(|| {
        format!(
            "{} has no {PRERENDER_START} … {PRERENDER_END}",
            page_path.display()
        )
    })?;
    std::fs::write(&page_path, page)
        .map_err(|e| format!("cannot write {}: {e}", page_path.display()))
}

/// A preload hint for each of the index's initial files, under `index_url` (as the page that
/// holds the hints sees the index).
fn preload_hints(index_url: &str, initial: &[String]) -> String {
    initial
        .iter()
        .map(|name| {
            format!("<link rel=\"preload\" href=\"{index_url}{name}\" as=\"fetch\" crossorigin>")
        })
        .collect()
}

/// Prints the fallback snippet for the presets in `options`.
fn fallback(site: &Path, page_url: &str, options: &[String]) -> Result<(), String> {
    let widget = fallback_config(options)?;
    let site = Site::open(site)?;
    println!("{}", widget_snippet(&site, widget, page_url)?);
    Ok(())
}

/// A widget as the `--fallback` options describe it: its configuration, and whether its first
/// view is prerendered too (`--view`).
struct Widget {
    config: Config,
    view: bool,
}

/// What goes inside `<tilbuds-finder>`: the fallback list and, with `--view`, the widget's
/// first view in a declarative shadow root.
fn widget_snippet(site: &Site, widget: Widget, page_url: &str) -> Result<String, String> {
    let list = fallback_snippet(site, &widget.config, page_url)?;
    if !widget.view {
        return Ok(list);
    }
    // The site's files (the widget's stylesheet beside widget.js), seen from the page.
    let site_url = &page_url[..page_url.rfind('/').map_or(0, |at| at + 1)];
    let view = prerender::widget_view(widget.config, site.reopen()?, site_url);
    Ok(format!("{view}{list}"))
}

/// An option's whole-number value, from `min` to `max`.
fn number_in<T>(option: &str, value: &str, min: T, max: T) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    value
        .parse()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| format!("{option} takes {min} to {max}, not {value}"))
}

/// The widget the `--fallback` options describe. Besides the presets, the options that change
/// how its first view looks (`--heading-level N`, `--locked`, `--no-capacity`,
/// `--no-mode-switch`, as the widget's attributes of those names) matter with `--view`.
fn fallback_config<S: AsRef<str>>(options: &[S]) -> Result<Widget, String> {
    let mut mode = "offers";
    let mut lang = "da";
    let mut count = 10u32;
    let mut heading_level = 2u8;
    let mut filters: Vec<(String, String)> = Vec::new();
    let (mut view, mut locked, mut capacity, mut mode_switch) = (false, false, true, true);
    let mut rest = options.iter().map(AsRef::as_ref);
    while let Some(option) = rest.next() {
        // The options without a value.
        let flag = match option {
            "--view" => Some((&mut view, true)),
            "--locked" => Some((&mut locked, true)),
            "--no-capacity" => Some((&mut capacity, false)),
            "--no-mode-switch" => Some((&mut mode_switch, false)),
            _ => None,
        };
        if let Some((flag, set)) = flag {
            *flag = set;
            continue;
        }
        let value = rest
            .next()
            .ok_or_else(|| format!("{option} needs a value\n{USAGE}"))?;
        match option {
            "--mode" if value == "offers" || value == "families" => mode = value,
            "--lang" if value == "da" || value == "en" => lang = value,
            "--count" => count = number_in(option, value, 1, 50)?,
            "--heading-level" => heading_level = number_in(option, value, 1, 6)?,
            "--filter" => {
                let (facet, wanted) = value
                    .split_once('=')
                    .ok_or_else(|| format!("--filter takes FACET=VALUE, not {value}"))?;
                filters.push((facet.trim().to_string(), wanted.trim().to_string()));
            }
            _ => {
                return Err(format!(
                    "unknown option or value: {option} {value}\n{USAGE}"
                ))
            }
        }
    }
    // The widget's configuration as www/widget.js hands it to `mount`.
    let config = Config::from_json(
        &serde_json::json!({
            "mode": mode, "lang": lang, "pageSize": count, "presetFilters": filters,
            "lockPresets": locked, "headingLevel": heading_level, "capacityView": capacity,
            "modeSwitch": mode_switch, "syncUrl": false,
        })
        .to_string(),
    );
    Ok(Widget { config, view })
}

/// The fallback for `config` over the site's index, linking to `page_url`.
fn fallback_snippet(site: &Site, config: &Config, page_url: &str) -> Result<String, String> {
    prerender::fallback_snippet(config, &site.index, page_url, tilbudsfinder_web::today()).map_err(
        |unknown| {
            let named: Vec<String> = unknown.iter().map(|(f, v)| format!("{f}={v}")).collect();
            format!("the index knows no such filter: {}", named.join(", "))
        },
    )
}

/// Writes the fallback of every `tf:fallback` mark in each page (paths inside `site`).
fn finish_widget_pages(site_dir: &Path, opened: &Site, pages: &[String]) -> Result<(), String> {
    for page in pages {
        let path = site_dir.join(page);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        // The site's page, seen from this one.
        let up = "../".repeat(Path::new(page).components().count().saturating_sub(1));
        let page_url = format!("{up}index.html");
        let finished = fill_fallbacks(&text, |options| {
            let options: Vec<&str> = options.split_whitespace().collect();
            widget_snippet(opened, fallback_config(&options)?, &page_url)
        })
        .map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, finished)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// `text` with what stands between each `<!-- tf:fallback OPTIONS -->` and the next
/// `<!-- /tf:fallback -->` replaced by `snippet(OPTIONS)` (the marks kept).
fn fill_fallbacks(
    text: &str,
    mut snippet: impl FnMut(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut marks = 0;
    while let Some(at) = rest.find(FALLBACK_START) {
        let after = &rest[at + FALLBACK_START.len()..];
        let close = after
            .find(FALLBACK_START_CLOSE)
            .ok_or("a tf:fallback mark is not closed")?;
        let options = &after[..close];
        let body = &after[close + FALLBACK_START_CLOSE.len()..];
        let end = body
            .find(FALLBACK_END)
            .ok_or("a tf:fallback mark has no <!-- /tf:fallback -->")?;
        out.push_str(&rest[..at + FALLBACK_START.len() + close + FALLBACK_START_CLOSE.len()]);
        out.push_str(&snippet(options)?);
        rest = &body[end..];
        marks += 1;
    }
    if marks == 0 {
        return Err("no <!-- tf:fallback … --> marks".to_string());
    }
    out.push_str(rest);
    Ok(out)
}

/// The JSON in `data-config='…'`.
fn page_config(page: &str) -> Option<&str> {
    let start = page.find(CONFIG_ATTRIBUTE)? + CONFIG_ATTRIBUTE.len();
    let len = page[start..].find('\'')?;
    Some(&page[start..start + len])
}

/// `text` with everything from `start` to `end` (both kept) replaced by `with`.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(format!("{}{with}{}", &text[..from], &text[to..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallbacks_fill_between_their_marks_and_keep_them() {
        let page = "<a><!-- tf:fallback --count 2 -->old<!-- /tf:fallback --></a>\
                    <b><!-- tf:fallback --mode families -->x<!-- /tf:fallback --></b>";
        let filled = fill_fallbacks(page, |o| Ok(format!("[{o}]"))).unwrap();
        assert_eq!(
            filled,
            "<a><!-- tf:fallback --count 2 -->[--count 2]<!-- /tf:fallback --></a>\
             <b><!-- tf:fallback --mode families -->[--mode families]<!-- /tf:fallback --></b>"
        );
        // Finishing again gives the same page.
        assert_eq!(
            fill_fallbacks(&filled, |o| Ok(format!("[{o}]"))).unwrap(),
            filled
        );
    }

    #[test]
    fn a_broken_or_missing_mark_is_an_error() {
        let ok = |o: &str| Ok(o.to_string());
        assert!(fill_fallbacks("<!-- tf:fallback --count 2 -->", ok).is_err());
        assert!(fill_fallbacks("<!-- tf:fallback --count 2", ok).is_err());
        assert!(fill_fallbacks("<p>no marks</p>", ok).is_err());
        assert!(fallback_config(&["--count", "0"]).is_err());
        assert!(fallback_config(&["--mode"]).is_err());
        assert!(fallback_config(&["--heading-level", "7"]).is_err());
        let widget = fallback_config(&["--view", "--locked", "--count", "5"]).unwrap();
        assert!(widget.view && widget.config.lock_presets && !widget.config.sync_url);
        assert_eq!(widget.config.page_size, 5);
    }
}
