//! The shortlist: saved records, choosing up to four to compare, and the CSV export.

use std::rc::Rc;

use catalogue::Date;
use tilbudsfinder_index::query::{Card, Mode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlElement, Url};
use yew::prelude::*;

use crate::components::heading::Heading;
use crate::i18n::{self, Lang};
use crate::shortlist::{csv_file_name, to_csv, COMPARE_MAX};

#[derive(Properties, PartialEq)]
pub struct ShortlistPanelProps {
    pub lang: Lang,
    pub cards: Rc<Vec<Card>>,
    pub persistent: bool,
    pub compare_ids: Rc<Vec<String>>,
    pub today: Date,
    pub mode: Mode,
    pub uid: u32,
    pub heading_level: u8,
    /// Removes a card (toggles it off the list).
    pub on_remove: Callback<Rc<Card>>,
    pub on_toggle_compare: Callback<String>,
    /// Opens the comparison; given the button to return focus to.
    pub on_compare: Callback<Option<HtmlElement>>,
}

/// Offers the CSV as a download from inside `container` (never outside the app's element).
fn download_csv(container: &HtmlElement, text: &str, file_name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = container
        .owner_document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_class_name("tf-visually-hidden");
    container.append_child(&link)?;
    link.click();
    link.remove();
    // The download has started by now; the object URL can go after the current task.
    let revoke = url.clone();
    gloo_timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&revoke);
    })
    .forget();
    Ok(())
}

/// A `<section>` with the saved records.
#[function_component(ShortlistPanel)]
pub fn shortlist_panel(props: &ShortlistPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let container = use_node_ref();
    let compare_button = use_node_ref();
    let on_export = {
        let cards = Rc::clone(&props.cards);
        let container = container.clone();
        let today = props.today;
        let mode = props.mode;
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = container.cast::<HtmlElement>() {
                let csv = to_csv(lang, &cards, today);
                let _ = download_csv(&el, &csv, &csv_file_name(Some(mode), today));
            }
        })
    };
    let on_compare = {
        let cb = props.on_compare.clone();
        let button = compare_button.clone();
        Callback::from(move |_: MouseEvent| cb.emit(button.cast::<HtmlElement>()))
    };
    let heading_id = format!("tf{}-shortlist", props.uid);
    let chosen = props.compare_ids.len();
    html! {
        <section class="tf-shortlist" aria-labelledby={heading_id.clone()} ref={container}>
            <Heading level={props.heading_level} id={AttrValue::from(heading_id)} class="tf-shortlist-title">
                { format!("{} ({})", t.shortlist_heading, props.cards.len()) }
            </Heading>
            if !props.persistent {
                <p class="tf-note">{ t.shortlist_no_storage }</p>
            }
            if props.cards.is_empty() {
                <p class="tf-hint">{ t.shortlist_empty }</p>
            } else {
                <p class="tf-hint">{ t.compare_hint }</p>
                <ul class="tf-shortlist-list">
                    { for props.cards.iter().map(|card| {
                        let id = format!("tf{}-cmp-{}", props.uid, card.id);
                        let checked = props.compare_ids.contains(&card.id);
                        let full = chosen >= COMPARE_MAX && !checked;
                        let toggle = { let cb = props.on_toggle_compare.clone(); let cid = card.id.clone();
                                       Callback::from(move |_| cb.emit(cid.clone())) };
                        let remove = { let cb = props.on_remove.clone(); let c = Rc::new(card.clone());
                                       Callback::from(move |_: MouseEvent| cb.emit(Rc::clone(&c))) };
                        html! {
                            <li key={card.id.clone()} class="tf-shortlist-item">
                                <span class="tf-check">
                                    <input type="checkbox" id={id.clone()} {checked} disabled={full} onchange={toggle} />
                                    <label for={id}>{ i18n::with_name(t.compare, &card.name) }</label>
                                </span>
                                <button type="button" class="tf-link-button" onclick={remove}
                                        aria-label={i18n::with_name(t.shortlist_remove, &card.name)}>
                                    <span aria-hidden="true">{ "× " }</span>{ t.shortlist_remove.trim_end_matches(':') }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <div class="tf-shortlist-actions">
                    <button type="button" class="tf-button" ref={compare_button} disabled={chosen == 0}
                            onclick={on_compare}>{ format!("{} ({chosen})", t.compare) }</button>
                    <button type="button" class="tf-button tf-secondary" onclick={on_export}>{ t.shortlist_export }</button>
                </div>
            }
        </section>
    }
}
