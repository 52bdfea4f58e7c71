//! The switch between offers and foster families: a radio group, usable with arrow keys.

use tilbudsfinder_index::query::Mode;
use yew::prelude::*;

use crate::components::segmented::{segmented, Segment};
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
    let segments = [
        Segment {
            value: Mode::Offers,
            label: t.mode_offers,
            id_suffix: "offers",
        },
        Segment {
            value: Mode::FosterFamilies,
            label: t.mode_families,
            id_suffix: "families",
        },
    ];
    segmented(
        classes!("tf-mode-switch"),
        t.mode_legend,
        &props.name,
        props.mode,
        segments,
        &props.on_change,
    )
}
