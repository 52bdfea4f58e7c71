//! The visible page of results: one card per hit, nothing more is rendered.

use std::collections::BTreeMap;
use std::rc::Rc;

use catalogue::Date;
use tilbudsfinder_index::query::Card;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::result_card::ResultCard;
use crate::hooks::use_url_sync::current_query;
use crate::i18n::Lang;
use crate::shortlist::FollowUp;
use crate::state::SearchState;
use crate::url_state;

/// A card and its distance from the chosen place.
#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    pub card: Rc<Card>,
    pub distance_km: Option<f64>,
    /// The ticked target groups, competences and the like this record has: why it matches.
    pub reasons: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub lang: Lang,
    pub cards: Rc<Vec<CardView>>,
    /// The place distances are measured from, as the user gave it.
    pub near_place: AttrValue,
    /// Ids on the shortlist.
    pub saved: Rc<Vec<String>>,
    /// The user's follow-up of saved records, by id, to show on their cards.
    #[prop_or_default]
    pub follow_ups: Rc<BTreeMap<String, FollowUp>>,
    pub today: Date,
    pub heading_level: u8,
    pub on_open: Callback<(Rc<Card>, Option<HtmlElement>)>,
    pub on_toggle_save: Callback<Rc<Card>>,
    /// The search shown, when the page keeps it in its address: each card's title is then a
    /// link to the page with the record opened (`url_state::record_link`).
    #[prop_or_default]
    pub link_state: Option<Rc<SearchState>>,
}

/// An ordered list of result cards.
#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    if props.cards.is_empty() {
        return html! {};
    }
    let existing = props.link_state.as_ref().map(|_| current_query());
    let href = |id: &str| {
        props.link_state.as_ref().map(|state| {
            AttrValue::from(url_state::record_link(
                state,
                id,
                existing.as_deref().unwrap_or(""),
            ))
        })
    };
    html! {
        <ol class="tf-result-list">
            { for props.cards.iter().map(|view| html! {
                <li key={view.card.id.clone()} class="tf-result-item">
                    <ResultCard lang={props.lang} card={Rc::clone(&view.card)} distance_km={view.distance_km}
                                near_place={props.near_place.clone()}
                                saved={props.saved.contains(&view.card.id)} today={props.today}
                                reasons={view.reasons.clone()} follow_up={props.follow_ups.get(&view.card.id).cloned()}
                                heading_level={props.heading_level} on_open={props.on_open.clone()}
                                href={href(&view.card.id)}
                                on_toggle_save={props.on_toggle_save.clone()} />
                </li>
            }) }
        </ol>
    }
}
