// Ranges, distance, free places, freshness, sort and paging on the search page: each state's
// results must be exactly the engine's answer (asked through `tilbudsfinder query --json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import { cliQuery, expectIds, expectTotal, finishPage, openSearch, shownIds } from './search-lib.mjs';

const site = withServerAndBrowser();

async function expectEngine(page, args, state) {
  const expected = cliQuery(args);
  await expectTotal(page, expected.total);
  await expectIds(page, expected.hits, `cards shown (${state})`);
  return expected;
}

test('age, free places, price range and freshness each narrow as the engine says', async () => {
  const { page, context, problems } = await openSearch(site);
  await page.getByLabel('Borgerens alder (år)').fill('15');
  await expectEngine(page, ['--age', '15'], 'age 15');
  await page.getByLabel('Kun med ledige pladser').check();
  await expectEngine(page, ['--age', '15', '--min-free', '1'], 'age + free');
  await page.getByLabel('Pris pr.').selectOption('day');
  await page.getByLabel('Til kr.').fill('3000');
  const priced = await expectEngine(
    page, ['--age', '15', '--min-free', '1', '--price-basis', 'day', '--price-max', '3000'], 'price',
  );
  assert.ok(priced.total > 0, 'the sample has offers under 3.000 kr. pr. døgn for a 15-year-old');
  await page.getByLabel('Opdateret inden for').selectOption('365');
  await expectEngine(
    page,
    ['--age', '15', '--min-free', '1', '--price-basis', 'day', '--price-max', '3000', '--updated-within', '365'],
    'updated within a year',
  );
  await finishPage({ page, context, problems }, 'range filters set');
});

test('distance from a municipality or postal code filters and sorts by nearness', async () => {
  const { page, context, problems } = await openSearch(site);
  await page.getByLabel('Kommune eller postnummer').fill('Aarhus');
  await page.getByLabel('Inden for', { exact: true }).selectOption('25');
  const near = await expectEngine(page, ['--near', 'Aarhus', '--km', '25'], 'within 25 km of Aarhus');
  assert.ok(near.total > 0, 'offers within 25 km of Aarhus (the sample has many in Aarhus itself)');
  await page.getByLabel('Sortér efter').selectOption('distance');
  await expectEngine(page, ['--near', 'Aarhus', '--km', '25', '--sort', 'distance'], 'nearest first');
  const distances = await page.$$eval('.tf-result-area .tf-card', (cards) => cards.map((c) => {
    const m = c.textContent.match(/([\d,]+) km fra Aarhus/);
    return m ? Number(m[1].replace(',', '.')) : NaN;
  }));
  assert.ok(distances.every((d) => d <= 25), `all within 25 km: ${distances}`);
  assert.deepEqual(distances, [...distances].sort((a, b) => a - b), 'nearest first');
  // A postal code works too; an unknown place says so next to the field.
  await page.getByLabel('Kommune eller postnummer').fill('8000');
  await expectEngine(page, ['--near', '8000', '--km', '25', '--sort', 'distance'], 'near 8000');
  await page.getByLabel('Kommune eller postnummer').fill('Atlantis');
  await page.getByText('Stedet kendes ikke').waitFor();
  assert.equal(await page.getByLabel('Kommune eller postnummer').getAttribute('aria-invalid'), 'true');
  await finishPage({ page, context, problems }, 'unknown place');
});

test('sort by price and page through the results', async () => {
  const { page, context, problems } = await openSearch(site);
  await page.getByLabel('Sortér efter').selectOption('price_asc');
  const first = await expectEngine(page, ['--sort', 'price_asc'], 'cheapest first');
  const pageSize = first.hits.length;
  assert.ok(first.total > pageSize, 'more than one page');
  await page.getByRole('button', { name: 'Næste side' }).click();
  await expectEngine(page, ['--sort', 'price_asc', '--page', '1'], 'page 2');
  // Focus goes to the results heading, so the new page is read from the top.
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tf-results-title')), true);
  await page.getByRole('button', { name: 'Side 1', exact: true }).click();
  await expectEngine(page, ['--sort', 'price_asc'], 'back to page 1');
  const lastPage = Math.ceil(first.total / pageSize);
  await page.getByRole('button', { name: `Side ${lastPage}`, exact: true }).click();
  await expectEngine(page, ['--sort', 'price_asc', '--page', String(lastPage - 1)], 'last page');
  assert.equal(await page.getByRole('button', { name: 'Næste side' }).count(), 0);
  await finishPage({ page, context, problems }, 'last page');
});
