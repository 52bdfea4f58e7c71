//! `use_index`: loads the index once per index URL and reports progress, readiness or failure.
//!
//! The first results need only the manifest and the initial files; the deferred ones (the
//! description text) are fetched after the first results are on screen, and the state's
//! `version` goes up when they arrive so that the search runs again with them.

use std::cell::Cell;
use std::ops::Deref;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::loader::{load_deferred, load_index, LoadError, LoadedIndex};

/// The loaded index, compared by identity (it is never cloned, only shared).
#[derive(Clone)]
pub struct IndexRef(pub Rc<LoadedIndex>);

impl PartialEq for IndexRef {
    fn eq(&self, other: &IndexRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for IndexRef {
    type Target = LoadedIndex;
    fn deref(&self) -> &LoadedIndex {
        &self.0
    }
}

/// Where loading stands.
#[derive(Clone, PartialEq)]
pub enum LoadState {
    /// Fetching: `done` of `total` initial files (`total` is 0 until the manifest is read).
    Loading { done: usize, total: usize },
    /// Ready to search.
    Ready {
        index: IndexRef,
        /// Goes up when deferred files are added, so searches run again.
        version: u32,
        /// Deferred files still on their way.
        deferred_pending: bool,
        /// Deferred files failed: searching descriptions will not work.
        deferred_error: Option<LoadError>,
    },
    /// Could not load.
    Failed(LoadError),
}

/// What the loader reports.
pub enum LoadAction {
    Progress(usize, usize),
    Ready(IndexRef),
    DeferredDone(Option<LoadError>),
    Failed(LoadError),
}

impl Reducible for LoadState {
    type Action = LoadAction;

    fn reduce(self: Rc<Self>, action: LoadAction) -> Rc<Self> {
        let next = match (action, (*self).clone()) {
            (LoadAction::Progress(done, total), LoadState::Loading { .. }) => {
                LoadState::Loading { done, total }
            }
            (LoadAction::Ready(index), _) => LoadState::Ready {
                index,
                version: 0,
                deferred_pending: true,
                deferred_error: None,
            },
            (LoadAction::DeferredDone(error), LoadState::Ready { index, version, .. }) => {
                LoadState::Ready {
                    index,
                    version: version + 1,
                    deferred_pending: false,
                    deferred_error: error,
                }
            }
            (LoadAction::Failed(e), _) => LoadState::Failed(e),
            (_, unchanged) => unchanged,
        };
        Rc::new(next)
    }
}

/// Loads the index at `base_url` (ending in `/`).
#[hook]
pub fn use_index(base_url: &str) -> LoadState {
    let state = use_reducer(|| LoadState::Loading { done: 0, total: 0 });
    let dispatcher = state.dispatcher();
    use_effect_with(base_url.to_string(), move |url| {
        let alive = Rc::new(Cell::new(true));
        let url = url.clone();
        let still = Rc::clone(&alive);
        spawn_local(async move {
            let progress = {
                let dispatcher = dispatcher.clone();
                let still = Rc::clone(&still);
                move |done, total| {
                    if still.get() {
                        dispatcher.dispatch(LoadAction::Progress(done, total));
                    }
                }
            };
            let loaded = match load_index(&url, progress).await {
                Ok(loaded) => IndexRef(Rc::new(loaded)),
                Err(e) => {
                    if still.get() {
                        dispatcher.dispatch(LoadAction::Failed(e));
                    }
                    return;
                }
            };
            if !still.get() {
                return;
            }
            dispatcher.dispatch(LoadAction::Ready(loaded.clone()));
            // Let the first results paint before fetching what they do not need.
            gloo_timers::future::TimeoutFuture::new(50).await;
            if !still.get() {
                return;
            }
            let result = load_deferred(&loaded).await;
            if still.get() {
                dispatcher.dispatch(LoadAction::DeferredDone(result.err()));
            }
        });
        move || alive.set(false)
    });
    (*state).clone()
}
