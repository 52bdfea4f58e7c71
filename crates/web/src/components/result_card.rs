//! A result card: what decides a shortlist at a glance, and buttons to open it or save it.
//!
//! Shows name, type and legal bases, place, ages, free places with when they were reported, the
//! normalised price with its unit, how fresh the data are (with a warning when the freshness
//! rule of `catalogue::freshness` calls a part stale), a pause for families, the authority's
//! marking in plain words, a badge for a standing påbud, skærpet tilsyn or ophør (its words, not
//! a colour alone), the latest inspection, an approval that lapses for being unused, and
//! "Meld en fejl" (a `mailto:` to the supervising authority, see [`crate::report_error`]).

use std::rc::Rc;

use catalogue::freshness::{Freshness, Part};
use catalogue::model::approval_lapse;
use catalogue::vocab::{CitizenTerms, LegalBasis, RateUnit};
use catalogue::Date;
use tilbudsfinder_index::query::{Card, Mode};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::heading::Heading;
use crate::i18n::{self, Lang};
use crate::report_error::{self, DoubtedPart};
use crate::shortlist::FollowUp;

/// Whether the card's oldest part is stale on `today`: such data get a visible warning.
pub fn stale_on(card: &Card, today: Date) -> bool {
    Part::Record.freshness(card.updated_oldest, today) == Freshness::Stale
}

/// Whether free places reported on `reported` are too old to trust on `today` (stale by the one
/// freshness rule, [`Part::FreePlaces`]), so they are shown as uncertain, never as a green
/// "free now".
pub fn free_places_uncertain(reported: Date, today: Date) -> bool {
    Part::FreePlaces.freshness(reported, today) == Freshness::Stale
}

/// What the law promises the citizen under every one of the card's legal bases (`None` when one
/// of them is unknown to this version: better to promise nothing).
pub fn card_citizen_terms(card: &Card) -> Option<CitizenTerms> {
    let bases: Option<Vec<LegalBasis>> = card
        .legal_bases
        .iter()
        .map(|short| LegalBasis::from_short(short))
        .collect();
    bases.and_then(CitizenTerms::of)
}

/// What to say when free places are not reported: an offer the citizen turns to directly is not
/// full for that, it reports none; anything else simply has not reported.
pub fn places_not_reported(lang: Lang, terms: Option<CitizenTerms>) -> &'static str {
    let t = lang.texts();
    if terms.is_some_and(CitizenTerms::direct_access) {
        t.detail.direct_access_places
    } else {
        t.free_not_reported
    }
}

/// `text` (free places and when reported), said to be uncertain when `reported` is stale.
pub fn free_places_with_certainty(lang: Lang, text: String, reported: Date, today: Date) -> String {
    if free_places_uncertain(reported, today) {
        i18n::uncertain(lang, text)
    } else {
        text
    }
}

/// Free places as a card, the comparison and the printout show them: a foster family approved
/// for støtteophold by kind, anything else as one number; with when they were reported, and
/// uncertain ones say so.
pub fn free_places_text(lang: Lang, card: &Card, today: Date) -> String {
    let days = card.free_places_reported.map(|d| d.days_until(today));
    let text = match (card.free_places, card.free_respite_places) {
        (Some(placement), Some(respite)) => {
            i18n::family_free_places(lang, placement, respite, days)
        }
        (Some(n), None) => i18n::free_places(lang, n, days),
        (None, _) => return places_not_reported(lang, card_citizen_terms(card)).to_string(),
    };
    match card.free_places_reported {
        Some(day) => free_places_with_certainty(lang, text, day, today),
        None => text,
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultCardProps {
    pub lang: Lang,
    pub card: Rc<Card>,
    pub distance_km: Option<f64>,
    /// The place the distance is measured from, as the user gave it.
    #[prop_or_default]
    pub near_place: AttrValue,
    pub saved: bool,
    pub today: Date,
    /// Why it matches: the ticked values it has.
    #[prop_or_default]
    pub reasons: Vec<String>,
    /// The user's follow-up, when saved.
    #[prop_or_default]
    pub follow_up: Option<FollowUp>,
    pub heading_level: u8,
    pub on_open: Callback<(Rc<Card>, Option<HtmlElement>)>,
    pub on_toggle_save: Callback<Rc<Card>>,
    /// The page's address with this record opened: the title links there (a plain click opens
    /// the detail in place; a new tab, a shared link and a page without JavaScript follow it).
    #[prop_or_default]
    pub href: Option<AttrValue>,
}

/// Whether a family is on pause today.
pub fn paused_on(card: &Card, today: Date) -> bool {
    card.pause_from
        .is_some_and(|from| from <= today && card.pause_until.is_none_or(|until| today < until))
}

/// The standing påbud, skærpet tilsyn and ophør of a card, each as a badge with its words; shared
/// by the card and the detail view.
pub fn sanction_badges(lang: Lang, card: &Card) -> Html {
    html! {
        { for card.oversight.sanctions.iter().filter(|s| s.kind.serious()).map(|s| html! {
            <p class="tf-sanction">
                <span class="tf-icon" aria-hidden="true">{ "⚠ " }</span>
                { i18n::sanction(lang, s.kind, s.since, s.deadline) }
            </p>
        }) }
    }
}

/// A warning when the card's approval has lapsed or soon will for being unused.
pub fn lapse_warning(lang: Lang, card: &Card, today: Date) -> Html {
    let Some(lapses) = card.oversight.approval_lapses else {
        return html! {};
    };
    match approval_lapse(lapses, today) {
        Some(lapsed) => html! {
            <p class="tf-stale-warning tf-lapse">
                <span class="tf-icon" aria-hidden="true">{ "⚠ " }</span>
                { i18n::approval_lapse(lang, lapses, lapsed) }
            </p>
        },
        None => html! {},
    }
}

/// A click that opens `card`'s detail, returning focus to `button` when it closes.
fn opener(
    card: &Rc<Card>,
    on_open: &Callback<(Rc<Card>, Option<HtmlElement>)>,
    button: &NodeRef,
) -> Callback<MouseEvent> {
    let (card, on_open, button) = (Rc::clone(card), on_open.clone(), button.clone());
    Callback::from(move |_: MouseEvent| {
        on_open.emit((Rc::clone(&card), button.cast::<HtmlElement>()))
    })
}

/// One result as an `<article>`: its title (a link that carries the current search, so it
/// changes with every keystroke) over a [`CardBody`] that renders again only when what it shows
/// changes (its props are the list's, equal from render to render). A card that stays in the results while the search changes costs only its title.
#[function_component(ResultCard)]
pub fn result_card(props: &ResultCardProps) -> Html {
    let card = &props.card;
    let open_button = use_node_ref();
    let on_open = opener(card, &props.on_open, &open_button);
    // A plain click on the title opens the detail in place, as the button does; with a
    // modifier key (a new tab or window) the browser follows the link.
    let on_title = {
        let on_open = on_open.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) && e.button() == 0 {
                e.prevent_default();
                on_open.emit(e);
            }
        })
    };
    html! {
        <article class={classes!("tf-card", card.marked.is_some().then_some("tf-card-marked"))} data-id={card.id.clone()}>
            <Heading level={props.heading_level} class="tf-card-title">
                if let Some(href) = props.href.clone() {
                    <a class="tf-card-link tf-opens-record" {href} onclick={on_title}>{ card.name.clone() }</a>
                } else {
                    { card.name.clone() }
                }
            </Heading>
            <CardBody lang={props.lang} card={Rc::clone(card)} distance_km={props.distance_km}
                      near_place={props.near_place.clone()} saved={props.saved} today={props.today}
                      reasons={props.reasons.clone()} follow_up={props.follow_up.clone()}
                      {open_button} on_open={props.on_open.clone()} on_toggle_save={props.on_toggle_save.clone()} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct CardBodyProps {
    lang: Lang,
    card: Rc<Card>,
    distance_km: Option<f64>,
    near_place: AttrValue,
    saved: bool,
    today: Date,
    reasons: Vec<String>,
    follow_up: Option<FollowUp>,
    /// The "show details" button, for focus to return to.
    open_button: NodeRef,
    on_open: Callback<(Rc<Card>, Option<HtmlElement>)>,
    on_toggle_save: Callback<Rc<Card>>,
}

/// Everything of a card below its title.
#[function_component(CardBody)]
fn card_body(props: &CardBodyProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let p = i18n::placement_texts(lang);
    let card = &props.card;
    let open_button = props.open_button.clone();
    let on_open = opener(card, &props.on_open, &open_button);
    let on_save = {
        let card = Rc::clone(card);
        let cb = props.on_toggle_save.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Rc::clone(&card)))
    };
    let free = free_places_text(lang, card, props.today);
    let uncertain = card
        .free_places_reported
        .is_some_and(|day| free_places_uncertain(day, props.today));
    let has_free = (card.free_places.is_some_and(|n| n > 0)
        || card.free_respite_places.is_some_and(|n| n > 0))
        && !uncertain;
    let stale = stale_on(card, props.today);
    let citizen_terms = card_citizen_terms(card);
    let paused = card.mode == Mode::FosterFamilies && paused_on(card, props.today);
    let price = card.price.as_ref().map(|p| {
        (
            i18n::card_price(lang, p),
            i18n::normalised_from(lang, p.amount, p.unit, p.occupancy_rate),
        )
    });
    html! {
        <>
            // A family's label (type, town, ages, id) tells apart families with the same name.
            if card.mode == Mode::FosterFamilies {
                <p class="tf-card-label">{ i18n::record_label(lang, card) }</p>
            } else {
                // One text node a line (a card is mounted often: issue 13).
                <p class="tf-card-kind">
                    { if card.legal_bases.is_empty() {
                        i18n::card_kind(lang, card)
                    } else {
                        format!("{} · {}", i18n::card_kind(lang, card), card.legal_bases.join(", "))
                    } }
                </p>
            }
            if let Some(date) = card.marked {
                <p class="tf-marking"><span class="tf-icon" aria-hidden="true">{ "⚠ " }</span>{ i18n::marked(lang, date) }</p>
            }
            { sanction_badges(lang, card) }
            { lapse_warning(lang, card, props.today) }
            <dl class="tf-facts">
                <div><dt>{ t.detail.place }</dt>
                     <dd>{ match props.distance_km {
                         Some(km) => format!("{} {}, {} · {}", card.postal_code, card.city, card.municipality,
                                             i18n::distance(lang, km, Some(&props.near_place))),
                         None => format!("{} {}, {}", card.postal_code, card.city, card.municipality),
                     } }</dd></div>
                <div><dt>{ t.ages }</dt><dd>{ i18n::age_range(lang, card.age_from, card.age_to) }</dd></div>
                <div><dt>{ t.detail.free_places }</dt>
                     <dd class={classes!(has_free.then_some("tf-free"), uncertain.then_some("tf-uncertain"))}>{ free }</dd></div>
                if let Some(i) = &card.oversight.inspection {
                    <div><dt>{ t.detail.latest_inspection }</dt><dd>{ i18n::inspection(lang, i.date, i.kind) }</dd></div>
                }
                if card.mode == Mode::Offers {
                    <div><dt>{ t.detail.price }</dt>
                         <dd>
                            if let Some(terms) = citizen_terms {
                                <span class="tf-price tf-citizen-terms">{ i18n::citizen_terms(lang, terms) }</span>
                                if let Some((normalised, _)) = price {
                                    <span class="tf-price-given">{ i18n::municipality_rate(lang, &normalised) }</span>
                                }
                            } else if let Some((normalised, given)) = price {
                                <span class="tf-price">{ normalised }</span>
                                <span class="tf-price-given">{ given }</span>
                                if let Some(pos) = &card.price_position {
                                    <span class="tf-price-position">{ i18n::price_position(lang, pos, card.price.as_ref().is_some_and(|p| p.unit == RateUnit::Per24Hours)) }</span>
                                }
                            } else {
                                { t.no_price }
                            }
                         </dd></div>
                }
            </dl>
            if !props.reasons.is_empty() {
                <p class="tf-reasons"><strong>{ format!("{}: ", p.matches_because) }</strong>{ props.reasons.join(", ") }</p>
            }
            if let Some(f) = props.follow_up.as_ref().filter(|_| props.saved) {
                <p class={classes!("tf-follow-up", format!("tf-status-{}", f.status.code()))}>
                    { format!("{}: {}", p.status, i18n::status_since(lang, f.status, f.since)) }
                </p>
            }
            if paused {
                <p class="tf-paused">{ i18n::paused_until(lang, card.pause_until) }</p>
            }
            <p class={classes!("tf-fresh", stale.then_some("tf-stale"))}>
                { i18n::updated_ago(lang, card.updated_newest.days_until(props.today)) }
            </p>
            if stale {
                <p class="tf-stale-warning"><span class="tf-icon" aria-hidden="true">{ "⚠ " }</span>{ t.stale_warning }</p>
            }
            <div class="tf-card-actions">
                <button type="button" class="tf-button tf-opens-record" ref={open_button} onclick={on_open}
                        aria-label={i18n::with_name(t.show_details, &card.name)}>{ t.show_details }</button>
                <button type="button" class={classes!("tf-button", "tf-secondary", props.saved.then_some("tf-saved"))}
                        aria-pressed={props.saved.to_string()} onclick={on_save}
                        aria-label={i18n::with_name(t.save, &card.name)}>{ t.save }</button>
                <a class="tf-report-error" href={report_error::href(lang, card, DoubtedPart::FreePlaces, &report_error::page_address())}
                   aria-label={i18n::with_name(t.report_error, &card.name)}>{ t.report_error }</a>
            </div>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_places_past_the_catalogue_rule_are_uncertain_and_say_so() {
        let today = Date::from_ymd(2026, 11, 30).unwrap_or_default();
        let month_ago = Date::from_ymd(2026, 10, 30).unwrap_or_default();
        let year_ago = Date::from_ymd(2025, 11, 30).unwrap_or_default();
        assert!(!free_places_uncertain(month_ago, today));
        assert!(free_places_uncertain(year_ago, today));
        assert_eq!(
            free_places_with_certainty(
                Lang::Da,
                i18n::free_places(Lang::Da, 2, Some(year_ago.days_until(today))),
                year_ago,
                today
            ),
            "2 ledige pladser (meldt for 365 dage siden, usikkert)"
        );
    }
}
