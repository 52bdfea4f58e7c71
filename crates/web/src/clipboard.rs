//! Copying text to the clipboard, for "copy all addresses" and "copy link to the list".
//!
//! `navigator.clipboard` is looked up at run time rather than bound through `web-sys`, so a
//! browser (or frame) without it gives a plain `false` and the interface shows the text to
//! copy by hand instead.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; `true` when the browser says it did.
pub async fn copy_text(text: &str) -> bool {
    let Some(promise) = write_text(text) else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

fn write_text(text: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let navigator = get(window.as_ref(), "navigator").ok()?;
    let clipboard = get(&navigator, "clipboard").ok()?;
    let write: js_sys::Function = get(&clipboard, "writeText").ok()?.dyn_into().ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into()
        .ok()
}
