//! The capacity overview (issue 7): places and free places of the records the filters match, by
//! target group, region and, for foster families, by type and accepted age. Each section is an
//! SVG bar chart followed by a real table with the same figures (the table is what a screen
//! reader reads). The figures are the engine's `SearchIndex::capacity`; nothing is summed here.
//! Offers are counted one kind of places at a time (residential, day or outpatient, chosen
//! here): a bed, a day place and an outpatient treatment place are not alike and never added up.

use std::rc::Rc;

use catalogue::vocab::OfferType;
use tilbudsfinder_index::query::Mode;
use tilbudsfinder_index::{CapacityOverview, CapacityRow};
use yew::prelude::*;

use crate::components::capacity_chart::{CapacityChart, ChartRow};
use crate::components::heading::Heading;
use crate::i18n::{self, capacity_texts, number, Lang};

#[derive(Properties, PartialEq)]
pub struct CapacityViewProps {
    pub lang: Lang,
    pub overview: Rc<CapacityOverview>,
    /// Level of the overview's own heading; sections get the next level.
    pub heading_level: u8,
    pub heading_id: AttrValue,
    /// The heading focused when the filter panel's "show" button is used.
    pub heading_ref: NodeRef,
    /// Where the data-quality report is, when the page knows it.
    pub report_url: Option<AttrValue>,
    /// For offers: the kind of places counted, and the choice of it.
    #[prop_or_default]
    pub kind: Option<OfferType>,
    #[prop_or_default]
    pub on_kind: Callback<OfferType>,
    /// Unique within the page (radio names).
    #[prop_or_default]
    pub uid: u32,
}

/// The choice between residential, day and outpatient places, which are never added up.
fn kind_choice(lang: Lang, kind: OfferType, on_kind: &Callback<OfferType>, uid: u32) -> Html {
    let t = capacity_texts(lang);
    let name = format!("tf{uid}-capacity-kind");
    html! {
        <fieldset class="tf-mode-switch tf-capacity-kind">
            <legend class="tf-legend">{ t.kind_legend }</legend>
            { for OfferType::ALL.iter().map(|option| {
                    let option = *option;
                    let id = format!("{name}-{}", option.code());
                    let onchange = on_kind.reform(move |_: Event| option);
                    html! {
                        <label for={id.clone()} class={classes!("tf-mode-option", (option == kind).then_some("tf-selected"))}>
                            <input type="radio" id={id} name={name.clone()} checked={option == kind} {onchange} />
                            <span>{ i18n::label(lang, option) }</span>
                        </label>
                    }
                }) }
            <p class="tf-hint tf-capacity-kind-note">{ t.kind_note }</p>
        </fieldset>
    }
}

/// One section: heading, chart, table.
fn section(
    lang: Lang,
    mode: Mode,
    level: u8,
    title: &'static str,
    first_column: &'static str,
    rows: &[CapacityRow],
    label_of: &dyn Fn(&CapacityRow) -> String,
) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    let t = capacity_texts(lang);
    let chart_rows: Vec<ChartRow> = rows
        .iter()
        .map(|r| ChartRow {
            // The chart's labels stay short (it is narrow on a phone); the table says more.
            label: r.label.clone(),
            places: r.figures.places,
            free: r.figures.free_places,
        })
        .collect();
    let records_column = match mode {
        Mode::Offers => t.col_records_offers,
        Mode::FosterFamilies => t.col_records_families,
    };
    let n = |v: f64| number(lang, v, 0);
    let columns: [String; 7] = [
        first_column.to_string(),
        t.col_places.to_string(),
        t.col_free.to_string(),
        records_column.to_string(),
        i18n::capacity_reported(lang, false),
        i18n::capacity_reported(lang, true),
        t.col_unreported.to_string(),
    ];
    html! {
        <section class="tf-capacity-section">
            <Heading level={level} class="tf-capacity-heading">{ title }</Heading>
            <CapacityChart {lang} title={AttrValue::from(title)} rows={chart_rows} />
            <div class="tf-table-scroll" tabindex="0" role="region" aria-label={format!("{title}: {}", t.table_region)}>
                // Explicit roles: on a phone the stylesheet stacks each row as a card (every
                // figure labelled by its column), and the table must stay a table to assistive
                // technology when its display is no longer `table`.
                <table class="tf-table tf-capacity-table" role="table">
                    <caption>{ title }</caption>
                    <thead role="rowgroup">
                        <tr role="row">
                            { for columns.iter().map(|c| html! { <th scope="col" role="columnheader">{ c.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody role="rowgroup">
                        { for rows.iter().map(|r| { let f = r.figures; html! {
                            <tr data-code={r.code.clone()} role="row">
                                <th scope="row" role="rowheader">{ label_of(r) }</th>
                                { for [
                                    f.places as f64,
                                    f.free_places as f64,
                                    f64::from(f.records),
                                    f64::from(f.reported_fresh),
                                    f64::from(f.reported_stale),
                                    f64::from(f.unreported),
                                ].into_iter().zip(&columns[1..]).map(|(v, label)| html! {
                                    <td class="tf-num" role="cell" data-label={label.clone()}>{ n(v) }</td>
                                }) }
                            </tr>
                        }}) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The overview.
#[function_component(CapacityView)]
pub fn capacity_view(props: &CapacityViewProps) -> Html {
    let lang = props.lang;
    let t = capacity_texts(lang);
    let o = &props.overview;
    let mode = o.mode;
    let level = props.heading_level.clamp(1, 6);
    let sub = (level + 1).min(6);
    let total = o.total;
    let group_label = |code: &str| {
        o.by_group
            .iter()
            .find(|g| g.code == code)
            .map(|g| g.label.clone())
            .unwrap_or_default()
    };
    let plain = |r: &CapacityRow| r.label.clone();
    let target_label = |r: &CapacityRow| match r.parent.as_deref().map(group_label) {
        Some(group) if !group.is_empty() && group != r.label => format!("{} ({group})", r.label),
        _ => r.label.clone(),
    };
    html! {
        <section class="tf-results tf-capacity" aria-labelledby={props.heading_id.clone()}>
            <Heading level={level} id={props.heading_id.clone()} class="tf-results-title"
                     focusable={true} node_ref={props.heading_ref.clone()}>
                { t.title }
            </Heading>
            // The kind first: the totals below count only that kind of places.
            if let Some(kind) = props.kind {
                { kind_choice(lang, kind, &props.on_kind, props.uid) }
            }
            <p class="tf-capacity-total" data-records={total.records.to_string()}
               data-places={total.places.to_string()} data-free={total.free_places.to_string()}>
                if let Some(kind) = props.kind { { format!("{}: ", i18n::label(lang, kind)) } }
                { i18n::capacity_total(lang, mode, total.records, total.places, total.free_places) }
            </p>
            if total.records == 0 {
                <p class="tf-note">{ t.no_matches }</p>
            } else {
                <p>{ t.intro }</p>
                <p>{ format!("{} {}", t.overlap_note, t.region_note) }</p>
            }
            if let Some(url) = props.report_url.clone() {
                <p><a class="tf-link" href={url}>{ t.report_link }</a></p>
            }
            if total.records > 0 {
                { section(lang, mode, sub, t.by_group, t.col_group, &o.by_group, &plain) }
                { section(lang, mode, sub, t.by_target, t.col_group, &o.by_target, &target_label) }
                { section(lang, mode, sub, t.by_region, t.col_region, &o.by_region, &plain) }
                { section(lang, mode, sub, t.by_family_type, t.col_family_type, &o.by_family_type, &plain) }
                { section(lang, mode, sub, t.by_age, t.col_age, &o.by_age_band, &plain) }
            }
        </section>
    }
}
