// The iframe fallback (embed.html), for sites that forbid third-party scripts.
//
//   <iframe src="https://EXAMPLE/tilbudsfinder/embed.html?municipality=751&mode=families"
//           title="Søg i sociale tilbud" class="tilbudsfinder-frame"></iframe>
//
// The same attributes as <tilbuds-finder>, given in the query string. The page tells its parent
// its height (postMessage, `{ type: "tilbudsfinder:height", height }`) so that a host that
// includes embed-resize.js gets a frame whose height follows its content.
//
// The query string is the one part of this page a stranger controls (anyone can send a link to
// it), so `index` is accepted only as a path on this page's own origin: a link must never make
// the municipality's own domain show another party's offers and contact details.
import { loadApp, showLoadFailure } from './load-failure.js';
import { prefetchIndex, takePrefetched } from './prefetch.js';

/**
 * The index this page loads: `index/` beside it, or the `index` parameter when that is a plain
 * relative or absolute path (no scheme, no `//host`, no backslash, which browsers read as `/`)
 * that stays on this origin. Anything else is ignored, and the page's own index is used.
 */
function ownIndexUrl(requested, pageUrl) {
  const own = new URL('index/', pageUrl);
  if (requested === null) return own.href;
  const plainPath = /^[A-Za-z0-9._~%/-]*$/.test(requested) && !requested.startsWith('//');
  const url = plainPath ? new URL(requested, pageUrl) : null;
  if (url && url.origin === own.origin) return url.href;
  console.warn('tilbudsfinder embed: ignoring an index on another origin:', requested);
  return own.href;
}

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

const indexUrl = ownIndexUrl(params.get('index'), location.href);
// The index's first files download while the app does (www/prefetch.js).
prefetchIndex(indexUrl);

try {
  const { mount } = await loadApp(import.meta.url);
  root.replaceChildren();
  mount(root, {
    indexUrl,
    lang,
    mode: params.get('mode') === 'families' ? 'families' : 'offers',
    presetFilters: presets,
    lockPresets: params.has('locked'),
    headingLevel: Math.min(6, Math.max(1, Number.isFinite(heading) ? heading : 1)),
    pageSize: Math.min(50, Math.max(1, Number.isFinite(pageSize) ? pageSize : 10)),
    heading: params.get('heading'),
    capacityView: !params.has('no-capacity'),
    modeSwitch: !params.has('no-mode-switch'),
    syncUrl: false,
  }, takePrefetched);
} catch (error) {
  showLoadFailure(root, lang, error);
}

if (window.parent !== window) {
  const report = () => window.parent.postMessage(
    { type: 'tilbudsfinder:height', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
  new ResizeObserver(report).observe(document.body);
  report();
}
