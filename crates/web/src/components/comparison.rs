//! Side-by-side comparison of up to eight saved records: a table with a column per record and a
//! row header per fact, so a screen reader names both when reading a cell.
//!
//! The rows are what decides a placement: the authority's quality scores per theme, approval
//! and supervising authority, markings, distance from the chosen place, contact, places and
//! free places with the day each was reported, every price line and the peer group the price
//! level is measured in, in a sentence. A row that does not apply to any compared kind (rates
//! for foster families) is left out, not shown empty; a row whose values differ is marked.
//! Each row header names the source of its figures, so the printout documents them. On a phone
//! the table scrolls sideways with the first column fixed.

use catalogue::model::Record;
use catalogue::vocab::{QualityTheme, RateUnit};
use catalogue::Date;
use tilbudsfinder_index::query::Mode;
use yew::prelude::*;

use crate::components::heading::{use_app_title, Heading};
use crate::components::result_card::{free_places_text, stale_on};
use crate::hooks::use_closable_view;
use crate::i18n::{self, Lang};
use crate::links;
use crate::shortlist::{SavedRecord, SavedSet};

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub lang: Lang,
    /// The records compared.
    pub saved: SavedSet,
    /// The chosen place as typed, when distances can be shown.
    pub near_place: AttrValue,
    pub today: Date,
    pub heading_level: u8,
    pub uid: u32,
    pub on_close: Callback<()>,
}

/// Where a row's figures come from.
#[derive(Clone, Copy)]
enum Source {
    Offer,
    Authority,
    /// The authority's quality model.
    Quality,
    Computed,
    User,
}

/// One row: its header, its source, and a cell per record (`None`: not this record's kind).
struct Row {
    label: String,
    source: Source,
    cells: Vec<Option<Html>>,
    /// The cells as text, to tell whether they differ.
    texts: Vec<String>,
}

fn text_cell(text: String) -> (Html, String) {
    (html! { { text.clone() } }, text)
}

/// Builds a row from a cell function; `None` from it means the fact does not apply.
///
/// The cell function is a trait object so that the two dozen rows share one copy of this code
/// in the wasm (the size budget), rather than one per row.
fn row(
    label: &str,
    source: Source,
    rows: &[SavedRecord],
    cell: &dyn Fn(&SavedRecord) -> Option<(Html, String)>,
) -> Option<Row> {
    let mut made: Vec<Option<(Html, String)>> = Vec::with_capacity(rows.len());
    for record in rows {
        made.push(cell(record));
    }
    if made.iter().all(Option::is_none) {
        return None;
    }
    let texts = made
        .iter()
        .map(|c| c.as_ref().map(|(_, t)| t.clone()).unwrap_or_default())
        .collect();
    Some(Row {
        label: label.to_string(),
        source,
        cells: made.into_iter().map(|c| c.map(|(h, _)| h)).collect(),
        texts,
    })
}

fn offer_of<'a>(r: &SavedRecord<'a>) -> Option<&'a catalogue::model::Offer> {
    match r.record {
        Some(Record::Offer(o)) => Some(o),
        _ => None,
    }
}

fn family_of<'a>(r: &SavedRecord<'a>) -> Option<&'a catalogue::model::FosterFamily> {
    match r.record {
        Some(Record::FosterFamily(f)) => Some(f),
        _ => None,
    }
}

/// Every row that applies to at least one compared record, in reading order.
fn rows(lang: Lang, saved: &[SavedRecord], near_place: &str, today: Date) -> Vec<Row> {
    let t = lang.texts();
    let d = &t.detail;
    let p = i18n::placement_texts(lang);
    let dated = |what: String, day: Date| {
        format!(
            "{what} ({}, {})",
            i18n::date(lang, day),
            i18n::days_ago(lang, day.days_until(today))
        )
    };
    let is_offer = |r: &SavedRecord| r.card.mode == Mode::Offers;
    let mut out: Vec<Option<Row>> = vec![
        row(d.kind, Source::Offer, saved, &|r| {
            Some(text_cell(i18n::card_kind(lang, r.card)))
        }),
        row(d.legal_bases, Source::Offer, saved, &|r| {
            (is_offer(r)).then(|| text_cell(r.card.legal_bases.join(", ")))
        }),
        row(d.place, Source::Offer, saved, &|r| {
            Some(text_cell(format!(
                "{} {}, {}",
                r.card.postal_code, r.card.city, r.card.municipality
            )))
        }),
        row(
            &format!("{} {near_place}", p.distance_from),
            Source::Computed,
            saved,
            &|r| {
                r.distance_km
                    .map(|km| text_cell(i18n::distance(lang, km, None)))
            },
        ),
        row(t.ages, Source::Offer, saved, &|r| {
            Some(text_cell(i18n::age_range(
                lang,
                r.card.age_from,
                r.card.age_to,
            )))
        }),
        row(d.approval, Source::Authority, saved, &|r| {
            let (what, authority, day) = match r.record? {
                Record::Offer(o) => (
                    i18n::label(lang, o.supervision.approval),
                    i18n::label(lang, o.supervision.authority),
                    o.supervision.approved,
                ),
                Record::FosterFamily(f) => (
                    i18n::label(lang, f.approval_scope),
                    i18n::label(lang, f.authority),
                    Some(f.approved),
                ),
            };
            let when = day
                .map(|day| format!(" {}", i18n::date(lang, day)))
                .unwrap_or_default();
            Some(text_cell(format!("{what}{when} · {authority}")))
        }),
        row(d.marking, Source::Authority, saved, &|r| {
            let reason = offer_of(r)
                .and_then(|o| o.supervision.marking.as_ref())
                .map(|m| m.reason.clone());
            Some(text_cell(match (r.card.marked, reason) {
                (Some(day), Some(reason)) => format!("{}: {reason}", i18n::marked(lang, day)),
                (Some(day), None) => i18n::marked(lang, day),
                (None, _) => t.no.to_string(),
            }))
        }),
        row(d.sanctions, Source::Authority, saved, &|r| {
            let standing: Vec<String> = r
                .card
                .oversight
                .sanctions
                .iter()
                .map(|s| i18n::sanction(lang, s.kind, s.since, s.deadline))
                .collect();
            Some(text_cell(if standing.is_empty() {
                t.no_sanctions.to_string()
            } else {
                format!("⚠ {}", standing.join("; "))
            }))
        }),
        row(d.latest_inspection, Source::Authority, saved, &|r| {
            Some(text_cell(
                r.card
                    .oversight
                    .inspection
                    .as_ref()
                    .map(|i| i18n::inspection(lang, i.date, i.kind))
                    .unwrap_or_else(|| t.none.to_string()),
            ))
        }),
    ];
    // One row per quality theme any compared offer was scored on.
    for theme in QualityTheme::ALL {
        let scored = saved
            .iter()
            .filter_map(offer_of)
            .any(|o| o.quality.iter().any(|q| q.theme == *theme));
        if scored {
            out.push(row(
                &format!("{} (1–5)", i18n::label(lang, *theme)),
                Source::Quality,
                saved,
                &|r| {
                    offer_of(r).map(|o| {
                        text_cell(
                            o.quality
                                .iter()
                                .find(|q| q.theme == *theme)
                                .map(|q| i18n::number(lang, q.score, 1))
                                .unwrap_or_else(|| p.quality_missing.to_string()),
                        )
                    })
                },
            ));
        }
    }
    out.extend([
        row(d.places_total, Source::Offer, saved, &|r| match r.record {
            Some(Record::Offer(o)) => Some(text_cell(dated(o.places_total.to_string(), o.updated.places))),
            Some(Record::FosterFamily(f)) => Some(text_cell(format!(
                "{}: {} · {}: {}",
                d.children_approved, f.children_approved, d.children_placed, f.children_placed
            ))),
            None => Some(text_cell(r.card.places_total.to_string())),
        }),
        row(d.free_places, Source::Offer, saved, &|r| {
            let shown = free_places_text(lang, r.card, today);
            Some(text_cell(match r.card.free_places_reported {
                Some(day) => format!("{shown}, {}", i18n::date(lang, day)),
                None => shown,
            }))
        }),
        row(d.approved_for, Source::Authority, saved, &|r| {
            family_of(r).map(|f| {
                let mut kinds: Vec<String> =
                    f.approved_for.iter().map(|c| i18n::label(lang, *c).to_string()).collect();
                if f.emergency {
                    kinds.push(d.emergency.to_string());
                }
                if f.parent_child {
                    kinds.push(d.parent_child.to_string());
                }
                text_cell(kinds.join(", "))
            })
        }),
        row(d.target_groups, Source::Offer, saved, &|r| {
            family_of(r).map(|f| {
                text_cell(
                    f.target_groups
                        .iter()
                        .map(|g| i18n::label(lang, *g))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
        }),
        row(d.competences, Source::Offer, saved, &|r| {
            family_of(r)
                .filter(|f| !f.competences.is_empty())
                .map(|f| text_cell(f.competences.join(", ")))
        }),
        row(d.pause, Source::Offer, saved, &|r| {
            family_of(r).map(|f| {
                text_cell(match f.pause {
                    Some(pause) if f.paused_on(today) => i18n::paused_until(lang, pause.until),
                    _ => t.no.to_string(),
                })
            })
        }),
        row(d.price, Source::Offer, saved, &|r| {
            is_offer(r).then(|| {
                text_cell(match (&r.card.price, offer_of(r)) {
                    (Some(price), Some(o)) => dated(i18n::card_price(lang, price), o.updated.economy),
                    (Some(price), None) => i18n::card_price(lang, price),
                    (None, _) => t.no_price.to_string(),
                })
            })
        }),
        row(d.price_position, Source::Computed, saved, &|r| {
            is_offer(r).then(|| {
                text_cell(match (&r.card.price_position, &r.card.price) {
                    (Some(position), Some(price)) => {
                        let per_24h = price.unit == RateUnit::Per24Hours;
                        format!(
                            "{} {}",
                            i18n::price_position(lang, position, per_24h),
                            i18n::peer_sentence(lang, position, per_24h)
                        )
                    }
                    _ => t.none.to_string(),
                })
            })
        }),
        row(d.rates, Source::Offer, saved, &|r| {
            let o = offer_of(r)?;
            let lines: Vec<String> = o
                .services
                .iter()
                .flat_map(|s| {
                    s.rates.iter().map(move |rate| {
                        let label = rate.label.as_deref().map(|l| format!(", {l}")).unwrap_or_default();
                        let addon = if rate.addon { format!(", {}", d.addon) } else { String::new() };
                        format!(
                            "{} ({}) · {} · {}{addon}{label}",
                            i18n::rate(lang, rate.amount, rate.unit),
                            rate.year,
                            i18n::label(lang, s.kind),
                            s.basis.short()
                        )
                    })
                })
                .collect();
            let text = lines.join("; ");
            Some((
                html! { <ul class="tf-plain-list">{ for lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul> },
                text,
            ))
        }),
        row(d.contact, Source::Offer, saved, &|r| {
            let contact = r.contact()?;
            let person = contact.contact_person.clone().unwrap_or_default();
            let email = r.email().map(str::to_string);
            let phone = contact.phone.clone();
            let text = [Some(person.clone()), email.clone(), phone.clone()]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            Some((
                html! {
                    <ul class="tf-plain-list">
                        if !person.is_empty() { <li>{ person }</li> }
                        if let Some(e) = email { <li><a class="tf-link" href={links::mail_href(&e).unwrap_or_default()}>{ e.clone() }</a></li> }
                        if let Some(ph) = phone {
                            <li>
                                if let Some(h) = links::tel_href(&ph) { <a class="tf-link" href={h}>{ ph.clone() }</a> } else { { ph.clone() } }
                            </li>
                        }
                    </ul>
                },
                text,
            ))
        }),
        row(d.updated, Source::Offer, saved, &|r| {
            let mut s = match r.record {
                Some(Record::Offer(o)) => {
                    let u = &o.updated;
                    [
                        (d.updated_general, u.general),
                        (d.updated_places, u.places),
                        (d.updated_services, u.services),
                        (d.updated_economy, u.economy),
                        (d.updated_approach, u.approach),
                    ]
                    .iter()
                    .map(|(what, day)| format!("{what}: {}", i18n::date(lang, *day)))
                    .collect::<Vec<_>>()
                    .join("; ")
                }
                _ => i18n::updated_ago(lang, r.card.updated_newest.days_until(today)),
            };
            if stale_on(r.card, today) {
                s.push_str(" ⚠ ");
                s.push_str(t.stale_warning);
            }
            Some(text_cell(s))
        }),
        row(p.status, Source::User, saved, &|r| {
            let f = &r.follow_up;
            let mut s = i18n::status_since(lang, f.status, f.since);
            if !f.note.is_empty() {
                s.push_str(" · ");
                s.push_str(&f.note);
            }
            Some(text_cell(s))
        }),
    ]);
    out.into_iter().flatten().collect()
}

/// The comparison table; focus moves to its heading when shown; Escape closes it.
#[function_component(Comparison)]
pub fn comparison(props: &ComparisonProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let p = i18n::placement_texts(lang);
    let (heading, onkeydown) = use_closable_view((), props.on_close.clone());
    // Named with the widget's heading too, so two widgets' comparisons are told apart.
    let app_title = use_app_title();
    let heading_id = format!("tf{}-compare-heading", props.uid);
    let saved = props.saved.rows();
    let table_rows = rows(lang, &saved, &props.near_place, props.today);
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let source_text = |source: Source| match source {
        Source::Offer => p.source_offer,
        Source::Authority => p.source_authority,
        Source::Quality => p.source_quality,
        Source::Computed => p.source_index,
        Source::User => p.source_user,
    };
    html! {
        <section class="tf-comparison" aria-labelledby={app_title.labelled_by(&heading_id)} {onkeydown}>
            <Heading level={props.heading_level} id={AttrValue::from(heading_id.clone())} focusable={true}
                     node_ref={heading} class="tf-comparison-title">{ t.compare_heading }</Heading>
            <div class="tf-shortlist-actions tf-screen-only">
                <button type="button" class="tf-button tf-secondary" onclick={on_close}>{ t.compare_close }</button>
                <button type="button" class="tf-button tf-secondary" onclick={on_print}>{ p.print }</button>
            </div>
            if props.saved.records.pending {
                <p role="status" class="tf-status">{ p.contacts_loading }</p>
            }
            if props.saved.origin.is_none() {
                <p class="tf-hint tf-screen-only">{ p.no_origin }</p>
            }
            <div class="tf-table-scroll" tabindex="0" role="region" aria-label={app_title.label(t.compare_heading)}>
                <table class="tf-table tf-compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.field }</th>
                            { for saved.iter().map(|r| html! { <th scope="col">{ i18n::record_label(lang, r.card) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for table_rows.into_iter().map(|row| {
                            let differs = row.texts.windows(2).any(|w| w[0] != w[1]);
                            html! {
                                <tr class={classes!(differs.then_some("tf-differs"))}>
                                    <th scope="row">
                                        { row.label.clone() }
                                        if differs { <span class="tf-differs-mark" title={p.differs}>{ " ≠" }<span class="tf-visually-hidden">{ format!(" ({})", p.differs) }</span></span> }
                                        <span class="tf-source">{ source_text(row.source) }</span>
                                    </th>
                                    { for row.cells.into_iter().map(|cell| html! {
                                        <td>{ cell.unwrap_or_else(|| html! { { "–" } }) }</td>
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="tf-note tf-print-sources">{ p.print_sources }</p>
        </section>
    }
}
