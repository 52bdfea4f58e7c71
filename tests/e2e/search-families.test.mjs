// Foster-family mode answers the consultant's question directly: approved for this child's age,
// not on pause, with a free place, of this type, near here. The count is the number of families
// worth writing to, and it is the engine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import { cliQuery, expectIds, expectTotal, finishPage, openSearch, shownIds } from './search-lib.mjs';

const site = withServerAndBrowser();

test('the consultant\'s question: age, available, free place, type, near', async () => {
  const { page, context, problems } = await openSearch(site);
  await page.getByRole('radio', { name: 'Plejefamilier' }).check();
  await expectTotal(page, cliQuery(['--mode', 'families']).total);
  assert.equal((await page.locator('.tf-title').textContent()).trim(), 'Find en plejefamilie');
  // The offers' facets are gone, the families' are there.
  assert.equal(await page.locator('legend', { hasText: 'Tilbudstype' }).count(), 0);
  assert.equal(await page.locator('legend', { hasText: 'Type af plejefamilie' }).count(), 1);

  await page.getByLabel('Barnets alder (år)').fill('7');
  const available = page.locator('fieldset.tf-facet', { has: page.locator('legend', { hasText: 'Holder ikke pause' }) })
    .getByRole('checkbox').first();
  const availableCode = await available.getAttribute('value');
  await available.check();
  await page.getByLabel('Kun med ledige pladser').check();
  await page.getByLabel('Kommune eller postnummer').fill('Viborg');
  await page.getByLabel('Inden for', { exact: true }).selectOption('100');
  await expectTotal(page, cliQuery(['--mode', 'families', '--age', '7', '--filter', `available=${availableCode}`,
    '--min-free', '1', '--near', 'Viborg', '--km', '100']).total);
  // Of the family types, tick the one with most families left: its count is what ticking gives.
  const typeGroup = page.locator('fieldset.tf-facet', { has: page.locator('legend', { hasText: 'Type af plejefamilie' }) });
  const types = await typeGroup.locator('.tf-check').evaluateAll((checks) => checks.map((c) => ({
    code: c.querySelector('input').value,
    count: Number(c.querySelector('.tf-count').textContent.replace(/[^\d]/g, '')),
  })));
  const best = types.reduce((a, b) => (b.count > a.count ? b : a), { code: '', count: 0 });
  assert.ok(best.count > 0, 'some type of family is left for a 7-year-old near Viborg');
  const typeBox = typeGroup.locator(`input[value="${best.code}"]`);
  const typeCode = best.code;
  await typeBox.check();
  await expectTotal(page, best.count);
  const args = ['--mode', 'families', '--age', '7', '--filter', `available=${availableCode}`, '--min-free', '1',
    '--filter', `family_type=${typeCode}`, '--near', 'Viborg', '--km', '100'];
  const expected = cliQuery(args);
  await expectTotal(page, expected.total);
  await expectIds(page, expected.hits);
  assert.ok(expected.total > 0, 'the sample has such families');
  // Every family shown takes a 7-year-old and has a free place.
  const cards = await page.$$eval('.tf-result-area .tf-card', (cs) => cs.map((c) => c.textContent));
  for (const text of cards) {
    const m = text.match(/(\d+)–(\d+) år/);
    assert.ok(m && Number(m[1]) <= 7 && Number(m[2]) >= 7, `accepts age 7: ${m?.[0]}`);
    assert.match(text, /\d+ ledige? plads/);
    assert.doesNotMatch(text, /Holder pause/);
  }
  assert.ok(await typeBox.isChecked());
  await finishPage({ page, context, problems }, 'families filtered', 'search-1280-families');
});

test('families at 375 px', async () => {
  const { page, context, problems } = await openSearch(site, '?mode=families&age=3&free=1', {
    viewport: { width: 375, height: 800 },
  });
  await expectTotal(page, cliQuery(['--mode', 'families', '--age', '3', '--min-free', '1']).total);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await finishPage({ page, context, problems }, 'families on a phone', 'search-375-families');
});
