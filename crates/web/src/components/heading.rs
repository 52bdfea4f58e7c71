//! A heading whose level comes from configuration, so the app fits the host page's outline.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// 1–6; anything else is clamped.
    pub level: u8,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    /// Makes the heading focusable from script (to move focus to it), not by Tab.
    #[prop_or_default]
    pub focusable: bool,
    #[prop_or_default]
    pub node_ref: NodeRef,
    #[prop_or_default]
    pub children: Html,
}

/// `<h1>`…`<h6>` by level.
#[function_component(Heading)]
pub fn heading(props: &HeadingProps) -> Html {
    let tag = format!("h{}", props.level.clamp(1, 6));
    let tabindex = props.focusable.then_some("-1");
    html! {
        <@{tag} id={props.id.clone()} class={props.class.clone()} tabindex={tabindex} ref={props.node_ref.clone()}>
            { props.children.clone() }
        </@>
    }
}
