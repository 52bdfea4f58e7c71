//! The visible page of results: one card per hit, nothing more is rendered.
//!
//! Mounting a card (some fifty elements) is most of the work a keystroke causes, and twenty at a
//! time made a task long enough to hold the next keystroke (issue 13); a card already in the page
//! costs only its title. So one task mounts at most [`NEW_CARDS_AT_ONCE`] new cards: a new list
//! that brings no more is shown whole at once (typing on in a word mostly keeps the cards it
//! had), and one that brings more is shown in steps: first the longest start of the list within
//! that budget (at least the first [`FIRST_CARDS`], what a phone shows above the fold), keeping
//! hidden the cards of the last list that are in the new one further down; then, each right
//! after the frame before it is painted ([`after_next_paint`]), the next cards within the same
//! budget, until the list is whole. A key pressed meanwhile is painted between two steps (the
//! trace of one task that mounted all the rest: about 100 ms at 4× CPU throttling). Meanwhile
//! the list says it is busy (`aria-busy`), and it never shows a card of an older answer: every
//! card visible is the new answer's, in its order.

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

/// Cards always shown in the task that answers a change of the results, new or not.
pub const FIRST_CARDS: usize = 3;

/// New cards one task mounts at most; the cards after them follow in the next step, after the
/// paint.
pub const NEW_CARDS_AT_ONCE: usize = 4;
const _: () = assert!(FIRST_CARDS <= NEW_CARDS_AT_ONCE);

/// How many cards from the start of `cards` a step shows: at least [`FIRST_CARDS`], and as far
/// as the list goes with at most [`NEW_CARDS_AT_ONCE`] cards that are not `mounted` yet.
pub fn shown_at_once<'a>(cards: impl IntoIterator<Item = &'a str>, mounted: &[String]) -> usize {
    let mut new = 0;
    let mut shown = 0;
    for id in cards {
        let is_new = !mounted.iter().any(|m| m == id);
        if shown >= FIRST_CARDS && is_new && new >= NEW_CARDS_AT_ONCE {
            break;
        }
        new += usize::from(is_new);
        shown += 1;
    }
    shown
}

type Cards = Rc<Vec<CardView>>;

/// An ordered list of result cards.
#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    // The list shown whole (the first one at once: the prerendered page is taken over as it is),
    // the ids of the cards in the page, and the list whose next step is waiting for the paint.
    let complete = use_mut_ref(|| Some(Rc::clone(&props.cards)));
    let mounted = use_mut_ref(Vec::<String>::new);
    let waiting: Rc<RefCell<Option<Cards>>> = use_mut_ref(|| None);
    let rerender = use_force_update();
    let cards = &props.cards;
    let at_once = if complete
        .borrow()
        .as_ref()
        .is_some_and(|c| Rc::ptr_eq(c, cards))
    {
        cards.len()
    } else {
        shown_at_once(cards.iter().map(|v| v.card.id.as_str()), &mounted.borrow())
    };
    let whole = at_once >= cards.len();
    if whole {
        *complete.borrow_mut() = Some(Rc::clone(cards));
    } else if !waiting
        .borrow()
        .as_ref()
        .is_some_and(|w| Rc::ptr_eq(w, cards))
    {
        *waiting.borrow_mut() = Some(Rc::clone(cards));
        let waiting = Rc::clone(&waiting);
        after_next_paint(move || {
            // A list still waiting (the latest: a newer one takes the older one's turn) shows its
            // next cards; the render that does so schedules the step after it, if any.
            if waiting.borrow_mut().take().is_some() {
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
            .map(|(i, view)| (view, i < at_once))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(range: std::ops::Range<usize>) -> Vec<String> {
        range.map(|i| format!("r{i}")).collect()
    }

    fn at_once(list: &[String], mounted: &[String]) -> usize {
        shown_at_once(list.iter().map(String::as_str), mounted)
    }

    #[test]
    fn a_list_of_cards_mostly_in_the_page_is_shown_whole() {
        let mounted = ids(0..20);
        // As many new cards as one step mounts, among twenty: one step.
        let list: Vec<String> = ids(NEW_CARDS_AT_ONCE..20)
            .into_iter()
            .chain(ids(100..100 + NEW_CARDS_AT_ONCE))
            .collect();
        assert_eq!(at_once(&list, &mounted), 20);
        // One more: the start of the list up to the last new card within the budget.
        let list: Vec<String> = ids(100..103)
            .into_iter()
            .chain(ids(0..13))
            .chain(ids(103..101 + NEW_CARDS_AT_ONCE))
            .collect();
        assert_eq!(list.len(), 14 + NEW_CARDS_AT_ONCE);
        assert_eq!(at_once(&list, &mounted), 13 + NEW_CARDS_AT_ONCE);
    }

    #[test]
    fn a_new_list_shows_its_first_cards_and_the_budget_of_new_ones() {
        assert_eq!(at_once(&ids(100..120), &ids(0..20)), NEW_CARDS_AT_ONCE);
        assert_eq!(at_once(&ids(100..120), &[]), NEW_CARDS_AT_ONCE);
        // Fewer cards than the budget: all of them.
        assert_eq!(at_once(&ids(100..103), &[]), 3);
        assert_eq!(at_once(&[], &[]), 0);
    }

    /// The cards each step shows, as the list does it: after a step, the cards it showed are in
    /// the page, beside the older cards it keeps hidden.
    fn steps(list: &[String], mut mounted: Vec<String>) -> Vec<usize> {
        let mut shown = Vec::new();
        loop {
            let n = at_once(list, &mounted);
            shown.push(n);
            if n >= list.len() {
                return shown;
            }
            mounted = list
                .iter()
                .enumerate()
                .filter(|(i, id)| *i < n || mounted.contains(id))
                .map(|(_, id)| id.clone())
                .collect();
        }
    }

    #[test]
    fn the_rest_of_a_new_list_follows_in_steps_of_the_budget() {
        let budget = NEW_CARDS_AT_ONCE;
        let expected: Vec<usize> = (1..=20usize.div_ceil(budget))
            .map(|step| (step * budget).min(20))
            .collect();
        assert_eq!(steps(&ids(100..120), ids(0..20)), expected);
        // Cards of the last list further down the new one are already mounted: they cost
        // nothing, so the steps reach past them.
        let list: Vec<String> = ids(100..100 + 2 * budget)
            .into_iter()
            .chain(ids(0..5))
            .chain(ids(200..200 + budget))
            .collect();
        assert_eq!(
            steps(&list, ids(0..20)),
            vec![budget, 2 * budget + 5, list.len()]
        );
    }
}
