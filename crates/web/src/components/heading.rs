//! A heading whose level comes from configuration, so the app fits the host page's outline, and
//! the app's title as the name that tells its landmarks from another app's on the same page.

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

/// The app's title and its heading's id, given to every component as context: each landmark
/// (search form, filters, results, pages, saved records) carries it in its accessible name, so
/// two widgets on one page never have two landmarks of one role and name (axe `landmark-unique`).
#[derive(Clone, Debug, PartialEq)]
pub struct AppTitle {
    /// The app's top heading as shown.
    pub text: AttrValue,
    /// The id of that heading, for `aria-labelledby`.
    pub id: AttrValue,
}

impl AppTitle {
    /// A landmark's `aria-label`: its own name, then the app's ("Sider – Find et socialt tilbud").
    pub fn label(&self, name: &str) -> String {
        format!("{name} – {}", self.text)
    }

    /// A landmark's `aria-labelledby`: its own heading, then the app's.
    pub fn labelled_by(&self, heading_id: &str) -> String {
        format!("{heading_id} {}", self.id)
    }
}

/// The [`AppTitle`] in context; outside an app (component tests), an empty one.
#[hook]
pub fn use_app_title() -> AppTitle {
    use_context::<AppTitle>().unwrap_or(AppTitle {
        text: AttrValue::default(),
        id: AttrValue::default(),
    })
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
