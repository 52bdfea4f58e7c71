// The views the build prerenders (crates/web's tilbudsfinder-page) beside the apps that take
// them over: the widget's view carries the same `part` names as its live app before any script
// runs (one table, crates/web/src/parts.rs), and the page and each widget's shadow root hold no
// id twice at any moment while the app loads beside the view, with every label and reference
// pointing into its own copy (crates/web/src/instance.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';

const site = withServerAndBrowser();

const ACCENT = 'rgb(122, 0, 25)';
/** The classes whose elements a host page may style (docs/embedding.md's table of parts). */
const PIECES = ['tf-title', 'tf-search-input', 'tf-filters', 'tf-facet', 'tf-results-title', 'tf-card', 'tf-button', 'tf-secondary'];

/** Each piece's `part` attribute (of its first element) in the widget `id`'s view or live app. */
function partsIn(page, id, copy) {
  return page.evaluate(([hostId, copySelector, classes]) => {
    const root = document.getElementById(hostId).shadowRoot.querySelector(copySelector);
    return Object.fromEntries(classes.map((c) => [c, root.getElementsByClassName(c)[0]?.getAttribute('part') ?? null]));
  }, [id, copy, PIECES]);
}

test('the widget\'s prerendered view carries its live app\'s part names, and ::part() styles it, before any script runs', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // A host page that themes the widget through ::part(), and no script at all.
  await page.route('**/demo/kommune.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('</head>', '<link rel="stylesheet" href="part-theme.css"></head>');
    await route.fulfill({ response, body });
  });
  await page.route('**/demo/part-theme.css', (route) => route.fulfill({
    contentType: 'text/css',
    body: `tilbuds-finder::part(card) { border-top: 3px solid ${ACCENT}; }
           tilbuds-finder::part(title) { letter-spacing: 3px; }`,
  }));
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(`${site.url}demo/kommune.html`);
  await page.waitForFunction(() => document.getElementById('widget-all')?.shadowRoot?.querySelector('.tf-widget-view .tf-card'));
  const before = await partsIn(page, 'widget-all', '.tf-widget-view');
  const styled = await page.evaluate(() => {
    const view = document.getElementById('widget-all').shadowRoot.querySelector('.tf-widget-view');
    return {
      card: getComputedStyle(view.querySelector('.tf-card')).borderTopColor,
      title: getComputedStyle(view.querySelector('.tf-title')).letterSpacing,
      scripts: typeof customElements.get('tilbuds-finder'),
    };
  });
  assert.equal(styled.scripts, 'undefined', 'widget.js did not run');
  assert.equal(styled.card, ACCENT, '::part(card) reaches the prerendered cards');
  assert.equal(styled.title, '3px', '::part(title) reaches the prerendered title');
  await context.close();

  // The live app's pieces, named by widget.js from the glue's table.
  const live = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const livePage = await live.newPage();
  await livePage.goto(`${site.url}demo/kommune.html`);
  await livePage.waitForFunction(() => {
    const root = document.getElementById('widget-all')?.shadowRoot;
    return root && !root.querySelector('.tf-widget-view') && root.querySelector('.tf-widget .tf-card[part]');
  }, null, { timeout: 30000 });
  const after = await partsIn(livePage, 'widget-all', '.tf-widget');
  assert.deepEqual(before, after, 'the same part names before and after the app takes over');
  for (const [piece, part] of Object.entries(after)) assert.ok(part, `${piece} has a part name`);
  await live.close();
});

/**
 * Installed before any page script: checks, every frame and at the moment each app says it is
 * ready (before the page or the widget lets it take the prerendered view's place), that the
 * document and every widget's shadow root hold each id once and that every reference by id
 * (label, aria-labelledby, aria-controls, aria-describedby, list) finds its element in its own
 * copy of the app. Records what it saw in `window.__ids`.
 */
function watchIds() {
  const seen = { frames: 0, readyChecks: [], problems: [] };
  window.__ids = seen;
  const REFERENCES = [['label[for]', 'for'], ['[aria-labelledby]', 'aria-labelledby'],
    ['[aria-controls]', 'aria-controls'], ['[aria-describedby]', 'aria-describedby'], ['input[list]', 'list']];
  const roots = () => [['page', document], ...[...document.querySelectorAll('tilbuds-finder')]
    .filter((el) => el.shadowRoot).map((el) => [el.id, el.shadowRoot])];
  const check = (moment) => {
    for (const [where, root] of roots()) {
      const count = new Map();
      for (const el of root.querySelectorAll('[id]')) count.set(el.id, (count.get(el.id) ?? 0) + 1);
      for (const [id, n] of count) if (n > 1) seen.problems.push(`${moment}: ${where} holds id ${id} ${n} times`);
      for (const [selector, attribute] of REFERENCES) {
        for (const el of root.querySelectorAll(selector)) {
          for (const id of el.getAttribute(attribute).split(/\s+/).filter(Boolean)) {
            const target = root.getElementById(id);
            if (!target) seen.problems.push(`${moment}: ${where}: ${attribute}="${id}" finds nothing`);
            else if (target.closest('.tf-app') !== el.closest('.tf-app')) seen.problems.push(`${moment}: ${where}: ${attribute}="${id}" points into the other copy`);
          }
        }
      }
    }
  };
  addEventListener('tilbudsfinder:ready', (event) => {
    const host = event.composedPath().find((n) => n instanceof Element && n.localName === 'tilbuds-finder');
    const root = host ? host.shadowRoot : document;
    seen.readyChecks.push({
      where: host?.id ?? 'page',
      prerendered: root.querySelectorAll('.tf-prerendered .tf-app, .tf-widget-view .tf-app').length,
      apps: root.querySelectorAll('.tf-app').length,
      ids: root.querySelectorAll('.tf-app [id]').length,
    });
    check('at ready');
  }, { capture: true });
  const frame = () => { seen.frames += 1; check(`frame ${seen.frames}`); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
}

for (const [name, path, expected] of [
  ['the page', 'index.html', ['page']],
  ['the demo page\'s widgets', 'demo/kommune.html', ['widget-all', 'widget-families']],
]) {
  test(`${name}: no id twice and every label in its own copy while the app loads beside the prerendered view`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(watchIds);
    const page = await context.newPage();
    // The index arrives late, so the app is mounted, loading, beside the view for a while.
    await page.route(/\/index\/core\.[0-9a-f]+\.bin$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await page.goto(`${site.url}${path}`);
    await page.waitForFunction((n) => window.__ids.readyChecks.length >= n, expected.length, { timeout: 30000 });
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => window.__ids);
    assert.deepEqual(seen.readyChecks.map((c) => c.where).sort(), [...expected].sort());
    for (const ready of seen.readyChecks) {
      // The moment checked is the one that matters: the view and the whole live app side by side.
      assert.equal(ready.prerendered, 1, `${ready.where}: the prerendered view is there when the app is ready`);
      assert.equal(ready.apps, 2, `${ready.where}: the view and the live app`);
      assert.ok(ready.ids > 10, `${ready.where}: ids checked: ${ready.ids}`);
    }
    assert.ok(seen.frames > 5, `frames checked: ${seen.frames}`);
    assert.deepEqual([...new Set(seen.problems)], []);
    await context.close();
  });
}
