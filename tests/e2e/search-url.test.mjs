// The search lives in the URL's query string: a reload restores it, a shared link opens it, and
// the back button undoes a ticked filter or a page turn. The path is never changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectIds, expectNoProblems, expectTotal, finishPage, firstFacetValue, openSearch, shownIds, waitForResults,
} from './search-lib.mjs';

const site = withServerAndBrowser();

test('reload restores text, filters and page; back and forward walk the history', async () => {
  const { page, context, problems } = await openSearch(site);
  await page.getByLabel('Søg i tilbud').fill('bo');
  const facet = await firstFacetValue(page, 'Tilbudstype');
  const code = await facet.checkbox.getAttribute('value');
  await facet.checkbox.check();
  await page.getByLabel('Borgerens alder (år)').fill('30');
  const args = ['--text', 'bo', '--filter', `type=${code}`, '--age', '30'];
  const expected = cliQuery(args);
  await expectTotal(page, expected.total);
  assert.ok(expected.total > 20, 'enough results for a second page');
  await page.getByRole('button', { name: 'Næste side' }).click();
  const page2 = cliQuery([...args, '--page', '1']);
  await expectTotal(page, page2.total);
  await expectIds(page, page2.hits);

  const url = new URL(page.url());
  assert.equal(url.pathname, '/index.html', 'the path is the host page\'s');
  assert.equal(url.searchParams.get('q'), 'bo');
  assert.deepEqual(url.searchParams.getAll('f'), [`type:${code}`]);
  assert.equal(url.searchParams.get('page'), '2');

  await page.reload();
  await waitForResults(page);
  await expectTotal(page, page2.total);
  await expectIds(page, page2.hits);
  assert.equal(await page.getByLabel('Søg i tilbud').inputValue(), 'bo');
  assert.equal(await page.getByLabel('Borgerens alder (år)').inputValue(), '30');
  assert.ok(await page.locator(`input[type=checkbox][value="${code}"]`).isChecked());

  // Back undoes the page turn, then the age (typed: one entry), then the facet, then the text.
  await page.goBack();
  await expectTotal(page, expected.total);
  await expectIds(page, expected.hits);
  assert.equal(new URL(page.url()).searchParams.get('page'), null);
  await page.goBack();
  const facetOnly = cliQuery(['--text', 'bo', '--filter', `type=${code}`]);
  await expectTotal(page, facetOnly.total);
  assert.equal(await page.getByLabel('Borgerens alder (år)').inputValue(), '');
  await page.goBack();
  await expectTotal(page, cliQuery(['--text', 'bo']).total);
  assert.equal(await page.locator(`input[type=checkbox][value="${code}"]`).isChecked(), false);
  await page.goForward();
  await expectTotal(page, facetOnly.total);
  assert.ok(await page.locator(`input[type=checkbox][value="${code}"]`).isChecked());
  await finishPage({ page, context, problems }, 'after history navigation');
});

test('a shared link opens the same search, foreign parameters kept', async () => {
  const query = '?utm_source=nyhedsbrev&mode=families&age=7&free=1&sort=free_places';
  const { page, context, problems } = await openSearch(site, query);
  const expected = cliQuery(['--mode', 'families', '--age', '7', '--min-free', '1', '--sort', 'free_places']);
  await expectTotal(page, expected.total);
  await expectIds(page, expected.hits);
  assert.ok(await page.getByRole('radio', { name: 'Plejefamilier' }).isChecked());
  await page.getByLabel('Søg i plejefamilier').fill('a');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'a');
  assert.equal(new URL(page.url()).searchParams.get('utm_source'), 'nyhedsbrev');
  expectNoProblems(problems);
  await context.close();
});

test('an address naming an unknown facet or value says which, politely, and the rest of it applies', async () => {
  const unfiltered = cliQuery(['--text', 'bo', '--age', '30']);
  const [region] = Object.entries(unfiltered.facets.region).find(([, n]) => n > 0 && n < unfiltered.total);
  const expected = cliQuery(['--text', 'bo', '--filter', `region=${region}`, '--age', '30']);
  assert.ok(expected.total > 0 && expected.total < unfiltered.total, 'the region filter narrows the answer');
  // A typo of a facet's name, and a municipality number that does not exist.
  const query = `?q=bo&f=kommun:Aarhus&f=region:${region}&f=municipality:9999&age=30`;
  const { page, context, problems } = await openSearch(site, query);
  await expectTotal(page, expected.total);
  await expectIds(page, expected.hits);
  const note = page.locator('.tf-left-out');
  assert.equal(await note.getAttribute('role'), 'status');
  assert.equal(
    (await note.locator('p').textContent()).trim(),
    'Nogle af de valgte filtre findes ikke i søgningen og er udeladt. Resten af søgningen gælder.',
  );
  assert.deepEqual(await note.locator('li').allTextContents(), [
    '»kommun« er ikke et filter i denne søgning.',
    'Kommune har ingen værdi »9999«.',
  ]);
  // Only the region that exists became a chip, and the address's text and age still apply.
  assert.equal(await page.locator('.tf-chip').count(), 2, 'the region and the age');
  assert.equal(await page.getByLabel('Søg i tilbud').inputValue(), 'bo');
  assert.equal(await page.getByLabel('Borgerens alder (år)').inputValue(), '30');
  await finishPage({ page, context, problems }, 'with filters left out');

  // The same in English (`?lang=en` sets the page's language).
  const english = await openSearch(site, `${query}&lang=en`);
  await expectTotal(english.page, expected.total);
  assert.deepEqual(await english.page.locator('.tf-left-out li').allTextContents(), [
    '“kommun” is not a filter of this search.',
    'Municipality has no value “9999”.',
  ]);
  await finishPage(english, 'in English, with filters left out');
});
