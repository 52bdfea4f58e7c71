//! "Skriv til alle": one e-mail to every saved record, the addresses in Bcc, with a subject and
//! a body the user edits first; and the same addresses to copy or as vCards.
//!
//! The template asks what a consultant or caseworker asks (age, needs, kind and length of the
//! placement, start) and holds nothing about the person: only what the user types goes in. The
//! text lives in this component's state and in the `mailto:` link, which the user's own mail
//! program opens; it is never stored, put in the URL or sent anywhere by the app.

use std::rc::Rc;

use tilbudsfinder_index::query::{Card, Mode};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::clipboard::copy_text;
use crate::components::heading::Heading;
use crate::components::shortlist_panel::{download_text, field_value};
use crate::hooks::use_closable_view;
use crate::hooks::Records;
use crate::i18n::{self, Lang};
use crate::links;
use crate::loader::LatePart;
use crate::shortlist::{to_vcards, FollowUp, SavedRecord};

#[derive(Properties, PartialEq)]
pub struct ContactAllProps {
    pub lang: Lang,
    pub cards: Rc<Vec<Card>>,
    pub records: Records,
    pub uid: u32,
    pub heading_level: u8,
    pub on_close: Callback<()>,
}

/// The e-mail panel; focus moves to its heading when it opens, Escape closes it.
#[function_component(ContactAll)]
pub fn contact_all(props: &ContactAllProps) -> Html {
    let lang = props.lang;
    let t = i18n::placement_texts(lang);
    let families = props.cards.iter().all(|c| c.mode == Mode::FosterFamilies);
    let subject = use_state(|| {
        if families {
            t.template_subject_families
        } else {
            t.template_subject_offers
        }
        .to_string()
    });
    // The template, after a list of the records the message is about: families share their
    // municipality's foster-care address, so its reader needs to know which families are meant.
    let body = use_state(|| {
        let about: Vec<String> = props
            .cards
            .iter()
            .map(|c| format!("- {}", i18n::record_label(lang, c)))
            .collect();
        let template = if families {
            t.template_body_families
        } else {
            t.template_body_offers
        };
        format!("{}\n{}\n\n{template}", t.template_about, about.join("\n"))
    });
    let copied = use_state(|| None::<&'static str>);
    let (heading, onkeydown) = use_closable_view((), props.on_close.clone());
    let container = use_node_ref();
    let rows: Vec<SavedRecord> = props
        .cards
        .iter()
        .map(|card| SavedRecord {
            card,
            record: props.records.get(card.doc),
            distance_km: None,
            follow_up: FollowUp::default(),
        })
        .collect();
    let all_addresses: Vec<&str> = rows.iter().filter_map(SavedRecord::email).collect();
    let addresses = links::distinct_addresses(&all_addresses);
    let shared = addresses.len() < all_addresses.len();
    let missing: Vec<String> = rows
        .iter()
        .filter(|r| r.record.is_some() && r.email().is_none())
        .map(|r| i18n::record_label(lang, r.card))
        .collect();
    let href = links::mailto_bcc(&addresses, &subject, &body);
    let address_list = addresses.join(", ");
    let vcards = to_vcards(lang, &rows);

    let on_subject = {
        let subject = subject.clone();
        Callback::from(move |e: InputEvent| subject.set(field_value(&e)))
    };
    let on_body = {
        let body = body.clone();
        Callback::from(move |e: InputEvent| body.set(field_value(&e)))
    };
    let on_copy = {
        let copied = copied.clone();
        let text = address_list.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            spawn_local(async move {
                copied.set(Some(if copy_text(&text).await {
                    t.addresses_copied
                } else {
                    t.copy_failed
                }));
            });
        })
    };
    let on_vcard = {
        let container = container.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = container.cast::<HtmlElement>() {
                let _ = download_text(
                    &el,
                    &vcards,
                    "text/vcard;charset=utf-8",
                    "tilbudsfinder-kontakter.vcf",
                );
            }
        })
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let id = |part: &str| format!("tf{}-mail-{part}", props.uid);
    let ready = !props.records.pending;
    html! {
        <section class="tf-contact-all" aria-labelledby={id("heading")} ref={container} {onkeydown}>
            <Heading level={props.heading_level} id={AttrValue::from(id("heading"))} class="tf-contact-all-title"
                     focusable={true} node_ref={heading}>{ t.contact_heading }</Heading>
            <p class="tf-hint">{ t.contact_intro }</p>
            if !ready {
                <p role="status" class="tf-status">{ t.contacts_loading }</p>
            }
            if let Some(error) = &props.records.failed {
                <div class="tf-error">
                    <p role="alert">{ error.describe_part(lang, LatePart::SavedDetails) }</p>
                    if error.recoverable() {
                        <button type="button" class="tf-button tf-secondary"
                                onclick={props.records.retry.reform(|_: MouseEvent| ())}>{ lang.texts().retry }</button>
                    }
                </div>
            }
            <div class="tf-field">
                <label for={id("subject")}>{ t.subject }</label>
                <input id={id("subject")} type="text" class="tf-input" value={(*subject).clone()} oninput={on_subject} />
            </div>
            <div class="tf-field">
                <label for={id("body")}>{ t.body }</label>
                <p class="tf-hint" id={id("body-hint")}>{ t.body_hint }</p>
                <textarea id={id("body")} class="tf-input tf-textarea" rows="12" aria-describedby={id("body-hint")}
                          value={(*body).clone()} oninput={on_body} />
            </div>
            if shared {
                <p class="tf-hint">{ t.shared_address }</p>
            }
            if !missing.is_empty() {
                <p class="tf-note">{ i18n::missing_email(lang, &missing) }</p>
            }
            <div class="tf-shortlist-actions">
                if ready && !addresses.is_empty() {
                    <a class="tf-button tf-mailto" href={href}>{ i18n::open_mail(lang, addresses.len()) }</a>
                }
                <button type="button" class="tf-button tf-secondary" disabled={!ready || addresses.is_empty()} onclick={on_copy}>
                    { t.copy_addresses }
                </button>
                <button type="button" class="tf-button tf-secondary" disabled={!ready} onclick={on_vcard}>
                    { t.download_vcard }
                </button>
                <button type="button" class="tf-button tf-secondary" onclick={on_close}>{ t.close }</button>
            </div>
            <p role="status" class="tf-status">{ copied.unwrap_or_default() }</p>
            <div class="tf-field">
                <label for={id("addresses")}>{ t.addresses }</label>
                <textarea id={id("addresses")} class="tf-input tf-textarea" rows="3" readonly={true} value={address_list} />
            </div>
        </section>
    }
}
