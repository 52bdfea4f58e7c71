//! The detail view: every field of one record, fetched when opened, in the order a citizen asks:
//! what it is and for whom, where and how to get in touch, free places and what it costs; then
//! prices, quality and supervision; the organisation's identifiers last.
//!
//! Focus moves to its heading when it opens, Escape or the back button closes it and focus
//! returns to the button that opened it (the caller keeps that). Contacts become links only
//! through [`crate::links`]; all catalogue text is rendered as text nodes.

use std::rc::Rc;

use catalogue::model::{Contact, FosterFamily, Offer, Record};
use catalogue::vocab::MUNICIPALITIES;
use catalogue::Date;
use tilbudsfinder_index::query::Card;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::heading::{use_app_title, Heading};
use crate::components::result_card::{
    free_places_with_certainty, lapse_warning, places_not_reported, sanction_badges,
};
use crate::hooks::use_closable_view;
use crate::hooks::use_records::fetch_record;
use crate::hooks::IndexRef;
use crate::i18n::{self, Lang};
use crate::links;
use crate::loader::{LatePart, LoadError};
use crate::report_error::{self, DoubtedPart};
use crate::shortlist;

#[derive(Properties, PartialEq)]
pub struct DetailViewProps {
    pub lang: Lang,
    pub index: IndexRef,
    pub card: Rc<Card>,
    pub today: Date,
    pub heading_level: u8,
    pub saved: bool,
    pub on_toggle_save: Callback<Rc<Card>>,
    pub on_close: Callback<()>,
    /// The point of the place the user gave, and that place as given: the record's distance.
    #[prop_or_default]
    pub origin: Option<(f64, f64)>,
    #[prop_or_default]
    pub near_place: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Detail {
    Loading,
    Ready(Rc<Record>),
    Failed(LoadError),
}

/// The open record.
#[function_component(DetailView)]
pub fn detail_view(props: &DetailViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    // Named with the widget's heading too, so two widgets' details are told apart.
    let app_title = use_app_title();
    let detail = use_state(|| Detail::Loading);
    // Goes up when the user tries a failed fetch again, which runs the fetching effect again.
    let attempt = use_state(|| 0u32);
    // Focus on the heading when opened and for each record; Escape closes.
    let (heading, onkeydown) = use_closable_view(props.card.doc, props.on_close.clone());
    {
        let detail = detail.clone();
        let index = props.index.clone();
        use_effect_with((props.card.doc, *attempt), move |(doc, _)| {
            let doc = *doc;
            detail.set(Detail::Loading);
            spawn_local(async move {
                let next = match fetch_record(&index, doc).await {
                    Ok(record) => Detail::Ready(Rc::new(record)),
                    Err(error) => Detail::Failed(error),
                };
                detail.set(next);
            });
        });
    }
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    // The whole view from its top (the back button, the name, then what and how to get in
    // touch) on the screen, whatever scrolling focusing the heading did: on a phone the first
    // screen then shows the contact lines.
    let section = use_node_ref();
    {
        let section = section.clone();
        use_effect_with(props.card.doc, move |_| {
            if let Some(s) = section.cast::<HtmlElement>() {
                s.scroll_into_view();
            }
        });
    }
    let on_back = props.on_close.reform(|_: MouseEvent| ());
    let on_save = {
        let card = Rc::clone(&props.card);
        let cb = props.on_toggle_save.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Rc::clone(&card)))
    };
    let body = match &*detail {
        Detail::Loading => html! { <p role="status" class="tf-status">{ t.detail_loading }</p> },
        // What the card shows stays above; only the full record is missing.
        Detail::Failed(error) => html! {
            <div class="tf-error">
                <p role="alert">{ error.describe_part(lang, LatePart::Details) }</p>
                if error.recoverable() {
                    <button type="button" class="tf-button tf-secondary" onclick={on_retry}>{ t.retry }</button>
                }
            </div>
        },
        Detail::Ready(record) => {
            let distance = props.origin.zip(shortlist::position(record)).map(
                |((lat, lon), (to_lat, to_lon))| {
                    let km = tilbudsfinder_index::distance_km(lat, lon, to_lat, to_lon);
                    i18n::distance(lang, km, Some(&props.near_place))
                },
            );
            let shown = Shown {
                lang,
                record,
                today: props.today,
                level: props.heading_level + 1,
                distance,
            };
            match &**record {
                Record::Offer(offer) => offer_fields(&shown, offer),
                Record::FosterFamily(family) => family_fields(&shown, family),
            }
        }
    };
    html! {
        <section class="tf-detail" aria-labelledby={app_title.labelled_by(&format!("tf-detail-{}", props.card.doc))} {onkeydown} ref={section}>
            <div class="tf-detail-actions">
                <button type="button" class="tf-button tf-secondary" onclick={on_back}>
                    <span aria-hidden="true">{ "← " }</span>{ t.back_to_results }
                </button>
                <button type="button" class={classes!("tf-button", "tf-secondary", props.saved.then_some("tf-saved"))}
                        aria-pressed={props.saved.to_string()} onclick={on_save}>{ t.save }</button>
            </div>
            <Heading level={props.heading_level} id={AttrValue::from(format!("tf-detail-{}", props.card.doc))}
                     class="tf-detail-title" focusable={true} node_ref={heading}>
                { props.card.name.clone() }
            </Heading>
            if let Some(date) = props.card.marked {
                <p class="tf-marking"><span class="tf-icon" aria-hidden="true">{ "⚠ " }</span>{ i18n::marked(lang, date) }</p>
            }
            { sanction_badges(lang, &props.card) }
            { lapse_warning(lang, &props.card, props.today) }
            { body }
            { report_error_links(lang, &props.card) }
        </section>
    }
}

/// "Meld en fejl i: Ledige pladser · Takst · Tilsyn · Øvrige oplysninger", each a `mailto:`.
fn report_error_links(lang: Lang, card: &Card) -> Html {
    let t = lang.texts();
    let page = report_error::page_address();
    html! {
        <p class="tf-report-errors">
            { format!("{}: ", t.detail.report_error_in) }
            { for DoubtedPart::ALL.iter().enumerate().map(|(i, part)| html! {
                <>
                    if i > 0 { { " · " } }
                    <a class="tf-report-error" href={report_error::href(lang, card, *part, &page)}
                       aria-label={format!("{}: {}", t.report_error, part.label(lang))}>{ part.label(lang) }</a>
                </>
            }) }
        </p>
    }
}

/// The sanctions, latest inspection and unused approval of a record, for its supervision section.
fn oversight_rows(lang: Lang, record: &Record, today: Date) -> Html {
    let d = &lang.texts().detail;
    let sanctions = record.sanctions();
    html! {
        <>
            if !sanctions.is_empty() {
                { row(d.sanctions, html! {
                    <ul class="tf-plain-list">
                        { for sanctions.iter().map(|s| html! {
                            <li>
                                <strong>{ i18n::sanction(lang, s.kind, s.date, s.deadline) }</strong>
                                if let Some(lifted) = s.lifted { { format!(" ({})", i18n::sanction_lifted(lang, lifted)) } }
                                if !s.text.is_empty() { <br/>{ s.text.clone() } }
                            </li>
                        }) }
                    </ul>
                }) }
            }
            if let Some(i) = record.latest_inspection() {
                { row(d.latest_inspection, html! {
                    <>
                        { i18n::inspection(lang, i.date, i.kind) }
                        if let Some(h) = i.report.as_deref().and_then(links::web_href) {
                            <br/><a href={h} class="tf-link">{ d.inspection_report }</a>
                        }
                        if let Some(h) = i.approval_report.as_deref().and_then(links::web_href) {
                            <br/><a href={h} class="tf-link">{ d.approval_report }</a>
                        }
                    </>
                }) }
            }
            if let Some(lapses) = record.approval_lapses_on() {
                { text_row(d.approval_lapse, i18n::approval_lapse(lang, lapses, lapses <= today)) }
            }
        </>
    }
}

fn row(label: &str, value: Html) -> Html {
    html! { <div class="tf-row"><dt>{ label.to_string() }</dt><dd>{ value }</dd></div> }
}

fn text_row(label: &str, value: impl Into<String>) -> Html {
    row(label, html! { { value.into() } })
}

fn yes_no(lang: Lang, on: bool) -> String {
    let t = lang.texts();
    (if on { t.yes } else { t.no }).to_string()
}

fn list(items: impl IntoIterator<Item = String>) -> Html {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() {
        return html! {};
    }
    html! { <ul class="tf-inline-list">{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul> }
}

fn opt_text(lang: Lang, value: Option<String>) -> String {
    value.unwrap_or_else(|| lang.texts().none.to_string())
}

fn section(level: u8, title: &str, rows: Html) -> Html {
    html! {
        <div class="tf-detail-section">
            <Heading level={level.min(6)}>{ title.to_string() }</Heading>
            <dl class="tf-facts tf-detail-facts">{ rows }</dl>
        </div>
    }
}

/// Phone, e-mail and website first (what a citizen uses), then whom to ask for.
fn contact_rows(lang: Lang, contact: &Contact) -> Html {
    let d = &lang.texts().detail;
    let link_or_text = |value: &Option<String>, href: fn(&str) -> Option<String>| match value {
        None => html! { { lang.texts().none } },
        Some(v) => match href(v) {
            Some(h) => html! { <a href={h} class="tf-link">{ v.clone() }</a> },
            None => html! { { v.clone() } },
        },
    };
    html! {
        <>
            { row(d.phone, link_or_text(&contact.phone, links::tel_href)) }
            { row(d.email, link_or_text(&contact.email, links::mail_href)) }
            // A website's link text is its href: a host that mixes scripts shows in punycode.
            { row(d.website, match contact.website.as_deref().map(|v| (v, links::web_href(v))) {
                Some((_, Some(href))) => html! { <a href={href.clone()} class="tf-link">{ href }</a> },
                Some((v, None)) => html! { { v.to_string() } },
                None => html! { { lang.texts().none } },
            }) }
            { text_row(d.contact_person, opt_text(lang, contact.contact_person.clone())) }
        </>
    }
}

/// Free places with their age, said to be uncertain past the freshness rule.
fn free_places_line(lang: Lang, count: u32, reported: Date, today: Date) -> String {
    let text = i18n::free_places(lang, count, Some(reported.days_until(today)));
    free_places_with_certainty(lang, text, reported, today)
}

fn updated_text(lang: Lang, day: Date, today: Date) -> String {
    format!(
        "{} ({})",
        i18n::date(lang, day),
        i18n::days_ago(lang, day.days_until(today))
    )
}

fn municipality_name(code: u16) -> String {
    MUNICIPALITIES
        .iter()
        .find(|m| m.code == code)
        .map(|m| m.name.to_string())
        .unwrap_or_else(|| code.to_string())
}

/// The departments' addresses, each with a plain map link; the first (the one distances are
/// measured to) with its distance from the place the user gave.
fn address_row(lang: Lang, o: &Offer, distance: Option<String>) -> Html {
    let d = &lang.texts().detail;
    row(
        d.address,
        html! {
            <ul class="tf-plain-list">
                { for o.departments.iter().enumerate().map(|(i, dep)| html! {
                    <li>
                        if o.departments.len() > 1 { <strong>{ dep.name.clone() }</strong><br/> }
                        { format!("{}, {} {}", dep.address.street, dep.address.postal_code, dep.address.city) }
                        if let Some(distance) = distance.as_ref().filter(|_| i == 0) { { format!(" · {distance}") } }
                        if let Some(href) = links::map_href(dep.address.lat, dep.address.lon) {
                            <br/><a href={href} class="tf-link">{ d.show_on_map }</a>
                        }
                    </li>
                }) }
            </ul>
        },
    )
}

/// "Ambulant tilbud · Alkoholbehandling" and for whom: what a citizen asks first.
fn offer_lead(lang: Lang, o: &Offer) -> Html {
    let d = &lang.texts().detail;
    let mut groups = Vec::new();
    for group in o.services.iter().flat_map(|s| s.target_groups.iter()) {
        if !groups.contains(group) {
            groups.push(*group);
        }
    }
    let ages = o
        .services
        .iter()
        .map(|s| (s.age_from, s.age_to))
        .reduce(|(a, b), (c, e)| (a.min(c), b.max(e)));
    let what: Vec<&str> = o
        .legal_bases
        .iter()
        .map(|b| i18n::legal_basis_words(lang, b.basis))
        .collect();
    // Two short lines, no labels above them: on a phone the contact lines must stay on the
    // first screen.
    html! {
        <div class="tf-detail-lead">
            <p class="tf-detail-what">{ format!("{} · {}", i18n::label(lang, o.offer_type), what.join(", ")) }</p>
            if !groups.is_empty() || ages.is_some() {
                <p><strong>{ format!("{}: ", d.for_whom) }</strong>{ {
                    let groups = groups.iter().map(|g| i18n::label(lang, *g)).collect::<Vec<_>>().join(", ");
                    match ages {
                        Some((from, to)) if !groups.is_empty() => format!("{groups} · {}", i18n::age_range(lang, from, to)),
                        Some((from, to)) => i18n::age_range(lang, from, to),
                        None => groups,
                    }
                } }</p>
            }
        </div>
    }
}

/// What every part of a record's detail is drawn with.
struct Shown<'a> {
    lang: Lang,
    record: &'a Record,
    /// The day free places and updates are judged on.
    today: Date,
    /// The level of the sections' headings.
    level: u8,
    /// How far the record is from the place searched near, in words.
    distance: Option<String>,
}

/// An offer in the order a citizen asks: what and for whom, where and how to get in touch, free
/// places and what it costs them; then what a caseworker weighs (prices, quality, supervision);
/// the organisation's identifiers last.
fn offer_fields(shown: &Shown, o: &Offer) -> Html {
    let (lang, record, today, level) = (shown.lang, shown.record, shown.today, shown.level);
    let d = &lang.texts().detail;
    let number = |v: f64, decimals: usize| i18n::number(lang, v, decimals);
    let terms = o.citizen_terms();
    let contact = html! {
        <>
            { address_row(lang, o, shown.distance.clone()) }
            { contact_rows(lang, &o.contact) }
        </>
    };
    let places = html! {
        <>
            { text_row(d.free_places, match o.free_places {
                Some(f) => free_places_line(lang, f.count, f.reported, today),
                None => places_not_reported(lang, terms).to_string(),
            }) }
            if let Some(terms) = terms {
                { text_row(d.citizen_price, i18n::citizen_terms(lang, terms)) }
            }
            { text_row(d.places_total, o.places_total.to_string()) }
            { text_row(d.occupancy, opt_text(lang, o.occupancy_rate.map(|r| format!("{} %", number(r, 0))))) }
        </>
    };
    let about = html! {
        <>
            if !o.description.is_empty() { { row(d.description, html! { <p class="tf-description">{ o.description.clone() }</p> }) } }
            { row(d.legal_bases, list(o.legal_bases.iter().map(|b| format!("{} ({} {})", i18n::legal_basis(lang, b.basis), b.places, d.places.to_lowercase())))) }
        </>
    };
    let rates_label = if terms.is_some() {
        d.rates_paid_by_municipality
    } else {
        d.rates
    };
    let services = html! {
        <>
            { for o.services.iter().map(|s| row(i18n::label(lang, s.kind), html! {
                <>
                    <p>{ format!("{} · {}", s.basis.short(), i18n::age_range(lang, s.age_from, s.age_to)) }</p>
                    <p>{ format!("{}: {}", d.target_groups, s.target_groups.iter().map(|g| i18n::label(lang, *g)).collect::<Vec<_>>().join(", ")) }</p>
                    if !s.rates.is_empty() {
                        <p>{ format!("{rates_label}: ") }
                           { s.rates.iter().map(|r| {
                               let base = format!("{} ({})", i18n::rate(lang, r.amount, r.unit), r.year);
                               match (&r.label, r.addon) {
                                   (Some(l), true) => format!("{base}, {}: {l}", d.addon),
                                   (None, true) => format!("{base}, {}", d.addon),
                                   _ => base,
                               }
                           }).collect::<Vec<_>>().join("; ") }
                        </p>
                    }
                </>
            })) }
            if let Some(rent) = &o.rent {
                { text_row(d.rent, format!("{} kr.", number(rent.monthly, 0))) }
                if let Some(dep) = rent.deposit { { text_row(d.deposit, format!("{} kr.", number(dep, 0))) } }
            }
        </>
    };
    let approach = html! {
        <>
            if !o.quality.is_empty() {
                { row(d.quality, list(o.quality.iter().map(|q| format!("{}: {}", i18n::label(lang, q.theme), number(q.score, 1))))) }
            }
            { row(d.methods, list(o.methods.iter().cloned())) }
            { row(d.staff_groups, list(o.staff_groups.iter().cloned())) }
            { text_row(d.staffing_ratio, opt_text(lang, o.staffing_ratio.map(|r| number(r, 2)))) }
        </>
    };
    let supervision = html! {
        <>
            { text_row(d.authority, i18n::label(lang, o.supervision.authority)) }
            { text_row(d.approval, i18n::label(lang, o.supervision.approval)) }
            { text_row(d.approved, opt_text(lang, o.supervision.approved.map(|a| i18n::date(lang, a)))) }
            if let Some(m) = &o.supervision.marking {
                { text_row(d.marking, format!("{}: {}", i18n::date(lang, m.date), m.reason)) }
            }
            { oversight_rows(lang, record, today) }
        </>
    };
    let organisation = html! {
        <>
            { text_row(d.owner, o.owner.clone()) }
            { text_row(d.ownership, i18n::label(lang, o.ownership)) }
            if let Some(code) = o.operating_agreement { { text_row(d.operating_agreement, municipality_name(code)) } }
            { text_row(d.leader, opt_text(lang, o.contact.leader.clone())) }
            { text_row(d.cvr, o.cvr.clone()) }
            { row(d.departments, html! {
                <ul class="tf-plain-list">
                    { for o.departments.iter().map(|dep| html! {
                        <li>
                            { format!("{} ({})", dep.name, municipality_name(dep.address.municipality)) }
                            if let Some(p) = &dep.p_number { { format!(" · {} {}", d.p_number, p) } }
                        </li>
                    }) }
                </ul>
            }) }
        </>
    };
    let u = &o.updated;
    let updated = html! {
        <>
            { text_row(d.updated_general, updated_text(lang, u.general, today)) }
            { text_row(d.updated_places, updated_text(lang, u.places, today)) }
            { text_row(d.updated_services, updated_text(lang, u.services, today)) }
            { text_row(d.updated_economy, updated_text(lang, u.economy, today)) }
            { text_row(d.updated_approach, updated_text(lang, u.approach, today)) }
        </>
    };
    html! {
        <>
            { offer_lead(lang, o) }
            { section(level, d.contact, contact) }
            { section(level, d.places, places) }
            { section(level, d.about, about) }
            { section(level, d.services, services) }
            { section(level, d.approach, approach) }
            { section(level, d.supervision, supervision) }
            { section(level, d.organisation, organisation) }
            { section(level, d.updated, updated) }
        </>
    }
}

/// A foster family: type and ages, where and how to get in touch, free places, then the rest.
fn family_fields(shown: &Shown, f: &FosterFamily) -> Html {
    let (lang, record, today, level) = (shown.lang, shown.record, shown.today, shown.level);
    let d = &lang.texts().detail;
    let general = html! {
        <>
            if !f.description.is_empty() { { row(d.description, html! { <p class="tf-description">{ f.description.clone() }</p> }) } }
            { text_row(d.family_type, i18n::label(lang, f.family_type)) }
            { text_row(d.approval_scope, i18n::label(lang, f.approval_scope)) }
            { row(d.approved_for, list(f.approved_for.iter().map(|c| i18n::label(lang, *c).to_string()))) }
            if let Some(days) = f.respite_days_per_month { { text_row(d.respite_days, days.to_string()) } }
            { text_row(d.emergency, yes_no(lang, f.emergency)) }
            { text_row(d.parent_child, yes_no(lang, f.parent_child)) }
            { text_row(lang.texts().ages, i18n::age_range(lang, f.age_from, f.age_to)) }
            if !f.target_groups.is_empty() {
                { row(d.target_groups, list(f.target_groups.iter().map(|g| i18n::label(lang, *g).to_string()))) }
            }
            // A row with nothing in it reads as a fault: no competences, no row.
            if !f.competences.is_empty() {
                { row(d.competences, list(f.competences.iter().cloned())) }
            }
        </>
    };
    let contact = html! {
        <>
            { row(d.location, html! {
                <ul class="tf-plain-list">
                    <li>{ format!("{} {}, {}", f.location.postal_code, f.location.city, municipality_name(f.location.municipality)) }</li>
                    if let Some(distance) = shown.distance.clone() { <li>{ distance }</li> }
                </ul>
            }) }
            { contact_rows(lang, &f.contact) }
            if let Some(leader) = &f.contact.leader { { text_row(d.leader, leader.clone()) } }
        </>
    };
    let places = html! {
        <>
            { text_row(d.children_approved, f.children_approved.to_string()) }
            { text_row(d.children_placed, f.children_placed.to_string()) }
            { text_row(d.own_children, f.own_children.to_string()) }
            if !f.children_in_home.is_empty() {
                { text_row(d.children_in_home, i18n::children_ages(lang, &f.children_in_home)) }
            }
            { text_row(d.free_places, {
                let days = Some(f.free_places.reported.days_until(today));
                let text = match f.free_respite_places {
                    Some(respite) => i18n::family_free_places(lang, f.free_places.count, respite, days),
                    None => i18n::free_places(lang, f.free_places.count, days),
                };
                free_places_with_certainty(lang, text, f.free_places.reported, today)
            }) }
            { text_row(d.pause, match f.pause {
                Some(p) if f.paused_on(today) => i18n::paused_until(lang, p.until),
                Some(p) => format!("{}–{}", i18n::date(lang, p.from), p.until.map(|u| i18n::date(lang, u)).unwrap_or_default()),
                None => lang.texts().no.to_string(),
            }) }
        </>
    };
    let supervision = html! {
        <>
            { text_row(d.authority, i18n::label(lang, f.authority)) }
            { text_row(d.approved, i18n::date(lang, f.approved)) }
            { oversight_rows(lang, record, today) }
        </>
    };
    html! {
        <>
            <div class="tf-detail-lead">
                <p class="tf-detail-what">{ format!("{} · {}", i18n::label(lang, f.family_type), i18n::age_range(lang, f.age_from, f.age_to)) }</p>
            </div>
            { section(level, d.contact, contact) }
            { section(level, d.places, places) }
            { section(level, d.about_family, general) }
            { section(level, d.supervision, supervision) }
            { section(level, d.updated, text_row(d.updated_general, updated_text(lang, f.updated, today))) }
        </>
    }
}
