//! The capacity overview (issue 7): places and free places of the records the filters match, by
//! target group, region, legal basis and, for foster families, by type and accepted age, each
//! with the share of free places and the age of the free-place reports (issue 15). Each section is an
//! SVG bar chart followed by a real table with the same figures (the table is what a screen
//! reader reads), a sentence above the chart on what is counted, and a link that downloads the
//! table as CSV. The figures are the engine's `SearchIndex::capacity`; nothing is summed here.
//! Offers are counted one kind of places at a time (residential, day or outpatient, chosen
//! here): a bed, a day place and an outpatient treatment place are not alike and never added up.

use std::rc::Rc;

use catalogue::vocab::OfferType;
use tilbudsfinder_index::query::Mode;
use tilbudsfinder_index::{CapacityFigures, CapacityOverview, CapacityRow};
use yew::prelude::*;

use crate::components::capacity_chart::{CapacityChart, ChartRow};
use crate::components::heading::{use_app_title, AppTitle, Heading};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::components::shortlist_panel::download_text;
use crate::csv::{csv, Field};
use crate::i18n::{self, capacity_texts, number, CapacitySplit, Lang};

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

/// What a section shows: its title, first column, what it counts and its CSV file name.
struct SectionSpec {
    title: &'static str,
    first_column: &'static str,
    split: CapacitySplit,
    /// The file name's part after the overview's ("kapacitet-region.csv").
    slug: &'static str,
}

/// The figures of a row in the table's column order after the label: places, free places, the
/// share free in percent (none when nobody reported), records, and the reports' ages.
fn row_fields(f: &CapacityFigures) -> [Field; 7] {
    [
        Field::Number(Some(f.places as f64), 0),
        Field::Number(Some(f.free_places as f64), 0),
        Field::Number(f.free_share().map(|s| s * 100.0), 1),
        Field::whole(f.records),
        Field::whole(f.reported_fresh),
        Field::whole(f.reported_stale),
        Field::whole(f.unreported),
    ]
}

/// A figure as the table shows it ("1.234", "12,5 %", "–").
fn shown(lang: Lang, field: &Field) -> String {
    match field {
        Field::Number(Some(v), 0) => number(lang, *v, 0),
        Field::Number(Some(v), decimals) => format!("{} %", number(lang, *v, *decimals)),
        Field::Number(None, _) => "–".to_string(),
        Field::Text(text) => text.clone(),
    }
}

/// Offers `text` as the CSV file `file_name`, from inside the clicked button's paragraph.
fn download_csv(event: &MouseEvent, text: &str, file_name: &str) {
    // The target may be the button's inner span; Yew delegates events, so no current target.
    let container = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|target| target.closest(".tf-capacity-csv").ok().flatten())
        .and_then(|p| p.dyn_into::<HtmlElement>().ok());
    if let Some(container) = container {
        let _ = download_text(&container, text, "text/csv;charset=utf-8", file_name);
    }
}

/// What every section of one overview shares.
#[derive(Clone, Copy)]
struct ViewContext<'a> {
    lang: Lang,
    app_title: &'a AppTitle,
    mode: Mode,
    kind: Option<OfferType>,
    /// The sections' heading level.
    level: u8,
}

/// One section: heading, a sentence on what is counted, chart, table, and the table as CSV.
fn section(
    view: &ViewContext<'_>,
    spec: &SectionSpec,
    rows: &[CapacityRow],
    label_of: &dyn Fn(&CapacityRow) -> String,
) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    let ViewContext {
        lang,
        app_title,
        mode,
        kind,
        level,
    } = *view;
    let t = capacity_texts(lang);
    let title = spec.title;
    let chart_rows: Vec<ChartRow> = rows
        .iter()
        .map(|r| ChartRow {
            // The chart's labels stay short (it is narrow on a phone); the table says more.
            label: if spec.split == CapacitySplit::Target {
                r.label.clone()
            } else {
                label_of(r)
            },
            places: r.figures.places,
            free: r.figures.free_places,
        })
        .collect();
    let records_column = match mode {
        Mode::Offers => t.col_records_offers,
        Mode::FosterFamilies => t.col_records_families,
    };
    let columns: [String; 8] = [
        spec.first_column.to_string(),
        t.col_places.to_string(),
        t.col_free.to_string(),
        t.col_share.to_string(),
        records_column.to_string(),
        i18n::capacity_reported(lang, false),
        i18n::capacity_reported(lang, true),
        t.col_unreported.to_string(),
    ];
    let csv_text = csv(
        lang,
        &columns,
        rows.iter().map(|r| {
            let mut fields = vec![Field::Text(label_of(r))];
            fields.extend(row_fields(&r.figures));
            fields
        }),
    );
    let file_name = match kind {
        Some(kind) => format!("{}-{}-{}.csv", t.csv_file, kind.code(), spec.slug),
        None => format!("{}-{}.csv", t.csv_file, spec.slug),
    };
    html! {
        <section class="tf-capacity-section" data-split={spec.slug}>
            <Heading level={level} class="tf-capacity-heading">{ title }</Heading>
            <p class="tf-capacity-counted">{ i18n::capacity_counted(lang, mode, spec.split) }</p>
            <CapacityChart {lang} title={AttrValue::from(title)} rows={chart_rows} />
            <div class="tf-table-scroll" tabindex="0" role="region" aria-label={app_title.label(&format!("{title}: {}", t.table_region))}>
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
                        { for rows.iter().map(|r| html! {
                            <tr data-code={r.code.clone()} role="row">
                                <th scope="row" role="rowheader">{ label_of(r) }</th>
                                { for row_fields(&r.figures).iter().zip(&columns[1..]).map(|(cell, label)| html! {
                                    <td class="tf-num" role="cell" data-label={label.clone()}>{ shown(lang, cell) }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="tf-capacity-csv">
                <button type="button" class="tf-link-button" data-file={file_name.clone()}
                        onclick={Callback::from(move |event: MouseEvent| download_csv(&event, &csv_text, &file_name))}>
                    { t.csv_link }
                    <span class="tf-visually-hidden">{ format!(" ({title})") }</span>
                </button>
            </p>
        </section>
    }
}

/// The overview.
#[function_component(CapacityView)]
pub fn capacity_view(props: &CapacityViewProps) -> Html {
    let lang = props.lang;
    let t = capacity_texts(lang);
    // Landmarks named with the widget's heading too, so two widgets' overviews are told apart.
    let app_title = use_app_title();
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
    // The page translates the other splits' labels; a legal basis is said here.
    let basis_label = |r: &CapacityRow| i18n::facet_value(lang, "basis", &r.code, &r.label);
    let kind = props.kind;
    let view = ViewContext {
        lang,
        app_title: &app_title,
        mode,
        kind,
        level: sub,
    };
    let spec = |title, first_column, split, slug| SectionSpec {
        title,
        first_column,
        split,
        slug,
    };
    let target_label = |r: &CapacityRow| match r.parent.as_deref().map(group_label) {
        Some(group) if !group.is_empty() && group != r.label => format!("{} ({group})", r.label),
        _ => r.label.clone(),
    };
    html! {
        <section class="tf-results tf-capacity" aria-labelledby={app_title.labelled_by(&props.heading_id)}>
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
                <p class="tf-capacity-reports">{ i18n::capacity_reports(lang, mode, &total, o.fresh_days) }</p>
                <p>{ t.intro }</p>
            }
            if let Some(url) = props.report_url.clone() {
                <p><a class="tf-link" href={url}>{ t.report_link }</a></p>
            }
            if total.records > 0 {
                { section(&view, &spec(t.by_group, t.col_group, CapacitySplit::Group, "group"), &o.by_group, &plain) }
                { section(&view, &spec(t.by_target, t.col_group, CapacitySplit::Target, "target"), &o.by_target, &target_label) }
                { section(&view, &spec(t.by_region, t.col_region, CapacitySplit::Region, "region"), &o.by_region, &plain) }
                { section(&view, &spec(t.by_basis, t.col_basis, CapacitySplit::Basis, "basis"), &o.by_basis, &basis_label) }
                { section(&view, &spec(t.by_family_type, t.col_family_type, CapacitySplit::FamilyType, "family-type"), &o.by_family_type, &plain) }
                { section(&view, &spec(t.by_age, t.col_age, CapacitySplit::Age, "age"), &o.by_age_band, &plain) }
            }
        </section>
    }
}
