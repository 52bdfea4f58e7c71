//! The filters that are not checkbox lists: age, distance, price, free places, freshness.

use catalogue::vocab::PriceBasis;
use tilbudsfinder_index::query::Mode;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{self, Lang};
use crate::state::{Action, RangeChoices, RADIUS_CHOICES, UPDATED_WITHIN_CHOICES};
use crate::url_state::{basis_code, basis_from_code};

#[derive(Properties, PartialEq)]
pub struct RangeFiltersProps {
    pub lang: Lang,
    pub mode: Mode,
    pub uid: u32,
    /// The choices as the user makes them (not a frame later): the fields show what was typed.
    pub range: RangeChoices,
    /// The place typed is not one the index knows.
    pub place_unknown: bool,
    pub dispatch: Callback<Action>,
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// A select of whole numbers (`choices`, each said by `text`) with a first "any" option.
fn choice_select(
    id: String,
    label: &'static str,
    any: &'static str,
    choices: &[u32],
    current: Option<u32>,
    text: impl Fn(u32) -> String,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="tf-field">
            <label class="tf-label" for={id.clone()}>{ label }</label>
            <select {id} class="tf-select" {onchange}>
                <option value="" selected={current.is_none()}>{ any }</option>
                { for choices.iter().map(|&n| html! {
                    <option value={n.to_string()} selected={current == Some(n)}>{ text(n) }</option>
                }) }
            </select>
        </div>
    }
}

/// A price bound in whole kroner, usable once a price basis is chosen.
fn price_field(
    id: String,
    label: &'static str,
    value: Option<u32>,
    disabled: bool,
    oninput: Callback<InputEvent>,
) -> Html {
    html! {
        <div class="tf-field">
            <label class="tf-label" for={id.clone()}>{ label }</label>
            <input {id} class="tf-input tf-narrow" type="number" inputmode="numeric" min="0" {disabled}
                   value={value.map(|v| v.to_string()).unwrap_or_default()} {oninput} />
        </div>
    }
}

/// Age, distance, price range, "only free places" and "updated within".
#[function_component(RangeFilters)]
pub fn range_filters(props: &RangeFiltersProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let id = |part: &str| format!("tf{}-{part}", props.uid);
    let d = &props.dispatch;
    let on_age = d.reform(|e: InputEvent| Action::SetAge(input_value(&e).trim().parse().ok()));
    let on_place = d.reform(|e: InputEvent| Action::SetNearPlace(input_value(&e)));
    let on_km = d.reform(|e: Event| Action::SetNearKm(select_value(&e).parse().ok()));
    let on_basis = d.reform(|e: Event| Action::SetPriceBasis(basis_from_code(&select_value(&e))));
    let on_min = d.reform(|e: InputEvent| Action::SetPriceMin(input_value(&e).trim().parse().ok()));
    let on_max = d.reform(|e: InputEvent| Action::SetPriceMax(input_value(&e).trim().parse().ok()));
    let on_free = d.reform(|e: Event| {
        Action::SetFreeOnly(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let on_updated = d.reform(|e: Event| Action::SetUpdatedWithin(select_value(&e).parse().ok()));
    let age_label = match props.mode {
        Mode::Offers => t.age_offers,
        Mode::FosterFamilies => t.age_families,
    };
    let place_error_id = id("near-error");
    let no_basis = props.range.price_basis.is_none();
    let bases = [
        PriceBasis::PerDay,
        PriceBasis::PerHour,
        PriceBasis::PerCourse,
    ];
    html! {
        <div class="tf-range-filters">
            <div class="tf-field">
                <label class="tf-label" for={id("age")}>{ age_label }</label>
                <input id={id("age")} class="tf-input tf-narrow" type="number" inputmode="numeric" min="0" max="120"
                       value={props.range.age.map(|a| a.to_string()).unwrap_or_default()} oninput={on_age} />
            </div>
            <div class="tf-field">
                <input type="checkbox" id={id("free")} checked={props.range.free_only} onchange={on_free} />
                <label for={id("free")}>{ t.free_only }</label>
            </div>
            <fieldset class="tf-group">
                <legend class="tf-legend">{ t.near_legend }</legend>
                <div class="tf-field">
                    <label class="tf-label" for={id("near")}>{ t.near_place }</label>
                    <input id={id("near")} class="tf-input" type="text" autocomplete="off"
                           placeholder={t.near_place_hint} value={props.range.near_place.clone()} oninput={on_place}
                           aria-invalid={props.place_unknown.then_some("true")}
                           aria-describedby={props.place_unknown.then(|| place_error_id.clone())} />
                    if props.place_unknown {
                        <p id={place_error_id.clone()} class="tf-field-error">{ t.near_unknown }</p>
                    }
                </div>
                { choice_select(id("km"), t.near_radius, t.near_any_radius, RADIUS_CHOICES,
                                props.range.near_km, |km| i18n::within_km(lang, km), on_km) }
            </fieldset>
            if props.mode == Mode::Offers {
                <fieldset class="tf-group">
                    <legend class="tf-legend">{ t.price_legend }</legend>
                    <div class="tf-field">
                        <label class="tf-label" for={id("pb")}>{ t.price_basis }</label>
                        <select id={id("pb")} class="tf-select" onchange={on_basis}>
                            <option value="" selected={props.range.price_basis.is_none()}>{ "–" }</option>
                            { for bases.iter().map(|b| html! {
                                <option value={basis_code(*b)} selected={props.range.price_basis == Some(*b)}>{ i18n::basis_label(lang, *b) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="tf-field-row">
                        { price_field(id("pmin"), t.price_min, props.range.price_min, no_basis, on_min) }
                        { price_field(id("pmax"), t.price_max, props.range.price_max, no_basis, on_max) }
                    </div>
                </fieldset>
            }
            { choice_select(id("upd"), t.updated_within, t.updated_any, UPDATED_WITHIN_CHOICES,
                            props.range.updated_within, |days| i18n::period(lang, days), on_updated) }
        </div>
    }
}
