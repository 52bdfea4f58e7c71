//! The switch between offers and foster families: a radio group, usable with arrow keys.

use tilbudsfinder_index::query::Mode;
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ModeSwitchProps {
    pub lang: Lang,
    pub mode: Mode,
    /// The radio group's name, unique on the page.
    pub name: String,
    pub on_change: Callback<Mode>,
}

/// Two radio buttons styled as a segmented control.
#[function_component(ModeSwitch)]
pub fn mode_switch(props: &ModeSwitchProps) -> Html {
    let t = props.lang.texts();
    let option = |mode: Mode, label: &'static str| {
        let on_change = props.on_change.clone();
        let id = format!(
            "{}-{}",
            props.name,
            if mode == Mode::Offers {
                "offers"
            } else {
                "families"
            }
        );
        html! {
            <label class={classes!("tf-mode-option", (props.mode == mode).then_some("tf-selected"))} for={id.clone()}>
                <input type="radio" id={id} name={props.name.clone()} checked={props.mode == mode}
                       onchange={Callback::from(move |_| on_change.emit(mode))} />
                <span>{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset class="tf-mode-switch">
            <legend class="tf-legend">{ t.mode_legend }</legend>
            { option(Mode::Offers, t.mode_offers) }
            { option(Mode::FosterFamilies, t.mode_families) }
        </fieldset>
    }
}
