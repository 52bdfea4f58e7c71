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
  await page.locator('#widget-families .tf-card').first().waitFor({ timeout: 15000 });
  await page.locator('#widget-all .tf-card').first().waitFor({ timeout: 15000 });
  // Checked before axe runs: axe's own probing sets inline styles, which the CSP reports.
  assert.deepEqual(problems, [], problems.join('\n'));
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await context.close();
});

test('a removed widget is freed, and the other widget and the host page keep working', async () => {
  const { page, context, problems } = await openDemo();
  await page.locator('#widget-families .tf-card').first().waitFor({ timeout: 15000 });
  await page.locator('#widget-all .tf-card').first().waitFor({ timeout: 15000 });
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
  await page.locator('#widget-all .tf-card').first().waitFor({ timeout: 20000 });
  const snapshot = new Map(bytes);
  await page.locator('#widget-families .tf-card').first().waitFor({ timeout: 20000 });
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
