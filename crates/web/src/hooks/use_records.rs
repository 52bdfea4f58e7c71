//! `use_records`: the full records of several docs (the saved ones), fetched from their detail
//! shards when a view needs what only the detail holds (contacts, quality scores, every rate).
//!
//! Cards carry what a result list needs; contacts, supervision and every price line are only in
//! the detail shards. The shards are fetched the way the detail view fetches one (each file once,
//! then kept by the loader), one after another so two records in one shard cost one request.
//! [`OpenIntent`] starts a record's fetch when a press shows it is about to be opened.

use std::collections::HashMap;
use std::rc::Rc;

use catalogue::model::Record;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::Element;
use yew::prelude::*;

use crate::hooks::IndexRef;
use crate::loader::LoadError;
use tilbudsfinder_index::{IndexError, MANIFEST_NAME};

/// Records fetched so far, by doc.
#[derive(Clone)]
pub struct Records {
    /// Every record fetched, by doc.
    pub by_doc: Rc<HashMap<u32, Rc<Record>>>,
    /// Some wanted record is still on its way.
    pub pending: bool,
    /// Why a record could not be fetched (the first failure).
    pub failed: Option<LoadError>,
    /// Fetches the records that failed again.
    pub retry: Callback<()>,
}

/// Two answers are the same when they share the fetched map (a new fetch makes a new one): no
/// deep comparison of whole records on every render.
impl PartialEq for Records {
    fn eq(&self, other: &Records) -> bool {
        Rc::ptr_eq(&self.by_doc, &other.by_doc)
            && self.pending == other.pending
            && self.failed == other.failed
            && self.retry == other.retry
    }
}

/// Nothing fetched, nothing wanted; trying again does nothing.
impl Default for Records {
    fn default() -> Records {
        Records {
            by_doc: Rc::default(),
            pending: false,
            failed: None,
            retry: Callback::noop(),
        }
    }
}

impl Records {
    /// The record of a doc, once fetched.
    pub fn get(&self, doc: u32) -> Option<&Record> {
        self.by_doc.get(&doc).map(|r| &**r)
    }
}

/// Fetches and decodes one doc's full record from its detail shard.
pub async fn fetch_record(index: &IndexRef, doc: u32) -> Result<Record, LoadError> {
    let file = index.index.borrow().detail_file(doc);
    let Some(file) = file else {
        // The manifest lists no shard for a record the index has: they are of two builds.
        return Err(LoadError::Index(IndexError::ManifestMismatch {
            file: MANIFEST_NAME.to_string(),
            reason: format!("no detail file holds record {doc}"),
        }));
    };
    let bytes = index.detail_bytes(&file).await?;
    let decoded = index.index.borrow().decode_detail(&file, &bytes, doc);
    Ok(decoded?)
}

/// Starts fetching the detail shard that holds `doc`'s record, unless it is fetched or on its
/// way: the view that opens the record then waits for that same request
/// ([`LoadedIndex::detail_bytes`](crate::loader::LoadedIndex::detail_bytes) shares it). A
/// failure is left to that view's own [`fetch_record`], which reports it.
pub fn prefetch_record(index: &IndexRef, doc: u32) {
    let file = index.index.borrow().detail_file(doc);
    if let Some(file) = file {
        index.prefetch_detail(&file);
    }
}

/// What the app's root listens to, to start fetching a record as soon as the user's intent to
/// open it is known, before the click that opens it: a pointer pressed on a control of class
/// `tf-opens-record` (a card's title link and its "show details" button: the click comes at
/// the release, 50-150 ms later on a phone), or Enter or Space pressed down on one (Space
/// opens at its release). The record opens a frame after the click (`use_after_paint`); its
/// shard is by then on its way, and the detail view waits for that request instead of making
/// its own. One listener of each kind for the whole app (events bubble to it), not two on
/// every card: a card costs nothing more to render.
pub struct OpenIntent {
    pub onpointerdown: Callback<PointerEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

impl OpenIntent {
    /// The listeners over the app's loaded index.
    pub fn new(index: &IndexRef) -> OpenIntent {
        let pressed = index.clone();
        let keyed = index.clone();
        OpenIntent {
            onpointerdown: Callback::from(move |e: PointerEvent| foresee(&pressed, &e)),
            onkeydown: Callback::from(move |e: KeyboardEvent| {
                if matches!(e.key().as_str(), "Enter" | " ") {
                    foresee(&keyed, &e);
                }
            }),
        }
    }
}

/// Starts fetching the record whose opening control `event` happened on, if any.
fn foresee(index: &IndexRef, event: &Event) {
    if let Some(doc) = intended_record(index, event) {
        prefetch_record(index, doc);
    }
}

/// The record whose opening control (class `tf-opens-record`, in a card with its `data-id`)
/// `event` happened on.
fn intended_record(index: &IndexRef, event: &Event) -> Option<u32> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let opener = target.closest(".tf-opens-record").ok()??;
    let card = opener.closest("[data-id]").ok()??;
    let id = card.get_attribute("data-id")?;
    let doc = index.index.borrow().doc_by_id(&id);
    doc
}

/// The records of `docs`, fetched while `wanted` (and kept when `docs` shrinks).
#[hook]
pub fn use_records(index: IndexRef, docs: Vec<u32>, wanted: bool) -> Records {
    // Goes up on every retry, which runs the fetching effect again for what is still missing.
    let attempt = use_state(|| 0u32);
    let retry = {
        let attempt = attempt.clone();
        use_callback((), move |(), _| attempt.set(*attempt + 1))
    };
    let records = {
        let retry = retry.clone();
        use_state(move || Records {
            retry,
            ..Records::default()
        })
    };
    let known = use_mut_ref(HashMap::<u32, Rc<Record>>::new);
    {
        let records = records.clone();
        use_effect_with((docs, wanted, *attempt), move |(docs, wanted, _)| {
            let missing: Vec<u32> = docs
                .iter()
                .copied()
                .filter(|doc| !known.borrow().contains_key(doc))
                .collect();
            if *wanted && !missing.is_empty() {
                records.set(Records {
                    by_doc: Rc::new(known.borrow().clone()),
                    pending: true,
                    failed: None,
                    retry: retry.clone(),
                });
                spawn_local(async move {
                    let mut failed = None;
                    for doc in missing {
                        match fetch_record(&index, doc).await {
                            Ok(record) => {
                                known.borrow_mut().insert(doc, Rc::new(record));
                            }
                            Err(error) => {
                                failed.get_or_insert(error);
                            }
                        }
                    }
                    records.set(Records {
                        by_doc: Rc::new(known.borrow().clone()),
                        pending: false,
                        failed,
                        retry,
                    });
                });
            }
        });
    }
    (*records).clone()
}
