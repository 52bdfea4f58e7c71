//! The switch between the result list and the capacity overview: a radio group like the mode
//! switch, so the two views share the filters and the URL (`view=capacity`).

use yew::prelude::*;

use crate::i18n::{capacity_texts, Lang};
use crate::state::View;

#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    pub lang: Lang,
    pub view: View,
    /// The radio group's name, unique on the page.
    pub name: String,
    pub on_change: Callback<View>,
}

/// Two radio buttons styled as a segmented control ("Søg" / "Kapacitet").
#[function_component(ViewSwitch)]
pub fn view_switch(props: &ViewSwitchProps) -> Html {
    let t = capacity_texts(props.lang);
    let option = |view: View, label: &'static str, suffix: &str| {
        let on_change = props.on_change.clone();
        let id = format!("{}-{suffix}", props.name);
        html! {
            <label class={classes!("tf-mode-option", (props.view == view).then_some("tf-selected"))} for={id.clone()}>
                <input type="radio" id={id} name={props.name.clone()} checked={props.view == view}
                       onchange={Callback::from(move |_| on_change.emit(view))} />
                <span>{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset class="tf-mode-switch tf-view-switch">
            <legend class="tf-legend">{ t.view_legend }</legend>
            { option(View::Search, t.view_search, "search") }
            { option(View::Capacity, t.view_capacity, "capacity") }
        </fieldset>
    }
}
