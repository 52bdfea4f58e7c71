//! `use_records`: the full records of several docs (the saved ones), fetched from their detail
//! shards when a view needs what only the detail holds (contacts, quality scores, every rate).
//!
//! Cards carry what a result list needs; contacts, supervision and every price line are only in
//! the detail shards. The shards are fetched the way the detail view fetches one (each file once,
//! then kept by the loader), one after another so two records in one shard cost one request.

use std::collections::HashMap;
use std::rc::Rc;

use catalogue::model::Record;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::hooks::IndexRef;
use crate::i18n::Lang;
use crate::loader::LoadError;

/// Records fetched so far, by doc.
#[derive(Clone, Default)]
pub struct Records {
    /// Every record fetched, by doc.
    pub by_doc: Rc<HashMap<u32, Rc<Record>>>,
    /// Some wanted record is still on its way.
    pub pending: bool,
    /// Why a record could not be fetched (the first failure), in the interface language.
    pub failed: Option<String>,
}

/// Two answers are the same when they share the fetched map (a new fetch makes a new one): no
/// deep comparison of whole records on every render.
impl PartialEq for Records {
    fn eq(&self, other: &Records) -> bool {
        Rc::ptr_eq(&self.by_doc, &other.by_doc)
            && self.pending == other.pending
            && self.failed == other.failed
    }
}

impl Records {
    /// The record of a doc, once fetched.
    pub fn get(&self, doc: u32) -> Option<&Record> {
        self.by_doc.get(&doc).map(|r| &**r)
    }
}

/// Fetches and decodes one doc's full record from its detail shard.
pub async fn fetch_record(index: &IndexRef, doc: u32, lang: Lang) -> Result<Record, String> {
    let file = index.index.borrow().detail_file(doc);
    let Some(file) = file else {
        return Err(lang.texts().detail_failed.to_string());
    };
    let bytes = index
        .detail_bytes(&file)
        .await
        .map_err(|e| e.describe(lang))?;
    let decoded = index.index.borrow().decode_detail(&file, &bytes, doc);
    decoded.map_err(|e| LoadError::Index(e).describe(lang))
}

/// The records of `docs`, fetched while `wanted` (and kept when `docs` shrinks).
#[hook]
pub fn use_records(index: IndexRef, docs: Vec<u32>, wanted: bool, lang: Lang) -> Records {
    let records = use_state(Records::default);
    let known = use_mut_ref(HashMap::<u32, Rc<Record>>::new);
    {
        let records = records.clone();
        use_effect_with((docs, wanted), move |(docs, wanted)| {
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
                });
                spawn_local(async move {
                    let mut failed = None;
                    for doc in missing {
                        match fetch_record(&index, doc, lang).await {
                            Ok(record) => {
                                known.borrow_mut().insert(doc, Rc::new(record));
                            }
                            Err(message) => {
                                failed.get_or_insert(message);
                            }
                        }
                    }
                    records.set(Records {
                        by_doc: Rc::new(known.borrow().clone()),
                        pending: false,
                        failed,
                    });
                });
            }
        });
    }
    (*records).clone()
}
