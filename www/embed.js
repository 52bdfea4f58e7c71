// The iframe fallback (embed.html), for sites that forbid third-party scripts.
//
//   <iframe src="https://EXAMPLE/tilbudsfinder/embed.html?municipality=751&mode=families"
//           title="Søg i sociale tilbud" class="tilbudsfinder-frame"></iframe>
//
// The same attributes as <tilbuds-finder>, given in the query string. The page tells its parent
// its height (postMessage, `{ type: "tilbudsfinder:height", height }`) so that a host that
// includes embed-resize.js gets a frame whose height follows its content.
import init, { mount } from './app/tilbudsfinder_web.js';

const params = new URLSearchParams(location.search);
const presets = [];
const facets = {
  municipality: 'municipality', region: 'region', basis: 'basis', target: 'target',
  type: 'type', 'family-type': 'family_type',
};
for (const [param, facet] of Object.entries(facets)) {
  for (const value of (params.get(param) ?? '').split(',')) {
    if (value.trim()) presets.push([facet, value.trim()]);
  }
}
const lang = (params.get('lang') ?? 'da').startsWith('en') ? 'en' : 'da';
document.documentElement.lang = lang;
const heading = Number.parseInt(params.get('heading-level') ?? '1', 10);
const pageSize = Number.parseInt(params.get('page-size') ?? '10', 10);
const root = document.getElementById('tf-embed');

try {
  await init({ module_or_path: new URL('app/tilbudsfinder_web_bg.wasm', import.meta.url) });
  root.replaceChildren();
  mount(root, {
    indexUrl: new URL(params.get('index') ?? 'index/', location.href).href,
    lang,
    mode: params.get('mode') === 'families' ? 'families' : 'offers',
    presetFilters: presets,
    lockPresets: params.has('locked'),
    headingLevel: Math.min(6, Math.max(1, Number.isFinite(heading) ? heading : 1)),
    pageSize: Math.min(50, Math.max(1, Number.isFinite(pageSize) ? pageSize : 10)),
    syncUrl: false,
  });
} catch (error) {
  const status = document.createElement('p');
  status.setAttribute('role', 'alert');
  status.textContent = lang === 'en'
    ? 'The search could not be loaded. Try reloading the page.'
    : 'Søgningen kunne ikke indlæses. Prøv at genindlæse siden.';
  root.replaceChildren(status);
  console.warn('tilbudsfinder embed:', error);
}

if (window.parent !== window) {
  const report = () => window.parent.postMessage(
    { type: 'tilbudsfinder:height', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
  new ResizeObserver(report).observe(document.body);
  report();
}
