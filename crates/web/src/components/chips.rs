//! Active filters as removable chips, and "reset filters".

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Action;

/// One active filter: what it says and the action that removes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub label: String,
    pub remove: Action,
    /// A word shown before the chip that joins it to the one before ("og", "eller"), when
    /// both are values of one facet.
    pub joiner: Option<&'static str>,
}

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub lang: Lang,
    pub chips: Vec<Chip>,
    pub on_remove: Callback<Action>,
    pub on_reset: Callback<()>,
}

/// A labelled list of buttons, each removing one filter; nothing when no filter is set.
#[function_component(Chips)]
pub fn chips(props: &ChipsProps) -> Html {
    let t = props.lang.texts();
    if props.chips.is_empty() {
        return html! {};
    }
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <div class="tf-chips">
            <p class="tf-chips-title">{ t.active_filters }</p>
            <ul class="tf-chip-list">
                { for props.chips.iter().map(|chip| {
                    let remove = chip.remove.clone();
                    let on_remove = props.on_remove.clone();
                    html! {
                        <li key={chip.label.clone()}>
                            if let Some(joiner) = chip.joiner {
                                <span class="tf-chip-joiner">{ joiner }</span>
                            }
                            <button type="button" class="tf-chip"
                                    aria-label={format!("{} {}", t.remove_filter, chip.label)}
                                    onclick={Callback::from(move |_| on_remove.emit(remove.clone()))}>
                                <span>{ chip.label.clone() }</span>
                                <span class="tf-chip-x" aria-hidden="true">{ "×" }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="tf-button tf-secondary" onclick={on_reset}>{ t.reset_filters }</button>
        </div>
    }
}
