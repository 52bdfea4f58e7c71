//! Side-by-side comparison of up to four saved records: a table with a column per record and a
//! row header per fact, so a screen reader names both when reading a cell.

use std::rc::Rc;

use catalogue::vocab::RateUnit;
use catalogue::Date;
use tilbudsfinder_index::query::Card;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::heading::Heading;
use crate::components::result_card::{free_places_text, stale_on};
use crate::i18n::{self, Lang};

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub lang: Lang,
    pub cards: Rc<Vec<Card>>,
    pub today: Date,
    pub heading_level: u8,
    pub uid: u32,
    pub on_close: Callback<()>,
}

/// The comparison table; focus moves to its heading when shown; Escape closes it.
#[function_component(Comparison)]
pub fn comparison(props: &ComparisonProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let d = &t.detail;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let onkeydown = {
        let close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };
    let today = props.today;
    type Fact = fn(Lang, &Card, Date) -> String;
    let facts: Vec<(&str, Fact)> = vec![
        (d.kind, |_, c, _| c.kind_label.clone()),
        (d.legal_bases, |_, c, _| c.legal_bases.join(", ")),
        (d.place, |_, c, _| {
            format!("{} {}, {}", c.postal_code, c.city, c.municipality)
        }),
        (t.ages, |l, c, _| i18n::age_range(l, c.age_from, c.age_to)),
        (d.places_total, |_, c, _| c.places_total.to_string()),
        (d.free_places, |l, c, today| free_places_text(l, c, today)),
        (d.price, |l, c, _| {
            c.price
                .as_ref()
                .map(|p| i18n::card_price(l, p))
                .unwrap_or_else(|| l.texts().no_price.to_string())
        }),
        (d.rates, |l, c, _| {
            c.price
                .as_ref()
                .map(|p| i18n::normalised_from(l, p.amount, p.unit, p.occupancy_rate))
                .unwrap_or_default()
        }),
        (d.price_position, |l, c, _| {
            c.price_position
                .as_ref()
                .map(|p| {
                    let per_24h = c
                        .price
                        .as_ref()
                        .is_some_and(|cp| cp.unit == RateUnit::Per24Hours);
                    i18n::price_position(l, p, per_24h)
                })
                .unwrap_or_else(|| l.texts().none.to_string())
        }),
        (d.updated, |l, c, today| {
            let mut s = i18n::updated_ago(l, c.updated_newest.days_until(today));
            if stale_on(c, today) {
                s.push_str(" ⚠ ");
                s.push_str(l.texts().stale_warning);
            }
            s
        }),
        (d.sanctions, |l, c, _| {
            let standing: Vec<String> = c
                .oversight
                .sanctions
                .iter()
                .map(|s| i18n::sanction(l, s.kind, s.since, s.deadline))
                .collect();
            if standing.is_empty() {
                l.texts().no_sanctions.to_string()
            } else {
                format!("⚠ {}", standing.join("; "))
            }
        }),
        (d.latest_inspection, |l, c, _| {
            c.oversight
                .inspection
                .as_ref()
                .map(|i| i18n::inspection(l, i.date, i.kind))
                .unwrap_or_else(|| l.texts().none.to_string())
        }),
        (d.marking, |l, c, _| {
            c.marked
                .map(|m| i18n::marked(l, m))
                .unwrap_or_else(|| l.texts().no.to_string())
        }),
    ];
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="tf-comparison" aria-labelledby={format!("tf{}-compare-heading", props.uid)} {onkeydown}>
            <Heading level={props.heading_level} id={AttrValue::from(format!("tf{}-compare-heading", props.uid))} focusable={true}
                     node_ref={heading} class="tf-comparison-title">{ t.compare_heading }</Heading>
            <button type="button" class="tf-button tf-secondary" onclick={on_close}>{ t.compare_close }</button>
            <div class="tf-table-scroll" tabindex="0" role="region" aria-label={t.compare_heading}>
                <table class="tf-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.field }</th>
                            { for props.cards.iter().map(|c| html! { <th scope="col">{ c.name.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for facts.iter().map(|(label, fact)| html! {
                            <tr>
                                <th scope="row">{ label.to_string() }</th>
                                { for props.cards.iter().map(|c| html! { <td>{ fact(lang, c, today) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
