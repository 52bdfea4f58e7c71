//! The printout of the shortlist for the case file (print only; hidden on screen).
//!
//! A caseworker documents a choice by printing, or saving as PDF, the saved records and the
//! comparison. The stylesheet's `@media print` rules show this view and the comparison on A4
//! and hide the search around them; this view adds what a case file needs: the date, the search
//! that produced the list, each figure with the day it was reported, and where the figures come
//! from.

use catalogue::model::Record;
use catalogue::Date;
use tilbudsfinder_index::query::Mode;
use yew::prelude::*;

use crate::components::heading::Heading;
use crate::components::result_card::free_places_text;
use crate::i18n::{self, Lang};
use crate::shortlist::SavedSet;

#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    pub lang: Lang,
    /// The records printed.
    pub saved: SavedSet,
    pub today: Date,
    /// The search in words.
    pub search: AttrValue,
    /// The place distances are measured from, as the user gave it.
    pub near_place: AttrValue,
    pub heading_level: u8,
}

/// The saved records as a dated table with sources, shown only when printing.
#[function_component(PrintView)]
pub fn print_view(props: &PrintViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let d = &t.detail;
    let p = i18n::placement_texts(lang);
    if props.saved.cards.is_empty() {
        return html! {};
    }
    let rows = props.saved.rows();
    let today = props.today;
    let dated = |day: Date| i18n::date(lang, day);
    html! {
        <div class="tf-print-only" aria-hidden="true">
            <Heading level={props.heading_level} class="tf-print-title">
                { i18n::printed_on(lang, t.shortlist_heading, today) }
            </Heading>
            <p class="tf-print-search"><strong>{ format!("{}: ", p.print_search) }</strong>{ props.search.clone() }</p>
            <table class="tf-table tf-print-table">
                <thead>
                    <tr>
                        <th>{ p.label }</th>
                        <th>{ d.place }</th>
                        <th>{ d.free_places }</th>
                        <th>{ d.price }</th>
                        <th>{ d.approval }</th>
                        <th>{ d.contact }</th>
                        <th>{ p.status }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let card = r.card;
                        let price = match (&card.price, r.record) {
                            (Some(price), Some(Record::Offer(o))) => format!("{} ({}: {})", i18n::card_price(lang, price), p.source_offer, dated(o.updated.economy)),
                            (Some(price), _) => i18n::card_price(lang, price),
                            (None, _) if card.mode == Mode::FosterFamilies => String::new(),
                            (None, _) => t.no_price.to_string(),
                        };
                        let approval = match r.record {
                            Some(Record::Offer(o)) => format!("{} · {}", i18n::label(lang, o.supervision.approval), i18n::label(lang, o.supervision.authority)),
                            Some(Record::FosterFamily(f)) => format!("{} {} · {}", i18n::label(lang, f.approval_scope), dated(f.approved), i18n::label(lang, f.authority)),
                            None => String::new(),
                        };
                        let contact = r.contact().map(|c| {
                            [c.contact_person.clone(), r.email().map(str::to_string), c.phone.clone()]
                                .into_iter().flatten().collect::<Vec<_>>().join(", ")
                        }).unwrap_or_default();
                        let distance = r.distance_km.map(|km| format!(" · {}", i18n::distance(lang, km, Some(&props.near_place)))).unwrap_or_default();
                        let mut status = i18n::status_since(lang, r.follow_up.status, r.follow_up.since);
                        if !r.follow_up.note.is_empty() {
                            status.push_str(" · ");
                            status.push_str(&r.follow_up.note);
                        }
                        html! {
                            <tr>
                                <td>{ i18n::record_label(lang, card) }</td>
                                <td>{ format!("{} {}{distance}", card.postal_code, card.city) }</td>
                                <td>{ match card.free_places_reported {
                                    Some(day) => format!("{} ({}: {})", free_places_text(lang, card, today), p.source_offer, dated(day)),
                                    None => free_places_text(lang, card, today),
                                } }</td>
                                <td>{ price }</td>
                                <td>{ approval }</td>
                                <td>{ contact }</td>
                                <td>{ status }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <p class="tf-note">{ p.print_sources }</p>
        </div>
    }
}
