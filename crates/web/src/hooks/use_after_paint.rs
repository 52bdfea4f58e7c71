//! `use_after_paint`: a value that follows another one frame later, so that what the user
//! touched is painted before the work it causes.
//!
//! A keystroke in the search box changes the page's state at once, and the box repaints with
//! the typed letter in the next frame; the search and the results (the costly render: cards,
//! facet counts, layout) follow from this hook's value, which takes the latest state right after
//! that frame is painted. This is not a debounce: nothing waits for the user to pause, every
//! state is answered one frame after it is typed, and keys typed faster than frames are answered
//! together by the latest state (nothing is queued behind the input). The trace behind it: the
//! keystroke's handler ran the search and rendered the whole result area before the box could
//! repaint (issue 13, BENCHMARKS.md).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Work waiting for its turn; taken (and run) once.
type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// If the frame never comes (a throttled hidden frame), the value follows after this long.
const FALLBACK_MS: u32 = 100;

/// `value` as it was when the last frame was painted: it takes every new value right after the
/// next paint. With `at_once`, it takes `value` in this render (for a change that was itself
/// made after a paint, such as the search box's text, [`crate::components::search_box`]).
#[hook]
pub fn use_after_paint<T>(value: T, at_once: bool) -> T
where
    T: Clone + PartialEq + 'static,
{
    let shown = use_mut_ref(|| value.clone());
    let latest = use_mut_ref(|| value.clone());
    let pending = use_mut_ref(|| false);
    let rerender = use_force_update();
    *latest.borrow_mut() = value.clone();
    if at_once {
        *shown.borrow_mut() = value.clone();
    }
    {
        let shown = Rc::clone(&shown);
        use_effect_with(value, move |value| {
            if *value != *shown.borrow() && !*pending.borrow() {
                *pending.borrow_mut() = true;
                after_next_paint(move || {
                    *pending.borrow_mut() = false;
                    let latest = latest.borrow().clone();
                    if latest != *shown.borrow() {
                        *shown.borrow_mut() = latest;
                        rerender.force_update();
                    }
                });
            }
        });
    }
    let shown = shown.borrow().clone();
    shown
}

/// Runs `work` once, in a task right after the next frame is painted (an animation frame, then a
/// zero timeout, which runs after that frame's paint), or after [`FALLBACK_MS`] if no frame
/// comes.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let work: Pending = Rc::new(RefCell::new(Some(Box::new(work))));
    let run = {
        let work = Rc::clone(&work);
        move || {
            if let Some(work) = work.borrow_mut().take() {
                work();
            }
        }
    };
    let fallback = Rc::new(Cell::new(None::<Timeout>));
    let in_frame = {
        let run = run.clone();
        let fallback = Rc::clone(&fallback);
        move || {
            if let Some(timer) = fallback.take() {
                timer.cancel();
            }
            Timeout::new(0, run).forget();
        }
    };
    let requested = web_sys::window().and_then(|window| {
        let callback = Closure::once_into_js(in_frame);
        window
            .request_animation_frame(callback.unchecked_ref())
            .ok()
    });
    if requested.is_some() {
        fallback.set(Some(Timeout::new(FALLBACK_MS, run)));
    } else {
        run();
    }
}
