//! `use_url_sync`: keeps the search in the URL's query string and follows the back button.
//!
//! Typing replaces the current history entry once the user pauses ([`TYPING_PAUSE_MS`], the
//! latest text then; any other change writes it first); every other change pushes one at once,
//! so the back button undoes a ticked filter or a page turn. A history call costs a few ms on a
//! phone, and when it was made every keystroke it ran in the frames that paint the results
//! (issue 13: about 8 ms a key at 4× CPU throttling). `popstate` restores the state the URL describes. Only
//! the query string changes: the path and the fragment are the host page's.
//!
//! The shortlist's ids ride along in the same query string (`url_state::with_saved`), so the
//! address is always a link to the whole state; a change of the shortlist only replaces the
//! current entry (saving a record is not a step Back should undo), and so does a restored state,
//! whose older entry may name an older shortlist.

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::use_debounced::TYPING_PAUSE_MS;
use crate::hooks::IndexRef;
use crate::state::{Action, HistoryEntry, SearchState};
use crate::url_state;

/// The query string of the current page (`?…` or empty).
pub fn current_query() -> String {
    // Outside a browser (the build's prerendering) the page has no query: the default view.
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Syncs `state` and the shortlist's ids (`saved`) with the URL when `enabled`; a restored URL's
/// filters are vetted against `index`.
#[hook]
pub fn use_url_sync(
    enabled: bool,
    state: UseReducerHandle<SearchState>,
    index: IndexRef,
    saved: Vec<String>,
) {
    let saved_now = use_mut_ref(Vec::<String>::new);
    *saved_now.borrow_mut() = saved.clone();
    // Typing's replacements wait for a pause in typing (the latest state then): the browser's
    // history update is not made for every keystroke. `typed` is the state last typed, still to
    // be written when `pending`; `pause` the timer that writes it (a new keystroke restarts it).
    let typed = use_mut_ref(SearchState::default);
    let pending = use_mut_ref(|| false);
    let pause = use_mut_ref(|| None::<Timeout>);
    let write_typed = {
        let (typed, pending, saved_now) = (typed.clone(), pending.clone(), saved_now.clone());
        move || {
            if std::mem::replace(&mut *pending.borrow_mut(), false) {
                write_url(&typed.borrow(), &saved_now.borrow(), HistoryEntry::Replace);
            }
        }
    };
    {
        let saved_now = saved_now.clone();
        let (typed, pending) = (typed.clone(), pending.clone());
        let write_typed = write_typed.clone();
        use_effect_with((*state).clone(), move |current| {
            if !enabled {
                return;
            }
            if current.history == HistoryEntry::Replace {
                *typed.borrow_mut() = current.clone();
                *pending.borrow_mut() = true;
                // Replacing the timer cancels the one before it.
                *pause.borrow_mut() = Some(Timeout::new(TYPING_PAUSE_MS, write_typed));
            } else {
                // What was typed before this change gets its own entry first.
                write_typed();
                write_url(current, &saved_now.borrow(), current.history);
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(saved, move |saved| {
            if enabled {
                write_typed();
                write_url(&state, saved, HistoryEntry::Replace);
            }
        });
    }
    let dispatcher = state.dispatcher();
    use_effect_with(enabled, move |enabled| {
        let listener = if *enabled {
            web_sys::window().map(|window| {
                EventListener::new(&window, "popstate", move |_| {
                    // The entry went back: what was typed before is not written over it.
                    *pending.borrow_mut() = false;
                    let restored =
                        url_state::decode_known(&current_query(), &index.index.borrow()).state;
                    dispatcher.dispatch(Action::Restore(Box::new(restored)));
                })
            })
        } else {
            None
        };
        move || drop(listener)
    });
}

fn write_url(state: &SearchState, saved: &[String], entry: HistoryEntry) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let current = location.search().unwrap_or_default();
    let next = url_state::with_saved(&url_state::encode(state, &current), saved);
    if next == current {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{next}{hash}");
    let Ok(history) = window.history() else {
        return;
    };
    let null = wasm_bindgen::JsValue::NULL;
    // A refused history call (sandboxed frames) leaves the URL as it is; the search still works.
    let _ = match entry {
        HistoryEntry::Push => history.push_state_with_url(&null, "", Some(&url)),
        _ => history.replace_state_with_url(&null, "", Some(&url)),
    };
}
