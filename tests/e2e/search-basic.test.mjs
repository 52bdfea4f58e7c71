// The search page's main path: it loads, typing narrows the results, a facet count tells what
// ticking it gives, chips remove filters, and every state is accessible (axe-core, WCAG 2.1
// A/AA) without console errors. Screenshots at 1280 px and 375 px go to tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectIds, expectNoProblems, expectTotal, finishPage, firstFacetValue, openSearch, screenshot, shownIds, shownTotal,
} from './search-lib.mjs';

const site = withServerAndBrowser();

test('first results match the engine, with a labelled search box and a live region', async () => {
  const { page, context, problems } = await openSearch(site);
  const expected = cliQuery([]);
  assert.equal(await shownTotal(page), expected.total);
  await expectIds(page, expected.hits);
  // A page without offers fails here, whatever the index holds.
  assert.ok(expected.total > 0 && (await page.locator('.tf-card').count()) > 0, 'no offers shown');
  // The search box has a visible label, not only a placeholder.
  const input = page.getByLabel('Søg i tilbud');
  assert.equal(await input.count(), 1);
  assert.ok(await page.locator('label.tf-label', { hasText: 'Søg i tilbud' }).isVisible());
  // The count is announced politely once it settles.
  const live = page.locator('.tf-live[role="status"]');
  await page.waitForFunction(() => document.querySelector('.tf-live')?.textContent.includes('fundet'));
  assert.match(await live.textContent(), /tilbud fundet/);
  assert.equal(await page.locator('.tf-app').getAttribute('lang'), 'da');
  await finishPage({ page, context, problems }, 'first results', 'search-1280-first-results');
});

test('typing narrows the results as the user types, announced once settled', async () => {
  const { page, context, problems } = await openSearch(site);
  const input = page.getByLabel('Søg i tilbud');
  await input.focus();
  await page.keyboard.type('bo', { delay: 30 });
  const prefix = cliQuery(['--text', 'bo']);
  await expectTotal(page, prefix.total);
  await expectIds(page, prefix.hits);
  await page.keyboard.type('til', { delay: 30 });
  const word = cliQuery(['--text', 'botil']);
  await expectTotal(page, word.total);
  await expectIds(page, word.hits);
  await page.waitForFunction(
    (n) => document.querySelector('.tf-live')?.textContent.replaceAll('.', '').startsWith(String(n)),
    word.total,
  );
  // A word no record has gives the plain "no results" sentence.
  await input.fill('qqxxzzqq');
  await expectTotal(page, 0);
  assert.equal((await page.textContent('.tf-results-title')).trim(), 'Ingen tilbud fundet');
  await finishPage({ page, context, problems }, 'no results');
});

test('a facet count says what ticking it gives; chips remove filters; reset clears all', async () => {
  const { page, context, problems } = await openSearch(site);
  const before = await shownTotal(page);
  const first = await firstFacetValue(page, 'Tilbudstype');
  const code = await first.checkbox.getAttribute('value');
  await first.checkbox.check();
  await expectTotal(page, first.count);
  const expected = cliQuery(['--filter', `type=${code}`]);
  assert.equal(first.count, expected.total);
  await expectIds(page, expected.hits);

  // A second facet ANDs with the first: its shown count is what ticking it gives.
  const region = await firstFacetValue(page, 'Geografi');
  const regionCode = await region.checkbox.getAttribute('value');
  await region.checkbox.check();
  await expectTotal(page, region.count);
  assert.equal(cliQuery(['--filter', `type=${code}`, '--filter', `region=${regionCode}`]).total, region.count);

  // Active filters are chips whose accessible names say what they remove.
  const chip = page.getByRole('button', { name: new RegExp(`^Fjern filter: Tilbudstype: ${first.label}`) });
  assert.equal(await chip.count(), 1);
  await expectAccessible(page, 'two facets ticked');
  await screenshot(page, 'search-1280-facets');
  await chip.click();
  await expectTotal(page, cliQuery(['--filter', `region=${regionCode}`]).total);
  await page.getByRole('button', { name: 'Nulstil filtre' }).click();
  await expectTotal(page, before);
  expectNoProblems(problems);
  await context.close();
});

test('at 375 px the filters fold into a panel a phone user can open', async () => {
  const { page, context, problems } = await openSearch(site, '', {
    viewport: { width: 375, height: 800 },
  });
  const toggle = page.getByRole('button', { name: /^Vis filtre/ });
  assert.ok(await toggle.isVisible());
  assert.equal(await page.locator('.tf-filters').isVisible(), false);
  await screenshot(page, 'search-375-results');
  await toggle.click();
  // Open, the same button says what it now does.
  const hide = page.getByRole('button', { name: /^Skjul filtre/ });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.locator('.tf-filters').isVisible());
  const first = await firstFacetValue(page, 'Tilbudstype');
  await first.checkbox.check();
  await expectTotal(page, first.count);
  // Nothing is wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px screen`);
  await expectAccessible(page, 'phone with filters open');
  await screenshot(page, 'search-375-filters-open');
  // The panel ends with a button that closes it and goes to the results.
  await page.getByRole('button', { name: `Vis ${first.count.toLocaleString('da-DK')} tilbud` }).click();
  assert.equal(await page.locator('.tf-filters').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tf-results-title')), true);
  expectNoProblems(problems);
  await context.close();
});
