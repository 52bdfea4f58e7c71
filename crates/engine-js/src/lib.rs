//! Our query engine for plain JavaScript: the index crate's [`SearchIndex`] behind a small
//! wasm-bindgen API, so that the side-by-side benchmark (`bench/`, issue 8) can drive it with
//! the same JSON queries as the JavaScript search libraries it is compared with.
//!
//! ```js
//! import init, { open } from './tilbudsfinder_engine_js.js';
//! await init();
//! const engine = open(manifestBytes, { [coreName]: coreBytes });   // throws on a bad index
//! const results = JSON.parse(engine.search(JSON.stringify(query))); // crate::Query as JSON
//! engine.addFile(textName, textBytes);                              // descriptions, later
//! ```
//!
//! Queries and results are JSON (the index crate's `Query` and `SearchResults`), the same shapes
//! as `tilbudsfinder query --json`: the benchmark compares them across engines as plain data.
//! Every failure is a `JsError` (a thrown JavaScript `Error`); no pointers cross the boundary.

use tilbudsfinder_index::{Manifest, Query, SearchIndex};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An opened index.
#[wasm_bindgen]
pub struct Engine {
    index: SearchIndex,
}

/// Opens an index from `manifest.json`'s bytes and an object mapping file names to their bytes
/// (`Uint8Array`); the object must hold the manifest's initial files.
#[wasm_bindgen]
pub fn open(manifest_bytes: &[u8], files: &js_sys::Object) -> Result<Engine, JsError> {
    let manifest = Manifest::parse(manifest_bytes)?;
    let mut given = Vec::new();
    for entry in js_sys::Object::entries(files).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let name = pair
            .get(0)
            .as_string()
            .ok_or_else(|| JsError::new("a file name is not a string"))?;
        let bytes = pair
            .get(1)
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| JsError::new(&format!("{name}: the bytes are not a Uint8Array")))?;
        given.push((name, bytes.to_vec()));
    }
    let index = SearchIndex::open(&manifest, given)?;
    Ok(Engine { index })
}

#[wasm_bindgen]
impl Engine {
    /// Runs one search: `query_json` is a `Query` as JSON, the answer a `SearchResults` as JSON.
    pub fn search(&self, query_json: &str) -> Result<String, JsError> {
        let query: Query = serde_json::from_str(query_json)
            .map_err(|e| JsError::new(&format!("the query is not a valid Query: {e}")))?;
        let results = self.index.search(&query);
        serde_json::to_string(&results)
            .map_err(|e| JsError::new(&format!("could not write the results: {e}")))
    }

    /// Names of the files to fetch after the first results (the description terms).
    #[wasm_bindgen(js_name = deferredFiles)]
    pub fn deferred_files(&self) -> Vec<String> {
        self.index.deferred_files()
    }

    /// Adds a deferred file: from then on searches also match descriptions.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
        self.index.add_file(name, bytes.to_vec())?;
        Ok(())
    }
}

/// Bytes of this module's linear memory (the `WebAssembly.Memory` buffer): what the engine holds
/// beyond the JavaScript heap.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map(|buffer| f64::from(buffer.byte_length()))
                .unwrap_or(0.0)
        })
        .unwrap_or(0.0)
}
