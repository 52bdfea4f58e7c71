// Opening a record (issue 13): its detail shard is requested as soon as the user's intent is
// known (the press on "show details" or the title, or Enter or Space pressed down on them), not
// at the click a frame later, and everyone who wants the shard meanwhile shares that one
// request (crates/web/src/loader.rs, `LoadedIndex::detail_bytes`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import { expectNoProblems, openSearch } from './search-lib.mjs';

const site = withServerAndBrowser();

const DETAIL = /\/index\/detail\.[0-9a-f]+\.bin$/;
const OPEN = '.tf-result-area:not([hidden]) .tf-card .tf-card-actions button:first-child';

/**
 * The page with its results shown, detail shards held back until `release()`, and every detail
 * request counted by URL.
 */
async function heldDetails() {
  const opened = await openSearch(site);
  const { page } = opened;
  const requested = [];
  page.on('request', (r) => { if (DETAIL.test(new URL(r.url()).pathname)) requested.push(r.url()); });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(DETAIL, async (route) => { await held; await route.continue(); });
  return { ...opened, requested, release };
}

/** Waits until the open record's view is there and waiting for its shard. */
async function detailWaiting(page) {
  await page.locator('.tf-detail [role="status"]').waitFor({ timeout: 10000 });
  // Long enough for the view (mounted a frame after the click) to have asked for its shard.
  await page.waitForTimeout(300);
}

test('a press on "show details" requests the record before the click, and the view shares that request', async () => {
  const { page, context, problems, requested, release } = await heldDetails();
  const button = page.locator(OPEN).first();
  await button.hover();
  const request = page.waitForRequest((r) => DETAIL.test(new URL(r.url()).pathname), { timeout: 5000 });
  await page.mouse.down();
  await request;
  assert.equal(await page.locator('.tf-detail').count(), 0, 'the record is not open before the click');
  await page.mouse.up();
  await detailWaiting(page);
  release();
  await page.locator('.tf-detail-section').first().waitFor();
  assert.equal(requested.length, 1, `one request for the shard: ${requested.join(', ')}`);
  // Opened again, the record comes from the kept shard.
  await page.keyboard.press('Escape');
  await page.locator(OPEN).first().click();
  await page.locator('.tf-detail-section').first().waitFor();
  assert.equal(requested.length, 1, 'the shard is kept');
  expectNoProblems(problems);
  await context.close();
});

test('Space pressed down on "show details" requests the record; the view opened at its release shares the request', async () => {
  const { page, context, problems, requested, release } = await heldDetails();
  await page.locator(OPEN).nth(1).focus();
  const request = page.waitForRequest((r) => DETAIL.test(new URL(r.url()).pathname), { timeout: 5000 });
  await page.keyboard.down(' ');
  await request;
  await page.keyboard.up(' ');
  await detailWaiting(page);
  release();
  await page.locator('.tf-detail-section').first().waitFor();
  assert.equal(requested.length, 1, `one request for the shard: ${requested.join(', ')}`);
  expectNoProblems(problems);
  await context.close();
});
