//! The page's first view, rendered by the build (`tilbudsfinder-page`, build/site) so that the
//! first results are in the HTML itself: on screen before any script runs, readable without
//! JavaScript and by search engines.
//!
//! It is Yew's server-side rendering of the very components the app draws once its index is
//! loaded ([`Prerendered`]: the search page for the empty query, over the same initial files the
//! app loads first), so the markup is defined once. The page's script mounts the app beside it
//! and, when the app is ready, puts the live app in its place in one frame (www/main.js): the
//! same markup, so nothing moves.

use std::rc::Rc;

use tilbudsfinder_index::{IndexError, Manifest, SearchIndex};
use yew::LocalServerRenderer;

use crate::components::app::{Prerendered, PrerenderedProps};
use crate::config::Config;
use crate::hooks::IndexRef;
use crate::loader::LoadedIndex;

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
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing");
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        LocalServerRenderer::<Prerendered>::with_props(props)
            .hydratable(false)
            .render()
            .await
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
