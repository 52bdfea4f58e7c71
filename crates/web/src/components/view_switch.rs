//! The switch between the result list and the capacity overview: a radio group like the mode
//! switch, so the two views share the filters and the URL (`view=capacity`).

use yew::prelude::*;

use crate::components::segmented::{segmented, Segment};
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
    let segments = [
        Segment {
            value: View::Search,
            label: t.view_search,
            id_suffix: "search",
        },
        Segment {
            value: View::Capacity,
            label: t.view_capacity,
            id_suffix: "capacity",
        },
    ];
    segmented(
        classes!("tf-mode-switch", "tf-view-switch"),
        t.view_legend,
        &props.name,
        props.view,
        segments,
        &props.on_change,
    )
}
