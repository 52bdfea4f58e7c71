//! The search box: a visible label, results as the user types.

use tilbudsfinder_index::query::Mode;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::heading::use_app_title;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub lang: Lang,
    pub mode: Mode,
    pub text: String,
    /// Unique id of the input (several apps may share a page).
    pub input_id: String,
    pub on_input: Callback<String>,
    /// The input element, for moving focus to it.
    #[prop_or_default]
    pub input_ref: NodeRef,
}

/// A search form whose input reports every keystroke.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let t = props.lang.texts();
    let (label, hint) = match props.mode {
        Mode::Offers => (t.search_label_offers, t.search_hint),
        Mode::FosterFamilies => (t.search_label_families, t.search_hint_families),
    };
    let oninput = props
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let hint_id = format!("{}-hint", props.input_id);
    let app_title = use_app_title();
    html! {
        <form class="tf-search-form" role="search" aria-labelledby={app_title.id} {onsubmit}>
            <label class="tf-label" for={props.input_id.clone()}>{ label }</label>
            <input id={props.input_id.clone()} ref={props.input_ref.clone()} class="tf-search-input" type="search" autocomplete="off"
                   spellcheck="false" value={props.text.clone()} {oninput}
                   aria-describedby={hint_id.clone()} />
            <p id={hint_id} class="tf-hint">{ hint }</p>
        </form>
    }
}
