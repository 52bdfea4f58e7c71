// The search lives in the URL's query string: a reload restores it, a shared link opens it, and
// the back button undoes a ticked filter or a page turn. The path is never changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectNoProblems, expectTotal, finishPage, firstFacetValue, openSearch, shownIds,
  waitForResults,
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
  assert.deepEqual(await shownIds(page), page2.hits);

  const url = new URL(page.url());
  assert.equal(url.pathname, '/index.html', 'the path is the host page\'s');
  assert.equal(url.searchParams.get('q'), 'bo');
  assert.deepEqual(url.searchParams.getAll('f'), [`type:${code}`]);
  assert.equal(url.searchParams.get('page'), '2');

  await page.reload();
  await waitForResults(page);
  await expectTotal(page, page2.total);
  assert.deepEqual(await shownIds(page), page2.hits);
  assert.equal(await page.getByLabel('Søg i tilbud').inputValue(), 'bo');
  assert.equal(await page.getByLabel('Borgerens alder (år)').inputValue(), '30');
  assert.ok(await page.locator(`input[type=checkbox][value="${code}"]`).isChecked());

  // Back undoes the page turn, then the age (typed: one entry), then the facet, then the text.
  await page.goBack();
  await expectTotal(page, expected.total);
  assert.deepEqual(await shownIds(page), expected.hits);
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
  assert.deepEqual(await shownIds(page), expected.hits);
  assert.ok(await page.getByRole('radio', { name: 'Plejefamilier' }).isChecked());
  await page.getByLabel('Søg i plejefamilier').fill('a');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'a');
  assert.equal(new URL(page.url()).searchParams.get('utm_source'), 'nyhedsbrev');
  expectNoProblems(problems);
  await context.close();
});
