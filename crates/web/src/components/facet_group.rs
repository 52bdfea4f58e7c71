//! One facet as a group of checkboxes with counts (fieldset and legend), long lists collapsed
//! behind "vis flere", and an optional nested child facet under each value.
//!
//! Every answer brings new counts for every group, so a group renders again after each keystroke
//! or tick; its rows are [`FacetCheck`] components whose props are plain values (the label, the
//! count, whether ticked), so a row whose count and tick did not change is not rendered again,
//! and one whose count changed updates only its count's text (issue 13).

use std::rc::Rc;

use tilbudsfinder_index::query::{FacetCounts, FacetValueCount};
use yew::prelude::*;

use crate::i18n::{self, Lang};

/// Values shown before "vis flere".
pub const COLLAPSED_VALUES: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    pub lang: Lang,
    pub counts: Rc<FacetCounts>,
    /// A facet whose values nest under this one's (by `parent`).
    #[prop_or_default]
    pub children: Option<Rc<FacetCounts>>,
    pub selected: Rc<Vec<(String, String)>>,
    pub locked: Rc<Vec<(String, String)>>,
    pub uid: u32,
    pub on_toggle: Callback<(String, String)>,
    /// The facet (this one or its child) whose ticked values may be combined with AND, and
    /// whether they are.
    #[prop_or_default]
    pub combinable: Option<(String, bool)>,
    #[prop_or_default]
    pub on_combine: Callback<(String, bool)>,
}

/// The positions of the `n` values with the most matches (earlier ones first among equals).
///
/// A plain selection (a facet has a few dozen values at most): no sort routine in the wasm.
pub fn most_frequent(values: &[FacetValueCount], n: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    while chosen.len() < n.min(values.len()) {
        let next = (0..values.len()).filter(|i| !chosen.contains(i)).fold(
            None,
            |best: Option<usize>, i| match best {
                Some(b) if values[b].count >= values[i].count => Some(b),
                _ => Some(i),
            },
        );
        chosen.extend(next);
    }
    chosen
}

#[derive(Properties, PartialEq)]
pub struct FacetCheckProps {
    pub lang: Lang,
    pub uid: u32,
    pub facet: AttrValue,
    /// The value's position in its facet (its checkbox's id).
    pub index: usize,
    pub value: AttrValue,
    pub label: AttrValue,
    pub count: u32,
    pub checked: bool,
    pub disabled: bool,
    pub on_toggle: Callback<(String, String)>,
}

/// One value's checkbox, its label and its count.
#[function_component(FacetCheck)]
pub fn facet_check(props: &FacetCheckProps) -> Html {
    let id = format!("tf{}-f-{}-{}", props.uid, props.facet, props.index);
    let onchange = {
        let on_toggle = props.on_toggle.clone();
        let pair = (props.facet.to_string(), props.value.to_string());
        Callback::from(move |_| on_toggle.emit(pair.clone()))
    };
    html! {
        <span class="tf-check">
            <input type="checkbox" id={id.clone()} checked={props.checked} disabled={props.disabled}
                   value={props.value.clone()} data-facet={props.facet.clone()} {onchange} />
            <label for={id}>
                { props.label.clone() }
                <span class="tf-count">{ format!(" ({})", i18n::number(props.lang, f64::from(props.count), 0)) }</span>
            </label>
        </span>
    }
}

/// A `<fieldset>` of checkboxes.
#[function_component(FacetGroup)]
pub fn facet_group(props: &FacetGroupProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let expanded = use_state(|| false);
    let opened_parents = use_state(Vec::<String>::new);
    let facet = &props.counts.facet;
    let is_on = |facet: &str, value: &str| {
        props
            .selected
            .iter()
            .chain(props.locked.iter())
            .any(|(f, v)| f == facet && v == value)
    };
    let is_locked =
        |facet: &str, value: &str| props.locked.iter().any(|(f, v)| f == facet && v == value);
    let children_of = |parent: &str| -> Vec<(usize, &FacetValueCount)> {
        props
            .children
            .as_ref()
            .map(|c| {
                c.values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| v.parent.as_deref() == Some(parent))
                    .collect()
            })
            .unwrap_or_default()
    };
    let checkbox = |facet_name: &str, index: usize, value: &FacetValueCount| {
        html! {
            <FacetCheck {lang} uid={props.uid} facet={AttrValue::from(facet_name.to_string())} {index}
                        value={AttrValue::from(value.value.clone())} label={AttrValue::from(value.label.clone())}
                        count={value.count} checked={is_on(facet_name, &value.value)}
                        disabled={is_locked(facet_name, &value.value)} on_toggle={props.on_toggle.clone()} />
        }
    };
    let values = &props.counts.values;
    // Collapsed, the list keeps its order but shows the values most frequent in the current
    // result, and never hides a ticked one behind "vis flere".
    let frequent = most_frequent(values, COLLAPSED_VALUES);
    let shown: Vec<(usize, &FacetValueCount)> = values
        .iter()
        .enumerate()
        .filter(|(i, v)| *expanded || frequent.contains(i) || is_on(facet, &v.value))
        .collect();
    let hidden_count = values.len() - shown.len();
    let child_facet = props
        .children
        .as_ref()
        .map(|c| c.facet.clone())
        .unwrap_or_default();
    html! {
        <fieldset class="tf-facet">
            <legend class="tf-legend">{ i18n::facet_legend(lang, facet) }</legend>
            <ul class="tf-facet-values">
                { for shown.into_iter().map(|(index, value)| {
                    let kids = children_of(&value.value);
                    let open = opened_parents.contains(&value.value)
                        || kids.iter().any(|(_, k)| is_on(&child_facet, &k.value));
                    let list_id = format!("tf{}-sub-{}-{}", props.uid, facet, index);
                    let toggle_open = {
                        let opened = opened_parents.clone();
                        let code = value.value.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut next = (*opened).clone();
                            if let Some(at) = next.iter().position(|c| *c == code) { next.remove(at); } else { next.push(code.clone()); }
                            opened.set(next);
                        })
                    };
                    html! {
                        <li key={value.value.clone()}>
                            { checkbox(facet, index, value) }
                            if !kids.is_empty() {
                                <button type="button" class="tf-disclosure" aria-expanded={open.to_string()}
                                        aria-controls={open.then(|| list_id.clone())} onclick={toggle_open}
                                        aria-label={format!("{} {}", t.show_children, value.label)}>
                                    <span aria-hidden="true">{ if open { "▾" } else { "▸" } }</span>
                                </button>
                                if open {
                                    <ul class="tf-facet-children" id={list_id}>
                                        { for kids.iter().map(|(ci, kid)| html! {
                                            <li key={kid.value.clone()}>{ checkbox(&child_facet, *ci, kid) }</li>
                                        }) }
                                    </ul>
                                }
                            }
                        </li>
                    }
                }) }
            </ul>
            if let Some((combined, all)) = props.combinable.clone() {
                if props.selected.iter().filter(|(f, _)| *f == combined).count() >= 2 {
                    <fieldset class="tf-combine">
                        <legend class="tf-legend-small">{ i18n::combine_legend(lang, &combined) }</legend>
                        { for [(false, i18n::combine_choices(lang).0), (true, i18n::combine_choices(lang).1)].into_iter().map(|(choice, label)| {
                            let id = format!("tf{}-combine-{}-{}", props.uid, combined, choice);
                            let on_combine = props.on_combine.clone();
                            let facet_name = combined.clone();
                            html! {
                                <span class="tf-check">
                                    <input type="radio" id={id.clone()} name={format!("tf{}-combine-{}", props.uid, combined)}
                                           checked={all == choice}
                                           onchange={Callback::from(move |_| on_combine.emit((facet_name.clone(), choice)))} />
                                    <label for={id}>{ label }</label>
                                </span>
                            }
                        }) }
                    </fieldset>
                }
            }
            if values.len() > COLLAPSED_VALUES {
                <button type="button" class="tf-link-button" aria-expanded={expanded.to_string()}
                        onclick={{ let e = expanded.clone(); Callback::from(move |_: MouseEvent| e.set(!*e)) }}>
                    { if *expanded { t.show_fewer.to_string() } else { format!("{} ({hidden_count})", t.show_more) } }
                </button>
            }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(code: &str, count: u32) -> FacetValueCount {
        FacetValueCount {
            value: code.into(),
            label: code.into(),
            count,
            parent: None,
        }
    }

    #[test]
    fn a_frequent_value_late_in_the_list_is_among_those_shown() {
        let mut values: Vec<FacetValueCount> =
            (0..10).map(|i| value(&format!("v{i}"), 1)).collect();
        values.push(value("sel_108", 476));
        let shown = most_frequent(&values, COLLAPSED_VALUES);
        assert_eq!(shown.len(), COLLAPSED_VALUES);
        assert!(shown.contains(&10), "{shown:?}");
        assert!(
            shown.contains(&0) && !shown.contains(&9),
            "ties keep the list's order"
        );
    }
}
