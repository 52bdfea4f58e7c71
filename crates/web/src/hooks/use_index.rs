//! `use_index`: loads the index once per index URL and reports progress, readiness or failure.
//!
//! The first results need only the manifest and the initial files; the deferred ones (the
//! description text) are fetched after the first results are on screen, and the state's
//! `version` goes up when they arrive so that the search runs again with them.
//!
//! Several apps on one page (two widgets, say) share one loaded index per URL: the files are
//! downloaded and opened once, and the deferred files added once. The page keeps only a weak
//! reference, so when the last app using an index is destroyed, the index is freed.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::{Rc, Weak};

use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
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
    /// Fetching: `done` of `total` bytes of the initial files (`total` is 0 until the manifest
    /// is read).
    Loading { done: u64, total: u64 },
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
    Progress(u64, u64),
    /// Trying again after a failure: loading from the start.
    Restart,
    /// Trying the deferred files again.
    DeferredRetry,
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
            (LoadAction::Restart, _) => LoadState::Loading { done: 0, total: 0 },
            (LoadAction::DeferredRetry, LoadState::Ready { index, version, .. }) => {
                LoadState::Ready {
                    index,
                    version,
                    deferred_pending: true,
                    deferred_error: None,
                }
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

type SharedLoad = Shared<LocalBoxFuture<'static, Result<IndexRef, LoadError>>>;
type SharedDeferred = Shared<LocalBoxFuture<'static, Option<LoadError>>>;

/// An index this page has loaded or is loading.
enum PageIndex {
    Loading(SharedLoad),
    Ready {
        index: Weak<LoadedIndex>,
        deferred: SharedDeferred,
    },
}

thread_local! {
    /// The indexes of this page, by base URL.
    static PAGE_INDEXES: RefCell<HashMap<String, PageIndex>> = RefCell::new(HashMap::new());
}

/// The index at `url`, loaded once for the whole page; `progress` hears only the first loader.
async fn load_shared(
    url: String,
    progress: impl Fn(u64, u64) + 'static,
) -> Result<(IndexRef, SharedDeferred), LoadError> {
    enum Found {
        Ready(IndexRef, SharedDeferred),
        Loading(SharedLoad),
    }
    let found = PAGE_INDEXES.with(|pages| match pages.borrow().get(&url) {
        Some(PageIndex::Ready { index, deferred }) => index
            .upgrade()
            .map(|rc| Found::Ready(IndexRef(rc), deferred.clone())),
        Some(PageIndex::Loading(load)) => Some(Found::Loading(load.clone())),
        None => None,
    });
    let load = match found {
        Some(Found::Ready(index, deferred)) => return Ok((index, deferred)),
        Some(Found::Loading(load)) => load,
        None => {
            let target = url.clone();
            let load: SharedLoad = async move {
                load_index(&target, progress)
                    .await
                    .map(|loaded| IndexRef(Rc::new(loaded)))
            }
            .boxed_local()
            .shared();
            PAGE_INDEXES.with(|pages| {
                pages
                    .borrow_mut()
                    .insert(url.clone(), PageIndex::Loading(load.clone()))
            });
            load
        }
    };
    let result = load.await;
    PAGE_INDEXES.with(|pages| {
        let mut pages = pages.borrow_mut();
        match result {
            // A failure is not remembered: the next app to mount tries again.
            Err(e) => {
                pages.remove(&url);
                Err(e)
            }
            Ok(index) => {
                if let Some(PageIndex::Ready {
                    index: weak,
                    deferred,
                }) = pages.get(&url)
                {
                    if let Some(rc) = weak.upgrade() {
                        return Ok((IndexRef(rc), deferred.clone()));
                    }
                }
                let deferred = deferred_load(index.clone());
                pages.insert(
                    url.clone(),
                    PageIndex::Ready {
                        index: Rc::downgrade(&index.0),
                        deferred: deferred.clone(),
                    },
                );
                Ok((index, deferred))
            }
        }
    })
}

/// Fetches the deferred files of `index`, once, for every app that awaits it.
fn deferred_load(index: IndexRef) -> SharedDeferred {
    async move {
        // Let the first results paint before fetching what they do not need.
        gloo_timers::future::TimeoutFuture::new(50).await;
        load_deferred(&index).await.err()
    }
    .boxed_local()
    .shared()
}

/// Fetches the deferred files of the page's index at `url` again (after they failed), for
/// every app on the page that asks from now on.
fn retry_deferred(url: &str, index: &IndexRef) -> SharedDeferred {
    let deferred = deferred_load(index.clone());
    PAGE_INDEXES.with(|pages| {
        pages.borrow_mut().insert(
            url.to_string(),
            PageIndex::Ready {
                index: Rc::downgrade(&index.0),
                deferred: deferred.clone(),
            },
        )
    });
    deferred
}

/// The index's load state and a callback that tries again what failed: the whole load, or the
/// deferred files.
pub struct IndexLoad {
    pub state: LoadState,
    pub retry: Callback<()>,
}

/// Loads the index at `base_url` (ending in `/`).
#[hook]
pub fn use_index(base_url: &str) -> IndexLoad {
    let state = use_reducer(|| LoadState::Loading { done: 0, total: 0 });
    // Goes up on every retry of a failed load, which runs the loading effect again.
    let attempt = use_state(|| 0u32);
    let retry = {
        let state = state.clone();
        let attempt = attempt.clone();
        let url = base_url.to_string();
        Callback::from(move |()| match &*state {
            LoadState::Failed(_) => {
                state.dispatch(LoadAction::Restart);
                attempt.set(*attempt + 1);
            }
            LoadState::Ready {
                index,
                deferred_error: Some(_),
                ..
            } => {
                state.dispatch(LoadAction::DeferredRetry);
                let deferred = retry_deferred(&url, index);
                let dispatcher = state.dispatcher();
                spawn_local(async move {
                    dispatcher.dispatch(LoadAction::DeferredDone(deferred.await));
                });
            }
            _ => {}
        })
    };
    let dispatcher = state.dispatcher();
    use_effect_with((base_url.to_string(), *attempt), move |(url, _)| {
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
            let (loaded, deferred) = match load_shared(url, progress).await {
                Ok(found) => found,
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
            dispatcher.dispatch(LoadAction::Ready(loaded));
            let error = deferred.await;
            if still.get() {
                dispatcher.dispatch(LoadAction::DeferredDone(error));
            }
        });
        move || alive.set(false)
    });
    IndexLoad {
        state: (*state).clone(),
        retry,
    }
}
