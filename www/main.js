// The full search page's entry: loads the wasm app and mounts it into #tilbudsfinder.
// The search is kept in the URL's query string (syncUrl), so searches can be shared and the
// back button works. `?lang=en` shows the page in English; the switch in the header goes to the
// other language with the search kept. The page's own strings (title, header, footer, switch)
// come from the app's i18n table (`pageTexts`), so the page speaks one language with the app.
import { loadApp, showLoadFailure } from './load-failure.js';

const root = document.getElementById('tilbudsfinder');
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

try {
  const { mount, pageTexts } = await loadApp(import.meta.url);
  applyPageTexts(pageTexts(lang));
  root.replaceChildren();
  mount(root, { indexUrl: 'index/', lang, headingLevel: 1, pageSize: 20, syncUrl: true });
} catch (error) {
  showLoadFailure(root, lang, error);
}
