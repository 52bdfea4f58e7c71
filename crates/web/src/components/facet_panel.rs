//! All facet groups of the mode, in the engine's order, with child facets nested under their
//! parents (target groups under their group, municipalities under their region).

use std::rc::Rc;

use tilbudsfinder_index::query::FacetCounts;
use yew::prelude::*;

use crate::components::facet_group::FacetGroup;
use crate::i18n::Lang;
use crate::state::COMBINABLE_FACETS;

/// (child facet, parent facet): a child value's `parent` is a value code of the parent facet.
pub const NESTED_FACETS: &[(&str, &str)] = &[("target", "group"), ("municipality", "region")];

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub lang: Lang,
    pub facets: Vec<Rc<FacetCounts>>,
    /// Values the user ticked.
    pub selected: Rc<Vec<(String, String)>>,
    /// Values the page fixed (shown ticked and disabled).
    pub locked: Rc<Vec<(String, String)>>,
    pub uid: u32,
    pub on_toggle: Callback<(String, String)>,
    /// Facets combined with AND.
    pub all_of: Rc<Vec<String>>,
    /// (facet, all): switch a facet between AND and OR.
    pub on_combine: Callback<(String, bool)>,
}

/// One [`FacetGroup`] per top-level facet that has values.
#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let is_child = |name: &str| NESTED_FACETS.iter().any(|(child, _)| *child == name);
    let child_of = |parent: &str| {
        NESTED_FACETS
            .iter()
            .find(|(_, p)| *p == parent)
            .and_then(|(child, _)| props.facets.iter().find(|f| f.facet == *child))
            .cloned()
    };
    // The facet a group's switch combines: its own, or its nested child's.
    let combinable = |name: &str| -> Option<&'static str> {
        let child = NESTED_FACETS
            .iter()
            .find(|(_, p)| *p == name)
            .map(|(c, _)| *c);
        COMBINABLE_FACETS
            .iter()
            .copied()
            .find(|f| *f == name || Some(*f) == child)
    };
    html! {
        <div class="tf-facets">
            { for props.facets.iter().filter(|f| !is_child(&f.facet) && !f.values.is_empty()).map(|facet| html! {
                <FacetGroup key={facet.facet.clone()} lang={props.lang} counts={Rc::clone(facet)}
                            children={child_of(&facet.facet)} selected={Rc::clone(&props.selected)}
                            locked={Rc::clone(&props.locked)} uid={props.uid}
                            on_toggle={props.on_toggle.clone()}
                            combinable={combinable(&facet.facet).map(|f| (f.to_string(), props.all_of.iter().any(|a| a == f)))}
                            on_combine={props.on_combine.clone()} />
            }) }
        </div>
    }
}
