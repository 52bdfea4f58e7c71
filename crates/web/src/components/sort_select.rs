//! The sort order select. Distance is offered only when a place is given.

use tilbudsfinder_index::query::Sort;
use tilbudsfinder_index::SORTS;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{self, Lang};
use crate::url_state::{sort_code, sort_from_code};

#[derive(Properties, PartialEq)]
pub struct SortSelectProps {
    pub lang: Lang,
    pub sort: Sort,
    pub has_origin: bool,
    /// Relevance means nearest first (a place and no text).
    pub nearest_first: bool,
    pub select_id: String,
    pub on_change: Callback<Sort>,
}

/// A labelled `<select>` of sort orders.
#[function_component(SortSelect)]
pub fn sort_select(props: &SortSelectProps) -> Html {
    let lang = props.lang;
    let onchange = props.on_change.reform(|e: Event| {
        let code = e.target_unchecked_into::<HtmlSelectElement>().value();
        sort_from_code(&code).unwrap_or_default()
    });
    let orders: Vec<Sort> = SORTS.iter().map(|(_, sort, _)| *sort).collect();
    html! {
        <div class="tf-field tf-sort">
            <label class="tf-label" for={props.select_id.clone()}>{ lang.texts().sort_label }</label>
            <select id={props.select_id.clone()} class="tf-select" {onchange}>
                { for orders.iter().filter(|s| **s != Sort::Distance || props.has_origin).map(|s| html! {
                    <option value={sort_code(*s).unwrap_or("relevance")} selected={*s == props.sort}>
                        { if *s == Sort::Relevance { i18n::relevance_label(lang, props.nearest_first) } else { i18n::sort_label(lang, *s) } }
                    </option>
                }) }
            </select>
        </div>
    }
}
