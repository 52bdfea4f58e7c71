// The full search page's entry: loads the wasm app and mounts it into #tilbudsfinder.
// The search is kept in the URL's query string (syncUrl), so searches can be shared and the
// back button works. `?lang=en` shows the interface in English.
import { loadApp, showLoadFailure } from './load-failure.js';

const root = document.getElementById('tilbudsfinder');
const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? document.documentElement.lang ?? 'da').startsWith('en') ? 'en' : 'da';
document.documentElement.lang = lang;

try {
  const { mount } = await loadApp(import.meta.url);
  root.replaceChildren();
  mount(root, { indexUrl: 'index/', lang, headingLevel: 1, pageSize: 20, syncUrl: true });
} catch (error) {
  showLoadFailure(root, lang, error);
}
