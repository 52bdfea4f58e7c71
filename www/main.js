// The full search page's entry: loads the wasm app and mounts it into #tilbudsfinder.
// The search is kept in the URL's query string (syncUrl), so searches can be shared and the
// back button works. `?lang=en` shows the page in English; the switch in the header goes to the
// other language with the search kept. The page's own strings (title, header, footer, switch)
// come from the app's i18n table (`pageTexts`), so the page speaks one language with the app.
//
// The build prerenders the app's first view into the page (`.tf-prerendered`, crates/web's
// `tilbudsfinder-page`): the results are on screen before any script runs. The app is mounted
// beside it, hidden, and when it is ready it takes that view's place in one frame, with the
// same markup, so nothing moves; text typed meanwhile and the focus go with it. When the page's
// address asks for something else (a search, a record, English), the prerendered view is not
// what the app will show: www/prerendered.js hid it before the first paint, and it goes. When
// the index cannot be loaded, the prerendered results stay, marked as possibly out of date,
// under the app's sentence.
import { loadApp, showLoadFailure } from './load-failure.js';
import { prefetchIndex, takePrefetched } from './prefetch.js';

const root = document.getElementById('tilbudsfinder');
// The app's configuration, shared with the build's prerendering (index.html's data-config).
const pageConfig = JSON.parse(root.dataset.config ?? '{}');
// The index's first files download while the app does (www/prefetch.js).
prefetchIndex(pageConfig.indexUrl ?? 'index/');

const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? document.documentElement.lang ?? 'da').startsWith('en') ? 'en' : 'da';
document.documentElement.lang = lang;

/** This page's address with `lang` set to `tag` (and the search as it is now). */
function withLang(tag) {
  const url = new URL(location.href);
  url.searchParams.set('lang', tag);
  return url.href;
}

/** Puts the page's own strings (from the i18n table) and the language switch in place. */
function applyPageTexts(texts) {
  const set = (selector, text) => {
    const el = document.querySelector(selector);
    if (el) el.textContent = text;
  };
  document.title = texts.title;
  document.querySelector('meta[name="description"]')?.setAttribute('content', texts.description);
  for (const el of document.querySelectorAll('.tf-site-skip, .tf-site-header, .tf-site-footer')) {
    el.setAttribute('lang', texts.lang);
  }
  set('.tf-site-skip', texts.skipLink);
  set('.tf-site-tagline', texts.tagline);
  set('.tf-site-footer-text', texts.footer);
  set('noscript', texts.noscript);
  const nav = document.querySelector('.tf-site-lang');
  const link = document.querySelector('.tf-site-lang-link');
  if (nav && link) {
    nav.setAttribute('aria-label', texts.language);
    link.textContent = texts.otherName;
    link.setAttribute('lang', texts.otherTag);
    link.setAttribute('hreflang', texts.otherTag);
    link.href = withLang(texts.otherTag);
    // The search changes the address as the user works: take it as it is when clicked.
    link.addEventListener('click', () => { link.href = withLang(texts.otherTag); });
  }
}

/**
 * True when the page's address asks for the view the build prerendered (Danish, nothing
 * searched): www/prerendered.js decided before the first paint and marked the page if not.
 */
function showsPrerenderedView() {
  return !document.documentElement.classList.contains('tf-prerendered-hidden');
}

/** The live app takes the prerendered view's place; typed text and focus go with it. */
function takeOver(prerendered, live) {
  const old = prerendered.querySelector('input[type="search"]');
  const typed = old?.value ?? '';
  const focused = old !== null && old !== undefined && document.activeElement === old;
  const selection = focused ? [old.selectionStart, old.selectionEnd] : null;
  prerendered.remove();
  live.hidden = false;
  const input = live.querySelector('input[type="search"]');
  if (!input) return;
  if (typed) {
    input.value = typed;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
  if (focused) {
    input.focus();
    if (selection[0] !== null) input.setSelectionRange(selection[0], selection[1]);
  }
}

/** The index failed: the prerendered results stay, marked, below the app's sentence. */
function markStale(prerendered, live, texts) {
  prerendered.before(live);
  live.hidden = false;
  prerendered.classList.add('tf-prerendered-stale');
  const note = document.createElement('p');
  note.className = 'tf-note tf-warning tf-prerendered-note';
  note.textContent = texts.prerenderedStale;
  prerendered.prepend(note);
  prerendered.inert = true;
}

const prerendered = root.querySelector('.tf-prerendered');
const waiting = prerendered && showsPrerenderedView() ? prerendered : null;
// Another view was asked for: the prerendered one is invisible (www/prerendered.js) but keeps
// its place below the loading app until the app is ready, so the page below moves at most once,
// out of sight, instead of with each step of the app's loading.
const placeholder = prerendered && !waiting ? prerendered : null;
try {
  // The prerendered results are painted before the app's code is compiled: on a 2-core machine
  // compiling the wasm right away held the first paint back by 100-200 ms (issue 13).
  if (waiting) await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  const { mount, pageTexts } = await loadApp(import.meta.url);
  const texts = pageTexts(lang);
  applyPageTexts(texts);
  const live = document.createElement('div');
  live.className = 'tf-mounted';
  if (waiting) {
    live.hidden = true;
    live.addEventListener('tilbudsfinder:ready', () => takeOver(waiting, live), { once: true });
    const failed = () => { if (live.hidden) markStale(waiting, live, texts); };
    live.addEventListener('tilbudsfinder:error', failed, { once: true });
    root.querySelector('.tf-widget-status')?.remove();
    root.append(live);
  } else if (placeholder) {
    root.querySelector('.tf-widget-status')?.remove();
    placeholder.before(live);
    for (const done of ['tilbudsfinder:ready', 'tilbudsfinder:error']) {
      live.addEventListener(done, () => placeholder.remove(), { once: true });
    }
  } else {
    root.replaceChildren(live);
  }
  mount(live, { ...pageConfig, lang }, takePrefetched);
} catch (error) {
  if (waiting) waiting.remove();
  showLoadFailure(root, lang, error);
}
