// Starts the index's first downloads while the wasm app is still downloading and compiling, so
// that the page (main.js), the iframe fallback (embed.js) and the widget (widget.js) do not wait
// for the chain page → script → glue → wasm → manifest → core file: the manifest is requested at
// once, and the files the first results need as soon as the manifest has arrived.
//
// The app takes these responses instead of fetching again (`takePrefetched`, handed to `mount`;
// crates/web/src/loader.rs). Which files the first results need is the index's rule
// (`Manifest::initial_files` in crates/index: the files of kind "core"); this is only a head
// start on it: a file the app needs and this did not start, the app fetches itself, and one
// this started and the app does not ask for is only a wasted download.

/** Requests started here, by absolute URL, until the app takes them. */
const started = new Map();
/** Indexes prefetched once on this page (two widgets on one index share one load). */
const prefetched = new Set();

/** The kind of index file the first results need (`Manifest::initial_files`). */
const INITIAL_KIND = 'core';

/** Starts the manifest of the index at `indexUrl` (ending in `/`) and then its initial files. */
export function prefetchIndex(indexUrl) {
  const base = new URL(indexUrl, document.baseURI);
  const manifestUrl = new URL('manifest.json', base).href;
  if (prefetched.has(manifestUrl)) return;
  prefetched.add(manifestUrl);
  const manifest = fetch(manifestUrl);
  // The app gets its own copy of the response; this reads the other.
  started.set(manifestUrl, manifest.then((response) => response.clone()));
  manifest
    .then((response) => (response.ok ? response.json() : null))
    .then((parsed) => {
      for (const file of parsed?.files ?? []) {
        if (file?.kind !== INITIAL_KIND || typeof file.name !== 'string') continue;
        const url = new URL(file.name, base).href;
        if (!started.has(url)) started.set(url, fetch(url));
      }
    })
    // A failure here is the app's to report, when it asks for the same file.
    .catch(() => {});
}

/**
 * The started request for `url` (a Promise of its Response), handed over once; `undefined` if
 * none was started. The app fetches what it does not get here.
 */
export function takePrefetched(url) {
  const key = new URL(url, document.baseURI).href;
  const request = started.get(key);
  started.delete(key);
  return request;
}
