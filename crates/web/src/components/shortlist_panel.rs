//! The shortlist: saved records with the user's follow-up of each, choosing up to eight to
//! compare, writing to all, the CSV export, printing, and the list's link.

use std::rc::Rc;

use catalogue::Date;
use tilbudsfinder_index::query::{Card, Mode};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlElement, Url};
use yew::prelude::*;

use crate::clipboard::copy_text;
use crate::components::heading::{use_app_title, Heading};
use crate::hooks::use_focus_after_removal;
use crate::i18n::{self, Lang};
use crate::shortlist::{csv_file_name, to_csv, ContactStatus, FollowUp, SavedSet, COMPARE_MAX};

#[derive(Properties, PartialEq)]
pub struct ShortlistPanelProps {
    pub lang: Lang,
    /// The saved records (their distances for the export).
    pub saved: SavedSet,
    pub persistent: bool,
    /// The page's URL holds the list, so it can be copied as a link.
    pub shareable: bool,
    pub compare_ids: Rc<Vec<String>>,
    pub today: Date,
    pub mode: Mode,
    pub uid: u32,
    pub heading_level: u8,
    /// The heading, focusable, so "Gemte (n)" at the top can bring the user here.
    pub heading_ref: NodeRef,
    /// Removes a card (toggles it off the list).
    pub on_remove: Callback<Rc<Card>>,
    pub on_toggle_compare: Callback<String>,
    /// Opens the comparison; given the button to return focus to.
    pub on_compare: Callback<Option<HtmlElement>>,
    /// Opens "write to all"; given the button to return focus to.
    pub on_contact_all: Callback<Option<HtmlElement>>,
    /// Sets a saved record's follow-up.
    pub on_follow_up: Callback<(String, FollowUp)>,
}

/// Offers `text` as a download from inside `container` (never outside the app's element).
pub fn download_text(
    container: &HtmlElement,
    text: &str,
    mime: &str,
    file_name: &str,
) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
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

/// The value of the form field an event came from.
pub fn field_value(event: &Event) -> String {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &JsValue::from_str("value")).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// A `<section>` with the saved records.
#[function_component(ShortlistPanel)]
pub fn shortlist_panel(props: &ShortlistPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let p = i18n::placement_texts(lang);
    let container = use_node_ref();
    let compare_button = use_node_ref();
    let contact_button = use_node_ref();
    let list = use_node_ref();
    let copied = use_state(|| None::<&'static str>);
    // After a removal, focus goes to the next record's remove button (or the heading when the
    // list is empty): never to the page's body.
    let removed_at = use_focus_after_removal(
        list.clone(),
        ".tf-remove",
        props.saved.cards.len(),
        props.heading_ref.clone(),
    );
    let rows_csv = {
        let saved = props.saved.clone();
        move || to_csv(lang, &saved.rows())
    };
    let on_export = {
        let container = container.clone();
        let today = props.today;
        let mode = props.mode;
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = container.cast::<HtmlElement>() {
                let csv = rows_csv();
                let _ = download_text(
                    &el,
                    &csv,
                    "text/csv;charset=utf-8",
                    &csv_file_name(Some(mode), today),
                );
            }
        })
    };
    let on_compare = {
        let cb = props.on_compare.clone();
        let button = compare_button.clone();
        Callback::from(move |_: MouseEvent| cb.emit(button.cast::<HtmlElement>()))
    };
    let on_contact_all = {
        let cb = props.on_contact_all.clone();
        let button = contact_button.clone();
        Callback::from(move |_: MouseEvent| cb.emit(button.cast::<HtmlElement>()))
    };
    let on_share = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            spawn_local(async move {
                copied.set(Some(if copy_text(&href).await {
                    p.link_copied
                } else {
                    p.copy_failed
                }));
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let heading_id = format!("tf{}-shortlist", props.uid);
    let labelled_by = use_app_title().labelled_by(&heading_id);
    let chosen = props.compare_ids.len();
    // With none ticked, "Sammenlign" compares every saved record (up to the maximum).
    let compared = if chosen == 0 {
        props.saved.cards.len().min(COMPARE_MAX)
    } else {
        chosen
    };
    let today = props.today;
    html! {
        <section class="tf-shortlist" aria-labelledby={labelled_by} ref={container}>
            <Heading level={props.heading_level} id={AttrValue::from(heading_id)} class="tf-shortlist-title"
                     focusable={true} node_ref={props.heading_ref.clone()}>
                { format!("{} ({})", t.shortlist_heading, props.saved.cards.len()) }
            </Heading>
            if !props.persistent {
                <p class="tf-note">{ t.shortlist_no_storage }</p>
            }
            if props.saved.cards.is_empty() {
                <p class="tf-hint">{ t.shortlist_empty }</p>
            } else {
                <p class="tf-hint tf-screen-only">{ t.compare_hint }</p>
                <div class="tf-shortlist-actions tf-screen-only">
                    <button type="button" class="tf-button" ref={contact_button} onclick={on_contact_all}>{ p.contact_all }</button>
                    <button type="button" class="tf-button" ref={compare_button} disabled={compared == 0}
                            onclick={on_compare}>{ format!("{} ({compared})", t.compare) }</button>
                    <button type="button" class="tf-button tf-secondary" onclick={on_export}>{ t.shortlist_export }</button>
                    <button type="button" class="tf-button tf-secondary" onclick={on_print}>{ p.print }</button>
                    if props.shareable {
                        <button type="button" class="tf-button tf-secondary" onclick={on_share}>{ p.share_link }</button>
                    }
                </div>
                <ul class="tf-shortlist-list" ref={list}>
                    { for props.saved.cards.iter().enumerate().map(|(at, card)| {
                        let id = |part: &str| format!("tf{}-{part}-{}", props.uid, card.id);
                        let label = i18n::record_label(lang, card);
                        let checked = props.compare_ids.contains(&card.id);
                        let full = chosen >= COMPARE_MAX && !checked;
                        let follow_up = props.saved.follow_ups.get(&card.id).cloned().unwrap_or_default();
                        let toggle = { let cb = props.on_toggle_compare.clone(); let cid = card.id.clone();
                                       Callback::from(move |_| cb.emit(cid.clone())) };
                        let remove = { let cb = props.on_remove.clone(); let c = Rc::new(card.clone());
                                       let removed_at = removed_at.clone();
                                       Callback::from(move |_: MouseEvent| {
                                           *removed_at.borrow_mut() = Some(at);
                                           cb.emit(Rc::clone(&c));
                                       }) };
                        let on_status = { let cb = props.on_follow_up.clone(); let cid = card.id.clone(); let f = follow_up.clone();
                                          Callback::from(move |e: Event| {
                                              let status = ContactStatus::from_code(&field_value(&e)).unwrap_or_default();
                                              cb.emit((cid.clone(), FollowUp { status, since: Some(today), ..f.clone() }));
                                          }) };
                        let on_note = { let cb = props.on_follow_up.clone(); let cid = card.id.clone(); let f = follow_up.clone();
                                        Callback::from(move |e: Event| {
                                            cb.emit((cid.clone(), FollowUp { note: field_value(&e), ..f.clone() }));
                                        }) };
                        html! {
                            <li key={card.id.clone()} class="tf-shortlist-item" data-id={card.id.clone()}>
                                <p class="tf-shortlist-name">{ label.clone() }</p>
                                <p class={classes!("tf-follow-up", format!("tf-status-{}", follow_up.status.code()))}>
                                    { i18n::status_since(lang, follow_up.status, follow_up.since) }
                                    if !follow_up.note.is_empty() { { " · " }{ follow_up.note.clone() } }
                                </p>
                                <div class="tf-shortlist-controls tf-screen-only">
                                    <span class="tf-check">
                                        <input type="checkbox" id={id("cmp")} {checked} disabled={full} onchange={toggle} />
                                        <label for={id("cmp")}>{ i18n::with_name(t.compare, &label) }</label>
                                    </span>
                                    <span class="tf-field tf-inline-field">
                                        <label for={id("status")}>{ p.status }</label>
                                        <select id={id("status")} class="tf-select" onchange={on_status}
                                                aria-label={format!("{}: {label}", p.status)}>
                                            { for ContactStatus::ALL.iter().map(|s| html! {
                                                <option value={s.code()} selected={*s == follow_up.status}>{ i18n::contact_status(lang, *s) }</option>
                                            }) }
                                        </select>
                                    </span>
                                    <span class="tf-field tf-inline-field">
                                        <label for={id("note")}>{ p.note }</label>
                                        <input type="text" id={id("note")} class="tf-input" value={follow_up.note.clone()}
                                               onchange={on_note} aria-label={format!("{}: {label}", p.note)} />
                                    </span>
                                    <button type="button" class="tf-link-button tf-remove" onclick={remove}
                                            aria-label={i18n::with_name(t.shortlist_remove, &label)}>
                                        <span aria-hidden="true">{ "× " }</span>{ t.shortlist_remove.trim_end_matches(':') }
                                    </button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
                <p role="status" class="tf-status">{ copied.unwrap_or_default() }</p>
            }
        </section>
    }
}
