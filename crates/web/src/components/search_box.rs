//! The search box: a visible label, results as the user types.
//!
//! A keystroke renders nothing: the browser paints the typed letter at once, and the box hands
//! the text to the page right after that paint ([`after_next_paint`]), where the page searches
//! and renders the results in the same task. Keys typed faster than frames are handed over
//! together, as the latest text (issue 13: the key's own task re-rendered the whole page).

use std::rc::Rc;

use tilbudsfinder_index::query::Mode;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::heading::use_app_title;
use crate::hooks::use_after_paint::after_next_paint;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub lang: Lang,
    pub mode: Mode,
    /// The page's text (what it searches); the input shows it unless newer text is typed.
    pub text: String,
    /// Unique id of the input (several apps may share a page).
    pub input_id: String,
    /// Called with the typed text right after the frame that painted it.
    pub on_input: Callback<String>,
    /// The input element, for moving focus to it.
    #[prop_or_default]
    pub input_ref: NodeRef,
}

/// A search form whose input reports its text after each painted keystroke.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let t = props.lang.texts();
    let (label, hint) = match props.mode {
        Mode::Offers => (t.search_label_offers, t.search_hint),
        Mode::FosterFamilies => (t.search_label_families, t.search_hint_families),
    };
    // Text typed and not yet handed to the page, and the page's text as last rendered.
    let typed = use_mut_ref(|| None::<String>);
    let page_text = use_mut_ref(String::new);
    page_text.borrow_mut().clone_from(&props.text);
    let oninput = {
        let typed = Rc::clone(&typed);
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            if typed.borrow_mut().replace(text).is_some() {
                return; // already waiting for the paint: the latest text goes then
            }
            let typed = Rc::clone(&typed);
            let page_text = Rc::clone(&page_text);
            let on_input = on_input.clone();
            after_next_paint(move || {
                let text = typed.borrow_mut().take();
                if let Some(text) = text.filter(|text| *text != *page_text.borrow()) {
                    on_input.emit(text);
                }
            });
        })
    };
    // While typed text waits for its paint, a render (say, of a new mode) keeps it in the input.
    let value = typed.borrow().clone().unwrap_or_else(|| props.text.clone());
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let hint_id = format!("{}-hint", props.input_id);
    let app_title = use_app_title();
    html! {
        <form class="tf-search-form" role="search" aria-labelledby={app_title.id} {onsubmit}>
            <label class="tf-label" for={props.input_id.clone()}>{ label }</label>
            <input id={props.input_id.clone()} ref={props.input_ref.clone()} class="tf-search-input" type="search" autocomplete="off"
                   spellcheck="false" {value} {oninput}
                   aria-describedby={hint_id.clone()} />
            <p id={hint_id} class="tf-hint">{ hint }</p>
        </form>
    }
}
