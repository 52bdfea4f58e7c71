// What the page (main.js), the iframe fallback (embed.js) and the widget (widget.js) show when
// the app itself cannot be loaded: a missing or truncated app/tilbudsfinder_web.js, a damaged
// .wasm, a browser without WebAssembly. The wasm app, and with it the i18n table, is not there
// to ask, so the sentence lives here, once; its second half is the i18n table's `error_reload`,
// the advice every damaged-index sentence ends with.
const LOAD_FAILED = {
  da: 'Søgningen kunne ikke indlæses. Genindlæs siden; hjælper det ikke, så kontakt webstedets redaktør.',
  en: 'The search could not be loaded. Reload the page; if that does not help, contact the site\'s editor.',
};

/** The sentence in `lang` ('da' or 'en'). */
export function loadFailedSentence(lang) {
  return LOAD_FAILED[lang] ?? LOAD_FAILED.da;
}

/** Replaces what `root` shows with the sentence, as an alert, and logs why for the editor. */
export function showLoadFailure(root, lang, error) {
  const message = document.createElement('p');
  message.className = 'tf-error';
  message.setAttribute('role', 'alert');
  message.textContent = loadFailedSentence(lang);
  root.replaceChildren(message);
  console.warn('tilbudsfinder:', error);
}

/**
 * Fetches the wasm and compiles it while it downloads (`WebAssembly.compileStreaming`). A host
 * that does not send `application/wasm` gets the plain compile of the whole body instead.
 */
async function compileWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Imports the wasm glue (`app/tilbudsfinder_web.js` beside `base`) and instantiates its wasm.
 * The glue and the wasm are requested at once, and the wasm compiles as it arrives: left to
 * itself, the glue would request the wasm only once it had arrived itself (one round trip more).
 * A dynamic import, so that a missing or truncated glue file is an error the caller can catch,
 * not a static import that fails before any of the caller's code runs.
 */
export async function loadApp(base) {
  const wasm = compileWasm(new URL('app/tilbudsfinder_web_bg.wasm', base));
  // Its failure is reported by the await below, or not at all when the glue failed first.
  wasm.catch(() => {});
  const glue = await import(new URL('app/tilbudsfinder_web.js', base).href);
  await glue.default({ module_or_path: await wasm });
  return glue;
}
