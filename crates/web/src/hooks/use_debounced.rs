//! `use_debounced`: a value that follows another only once it has stopped changing.
//!
//! The live region that announces the result count uses it, so a screen reader hears the count
//! once the user pauses typing, not after every keystroke.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long typing must stop before it counts as a pause: the result count is then announced
/// (`live_status`) and the address written (`use_url_sync`).
pub const TYPING_PAUSE_MS: u32 = 500;

/// `value`, but only after it has stayed the same for `delay_ms`.
#[hook]
pub fn use_debounced<T>(value: T, delay_ms: u32) -> T
where
    T: Clone + PartialEq + 'static,
{
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timer = Timeout::new(delay_ms, move || settled.set(value));
            move || drop(timer)
        });
    }
    (*settled).clone()
}
