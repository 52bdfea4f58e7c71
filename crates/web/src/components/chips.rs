//! Active filters as removable chips, and "reset filters".

use yew::prelude::*;

use crate::hooks::use_focus_after_removal;
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
    /// Where focus goes when the last chip is removed or the filters are reset (the results
    /// heading), so it never falls to the page's body.
    #[prop_or_default]
    pub fallback_focus: NodeRef,
}

/// A labelled list of buttons, each removing one filter; nothing when no filter is set.
#[function_component(Chips)]
pub fn chips(props: &ChipsProps) -> Html {
    let t = props.lang.texts();
    let list = use_node_ref();
    // After a removal, focus goes to the chip now in the removed one's place (or the one before
    // it), else to the fallback; `Some(usize::MAX)` marks a reset.
    let removed_at = use_focus_after_removal(
        list.clone(),
        ".tf-chip",
        props.chips.len(),
        props.fallback_focus.clone(),
    );
    if props.chips.is_empty() {
        return html! {};
    }
    let on_reset = {
        let removed_at = removed_at.clone();
        let cb = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| {
            *removed_at.borrow_mut() = Some(usize::MAX);
            cb.emit(());
        })
    };
    html! {
        <div class="tf-chips">
            <p class="tf-chips-title">{ t.active_filters }</p>
            <ul class="tf-chip-list" ref={list}>
                { for props.chips.iter().enumerate().map(|(at, chip)| {
                    let remove = chip.remove.clone();
                    let removed_at = removed_at.clone();
                    let on_remove = Callback::from({
                        let cb = props.on_remove.clone();
                        move |action: Action| {
                            *removed_at.borrow_mut() = Some(at);
                            cb.emit(action);
                        }
                    });
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
