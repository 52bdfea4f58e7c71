// The detail view, the shortlist (kept in localStorage, working without it), the CSV export
// and the side-by-side comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectNoProblems, openSearch, screenshot, shownIds, waitForResults } from './search-lib.mjs';

const site = withServerAndBrowser();

test('details open with focus inside, show every part, and close with Escape', async () => {
  const { page, context, problems } = await openSearch(site);
  const [firstId] = cliQuery([]).hits;
  const card = page.locator(`.tf-card[data-id="${firstId}"]`);
  const name = (await card.locator('.tf-card-title').textContent()).trim();
  const open = card.getByRole('button', { name: `Vis detaljer ${name}` });
  await open.click();
  const heading = page.locator('.tf-detail-title');
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), name);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tf-detail-title')), true);
  // The record's parts and their update dates are shown once the shard is fetched.
  await page.locator('.tf-detail-section').first().waitFor();
  for (const part of ['Om tilbuddet', 'Kontakt', 'Tilsyn og godkendelse', 'Pladser', 'Indsatser', 'Faglig tilgang', 'Senest opdateret']) {
    assert.equal(await page.getByRole('heading', { name: part, exact: true }).count(), 1, part);
  }
  // Contacts are links only with safe schemes.
  const hrefs = await page.$$eval('.tf-detail a', (links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'some contact is a link');
  for (const href of hrefs) assert.match(href, /^(mailto:|tel:|https?:\/\/)/);
  await expectAccessible(page, 'detail open');
  await screenshot(page, 'search-1280-detail');
  await page.keyboard.press('Escape');
  await heading.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Vis detaljer');
  expectNoProblems(problems);
  await context.close();
});

test('shortlist survives a reload, exports CSV and compares side by side', async () => {
  const { page, context, problems } = await openSearch(site);
  const ids = (await shownIds(page)).slice(0, 3);
  for (const id of ids) {
    await page.locator(`.tf-card[data-id="${id}"]`).getByRole('button', { name: /^Gem / }).click();
  }
  await page.getByRole('heading', { name: 'Gemte (3)' }).waitFor();
  assert.equal(await page.locator(`.tf-card[data-id="${ids[0]}"] button[aria-pressed="true"]`).count(), 1);
  await page.reload();
  await page.getByRole('heading', { name: 'Gemte (3)' }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér som CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^tilbudsfinder-gemte-tilbud-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with a BOM for Excel');
  const rows = csv.slice(1).trim().split('\r\n');
  assert.equal(rows.length, 4, 'header and three saved records');
  for (const id of ids) assert.ok(rows.some((r) => r.startsWith(`"${id}";`)), `row for ${id}`);

  for (const checkbox of await page.locator('.tf-shortlist input[type=checkbox]').all()) await checkbox.check();
  await page.getByRole('button', { name: 'Sammenlign (3)' }).click();
  const table = page.locator('.tf-comparison table');
  await table.waitFor();
  assert.equal(await table.locator('thead th').count(), 4, 'a column per record plus the row headers');
  assert.ok(await table.locator('tbody th[scope=row]').count() >= 8, 'row headers name each fact');
  await expectAccessible(page, 'comparison open');
  await screenshot(page, 'search-1280-comparison');
  // On a phone the table scrolls inside its own region; the page does not get wider.
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px screen with the comparison open`);
  await screenshot(page, 'search-375-comparison');
  await page.keyboard.press('Escape');
  await table.waitFor({ state: 'detached' });
  expectNoProblems(problems);
  await context.close();
});

test('without storage the shortlist still works in memory and says so', async () => {
  const context = await site.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('storage is disabled', 'SecurityError'); },
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${site.url}index.html`);
  await waitForResults(page);
  await page.getByText('Din browser tillader ikke at gemme').waitFor();
  await page.locator('.tf-card').first().getByRole('button', { name: /^Gem / }).click();
  await page.getByRole('heading', { name: 'Gemte (1)' }).waitFor();
  expectNoProblems(problems);
  await context.close();
});
