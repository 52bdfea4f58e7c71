// Foster families (issue 16): searching by a child's age and kind of placement with "only free
// places" counts only places that fit: støtteophold places for støtteophold, none while a family
// is on pause. The expected counts come from the CLI over the same index, and the model's own
// rule (FosterFamily::free_places_of) is held to the index's by the differential test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import { cliQuery, expectTotal, finishPage, openSearch } from './search-lib.mjs';

const site = withServerAndBrowser();

test('free places by kind: the page counts what fits, as the CLI does', async () => {
  const args = ['--mode', 'families', '--age', '8', '--min-free', '1'];
  const respite = cliQuery([...args, '--filter', 'care=stoetteophold']).total;
  const placement = cliQuery([...args, '--filter', 'care=doegnanbringelse']).total;
  const either = cliQuery(args).total;
  assert.ok(respite > 0 && placement > 0, 'the sample has free places of both kinds for an 8-year-old');
  assert.ok(either <= respite + placement && either >= Math.max(respite, placement));

  const { page, context, problems } = await openSearch(site, '?mode=families&age=8&free=1&f=care%3Astoetteophold');
  await expectTotal(page, respite);
  // Every card shown has a støtteophold place free and says so by kind.
  const texts = await page.locator('.tf-card .tf-free').allTextContents();
  assert.ok(texts.length > 0);
  for (const text of texts) assert.match(text, /Støtteophold: [1-9]\d* ledige? plads/, text);
  await finishPage({ page, context, problems }, 'families with støtteophold places');
});
