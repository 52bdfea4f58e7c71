//! Fetching the index over HTTP: the manifest, the files the first search needs, the rest after
//! the first results, and detail shards when a record is opened.
//!
//! Every failure becomes a [`LoadError`] whose [`LoadError::describe`] is one plain sentence for
//! the user, saying what broke and what to do, never a blank area or a spinner that never ends.
//! The loaded index lives in one [`LoadedIndex`] behind an `Rc`; the app never clones it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
use js_sys::{Reflect, Uint8Array};
use tilbudsfinder_index::{IndexError, Manifest, SearchIndex};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};

use crate::i18n::Lang;

/// Why the index (or a part of it) could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, DNS, CORS).
    Network { file: String },
    /// The server answered with an error status.
    Status { file: String, status: u16 },
    /// The file arrived but the index rejected it.
    Index(IndexError),
    /// No `window` (should not happen in a browser).
    NoWindow,
}

impl From<IndexError> for LoadError {
    fn from(e: IndexError) -> LoadError {
        LoadError::Index(e)
    }
}

impl LoadError {
    /// One sentence for the user, in their language, ending with what to do.
    pub fn describe(&self, lang: Lang) -> String {
        let reload = lang.texts().error_reload;
        let da = matches!(lang, Lang::Da);
        let what = match self {
            LoadError::Network { file } if da => format!(
                "Søgeindekset kunne ikke hentes, fordi forbindelsen svigtede (filen {})",
                short(file)
            ),
            LoadError::Network { file } => format!(
                "The search index could not be fetched because the connection failed (file {})",
                short(file)
            ),
            LoadError::Status { file, status } if da => format!(
                "Søgeindekset kunne ikke hentes: serveren svarede {status} for filen {}",
                short(file)
            ),
            LoadError::Status { file, status } => format!(
                "The search index could not be fetched: the server answered {status} for the file {}",
                short(file)
            ),
            LoadError::Index(e) => index_error_sentence(lang, e),
            LoadError::NoWindow if da => "Siden kører ikke i en browser".to_string(),
            LoadError::NoWindow => "The page is not running in a browser".to_string(),
        };
        format!("{what}. {reload}")
    }

    /// One sentence for a part fetched after the first results: which part is missing, why,
    /// and that the search still works (it does: the initial files are loaded).
    pub fn describe_part(&self, lang: Lang, part: LatePart) -> String {
        let cause = self.cause(lang);
        match (lang, part) {
            (Lang::Da, LatePart::Details) => format!(
                "Alle oplysninger om denne post kunne ikke hentes: {cause}. Søgningen og \
                 resultaterne virker stadig."
            ),
            (Lang::En, LatePart::Details) => format!(
                "The full details of this record could not be fetched: {cause}. The search and \
                 the results still work."
            ),
            (Lang::Da, LatePart::SavedDetails) => format!(
                "Oplysningerne om nogle af de gemte kunne ikke hentes: {cause}. Søgningen og de \
                 gemte virker stadig."
            ),
            (Lang::En, LatePart::SavedDetails) => format!(
                "The details of some saved records could not be fetched: {cause}. The search and \
                 the saved list still work."
            ),
            (Lang::Da, LatePart::Texts) => format!(
                "Beskrivelsernes tekst kunne ikke hentes: {cause}. Søgningen virker stadig på \
                 navne, steder, målgrupper og filtre, men ikke på ord, der kun står i \
                 beskrivelserne."
            ),
            (Lang::En, LatePart::Texts) => format!(
                "The descriptions could not be fetched: {cause}. The search still works on names, \
                 places, target groups and filters, but not on words found only in descriptions."
            ),
        }
    }

    /// Why the fetch failed, as a clause: "forbindelsen svigtede (filen detail-3)".
    fn cause(&self, lang: Lang) -> String {
        let da = matches!(lang, Lang::Da);
        match self {
            LoadError::Network { file } if da => {
                format!("forbindelsen svigtede (filen {})", short(file))
            }
            LoadError::Network { file } => {
                format!("the connection failed (file {})", short(file))
            }
            LoadError::Status { file, status } if da => {
                format!("serveren svarede {status} for filen {}", short(file))
            }
            LoadError::Status { file, status } => {
                format!("the server answered {status} for the file {}", short(file))
            }
            LoadError::Index(e) => index_error_detail(lang, e),
            LoadError::NoWindow if da => "siden kører ikke i en browser".to_string(),
            LoadError::NoWindow => "the page is not running in a browser".to_string(),
        }
    }

    /// Whether trying again may help: a failed connection, a server error, a file that arrived
    /// damaged or from a newer build (a cache between versions). Not a file of another format
    /// or version, and not a page outside a browser: the same bytes would come again.
    pub fn recoverable(&self) -> bool {
        match self {
            LoadError::Network { .. } | LoadError::Status { .. } => true,
            LoadError::Index(e) => matches!(
                e,
                IndexError::Truncated { .. }
                    | IndexError::Checksum { .. }
                    | IndexError::Corrupt { .. }
                    | IndexError::ManifestMismatch { .. }
            ),
            LoadError::NoWindow => false,
        }
    }
}

/// A part of the index fetched after the first results, whose failure leaves the search working.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LatePart {
    /// A record's detail shard (contacts, every rate, supervision).
    Details,
    /// The detail shards of saved records (for writing to all, the comparison, the printout).
    SavedDetails,
    /// The description text (the deferred files).
    Texts,
}

fn index_error_sentence(lang: Lang, e: &IndexError) -> String {
    let lead = match lang {
        Lang::Da => "Søgeindekset kunne ikke indlæses",
        Lang::En => "The search index could not be loaded",
    };
    format!("{lead}: {}", index_error_detail(lang, e))
}

/// What is wrong with a file the index rejected: "filen core er beskadiget".
fn index_error_detail(lang: Lang, e: &IndexError) -> String {
    // What is wrong, in Danish and English, said after "the file NAME".
    let (file, da, en) = match e {
        IndexError::Truncated { file, .. } => (file, "er kun delvist hentet", "arrived incomplete"),
        IndexError::Checksum { file, .. } | IndexError::Corrupt { file, .. } => {
            (file, "er beskadiget", "is damaged")
        }
        IndexError::BadMagic { file } | IndexError::WrongKind { file, .. } => (
            file,
            "er ikke en del af et søgeindeks",
            "is not part of a search index",
        ),
        IndexError::Version { file, .. } => (
            file,
            "er lavet til en anden version af søgningen",
            "was made for another version of the search",
        ),
        IndexError::ManifestMismatch { file, .. } => (
            file,
            "passer ikke til resten af indekset (siden blev måske opdateret imens)",
            "does not match the rest of the index (the site may have been updated meanwhile)",
        ),
    };
    match lang {
        Lang::Da => format!("filen {} {da}", short(file)),
        Lang::En => format!("the file {} {en}", short(file)),
    }
}

/// A file name without its directory and content hash: `core.1a2b….bin` → `core`. (No
/// ellipsis: the sentence goes on with a full stop, and "core…." reads as a typo.)
fn short(file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    match name.split_once('.') {
        Some((stem, rest)) if rest.len() > 8 => stem.to_string(),
        _ => name.to_string(),
    }
}

/// A detail shard's fetch on its way, shared by everyone who asks for the shard meanwhile: it
/// puts the bytes among the fetched ones and ends with what went wrong, if anything. (The type
/// of the deferred files' shared load too, so the wasm carries its code once.)
type DetailFetch = Shared<LocalBoxFuture<'static, Option<LoadError>>>;

/// The loaded index and what the app fetches later, shared by every component through one `Rc`.
pub struct LoadedIndex {
    /// The index; mutable only to add deferred files.
    pub index: RefCell<SearchIndex>,
    /// Where the index files live, ending in `/`.
    pub base_url: String,
    /// Detail shards already fetched, by file name.
    details: Rc<RefCell<HashMap<String, Rc<Vec<u8>>>>>,
    /// Detail shards on their way, with their file names: one request per shard, however many
    /// ask for it meanwhile (the press that foresees an open, the detail view it opens, the
    /// saved list). A fetch that failed is dropped, so the next caller tries again.
    fetching: RefCell<Vec<(String, DetailFetch)>>,
}

impl LoadedIndex {
    /// An opened index whose files live at `base_url` (ending in `/`).
    pub fn new(index: SearchIndex, base_url: &str) -> LoadedIndex {
        LoadedIndex {
            index: RefCell::new(index),
            base_url: base_url.to_string(),
            details: Rc::default(),
            fetching: RefCell::default(),
        }
    }

    /// The bytes of a detail shard, fetched once and then kept; a caller who asks while the
    /// shard is on its way waits for that same request.
    pub async fn detail_bytes(&self, file: &str) -> Result<Rc<Vec<u8>>, LoadError> {
        loop {
            if let Some(bytes) = self.details.borrow().get(file) {
                return Ok(Rc::clone(bytes));
            }
            // Fetched or failed, the fetch is no longer on its way; fetched, its bytes are
            // found on the next turn.
            let fetch = self.detail_fetch(file);
            let failed = fetch.clone().await;
            self.fetching
                .borrow_mut()
                .retain(|(_, other)| !other.ptr_eq(&fetch));
            if let Some(error) = failed {
                return Err(error);
            }
        }
    }

    /// Starts fetching a detail shard unless it is fetched or on its way: the request is made
    /// now, and [`LoadedIndex::detail_bytes`] takes its answer. (A failure nobody awaited is
    /// told to the first who asks, who may try again.)
    pub fn prefetch_detail(&self, file: &str) {
        if !self.details.borrow().contains_key(file) {
            drop(self.detail_fetch(file));
        }
    }

    /// The fetch of `file` on its way, else a new one, requested at once (before anyone awaits
    /// it: a fetch runs in the browser whether or not its future is polled).
    fn detail_fetch(&self, file: &str) -> DetailFetch {
        let mut fetching = self.fetching.borrow_mut();
        if let Some((_, fetch)) = fetching.iter().find(|(name, _)| name == file) {
            return fetch.clone();
        }
        let started = start_fetch(&self.base_url, file);
        let (name, details) = (file.to_string(), Rc::clone(&self.details));
        let fetch = async move {
            let fetched = match started {
                Ok(started) => finish_fetch(&name, started).await,
                Err(error) => Err(error),
            };
            match fetched {
                Ok(bytes) => {
                    details.borrow_mut().insert(name, Rc::new(bytes));
                    None
                }
                Err(error) => Some(error),
            }
        }
        .boxed_local()
        .shared();
        fetching.push((file.to_string(), fetch.clone()));
        fetch
    }
}

/// `index/` or an absolute URL, always ending in `/`.
pub fn normalise_base(url: &str) -> String {
    let trimmed = url.trim();
    if trimmed.is_empty() {
        "index/".to_string()
    } else if trimmed.ends_with('/') {
        trimmed.to_string()
    } else {
        format!("{trimmed}/")
    }
}

/// Loads the manifest and the initial files; `progress(bytes, total)` is told as their bytes
/// arrive (the total is the manifest's sizes of the initial files).
pub async fn load_index(
    base_url: &str,
    progress: impl Fn(u64, u64),
) -> Result<LoadedIndex, LoadError> {
    let manifest_bytes = fetch_bytes(base_url, "manifest.json").await?;
    let manifest = Manifest::parse(&manifest_bytes)?;
    let names = manifest.initial_files();
    let total: u64 = names
        .iter()
        .filter_map(|name| manifest.file(name))
        .map(|f| f.size)
        .sum();
    progress(0, total);
    // Start every request before awaiting any, so they download in parallel.
    let pending: Vec<(String, Result<JsFuture, LoadError>)> = names
        .into_iter()
        .map(|name| {
            let started = start_fetch(base_url, &name);
            (name, started)
        })
        .collect();
    let mut files = Vec::with_capacity(pending.len());
    let mut done = 0u64;
    for (name, started) in pending {
        let bytes = finish_fetch_counting(&name, started?, |chunk| {
            done += chunk as u64;
            progress(done.min(total), total);
        })
        .await?;
        files.push((name, bytes));
    }
    let index = measured(OPEN_MEASURE, || SearchIndex::open(&manifest, files))?;
    Ok(LoadedIndex::new(index, base_url))
}

/// The User Timing measure of opening the initial files (`performance.getEntriesByName`), which
/// the browser benchmark reads (bench/ui, BENCHMARKS.md).
pub const OPEN_MEASURE: &str = "tilbudsfinder:open-index";

/// Runs `work` between two User Timing marks, measured as `name` (nothing is measured where the
/// page has no `performance`).
fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}

/// Fetches the files the index deferred (description text) and adds them.
pub async fn load_deferred(loaded: &LoadedIndex) -> Result<(), LoadError> {
    let names = loaded.index.borrow().deferred_files();
    for name in names {
        let bytes = fetch_bytes(&loaded.base_url, &name).await?;
        loaded.index.borrow_mut().add_file(&name, bytes)?;
    }
    Ok(())
}

/// GETs `base + file` as bytes.
pub async fn fetch_bytes(base_url: &str, file: &str) -> Result<Vec<u8>, LoadError> {
    let started = start_fetch(base_url, file)?;
    finish_fetch(file, started).await
}

thread_local! {
    /// The page's `takePrefetched` functions (www/prefetch.js), handed to `mount`.
    static PREFETCHERS: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
}

/// Registers a page's `takePrefetched(url)`: requests the page started before the app was
/// ready are taken from it instead of being made again.
pub fn add_prefetcher(take: js_sys::Function) {
    PREFETCHERS.with(|all| {
        let mut all = all.borrow_mut();
        if !all.iter().any(|known| known == &take) {
            all.push(take);
        }
    });
}

/// A request for `url` the page already started, if any (a Promise of its Response).
fn take_prefetched(url: &str) -> Option<js_sys::Promise> {
    PREFETCHERS.with(|all| {
        all.borrow().iter().find_map(|take| {
            take.call1(&JsValue::UNDEFINED, &JsValue::from_str(url))
                .ok()
                .and_then(|found| found.dyn_into::<js_sys::Promise>().ok())
        })
    })
}

fn start_fetch(base_url: &str, file: &str) -> Result<JsFuture, LoadError> {
    let url = format!("{base_url}{file}");
    if let Some(started) = take_prefetched(&url) {
        return Ok(JsFuture::from(started));
    }
    let window = web_sys::window().ok_or(LoadError::NoWindow)?;
    Ok(JsFuture::from(window.fetch_with_str(&url)))
}

/// The response of a started fetch, or why there is none.
async fn response_of(file: &str, started: JsFuture) -> Result<Response, LoadError> {
    let network = || LoadError::Network {
        file: file.to_string(),
    };
    let response: Response = started
        .await
        .map_err(|_| network())?
        .dyn_into()
        .map_err(|_| network())?;
    if !response.ok() {
        return Err(LoadError::Status {
            file: file.to_string(),
            status: response.status(),
        });
    }
    Ok(response)
}

/// A started fetch's body, read chunk by chunk so that `on_chunk(len)` can count the bytes.
async fn finish_fetch_counting(
    file: &str,
    started: JsFuture,
    mut on_chunk: impl FnMut(usize),
) -> Result<Vec<u8>, LoadError> {
    let network = || LoadError::Network {
        file: file.to_string(),
    };
    let response = response_of(file, started).await?;
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| network())?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| network())?;
        let finished = Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(|_| network())?
            .as_bool()
            .unwrap_or(true);
        if finished {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|_| network())?
            .dyn_into()
            .map_err(|_| network())?;
        let before = out.len();
        out.extend_from_slice(&value.to_vec());
        on_chunk(out.len() - before);
    }
}

async fn finish_fetch(file: &str, started: JsFuture) -> Result<Vec<u8>, LoadError> {
    let network = || LoadError::Network {
        file: file.to_string(),
    };
    let response = response_of(file, started).await?;
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| network())?)
        .await
        .map_err(|_| network())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_core_file_reads_as_a_plain_danish_sentence() {
        let e = LoadError::Index(IndexError::Checksum {
            file: "core.0123456789abcdef.bin".into(),
            expected: 1,
            got: 2,
        });
        assert_eq!(
            e.describe(Lang::Da),
            "Søgeindekset kunne ikke indlæses: filen core er beskadiget. Genindlæs siden; \
             hjælper det ikke, så kontakt webstedets redaktør."
        );
        assert_eq!(normalise_base("https://x.dk/idx"), "https://x.dk/idx/");
    }

    #[test]
    fn a_late_part_that_fails_is_named_and_search_is_said_to_work() {
        let missing = LoadError::Status {
            file: "detail.0123456789abcdef.bin".into(),
            status: 503,
        };
        assert_eq!(
            missing.describe_part(Lang::Da, LatePart::Details),
            "Alle oplysninger om denne post kunne ikke hentes: serveren svarede 503 for filen \
             detail. Søgningen og resultaterne virker stadig."
        );
        for lang in [Lang::Da, Lang::En] {
            for part in [LatePart::Details, LatePart::SavedDetails, LatePart::Texts] {
                let sentence = missing.describe_part(lang, part);
                assert!(!sentence.contains("Søgeindekset"), "{sentence}");
                assert!(!sentence.contains("search index"), "{sentence}");
            }
        }
        assert!(missing.recoverable());
        let other_version = LoadError::Index(IndexError::BadMagic {
            file: "core.bin".into(),
        });
        assert!(
            !other_version.recoverable(),
            "the same bytes would come again"
        );
        assert_eq!(normalise_base(""), "index/");
    }
}
