// <tilbuds-finder>: the embeddable Tilbudsfinder search, as a custom element.
//
//   <script type="module" src="https://EXAMPLE/tilbudsfinder/widget.js"></script>
//   <tilbuds-finder municipality="Aarhus" mode="offers" heading-level="2">
//     <a href="https://EXAMPLE/tilbud">Se kommunens tilbud</a>   (shown until the search renders)
//   </tilbuds-finder>
//
// Each element renders into its own open shadow root, so the host page's CSS and ours never
// meet; it is themed through CSS custom properties and `::part()` (docs/embedding.md). All assets
// are loaded relative to this module's own URL: load-failure.js, the wasm app, its CSS, and the
// index (unless the `index` attribute points elsewhere). Nothing else is requested: no fonts, no
// analytics, no cookies.
// The page may carry the widget's first view, prerendered by the build into a declarative shadow
// root (`tilbudsfinder-page --fallback … --view`, docs/embedding.md): it is shown from the first
// paint, with its part names, and the app loads hidden beside it and takes its box when ready,
// so the host page below does not move.
// Works under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` (no inline script or
// style anywhere). Several elements on one page work independently; removing one frees it.
//
// As an element it behaves like a built-in one: every attribute has a property that reflects it
// both ways (`el.mode = 'families'` sets `mode="families"`); an attribute set to the value it
// already has changes nothing, and a change the running app can take (the heading, which
// switches show) is handed to it instead of starting over (the app decides: `AppHandle.update`);
// the app's CustomEvents (`tilbudsfinder:ready`, `:error`, `:results`, `:open`; see
// crates/web/src/host_events.rs) bubble out of the shadow root with the element as their target.

import { loadApp, loadFailedSentence } from './load-failure.js';
import { prefetchIndex, takePrefetched } from './prefetch.js';

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

/**
 * Every observed attribute and how its property reads it: `string` (the attribute's text, ''
 * when absent), `boolean` (present or absent), or a number with its default and bounds. `lang`
 * is observed too, but HTMLElement already reflects it as a property.
 */
const ATTRIBUTES = {
  index: 'string',
  mode: 'string',
  heading: 'string',
  'heading-level': { default: 2, min: 1, max: 6 },
  'page-size': { default: 10, min: 1, max: 50 },
  locked: 'boolean',
  'no-capacity': 'boolean',
  'no-mode-switch': 'boolean',
  filters: 'string',
  ...Object.fromEntries(Object.keys(PRESET_ATTRIBUTES).map((name) => [name, 'string'])),
};

/** `heading-level` -> `headingLevel`. */
const propertyName = (attribute) => attribute.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** The attribute's number within bounds, or its default. */
function boundedNumber(text, { default: fallback, min, max }) {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/**
 * Gives every element under `root` exactly the part names its classes call for, so a host page
 * can style them through the shadow root: `tilbuds-finder::part(chip) { background: #7a0019 }`.
 * `parts` is the app's one table of them, `[class, part]` pairs (crates/web/src/parts.rs, read
 * from the glue's `widgetParts`); the build wrote the same names into the prerendered view.
 */
function applyParts(root, parts) {
  const wanted = new Map();
  for (const [className, name] of parts) {
    for (const el of root.getElementsByClassName(className)) wanted.set(el, [...(wanted.get(el) ?? []), name]);
  }
  for (const el of root.querySelectorAll('[part]')) if (!wanted.has(el)) el.removeAttribute('part');
  for (const [el, names] of wanted) {
    const value = names.join(' ');
    if (el.getAttribute('part') !== value) el.setAttribute('part', value);
  }
}

/** The child of a shadow root with the class (`:scope >` matches nothing in a shadow root). */
function childOf(root, className) {
  return [...root.children].find((el) => el.classList.contains(className)) ?? null;
}

const LOADING = { da: 'Indlæser søgningen …', en: 'Loading the search …' };
const READY = 'tilbudsfinder:ready';
const ERROR = 'tilbudsfinder:error';

class TilbudsFinder extends HTMLElement {
  static observedAttributes = ['lang', ...Object.keys(ATTRIBUTES)];

  #handle = null;
  #generation = 0;
  #loading = false;
  #rendered = false;
  #parts = null;
  // The element's children, shown through this slot until the search is ready (the no-JS
  // fallback stays visible while the app loads, and if it cannot load).
  #fallback = null;

  constructor() {
    super();
    // Until ready, the element's own children are the fallback; afterwards they are hidden.
    this.addEventListener(READY, () => {
      this.#fallback?.remove();
      this.#fallback = null;
    });
  }

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#destroy();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    // The same value again (an attribute or property set to what it was) changes nothing.
    if (oldValue === newValue || !this.isConnected) return;
    // While the app loads, the mount reads the attributes as they are then.
    if (this.#loading) return;
    if (this.#handle?.update(this.config())) return;
    this.#render();
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
    return {
      indexUrl: new URL(this.getAttribute('index') ?? 'index/', base).href,
      lang: this.#lang(),
      mode: this.mode,
      presetFilters,
      lockPresets: this.locked,
      heading: this.heading || null,
      headingLevel: this.headingLevel,
      pageSize: this.pageSize,
      capacityView: !this.noCapacity,
      modeSwitch: !this.noModeSwitch,
      syncUrl: false,
    };
  }

  #lang() {
    const lang = this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang') ?? 'da';
    return lang.toLowerCase().startsWith('en') ? 'en' : 'da';
  }

  #emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Stops the running app, if any, and what watches it. */
  #release() {
    this.#parts?.disconnect();
    this.#parts = null;
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle = null;
    }
    this.#loading = false;
  }

  #destroy() {
    this.#release();
    if (this.shadowRoot) this.shadowRoot.replaceChildren();
  }

  async #render() {
    const generation = ++this.#generation;
    const firstRender = !this.#rendered;
    this.#rendered = true;
    // The widget's first view, written by the build into a declarative shadow root
    // (tilbudsfinder-page --view): it stays on screen until the app is ready and then gives the
    // app its box in one frame, so nothing below the widget moves. Until the app has taken it
    // over (an upgrade renders once per attribute and once more on connection).
    const view = this.shadowRoot ? childOf(this.shadowRoot, 'tf-widget-view') : null;
    const container = document.createElement('div');
    container.className = 'tf-widget';
    container.setAttribute('lang', this.#lang());
    const status = document.createElement('p');
    status.className = 'tf-widget-status';
    status.setAttribute('role', 'status');
    status.textContent = LOADING[this.#lang()];
    if (view) {
      const shadow = this.shadowRoot;
      this.#release();
      for (const old of shadow.querySelectorAll('.tf-widget:not(.tf-widget-view)')) old.remove();
      this.#fallback = childOf(shadow, 'tf-widget-fallback');
      // The app loads out of sight beside the view, and takes its place once ready.
      container.hidden = true;
      view.after(container);
      container.addEventListener(READY, () => {
        view.remove();
        container.hidden = false;
      }, { once: true });
      // An index that cannot be loaded: the app's sentence, and the fallback list, instead.
      container.addEventListener(ERROR, () => {
        if (!container.hidden) return;
        view.remove();
        container.hidden = false;
      }, { once: true });
    } else {
      this.#destroy();
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = new URL('tilbudsfinder.css', base).href;
      container.append(status);
      shadow.replaceChildren(style, container);
      // The fallback is shown until the first time the search is ready, not again on a remount.
      if (firstRender || this.#fallback) {
        this.#fallback = document.createElement('div');
        this.#fallback.className = 'tf-widget-fallback';
        this.#fallback.append(document.createElement('slot'));
        shadow.append(this.#fallback);
      }
    }
    this.#loading = true;
    // The index's first files download while the app does (www/prefetch.js).
    const config = this.config();
    prefetchIndex(config.indexUrl);
    try {
      const glue = await loadAppOnce();
      // The element may have been removed or reconfigured while the app loaded.
      if (generation !== this.#generation) return;
      this.#loading = false;
      container.replaceChildren();
      const parts = glue.widgetParts().split(' ').map((pair) => pair.split('='));
      this.#parts = new MutationObserver(() => applyParts(container, parts));
      this.#parts.observe(container, {
        childList: true, subtree: true, attributes: true, attributeFilter: ['class'],
      });
      this.#handle = glue.mount(container, this.config(), takePrefetched);
      applyParts(container, parts);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#loading = false;
      view?.remove();
      container.hidden = false;
      const sentence = loadFailedSentence(this.#lang());
      status.setAttribute('role', 'alert');
      status.textContent = sentence;
      container.replaceChildren(status);
      console.warn('tilbuds-finder:', error);
      this.#emit(ERROR, sentence);
    }
  }
}

// The properties: each reads and writes its attribute, so the two always agree.
for (const [attribute, kind] of Object.entries(ATTRIBUTES)) {
  const descriptor = kind === 'boolean'
    ? {
      get() { return this.hasAttribute(attribute); },
      set(on) { this.toggleAttribute(attribute, Boolean(on)); },
    }
    : {
      get() {
        const text = this.getAttribute(attribute);
        return kind === 'string' ? (text ?? '') : boundedNumber(text, kind);
      },
      set(value) {
        if (value === null || value === undefined) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(value));
      },
    };
  Object.defineProperty(TilbudsFinder.prototype, propertyName(attribute), {
    ...descriptor, enumerable: true, configurable: true,
  });
}

// `mode` is an enumerated attribute: its property is `offers` unless the attribute says `families`.
Object.defineProperty(TilbudsFinder.prototype, 'mode', {
  get() { return this.getAttribute('mode') === 'families' ? 'families' : 'offers'; },
  set(value) { this.setAttribute('mode', String(value)); },
  enumerable: true,
  configurable: true,
});

if (!customElements.get('tilbuds-finder')) customElements.define('tilbuds-finder', TilbudsFinder);
