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
 * Imports the wasm glue (`app/tilbudsfinder_web.js` beside `base`) and instantiates its wasm.
 * A dynamic import, so that a missing or truncated glue file is an error the caller can catch,
 * not a static import that fails before any of the caller's code runs.
 */
export async function loadApp(base) {
  const glue = await import(new URL('app/tilbudsfinder_web.js', base).href);
  await glue.default({ module_or_path: new URL('app/tilbudsfinder_web_bg.wasm', base) });
  return glue;
}
