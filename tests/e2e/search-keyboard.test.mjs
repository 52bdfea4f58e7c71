// The whole flow with the keyboard alone: search, tick a facet, open a record and close it,
// save it, turn a page, switch mode. Only Tab, Shift+Tab, Space, Enter, arrows and Escape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectNoProblems, expectTotal, openSearch,
} from './search-lib.mjs';

const site = withServerAndBrowser();

/** Presses Tab until `predicate(activeElement)` holds; fails after `limit` presses. */
async function tabTo(page, description, predicate, { limit = 400, back = false } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`could not reach ${description} with ${back ? 'Shift+Tab' : 'Tab'}`);
}

const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim());

test('everything is reachable and usable from the keyboard, with no trap', async () => {
  const { page, context, problems } = await openSearch(site);
  await tabTo(page, 'the search box', () => document.activeElement?.type === 'search');
  await page.keyboard.type('bo');
  await expectTotal(page, cliQuery(['--text', 'bo']).total);

  // Tick the first offer type with Space.
  await tabTo(page, 'the first facet checkbox', () => document.activeElement?.dataset?.facet === 'type');
  const code = await page.evaluate(() => document.activeElement.value);
  await page.keyboard.press('Space');
  await expectTotal(page, cliQuery(['--text', 'bo', '--filter', `type=${code}`]).total);

  // Open the first result, close it with Escape, and land back on its button.
  await tabTo(page, 'a "Vis detaljer" button', () => document.activeElement?.textContent === 'Vis detaljer');
  await page.keyboard.press('Enter');
  await page.locator('.tf-detail-title').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tf-detail-title')), true);
  await page.keyboard.press('Escape');
  await page.locator('.tf-detail-title').waitFor({ state: 'detached' });
  assert.equal(await focusedText(page), 'Vis detaljer');

  // Save it: the next control is its "Gem" button.
  await page.keyboard.press('Tab');
  assert.equal(await focusedText(page), 'Gem');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Gemte (1)' }).waitFor();

  // Next page, then the focus is on the results heading.
  await tabTo(page, '"Næste side"', () => document.activeElement?.textContent === 'Næste side');
  await page.keyboard.press('Enter');
  await expectTotal(page, cliQuery(['--text', 'bo', '--filter', `type=${code}`]).total);
  await page.waitForFunction(() => document.activeElement?.classList.contains('tf-results-title'));

  // Shift+Tab walks back up, past the search box and the view switch, to the mode switch;
  // arrows switch mode.
  await tabTo(page, 'the mode switch', () => document.activeElement?.type === 'radio'
    && document.activeElement.name.endsWith('-mode'), { back: true });
  await page.keyboard.press('ArrowRight');
  await page.locator('.tf-title', { hasText: 'Find en plejefamilie' }).waitFor();

  // Tab runs through the whole app and out of it: no trap.
  await tabTo(page, 'a place outside the app', () => !document.querySelector('.tf-app').contains(document.activeElement),
    { limit: 1000 });
  expectNoProblems(problems);
  await context.close();
});
