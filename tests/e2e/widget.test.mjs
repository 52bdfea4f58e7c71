// The embeddable widget on the demo municipal site (www/demo/kommune.html), served with the
// strict Content-Security-Policy: two <tilbuds-finder> elements, one pre-filtered and locked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INDEX_DIR, axeViolations, cliJson, describeViolations, openPage, withServerAndBrowser,
} from '../lib/harness.mjs';

const site = withServerAndBrowser();

const count = (text) => {
  const m = text.trim().match(/^([\d.]+)/);
  return m ? Number(m[1].replaceAll('.', '')) : 0;
};

/** The result count a widget shows. */
async function widgetTotal(page, id) {
  return count(await page.locator(`#${id} .tf-results-title`).textContent());
}

async function waitForWidgetTotal(page, id, want) {
  await page.waitForFunction(
    ([sel, n]) => {
      const host = document.querySelector(sel);
      const h = host?.shadowRoot?.querySelector('.tf-results-title');
      const m = h?.textContent.trim().match(/^([\d.]+)/);
      return h && (m ? Number(m[1].replaceAll('.', '')) : 0) === n;
    },
    [`#${id}`, want],
    { timeout: 15000 },
  );
}

/**
 * Waits until each widget's app has taken over the first view the build prerendered into it
 * (tilbudsfinder-page --view): that view has cards before any script runs.
 */
async function appsReady(page, ids = ['widget-all', 'widget-families']) {
  await page.waitForFunction((list) => list.every((id) => {
    const root = document.getElementById(id)?.shadowRoot;
    return root && !root.querySelector('.tf-widget-view') && root.querySelector('.tf-widget .tf-card');
  }), ids, { timeout: 30000 });
}

/** Opens the demo site with CSP-violation recording installed before any page script runs. */
function openDemo(path = 'demo/kommune.html') {
  return openPage(site.browser, site.url + path, { cspLog: true });
}

test('both widgets render under the strict CSP, the preset holds, and they filter independently', async () => {
  const { page, context, problems, requests } = await openDemo();
  const allOffers = cliJson(['query', INDEX_DIR, '--json']).total;
  const aarhusFamilies = cliJson(['query', INDEX_DIR, '--json', '--mode', 'families',
    '--filter', 'municipality=751']).total;
  assert.ok(aarhusFamilies > 0 && aarhusFamilies < allOffers, 'the sample has families in Aarhus');

  await appsReady(page);
  await waitForWidgetTotal(page, 'widget-all', allOffers);
  await waitForWidgetTotal(page, 'widget-families', aarhusFamilies);
  assert.ok(await page.locator('#widget-all .tf-card').count() > 0, 'offers are shown');
  assert.ok(await page.locator('#widget-families .tf-card').count() > 0, 'families are shown');

  // Each renders into its own shadow root, so the host page's global CSS does not reach in.
  const isolated = await page.evaluate(() => ['widget-all', 'widget-families'].every((id) => {
    const root = document.getElementById(id).shadowRoot;
    const button = root?.querySelector('button');
    return root && button && getComputedStyle(button).textTransform !== 'uppercase';
  }));
  assert.ok(isolated, 'host CSS leaked into a widget');

  // Filtering one leaves the other alone.
  const typed = cliJson(['query', INDEX_DIR, '--json', '--text', 'bo']).total;
  assert.ok(typed < allOffers);
  await page.locator('#widget-all input[type=search], #widget-all input[type=text]').first().fill('bo');
  await waitForWidgetTotal(page, 'widget-all', typed);
  assert.equal(await widgetTotal(page, 'widget-families'), aarhusFamilies);

  // The locked preset cannot be removed: reset keeps it, and there is no control to remove it.
  const reset = page.locator('#widget-families').getByRole('button', { name: /Nulstil/ });
  if (await reset.count()) await reset.first().click();
  await page.waitForTimeout(300);
  assert.equal(await widgetTotal(page, 'widget-families'), aarhusFamilies);
  const removable = page.locator('#widget-families').getByRole('button', { name: /Fjern filter.*Aarhus/ });
  assert.equal(await removable.count(), 0, 'a locked preset offered a remove button');

  // Headings fit the host page: the widgets' top headings are at the configured level 3.
  const levels = await page.evaluate(() => ['widget-all', 'widget-families'].map((id) => {
    const h = document.getElementById(id).shadowRoot.querySelector('h1, h2, h3, h4, h5, h6');
    return h?.tagName;
  }));
  assert.deepEqual(levels, ['H3', 'H3']);

  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, [], 'Content-Security-Policy violations');
  assert.deepEqual(problems, [], problems.join('\n'));
  const origin = new URL(site.url).origin;
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'requests left the page origin');
  assert.ok(requests.some((u) => u.includes('/index/manifest.json')), 'the index was fetched');
  await context.close();
});

test('axe-core finds nothing inside either shadow root', async () => {
  const { page, context, problems } = await openDemo();
  await appsReady(page);
  // Checked before axe runs: axe's own probing sets inline styles, which the CSP reports.
  assert.deepEqual(problems, [], problems.join('\n'));
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await context.close();
});

test('a removed widget is freed, and the other widget and the host page keep working', async () => {
  const { page, context, problems } = await openDemo();
  await appsReady(page);
  const left = await page.evaluate(() => {
    const el = document.getElementById('widget-all');
    const root = el.shadowRoot;
    el.remove();
    return root.childElementCount;
  });
  assert.equal(left, 0, 'the removed widget left content behind');
  const families = page.locator('#widget-families');
  const before = count(await families.locator('.tf-results-title').textContent());
  await families.getByRole('radio', { name: /Tilbud/ }).check().catch(() => {});
  await families.locator('.tf-card').first().waitFor({ timeout: 15000 });
  assert.ok(await families.locator('.tf-card').count() > 0);
  assert.ok(before > 0);
  await page.getByRole('link', { name: 'Borger' }).click();
  await page.waitForLoadState('load');
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test('the iframe fallback renders the preset search and its height follows its content', async () => {
  const { page, context, problems } = await openDemo('demo/iframe.html');
  const aarhusFamilies = cliJson(['query', INDEX_DIR, '--json', '--mode', 'families',
    '--filter', 'municipality=751']).total;
  const frame = page.frameLocator('#frame');
  await frame.locator('.tf-card').first().waitFor({ timeout: 20000 });
  assert.equal(count(await frame.locator('.tf-results-title').textContent()), aarhusFamilies);
  await page.waitForFunction(() => document.getElementById('frame').getBoundingClientRect().height > 600,
    null, { timeout: 10000 });
  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, []);
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test('bytes a visitor downloads before the first results, as served (brotli where the browser takes it), cold cache', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  const bytes = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await page.goto(site.url + 'demo/kommune.html');
  // The app's own first results (the build's prerendered view has cards from the start).
  await appsReady(page, ['widget-all']);
  const snapshot = new Map(bytes);
  await appsReady(page);
  await page.waitForTimeout(500);
  // The two widgets share one loaded index: no file is downloaded twice.
  const fetched = [...urls.values()].map((u) => new URL(u).pathname);
  const twice = fetched.filter((p, i) => fetched.indexOf(p) !== i);
  assert.deepEqual(twice, [], 'files fetched more than once');
  // What the widget costs: everything but the host page's own files (and the favicon).
  const rows = [...snapshot].map(([id, n]) => [new URL(urls.get(id)).pathname, n])
    .filter(([p]) => !p.startsWith('/demo/') && !p.endsWith('favicon.svg'))
    .sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  console.log(`before first results: ${total} bytes over ${rows.length} requests`);
  for (const [p, n] of rows) console.log(`  ${String(n).padStart(8)}  ${p}`);
  const names = rows.map(([p]) => p);
  for (const wanted of ['/widget.js', '/app/tilbudsfinder_web_bg.wasm', '/index/manifest.json']) {
    assert.ok(names.includes(wanted), `${wanted} was not fetched`);
  }
  assert.ok(names.some((p) => /^\/index\/core\.[0-9a-f]+\.bin$/.test(p)), 'the core index file was fetched');
  assert.ok(!names.some((p) => /detail/.test(p)), 'record details were fetched before anything was opened');
  await context.close();
});

/** The widgets' layout shifts (not caused by input), recorded from before the first paint. */
function recordShifts(page) {
  return page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** A fresh page whose requests cross a 9 Mbit/s line with 170 ms round trips, cache disabled. */
async function slowPage() {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8,
  });
  // Each request's start and end on the browser's clock, by path.
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { path: new URL(e.request.url).pathname, start: e.timestamp, end: null }));
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.end = e.timestamp; });
  const timing = (test) => [...requests.values()].find((r) => test(r.path));
  return { context, page, timing };
}

test('the widgets show the build\'s first view at once and their apps take it over without moving the page', async () => {
  const { context, page } = await slowPage();
  await recordShifts(page);
  await page.goto(site.url + 'demo/kommune.html', { waitUntil: 'commit' });
  // Before the app: the prerendered view, with the preset's count and cards, in each widget.
  const allOffers = cliJson(['query', INDEX_DIR, '--json']);
  await page.waitForFunction(() => document.querySelectorAll('tilbuds-finder').length === 2
    && [...document.querySelectorAll('tilbuds-finder')].every((el) => el.shadowRoot?.querySelector('.tf-widget-view .tf-card')));
  const early = await page.evaluate(() => {
    const root = document.getElementById('widget-all').shadowRoot;
    const view = root.querySelector('.tf-widget-view');
    return {
      live: Boolean(root.querySelector('.tf-widget:not(.tf-widget-view) .tf-app')
        && !root.querySelector('.tf-widget:not(.tf-widget-view)').hidden),
      shown: view.getBoundingClientRect().height > 0,
      ids: [...view.querySelectorAll('.tf-card')].map((c) => c.dataset.id),
      listShown: document.querySelector('#widget-all .tilbudsfinder-fallback').getBoundingClientRect().height > 0,
    };
  });
  assert.equal(early.live, false, 'the app was not ready yet');
  assert.ok(early.shown, 'the prerendered view is on screen');
  assert.equal(early.listShown, false, 'the fallback list is not shown beside the view');
  assert.deepEqual(early.ids, allOffers.hits.slice(0, 5), 'the view shows the engine\'s first five');
  await appsReady(page);
  await page.waitForTimeout(500);
  // The live app's first results are the ones the view showed, in one list.
  const live = await page.evaluate(() => [...document.getElementById('widget-all').shadowRoot
    .querySelectorAll('.tf-card')].map((c) => c.dataset.id));
  assert.deepEqual(live, early.ids);
  const shifts = await page.evaluate(() => window.__shifts);
  const cls = shifts.reduce((sum, v) => sum + v, 0);
  assert.ok(cls <= 0.02, `layout shifts sum to ${cls} (${shifts.join(', ')})`);
  await context.close();
});

test('a widget requests its app and its index at once, and the wasm compiles while the index downloads', async () => {
  // A host page without preload hints: only widget.js itself starts the downloads.
  const { context, page, timing } = await slowPage();
  const host = `${site.url}demo/bare-host.html`;
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="da"><head><script type="module" src="../widget.js"></script></head>
           <body><tilbuds-finder page-size="3"></tilbuds-finder></body></html>`,
  }));
  await page.goto(host);
  await page.waitForFunction(() => document.querySelector('tilbuds-finder')?.shadowRoot?.querySelector('.tf-card'), null, { timeout: 60000 });
  const glue = timing((p) => p.endsWith('/app/tilbudsfinder_web.js'));
  const wasm = timing((p) => p.endsWith('/app/tilbudsfinder_web_bg.wasm'));
  const manifest = timing((p) => p.endsWith('/index/manifest.json'));
  const core = timing((p) => /\/index\/core\.[0-9a-f]+\.bin$/.test(p));
  for (const [name, r] of Object.entries({ glue, wasm, manifest, core })) assert.ok(r?.end, `${name} was fetched`);
  assert.ok(wasm.start < glue.end, 'the wasm was requested before the glue had arrived');
  assert.ok(manifest.start < glue.end, 'the manifest was requested before the glue had arrived');
  assert.ok(core.start < wasm.end, 'the core file was requested while the wasm still downloaded');
  await context.close();
});
