// <tilbuds-finder>: the embeddable Tilbudsfinder search, as a custom element.
//
//   <script type="module" src="https://EXAMPLE/tilbudsfinder/widget.js"></script>
//   <tilbuds-finder municipality="751" mode="offers" heading-level="2"></tilbuds-finder>
//
// Each element renders into its own open shadow root, so the host page's CSS and ours never
// meet; it is themed through CSS custom properties (docs/embedding.md). All assets are loaded
// relative to this module's own URL: load-failure.js, the wasm app, its CSS, and the index
// (unless the `index` attribute points elsewhere). Nothing else is requested: no fonts, no
// analytics, no cookies.
// Works under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` (no inline script or
// style anywhere). Several elements on one page work independently; removing one frees it.

import { loadApp, loadFailedSentence } from './load-failure.js';

const base = new URL('.', import.meta.url);
let app = null;

/** Loads and instantiates the wasm app once per page, however many widgets there are. */
function loadAppOnce() {
  app ??= loadApp(base);
  return app;
}

/** `"751, 101"` -> `["751", "101"]`. */
function list(value) {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

const PRESET_ATTRIBUTES = {
  // attribute -> facet
  municipality: 'municipality',
  region: 'region',
  basis: 'basis',
  target: 'target',
  type: 'type',
  'family-type': 'family_type',
};

const LOADING = { da: 'Indlæser søgningen …', en: 'Loading the search …' };

class TilbudsFinder extends HTMLElement {
  static observedAttributes = [
    'index', 'mode', 'lang', 'heading-level', 'page-size', 'locked', 'filters',
    ...Object.keys(PRESET_ATTRIBUTES),
  ];

  #handle = null;
  #generation = 0;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#destroy();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  /** The widget's configuration, read from its attributes. */
  config() {
    const presetFilters = [];
    for (const [attribute, facet] of Object.entries(PRESET_ATTRIBUTES)) {
      for (const value of list(this.getAttribute(attribute))) presetFilters.push([facet, value]);
    }
    // filters="target=Autismespektrum; basis=sel_108"
    for (const pair of (this.getAttribute('filters') ?? '').split(';')) {
      const at = pair.indexOf('=');
      if (at > 0) presetFilters.push([pair.slice(0, at).trim(), pair.slice(at + 1).trim()]);
    }
    const heading = Number.parseInt(this.getAttribute('heading-level') ?? '2', 10);
    const pageSize = Number.parseInt(this.getAttribute('page-size') ?? '10', 10);
    const mode = this.getAttribute('mode') === 'families' ? 'families' : 'offers';
    return {
      indexUrl: new URL(this.getAttribute('index') ?? 'index/', base).href,
      lang: this.#lang(),
      mode,
      presetFilters,
      lockPresets: this.hasAttribute('locked'),
      headingLevel: Math.min(6, Math.max(1, Number.isFinite(heading) ? heading : 2)),
      pageSize: Math.min(50, Math.max(1, Number.isFinite(pageSize) ? pageSize : 10)),
      syncUrl: false,
    };
  }

  #lang() {
    const lang = this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang') ?? 'da';
    return lang.toLowerCase().startsWith('en') ? 'en' : 'da';
  }

  #destroy() {
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle = null;
    }
    if (this.shadowRoot) this.shadowRoot.replaceChildren();
  }

  async #render() {
    const generation = ++this.#generation;
    this.#destroy();
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('tilbudsfinder.css', base).href;
    const container = document.createElement('div');
    container.className = 'tf-widget';
    container.setAttribute('lang', this.#lang());
    const status = document.createElement('p');
    status.className = 'tf-widget-status';
    status.setAttribute('role', 'status');
    status.textContent = LOADING[this.#lang()];
    container.append(status);
    shadow.replaceChildren(style, container);
    try {
      const glue = await loadAppOnce();
      // The element may have been removed or reconfigured while the app loaded.
      if (generation !== this.#generation) return;
      container.replaceChildren();
      this.#handle = glue.mount(container, this.config());
    } catch (error) {
      if (generation !== this.#generation) return;
      status.setAttribute('role', 'alert');
      status.textContent = loadFailedSentence(this.#lang());
      container.replaceChildren(status);
      console.warn('tilbuds-finder:', error);
    }
  }
}

if (!customElements.get('tilbuds-finder')) customElements.define('tilbuds-finder', TilbudsFinder);
