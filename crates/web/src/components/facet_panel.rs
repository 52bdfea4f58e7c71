//! All facet groups of the mode, in the engine's order, with child facets nested under their
//! parents (target groups under their group, municipalities under their region).

use std::rc::Rc;

use tilbudsfinder_index::query::FacetCounts;
use yew::prelude::*;

use crate::components::facet_group::FacetGroup;
use crate::i18n::Lang;
use tilbudsfinder_index::facets::{self, facet_named};

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
    // A child value's `parent` is a value code of its parent facet (the facet table's shape).
    let is_child = |name: &str| facet_named(name).is_some_and(|f| f.parent().is_some());
    let child_of = |parent: &str| {
        props
            .facets
            .iter()
            .find(|f| facet_named(&f.facet).is_some_and(|f| f.parent() == Some(parent)))
            .cloned()
    };
    // The facet a group's switch combines: its own, or its nested child's.
    let combinable = |name: &str| -> Option<&'static str> {
        let child = facets::FACETS.iter().find(|f| f.parent() == Some(name));
        facet_named(name)
            .into_iter()
            .chain(child.map(|c| c.facet))
            .find(|f| f.combinable)
            .map(|f| f.name)
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
