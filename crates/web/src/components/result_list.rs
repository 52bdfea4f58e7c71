//! The visible page of results: one card per hit, nothing more is rendered.
//!
//! A new list of results is shown in two steps when it brings new cards below the first few: the
//! task that answers a keystroke renders the first [`FIRST_CARDS`] cards (what a phone shows
//! above the fold) and keeps, hidden, the cards of the last list that are in the new one further
//! down; the rest of the new cards follow right after that frame is painted
//! ([`after_next_paint`]). Meanwhile the list says it is busy (`aria-busy`), and it never shows a
//! card of an older answer: every card visible is the new answer's, in its order. Mounting a
//! card (some fifty elements) was most of the work a keystroke caused, and twenty at a time made
//! a task long enough to hold the next keystroke (issue 13).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use catalogue::Date;
use tilbudsfinder_index::query::Card;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::result_card::ResultCard;
use crate::hooks::use_after_paint::after_next_paint;
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

/// Cards rendered in the task that answers a change of the results; the rest follow after its
/// paint.
pub const FIRST_CARDS: usize = 3;

type Cards = Rc<Vec<CardView>>;

/// An ordered list of result cards.
#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    // The list shown whole (the first one at once: the prerendered page is taken over as it is),
    // the ids of the cards in the page, and the list whose rest is waiting for the paint.
    let complete = use_mut_ref(|| Some(Rc::clone(&props.cards)));
    let mounted = use_mut_ref(Vec::<String>::new);
    let waiting: Rc<RefCell<Option<Cards>>> = use_mut_ref(|| None);
    let rerender = use_force_update();
    let cards = &props.cards;
    let whole = complete
        .borrow()
        .as_ref()
        .is_some_and(|c| Rc::ptr_eq(c, cards))
        || cards
            .iter()
            .skip(FIRST_CARDS)
            .all(|view| mounted.borrow().contains(&view.card.id));
    if whole {
        *complete.borrow_mut() = Some(Rc::clone(cards));
    } else if !waiting
        .borrow()
        .as_ref()
        .is_some_and(|w| Rc::ptr_eq(w, cards))
    {
        *waiting.borrow_mut() = Some(Rc::clone(cards));
        let (complete, waiting) = (Rc::clone(&complete), Rc::clone(&waiting));
        after_next_paint(move || {
            // Still the latest list (a newer one has its own turn): show it whole.
            if let Some(list) = waiting.borrow_mut().take() {
                *complete.borrow_mut() = Some(list);
                rerender.force_update();
            }
        });
    }
    if cards.is_empty() {
        mounted.borrow_mut().clear();
        return html! {};
    }
    // Shown: all, or the first few and, hidden, the cards already in the page.
    let rendered: Vec<(&CardView, bool)> = {
        let mounted = mounted.borrow();
        cards
            .iter()
            .enumerate()
            .map(|(i, view)| (view, whole || i < FIRST_CARDS))
            .filter(|(view, shown)| *shown || mounted.contains(&view.card.id))
            .collect()
    };
    *mounted.borrow_mut() = rendered.iter().map(|(v, _)| v.card.id.clone()).collect();
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
        <ol class="tf-result-list" aria-busy={(!whole).then_some("true")}>
            { for rendered.into_iter().map(|(view, shown)| html! {
                <li key={view.card.id.clone()} class="tf-result-item" hidden={!shown}>
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
