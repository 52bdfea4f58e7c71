// The page's first view, prerendered by the build (crates/web's tilbudsfinder-page): the
// results are in the HTML itself, readable without JavaScript, and the app takes them over
// without a second list, a jump, or losing what the user typed meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectIds, expectNoProblems, finishPage, openSearch, parseCount, shownIds, shownTotal, waitForResults,
} from './search-lib.mjs';

const site = withServerAndBrowser();

/** Opens the page with JavaScript off: only what the build wrote is there. */
async function openWithoutScript(viewport = { width: 1280, height: 900 }) {
  const context = await site.browser.newContext({ viewport, javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.url}index.html`);
  return { page, context, requests };
}

test('without JavaScript the page shows the engine\'s first results, with a link to each record', async () => {
  const { page, context } = await openWithoutScript();
  const expected = cliQuery([]);
  assert.ok(expected.total > 0);
  assert.equal(await page.locator('.tf-result-list').count(), 1);
  assert.equal(await shownTotal(page), expected.total);
  await expectIds(page, expected.hits);
  // Every facet group the engine answers is there with its counts.
  const facets = await page.$$eval('.tf-prerendered fieldset.tf-facet', (groups) => groups.length);
  assert.ok(facets >= 4, `facet groups prerendered: ${facets}`);
  const firstCount = await page.locator('.tf-prerendered .tf-facet .tf-count').first().textContent();
  assert.match(firstCount, /\(\d[\d.]*\)/);
  // Each card's title links to the page with the record opened.
  const links = await page.$$eval('.tf-card', (cards) => cards.map((c) => [c.dataset.id, c.querySelector('a.tf-card-link')?.getAttribute('href')]));
  for (const [id, href] of links) {
    assert.equal(new URLSearchParams(href ?? '').get('rec'), id, `the link of ${id}: ${href}`);
  }
  // The page says what works without JavaScript.
  assert.match(await page.locator('.tf-site-noscript').textContent(), /første resultater/);
  await context.close();
});

test('a prerendered record link opens that record once the app runs', async () => {
  const { page: bare, context: bareContext } = await openWithoutScript();
  const card = bare.locator('.tf-card').nth(2);
  const name = (await card.locator('.tf-card-title').textContent()).trim();
  const href = await card.locator('a.tf-card-link').getAttribute('href');
  await bareContext.close();
  const { page, context, problems } = await openPage(site.browser, `${site.url}index.html${href}`);
  await page.locator('.tf-detail-title').waitFor({ timeout: 30000 });
  assert.equal((await page.locator('.tf-detail-title').textContent()).trim(), name);
  expectNoProblems(problems);
  await context.close();
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
  test(`at ${viewport.width} px the app takes over with one result list, without a layout shift`, async () => {
    const context = await site.browser.newContext({ viewport });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.url}index.html`);
    await waitForResults(page);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.tf-result-list').count(), 1, 'one result list');
    assert.equal(await page.locator('.tf-prerendered').count(), 0);
    const expected = cliQuery([]);
    await expectIds(page, expected.hits);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.02, `cumulative layout shift ${shift}`);
    await finishPage({ page, context, problems }, `taken over at ${viewport.width} px`);
  });
}

test('text typed into the prerendered box before the app is ready is searched, and keeps the focus', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // The app arrives late (a slow connection): the user starts typing in the prerendered page.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/tilbudsfinder_web_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${site.url}index.html`);
  const box = page.locator('.tf-prerendered input[type="search"]');
  await box.click();
  await page.keyboard.type('autisme');
  assert.equal(await page.locator('.tf-prerendered').count(), 1, 'still the prerendered page');
  release();
  await waitForResults(page);
  const input = page.getByLabel('Søg i tilbud');
  assert.equal(await input.inputValue(), 'autisme');
  assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'focus kept');
  const expected = cliQuery(['--text', 'autisme']);
  await page.waitForFunction(
    (total) => {
      const m = document.querySelector('.tf-results-title')?.textContent.trim().match(/^([\d.]+)/);
      return m && Number(m[1].replaceAll('.', '')) === total;
    },
    expected.total,
  );
  assert.equal(parseCount(await page.textContent('.tf-results-title')), expected.total);
  // Typing goes on in the live box.
  await page.keyboard.type(' aarhus');
  assert.equal(await input.inputValue(), 'autisme aarhus');
  assert.equal(await page.locator('.tf-result-list').count(), 1);
  expectNoProblems(problems);
  await context.close();
});

test('an address with a search, or in English, never shows the prerendered default view', async () => {
  for (const query of ['?q=autisme', '?lang=en', '?rec=X-1', '?f=region:1081']) {
    // While the app is still on its way, the prerendered (Danish, unsearched) view is not shown.
    const context = await site.browser.newContext();
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/tilbudsfinder_web_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${site.url}index.html${query}`);
    await page.locator('.tf-site-name').waitFor();
    const shown = await page.locator('.tf-prerendered .tf-card').first().isVisible().catch(() => false);
    assert.equal(shown, false, `prerendered cards visible at ${query}`);
    release();
    await context.close();
  }
  const { page, context, problems } = await openSearch(site, '?q=autisme');
  assert.equal(await page.locator('.tf-prerendered').count(), 0);
  const expected = cliQuery(['--text', 'autisme']);
  await page.waitForFunction(
    (total) => document.querySelector('.tf-results-title')?.textContent.replaceAll('.', '').startsWith(String(total)),
    expected.total,
  );
  expectNoProblems(problems);
  await context.close();
});
