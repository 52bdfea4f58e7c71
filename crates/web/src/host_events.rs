//! What the page around the app hears: `CustomEvent`s that bubble and cross shadow roots
//! (`composed`), so a host page listens on the `<tilbuds-finder>` element (or any ancestor)
//! exactly as on a built-in element, and sees that element as the event's target.
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | [`READY`] | the index is loaded and the search shown | `null` |
//! | [`ERROR`] | the index (or part of it) could not be loaded | the sentence shown, a string |
//! | [`RESULTS`] | the number of matches changed (and once when ready) | the count, a number |
//! | [`OPEN`] | a record's detail was opened | the record's catalogue id, a string |
//!
//! The widget (`www/widget.js`) fires `ERROR` itself when the app cannot load at all.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};
use yew::prelude::*;

/// The index is loaded and the search is shown.
pub const READY: &str = "tilbudsfinder:ready";
/// Loading failed; `detail` is the message the user sees.
pub const ERROR: &str = "tilbudsfinder:error";
/// The result count changed; `detail` is the new count.
pub const RESULTS: &str = "tilbudsfinder:results";
/// A record was opened; `detail` is its catalogue id.
pub const OPEN: &str = "tilbudsfinder:open";

/// Dispatches event `name` from the element behind `from` (nothing if it is not rendered).
pub fn emit(from: &NodeRef, name: &str, detail: &JsValue) {
    let Some(target) = from.get() else { return };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Tells the host page that the search is ready, how many records match whenever that
/// changes, which record is opened, and when deferred parts of the index failed to load.
#[hook]
pub fn use_host_events(
    root: NodeRef,
    total: u32,
    open_record: Option<String>,
    deferred_error: Option<AttrValue>,
) {
    // Declared first, so `ready` comes before the first `results`.
    {
        let root = root.clone();
        use_effect_with((), move |_| emit(&root, READY, &JsValue::NULL));
    }
    {
        let root = root.clone();
        use_effect_with(total, move |total| {
            emit(&root, RESULTS, &JsValue::from(*total))
        });
    }
    {
        let root = root.clone();
        use_effect_with(open_record, move |id| {
            if let Some(id) = id {
                emit(&root, OPEN, &JsValue::from_str(id));
            }
        });
    }
    use_effect_with(deferred_error, move |error| {
        if let Some(error) = error {
            emit(&root, ERROR, &JsValue::from_str(error));
        }
    });
}
