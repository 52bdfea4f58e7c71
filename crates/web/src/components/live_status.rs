//! The polite live region that tells screen-reader users how many results there are, once the
//! user pauses typing (about half a second), so they are not flooded with counts.

use yew::prelude::*;

use crate::hooks::use_debounced;
use crate::hooks::use_debounced::TYPING_PAUSE_MS;

#[derive(Properties, PartialEq)]
pub struct LiveStatusProps {
    /// The sentence to announce, e.g. "12 tilbud fundet".
    pub text: String,
}

/// A visually hidden `role="status"` region with the settled sentence.
#[function_component(LiveStatus)]
pub fn live_status(props: &LiveStatusProps) -> Html {
    let settled = use_debounced(props.text.clone(), TYPING_PAUSE_MS);
    html! {
        <div class="tf-visually-hidden tf-live" role="status" aria-live="polite" aria-atomic="true">
            { settled }
        </div>
    }
}
