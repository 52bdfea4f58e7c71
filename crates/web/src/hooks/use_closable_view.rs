//! `use_closable_view`: what every view opened over the results shares (the detail, the
//! comparison, "write to all"): when it opens, or shows another record (`key`), keyboard and
//! screen-reader users start at its heading; Escape closes it.

use web_sys::HtmlElement;
use yew::prelude::*;

/// The view's heading (give it to the heading as its `ref`; focused when `key` changes, the
/// first time included) and the keydown handler that closes the view on Escape.
#[hook]
pub fn use_closable_view<K>(key: K, close: Callback<()>) -> (NodeRef, Callback<KeyboardEvent>)
where
    K: PartialEq + 'static,
{
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(key, move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let onkeydown = use_callback(close, |e: KeyboardEvent, close| {
        if e.key() == "Escape" {
            e.prevent_default();
            close.emit(());
        }
    });
    (heading, onkeydown)
}
