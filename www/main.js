// The full search page's entry: loads the wasm app and mounts it into #tilbudsfinder.
// The search is kept in the URL's query string (syncUrl), so searches can be shared and the
// back button works. `?lang=en` shows the interface in English.
import init, { mount } from './app/tilbudsfinder_web.js';

const root = document.getElementById('tilbudsfinder');
const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? document.documentElement.lang ?? 'da').startsWith('en') ? 'en' : 'da';
document.documentElement.lang = lang;

try {
  await init({ module_or_path: new URL('app/tilbudsfinder_web_bg.wasm', import.meta.url) });
  root.replaceChildren();
  mount(root, { indexUrl: 'index/', lang, headingLevel: 1, pageSize: 20, syncUrl: true });
} catch (error) {
  const message = document.createElement('p');
  message.className = 'tf-error';
  message.setAttribute('role', 'alert');
  message.textContent = lang === 'en'
    ? 'The search could not be started in this browser. Reload the page; if that does not help, contact the site\'s editor.'
    : 'Søgningen kunne ikke startes i denne browser. Genindlæs siden; hjælper det ikke, så kontakt webstedets redaktør.';
  root.replaceChildren(message);
  console.warn('tilbudsfinder:', error);
}
