// <tilbuds-finder> as a host page scripts and styles it (issue 17): events the page hears,
// properties that mirror the attributes, `::part()` styling through the shadow root, attribute
// changes without a remount, presets that come back on "Nulstil filtre", unique landmarks with
// two widgets, municipalities by name, and the children shown as a fallback until it renders.
// Each test serves its own host page (beside the demo, so widget.js loads from the real server)
// under the same strict Content-Security-Policy the server sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  INDEX_DIR, cliJson, describeViolations, withServerAndBrowser,
} from '../lib/harness.mjs';

const require = createRequire(import.meta.url);

const site = withServerAndBrowser();

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; object-src 'none'; base-uri 'none'";
const EVENTS = ['tilbudsfinder:ready', 'tilbudsfinder:error', 'tilbudsfinder:results', 'tilbudsfinder:open'];
const ACCENT = 'rgb(122, 0, 25)';
// The host page's own stylesheet: `::part()` rules reach the named pieces inside the shadow root.
const HOST_CSS = `
tilbuds-finder::part(chip) { background-color: ${ACCENT}; }
tilbuds-finder::part(card) { border-top-color: ${ACCENT}; }
tilbuds-finder::part(title) { letter-spacing: 3px; }
`;

const total = (...filters) => cliJson(['query', INDEX_DIR, '--json',
  ...filters.flatMap((f) => ['--filter', f])]).total;

/**
 * Opens a host page with `body` inside, served as demo/api-host.html with the strict CSP. The
 * page records every Tilbudsfinder event that reaches `document` (so: bubbling and composed).
 * `holdWasm` delays the app's wasm until the returned `release()` is called.
 */
async function openHost(body, { holdWasm = false, javaScriptEnabled = true } = {}) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
  await context.addInitScript((names) => {
    window.__events = [];
    window.__csp = [];
    for (const name of names) {
      document.addEventListener(name, (e) => {
        window.__events.push({ name, detail: e.detail, target: e.target.id, composed: e.composed });
      });
    }
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  }, EVENTS);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const html = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Vært</title>
    <link rel="stylesheet" href="api-host.css"><script type="module" src="../widget.js"></script>
    </head><body><main><h1>Vært</h1>${body}</main></body></html>`;
  const headers = { 'content-security-policy': STRICT_CSP };
  await page.route(`${site.url}demo/api-host.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8', headers, body: html,
  }));
  await page.route(`${site.url}demo/api-host.css`, (route) => route.fulfill({
    contentType: 'text/css', headers, body: HOST_CSS,
  }));
  let release = () => {};
  if (holdWasm) {
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\/app\/tilbudsfinder_web_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
  }
  await page.goto(`${site.url}demo/api-host.html`);
  return { page, context, problems, release };
}

/** Waits until the host page has heard `name` from the element `id` (and `detail`, if given). */
async function heard(page, name, id, detail) {
  await page.waitForFunction(([n, i, d]) => window.__events.some((e) => e.name === n && e.target === i
    && (d === undefined || e.detail === d)), [name, id, detail], { timeout: 20000 });
}

/** The count the widget's results heading shows. */
async function shownTotal(page, id) {
  const text = await page.locator(`#${id} .tf-results-title`).textContent();
  return Number(text.trim().match(/^([\d.]+)/)?.[1].replaceAll('.', '') ?? 0);
}

async function waitForShownTotal(page, id, want) {
  await page.waitForFunction(([sel, n]) => {
    const h = document.querySelector(sel)?.shadowRoot?.querySelector('.tf-results-title');
    const m = h?.textContent.trim().match(/^([\d.]+)/);
    return h && (m ? Number(m[1].replaceAll('.', '')) : 0) === n;
  }, [`#${id}`, want], { timeout: 20000 });
}

async function expectClean(page, problems) {
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'Content-Security-Policy violations');
  assert.deepEqual(problems, [], problems.join('\n'));
}

test('the host page hears ready, results (on every change of the count), open and error', async () => {
  const { page, context, problems } = await openHost(`
    <tilbuds-finder id="w1" page-size="5"></tilbuds-finder>`);
  const all = total();
  await heard(page, 'tilbudsfinder:ready', 'w1');
  await heard(page, 'tilbudsfinder:results', 'w1', all);
  let events = await page.evaluate(() => window.__events);
  assert.ok(events.every((e) => e.composed), 'events must be composed to leave the shadow root');
  assert.deepEqual(events.map((e) => e.name).slice(0, 2), ['tilbudsfinder:ready', 'tilbudsfinder:results']);
  assert.equal(await shownTotal(page, 'w1'), all);

  // Typing changes the count: one results event with the engine's count.
  const typed = cliJson(['query', INDEX_DIR, '--json', '--text', 'bo']).total;
  assert.ok(typed > 0 && typed < all);
  await page.locator('#w1 .tf-search-input').fill('bo');
  await heard(page, 'tilbudsfinder:results', 'w1', typed);
  // Going to page two does not change the count: no event.
  const before = (await page.evaluate(() => window.__events)).length;
  await page.locator('#w1 .tf-pager').getByRole('button', { name: 'Side 2', exact: true }).click();
  await page.locator('#w1 .tf-page-of').filter({ hasText: /2/ }).waitFor();
  events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.slice(before).filter((e) => e.name === 'tilbudsfinder:results'), []);

  // Opening a record tells its catalogue id.
  const card = page.locator('#w1 .tf-card').first();
  const id = await card.getAttribute('data-id');
  assert.ok(id);
  await card.locator('button.tf-button:not(.tf-secondary)').first().click();
  await heard(page, 'tilbudsfinder:open', 'w1', id);
  await expectClean(page, problems);

  // An index that is not there: an error event whose detail is the sentence shown.
  await page.evaluate(() => {
    const el = document.createElement('tilbuds-finder');
    el.id = 'w2';
    el.setAttribute('index', 'no-such-index/');
    document.querySelector('main').append(el);
  });
  await heard(page, 'tilbudsfinder:error', 'w2');
  const message = (await page.evaluate(() => window.__events))
    .find((e) => e.name === 'tilbudsfinder:error' && e.target === 'w2').detail;
  assert.equal(typeof message, 'string');
  assert.equal((await page.locator('#w2 [role=alert]').textContent()).trim(), message);
  assert.ok(!(await page.evaluate(() => window.__events)).some((e) => e.name === 'tilbudsfinder:ready'
    && e.target === 'w2'), 'a failed widget said it was ready');
  await context.close();
});

test('every attribute has a property, and the two agree both ways', async () => {
  const { page, context, problems } = await openHost('<tilbuds-finder id="w1"></tilbuds-finder>');
  await heard(page, 'tilbudsfinder:ready', 'w1');
  const mismatches = await page.evaluate(() => {
    const el = document.getElementById('w1');
    const out = [];
    const check = (what, ok) => { if (!ok) out.push(what); };
    const strings = {
      index: 'index/', heading: 'Botilbud', filters: 'target=Autismespektrum', municipality: '157',
      region: '1084', basis: 'sel_108', target: 'Autismespektrum', type: 'botilbud', familyType: 'almen',
    };
    const attr = (prop) => prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const [prop, value] of Object.entries(strings)) {
      check(`${prop} absent`, el[prop] === '');
      el[prop] = value;
      check(`${prop} -> attribute`, el.getAttribute(attr(prop)) === value);
      el.setAttribute(attr(prop), `${value}x`);
      check(`attribute -> ${prop}`, el[prop] === `${value}x`);
      el[prop] = null;
      check(`${prop} = null removes`, !el.hasAttribute(attr(prop)) && el[prop] === '');
    }
    for (const prop of ['locked', 'noCapacity', 'noModeSwitch']) {
      check(`${prop} absent`, el[prop] === false);
      el[prop] = true;
      check(`${prop} -> attribute`, el.hasAttribute(attr(prop)));
      el.removeAttribute(attr(prop));
      check(`attribute -> ${prop}`, el[prop] === false);
      el.setAttribute(attr(prop), '');
      check(`present -> ${prop}`, el[prop] === true);
      el[prop] = false;
      check(`${prop} = false removes`, !el.hasAttribute(attr(prop)));
    }
    for (const [prop, def, over] of [['headingLevel', 2, 9], ['pageSize', 10, 500]]) {
      check(`${prop} default`, el[prop] === def);
      el[prop] = 3;
      check(`${prop} -> attribute`, el.getAttribute(attr(prop)) === '3');
      el.setAttribute(attr(prop), '4');
      check(`attribute -> ${prop}`, el[prop] === 4);
      el.setAttribute(attr(prop), String(over));
      check(`${prop} within bounds`, el[prop] < over);
      el.removeAttribute(attr(prop));
    }
    check('mode default', el.mode === 'offers');
    el.mode = 'families';
    check('mode -> attribute', el.getAttribute('mode') === 'families');
    el.setAttribute('mode', 'offers');
    check('attribute -> mode', el.mode === 'offers');
    el.setAttribute('mode', 'nonsense');
    check('unknown mode reads as offers', el.mode === 'offers');
    return out;
  });
  assert.deepEqual(mismatches, []);

  // A property set from script takes effect: `el.mode = 'families'` shows foster families.
  await page.evaluate(() => { document.getElementById('w1').mode = 'families'; });
  const families = cliJson(['query', INDEX_DIR, '--json', '--mode', 'families']).total;
  await waitForShownTotal(page, 'w1', families);
  await expectClean(page, problems);
  await context.close();
});

test('::part() rules of the host page style the chips, cards and title inside the shadow root', async () => {
  const { page, context, problems } = await openHost(
    '<tilbuds-finder id="w1" municipality="751" page-size="3"></tilbuds-finder>',
  );
  await page.locator('#w1 .tf-card').first().waitFor({ timeout: 20000 });
  await page.locator('#w1 .tf-chip').first().waitFor();
  const styles = await page.evaluate(() => {
    const root = document.getElementById('w1').shadowRoot;
    const style = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      chip: style('.tf-chip').backgroundColor,
      card: style('.tf-card').borderTopColor,
      title: style('.tf-title').letterSpacing,
      parts: ['.tf-search-input', '.tf-chip', '.tf-card', '.tf-button', '.tf-facet', '.tf-title']
        .map((sel) => root.querySelector(sel)?.getAttribute('part')),
    };
  });
  assert.equal(styles.chip, ACCENT);
  assert.equal(styles.card, ACCENT);
  assert.equal(styles.title, '3px');
  assert.deepEqual(styles.parts.map((p) => p?.split(' ')[0]),
    ['search-box', 'chip', 'card', 'button', 'facet-group', 'title']);
  // The detail view gets its part when it opens (parts follow the app's changes).
  await page.locator('#w1 .tf-card button.tf-button:not(.tf-secondary)').first().click();
  await page.locator('#w1 .tf-detail').waitFor();
  assert.equal(await page.locator('#w1 .tf-detail').getAttribute('part'), 'detail');
  await expectClean(page, problems);
  await context.close();
});

test('an unchanged attribute never remounts; the heading and switches change in the running app', async () => {
  const { page, context, problems } = await openHost(
    '<tilbuds-finder id="w1" municipality="751"></tilbuds-finder>',
  );
  await heard(page, 'tilbudsfinder:ready', 'w1');
  const input = page.locator('#w1 .tf-search-input');
  await input.fill('bo');
  // A marker on the app's own DOM: a remount would replace the node and lose it.
  const marked = () => page.evaluate(() => document.getElementById('w1').shadowRoot
    .querySelector('.tf-search')?.dataset.marker === 'kept');
  await page.evaluate(() => {
    document.getElementById('w1').shadowRoot.querySelector('.tf-search').dataset.marker = 'kept';
  });
  const readies = () => page.evaluate(() => window.__events
    .filter((e) => e.name === 'tilbudsfinder:ready').length);
  assert.equal(await readies(), 1);

  await page.evaluate(() => {
    const el = document.getElementById('w1');
    el.setAttribute('municipality', '751');
    el.municipality = '751';
    el.mode = el.mode; // eslint-disable-line no-self-assign
  });
  assert.ok(await marked(), 'setting an attribute to its own value remounted the app');
  assert.equal(await input.inputValue(), 'bo');

  // The heading, its level and the switches go through the running app.
  await page.evaluate(() => {
    const el = document.getElementById('w1');
    el.heading = 'Botilbud i Aarhus';
    el.headingLevel = 3;
  });
  await page.locator('#w1 h3.tf-title', { hasText: 'Botilbud i Aarhus' }).waitFor();
  // The view switch ("Søg" / "Kapacitet") and the mode switch are radio groups named `…-view`
  // and `…-mode`.
  const radios = (group) => `input[type=radio][name$="-${group}"]`;
  const shown = (group) => page.locator(`#w1 ${radios(group)}`).count();
  assert.deepEqual([await shown('view'), await shown('mode')], [2, 2], 'both switches by default');
  await page.evaluate(() => { document.getElementById('w1').noCapacity = true; });
  await page.waitForFunction((sel) => !document.getElementById('w1').shadowRoot.querySelector(sel),
    radios('view'));
  assert.equal(await shown('mode'), 2);
  await page.evaluate(() => { document.getElementById('w1').noModeSwitch = true; });
  await page.waitForFunction((sel) => !document.getElementById('w1').shadowRoot.querySelector(sel),
    radios('mode'));
  assert.ok(await marked(), 'a heading or switch change remounted the app');
  assert.equal(await input.inputValue(), 'bo');
  assert.equal(await readies(), 1);

  // A new preset needs a fresh start: the app is mounted again, with the new filter.
  await page.evaluate(() => { document.getElementById('w1').municipality = '101'; });
  await page.waitForFunction(() => window.__events.filter((e) => e.name === 'tilbudsfinder:ready').length === 2);
  await waitForShownTotal(page, 'w1', total('municipality=101'));
  assert.equal(await marked(), false);
  await expectClean(page, problems);
  await context.close();
});

test('"Nulstil filtre" puts the presets back; removing one by one still removes them', async () => {
  const { page, context, problems } = await openHost(
    '<tilbuds-finder id="w1" municipality="Gentofte" type="botilbud"></tilbuds-finder>',
  );
  const preset = total('municipality=157', 'type=botilbud');
  const all = total();
  assert.ok(preset > 0 && preset < all);
  await waitForShownTotal(page, 'w1', preset);
  const w = page.locator('#w1');
  // The user removes one preset and adds a filter of their own: reset restores both presets.
  await w.getByRole('button', { name: /Fjern filter.*Gentofte/ }).click();
  await waitForShownTotal(page, 'w1', total('type=botilbud'));
  await w.getByRole('checkbox', { name: 'Kun med ledige pladser' }).check();
  await w.getByRole('button', { name: 'Nulstil filtre' }).click();
  await waitForShownTotal(page, 'w1', preset);
  assert.equal(await w.locator('.tf-chip').count(), 2, 'both presets are chips again');
  // One by one, the presets go (a user who wants all of Denmark can have it).
  await w.getByRole('button', { name: /Fjern filter.*Gentofte/ }).click();
  await w.getByRole('button', { name: /Fjern filter.*otilbud/ }).click();
  await waitForShownTotal(page, 'w1', all);
  assert.equal(await w.locator('.tf-chip').count(), 0);
  await expectClean(page, problems);
  await context.close();
});

test('a municipality or region by name gives the same results as by code', async () => {
  const { page, context, problems } = await openHost(`
    <tilbuds-finder id="code" municipality="157" heading="Efter kode"></tilbuds-finder>
    <tilbuds-finder id="name" municipality="Gentofte" heading="Efter navn"></tilbuds-finder>
    <tilbuds-finder id="official" municipality="Gentofte Kommune" heading="Officielt navn"></tilbuds-finder>
    <tilbuds-finder id="region" region="Region Hovedstaden" heading="Region"></tilbuds-finder>`);
  const gentofte = total('municipality=157');
  assert.ok(gentofte > 0 && gentofte < total());
  for (const id of ['code', 'name', 'official']) await waitForShownTotal(page, id, gentofte);
  await waitForShownTotal(page, 'region', total('region=1084'));
  // No "some filters were dropped" note: the names were understood.
  assert.equal(await page.locator('#name .tf-note').filter({ hasText: /filtre|filters/i }).count(), 0);
  await expectClean(page, problems);
  await context.close();
});

/** Runs only axe's `landmark-unique` rule over the page, shadow roots included. */
async function landmarkViolations(page) {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] } });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

test('two widgets on one page pass axe landmark-unique', async () => {
  // The same mode twice, told apart by their headings; and the demo's two (two modes).
  const { page, context } = await openHost(`
    <tilbuds-finder id="a" municipality="751" heading="Tilbud i Aarhus" page-size="3"></tilbuds-finder>
    <tilbuds-finder id="b" municipality="101" heading="Tilbud i København" page-size="3"></tilbuds-finder>`);
  for (const id of ['a', 'b']) await page.locator(`#${id} .tf-card`).first().waitFor({ timeout: 20000 });
  // Both with a saved record, so the saved-records landmark is there too.
  for (const id of ['a', 'b']) await page.locator(`#${id} .tf-card button.tf-secondary`).first().click();
  await page.locator('#b .tf-shortlist .tf-shortlist-title').waitFor();
  const landmarks = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id)
    .shadowRoot.querySelectorAll('form[role=search], aside, section, nav').length));
  assert.ok(landmarks.every((n) => n >= 4), `landmarks per widget: ${landmarks}`);
  let violations = await landmarkViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await context.close();

  const demo = await site.browser.newPage();
  await demo.goto(`${site.url}demo/kommune.html`);
  for (const id of ['widget-all', 'widget-families']) {
    // The app, not the first view the build prerendered into the demo page.
    await demo.locator(`#${id} .tf-widget-view`).waitFor({ state: 'detached', timeout: 20000 });
    await demo.locator(`#${id} .tf-card`).first().waitFor({ timeout: 20000 });
  }
  violations = await landmarkViolations(demo);
  assert.deepEqual(violations, [], describeViolations(violations));
  await demo.close();
});

test('two widgets with their capacity views, details and comparisons open pass axe landmark-unique', async () => {
  // The same record in both (no preset), so even the details' own headings are alike.
  const { page, context } = await openHost(`
    <tilbuds-finder id="a" heading="Tilbud A" page-size="3"></tilbuds-finder>
    <tilbuds-finder id="b" heading="Tilbud B" page-size="3"></tilbuds-finder>`);
  for (const id of ['a', 'b']) await page.locator(`#${id} .tf-card`).first().waitFor({ timeout: 20000 });
  const landmarksOf = (id) => page.evaluate((host) => document.getElementById(host).shadowRoot
    .querySelectorAll('section.tf-capacity, section.tf-detail, section.tf-comparison, [role=region]').length, id);

  // Capacity: the overview and each of its tables' scroll regions.
  for (const id of ['a', 'b']) {
    await page.locator(`#${id}`).getByRole('radio', { name: 'Kapacitet' }).check();
    await page.locator(`#${id} .tf-capacity-total`).waitFor();
  }
  assert.ok(await landmarksOf('a') >= 4, 'the capacity view has its landmarks');
  let violations = await landmarkViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));

  // The same record's detail in both.
  for (const id of ['a', 'b']) {
    await page.locator(`#${id}`).getByRole('radio', { name: 'Søg' }).check();
    await page.locator(`#${id} .tf-card button.tf-secondary`).first().waitFor();
    await page.locator(`#${id} .tf-card`).first().getByRole('button', { name: /^Vis detaljer / }).click();
    await page.locator(`#${id} .tf-detail-title`).waitFor();
  }
  violations = await landmarkViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));

  // Two saved records compared in both.
  for (const id of ['a', 'b']) {
    await page.locator(`#${id}`).getByRole('button', { name: /Tilbage til resultaterne|Tilbage/ }).first().click();
    const save = page.locator(`#${id} .tf-card button.tf-secondary`);
    await save.nth(0).click();
    await save.nth(1).click();
    await page.locator(`#${id}`).getByRole('button', { name: 'Sammenlign (2)' }).click();
    await page.locator(`#${id} .tf-comparison`).waitFor();
  }
  assert.ok(await landmarksOf('b') >= 2, 'the comparison has its landmarks');
  violations = await landmarkViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await context.close();
});

test('the children are the fallback: shown before the search renders, hidden after', async () => {
  const fallback = `<tilbuds-finder id="w1" municipality="751">
      <p id="fallback">Se tilbuddene på <a href="https://tilbudsportalen.dk/">Tilbudsportalen</a>.</p>
    </tilbuds-finder>`;
  // Without JavaScript the element is unknown to the site.browser, and its children simply show.
  const off = await openHost(fallback, { javaScriptEnabled: false });
  assert.ok(await off.page.locator('#fallback').isVisible());
  await off.context.close();

  // With JavaScript, while the app is on its way, the children still show (through a slot) …
  const { page, context, problems, release } = await openHost(fallback, { holdWasm: true });
  await page.waitForFunction(() => document.getElementById('w1').shadowRoot?.querySelector('slot'));
  assert.ok(await page.locator('#fallback').isVisible(), 'the fallback is hidden while loading');
  assert.equal(await page.locator('#w1 .tf-card').count(), 0);
  // … and once the search is ready they are hidden (still in the page, for the host's scripts).
  release();
  await heard(page, 'tilbudsfinder:ready', 'w1');
  await page.locator('#w1 .tf-card').first().waitFor();
  assert.equal(await page.locator('#fallback').isVisible(), false);
  assert.equal(await page.locator('#fallback').count(), 1);
  await expectClean(page, problems);
  await context.close();
});
