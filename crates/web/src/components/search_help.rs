//! Help when the search finds less than was asked for (issue 12): the words no record matched
//! together with the others, a spelling the index knows, and, when nothing matches, each filter
//! whose removal would give results, with the count. Never a dead end.

use tilbudsfinder_index::query::{Constraint, Mode, Relaxation};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::i18n::{self, Lang};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct SearchHelpProps {
    pub lang: Lang,
    pub mode: Mode,
    /// Words the results do not match, as typed.
    pub dropped_words: Vec<String>,
    /// The query text spelt as the index knows it.
    pub did_you_mean: Option<String>,
    /// Filters whose removal would give results.
    pub relaxations: Vec<Relaxation>,
    pub dispatch: Callback<Action>,
    /// Where focus goes after a filter is dropped (its button is gone then): the results
    /// heading.
    pub results_heading: NodeRef,
    /// Where focus goes after a suggestion is taken: the search box.
    pub search_box: NodeRef,
}

/// Dispatches `action`, then focuses `target` (which outlives the re-render).
fn act_then_focus(
    dispatch: &Callback<Action>,
    action: Action,
    target: &NodeRef,
) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    let target = target.clone();
    Callback::from(move |_: MouseEvent| {
        dispatch.emit(action.clone());
        if let Some(element) = target.cast::<HtmlElement>() {
            let _ = element.focus();
        }
    })
}

/// The action that removes one filter.
fn removal(constraint: &Constraint) -> Action {
    match constraint {
        Constraint::Facet(facet) => Action::RemoveFacet(facet.clone()),
        Constraint::Age => Action::SetAge(None),
        Constraint::Price => Action::ClearPrice,
        Constraint::FreePlaces => Action::SetFreeOnly(false),
        Constraint::Distance => Action::SetNearKm(None),
        Constraint::Updated => Action::SetUpdatedWithin(None),
    }
}

/// Nothing when the search found what was asked for.
#[function_component(SearchHelp)]
pub fn search_help(props: &SearchHelpProps) -> Html {
    let lang = props.lang;
    if props.dropped_words.is_empty()
        && props.did_you_mean.is_none()
        && props.relaxations.is_empty()
    {
        return html! {};
    }
    html! {
        <div class="tf-search-help">
            if !props.dropped_words.is_empty() {
                <p class="tf-note">{ i18n::dropped_words(lang, props.mode, &props.dropped_words) }</p>
            }
            if let Some(suggestion) = props.did_you_mean.clone() {
                <p class="tf-note">
                    { i18n::did_you_mean(lang) }{ " " }
                    <button type="button" class="tf-link-button tf-suggestion"
                            onclick={act_then_focus(&props.dispatch, Action::SetText(suggestion.clone()), &props.search_box)}>
                        { suggestion }
                    </button>
                </p>
            }
            if !props.relaxations.is_empty() {
                <p class="tf-note">{ i18n::relax_heading(lang) }</p>
                <ul class="tf-relaxations">
                    { for props.relaxations.iter().map(|r| {
                        let onclick = act_then_focus(&props.dispatch, removal(&r.constraint), &props.results_heading);
                        html! {
                            <li key={format!("{:?}", r.constraint)}>
                                <button type="button" class="tf-button tf-secondary" {onclick}>
                                    { i18n::relax_button(lang, props.mode, &r.constraint, r.total) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
