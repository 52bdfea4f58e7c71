//! The segmented control the mode switch and the view switch are made of: a radio group in a
//! fieldset, usable with arrow keys, styled as one bar of buttons.

use yew::prelude::*;

/// One choice of a segmented control: its value, its label and the end of its element id.
pub struct Segment<T> {
    pub value: T,
    pub label: &'static str,
    pub id_suffix: &'static str,
}

/// The radio group named `name` (unique on the page) with `legend`, `selected` checked;
/// `on_change` gets the value chosen.
pub fn segmented<T: Copy + PartialEq + 'static>(
    class: Classes,
    legend: &'static str,
    name: &str,
    selected: T,
    segments: [Segment<T>; 2],
    on_change: &Callback<T>,
) -> Html {
    let option = |segment: Segment<T>| {
        let Segment {
            value,
            label,
            id_suffix,
        } = segment;
        let on_change = on_change.clone();
        let id = format!("{name}-{id_suffix}");
        html! {
            <label class={classes!("tf-mode-option", (selected == value).then_some("tf-selected"))} for={id.clone()}>
                <input type="radio" id={id} name={name.to_string()} checked={selected == value}
                       onchange={Callback::from(move |_| on_change.emit(value))} />
                <span>{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset {class}>
            <legend class="tf-legend">{ legend }</legend>
            { for segments.into_iter().map(option) }
        </fieldset>
    }
}
