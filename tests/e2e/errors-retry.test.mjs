// Errors that say what failed (issue 15, item 5): a detail file or the description text that
// cannot be fetched names the part and says that search still works; every recoverable failure
// has a "Prøv igen" button that works once the server does; loading counts bytes, not files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectFitsViewport, screenshot, waitForResults,
} from './search-lib.mjs';

const site = withServerAndBrowser();

/**
 * A page whose requests for index files matching `pattern` get a 503 while `failing.on` is
 * true; the failures it causes on purpose are left out of the problems it reports.
 */
async function pageFailing(pattern, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await site.browser.newContext({ viewport });
  const page = await context.newPage();
  const failing = { on: true };
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 503/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route(pattern, (route) => (failing.on
    ? route.fulfill({ status: 503, body: 'unavailable' })
    : route.continue()));
  return { context, page, failing, problems };
}

test('a detail file that cannot be fetched says which part, that search works, and retries', async () => {
  const { context, page, failing, problems } = await pageFailing('**/index/detail.*.bin');
  await page.goto(`${site.url}index.html`);
  await waitForResults(page);
  const [firstId] = cliQuery([]).hits;
  await page.locator(`.tf-card[data-id="${firstId}"]`).getByRole('button', { name: /^Vis detaljer/ }).click();
  const alert = page.locator('.tf-detail [role="alert"]');
  await alert.waitFor();
  const text = (await alert.textContent()).trim();
  assert.equal(text, 'Alle oplysninger om denne post kunne ikke hentes: serveren svarede 503 for filen detail. '
    + 'Søgningen og resultaterne virker stadig.');
  assert.doesNotMatch(text, /Søgeindekset/);
  await expectAccessible(page, 'detail failed');
  // The search still answers while the detail is missing.
  await page.getByRole('button', { name: 'Tilbage til resultaterne' }).click();
  await page.getByLabel('Søg i tilbud').fill('bo');
  await page.waitForFunction(() => /tilbud fundet/.test(document.querySelector('.tf-results-title')?.textContent ?? ''));
  await page.getByLabel('Søg i tilbud').fill('');
  await waitForResults(page);
  await page.locator(`.tf-card[data-id="${firstId}"]`).getByRole('button', { name: /^Vis detaljer/ }).click();
  await alert.waitFor();
  failing.on = false;
  await page.locator('.tf-detail').getByRole('button', { name: 'Prøv igen' }).click();
  await page.locator('.tf-detail-section').first().waitFor();
  assert.equal(await alert.count(), 0, 'the error is gone once the detail came');
  assert.deepEqual(problems, []);
  await context.close();
});

test('missing description text names the part, keeps the search, and retries', async () => {
  const { context, page, failing, problems } = await pageFailing('**/index/text.*.bin');
  await page.goto(`${site.url}index.html`);
  await waitForResults(page);
  const alert = page.locator('.tf-results [role="alert"]');
  await alert.waitFor();
  assert.match((await alert.textContent()).trim(),
    /^Beskrivelsernes tekst kunne ikke hentes: serveren svarede 503 for filen text\. Søgningen virker stadig på navne, steder, målgrupper og filtre/);
  await expectAccessible(page, 'texts failed');
  await screenshot(page, 'errors-texts-failed-1280');
  failing.on = false;
  await page.locator('.tf-results').getByRole('button', { name: 'Prøv igen' }).click();
  await alert.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a failed first load has a retry button that loads the index when the server is back', async () => {
  const { context, page, failing, problems } = await pageFailing('**/index/core.*.bin', { viewport: { width: 375, height: 667 } });
  await page.goto(`${site.url}index.html`);
  const alert = page.locator('.tf-app [role="alert"]');
  await alert.waitFor({ timeout: 30000 });
  assert.match((await alert.textContent()).trim(), /^Søgeindekset kunne ikke hentes: serveren svarede 503 for filen core\./);
  await expectAccessible(page, 'first load failed');
  await expectFitsViewport(page);
  failing.on = false;
  await page.getByRole('button', { name: 'Prøv igen' }).click();
  await waitForResults(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('loading progress counts the bytes of the initial files, never "0 af 1 filer"', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/index/core.*.bin', async (route) => { await held; await route.continue(); });
  await page.goto(`${site.url}index.html`);
  const status = page.locator('.tf-loading [role="status"]');
  await page.waitForFunction(() => /MB/.test(document.querySelector('.tf-loading [role="status"]')?.textContent ?? ''));
  const text = (await status.textContent()).trim();
  assert.match(text, /^Indlæser søgeindekset \(0,0 af \d+,\d MB\) …$/);
  assert.doesNotMatch(text, /filer/);
  release();
  await waitForResults(page);
  await context.close();
});

test('every failure sentence is in English when the page is', async () => {
  const { context, page, failing } = await pageFailing('**/index/detail.*.bin');
  await page.goto(`${site.url}index.html?lang=en`);
  await waitForResults(page);
  await page.locator('.tf-card').first().getByRole('button', { name: /^Show details/ }).click();
  const alert = page.locator('.tf-detail [role="alert"]');
  await alert.waitFor();
  assert.match((await alert.textContent()).trim(),
    /^The full details of this record could not be fetched: the server answered 503 for the file detail\. The search and the results still work\.$/);
  assert.equal(await page.locator('.tf-detail').getByRole('button', { name: 'Try again' }).count(), 1);
  failing.on = false;
  await context.close();
});
