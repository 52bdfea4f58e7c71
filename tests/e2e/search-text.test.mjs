// The text box as people use it (issue 12): word order and small words, a swapped pair of
// letters, everyday words, help when a word matches nothing (the words left out, "Mente du",
// the filters to drop with their counts), target groups combined with AND, and places typed as
// people write them. Every expected number comes from `tilbudsfinder query --json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectIds, expectNoProblems, expectTotal, openSearch, screenshot, shownIds,
} from './search-lib.mjs';

const site = withServerAndBrowser();

const searchBox = (page) => page.getByRole('searchbox');

test('word order, small words, swaps and everyday words find what the engine finds', async () => {
  const { page, context, problems } = await openSearch(site);
  const reference = cliQuery(['--text', 'alkohol odense']);
  assert.ok(reference.total > 0, 'the sample has alcohol offers in Odense');
  for (const typed of ['alkohol odense', 'odense alkohol', 'alkohol i odense']) {
    await searchBox(page).fill(typed);
    await expectTotal(page, reference.total);
    assert.equal(cliQuery(['--text', typed]).total, reference.total, `${typed}: same set`);
  }
  for (const typed of ['autsime', 'asperger', 'psykisk syg', 'misbrug aarhus']) {
    const expected = cliQuery(['--text', typed]);
    assert.ok(expected.total > 0, `${typed} finds offers`);
    await searchBox(page).fill(typed);
    await expectTotal(page, expected.total);
    await expectIds(page, expected.hits, `${typed}: the engine's order`);
  }
  await expectAccessible(page, 'everyday words');
  // Hostile text: the page answers and keeps answering.
  for (const typed of ['a'.repeat(10000), 'autisme odense '.repeat(250), 'i og for til', '🙂 \u202e مرحبا', '!!! ???']) {
    await searchBox(page).fill(typed);
    const expected = cliQuery(['--text', typed]);
    await expectTotal(page, expected.total);
  }
  await searchBox(page).fill('autisme');
  await expectTotal(page, cliQuery(['--text', 'autisme']).total);
  expectNoProblems(problems);
  await context.close();
});

test('a word that matches nothing is named, and a spelling the index knows is offered', async () => {
  for (const width of [375, 1280]) {
    const { page, context, problems } = await openSearch(site, '', { viewport: { width, height: 900 } });
    await searchBox(page).fill('alkohol qqqzzz');
    const partial = cliQuery(['--text', 'alkohol qqqzzz']);
    assert.deepEqual(partial.dropped_words, ['qqqzzz']);
    await expectTotal(page, partial.total);
    await page.getByText('Viser tilbud, der matcher uden «qqqzzz»').waitFor();

    await searchBox(page).fill('alkohol odnsee');
    const typo = cliQuery(['--text', 'alkohol odnsee']);
    assert.equal(typo.did_you_mean, 'alkohol odense');
    await page.getByText('Mente du:').waitFor();
    await expectAccessible(page, `did you mean (${width} px)`);
    await screenshot(page, `text-did-you-mean-${width}`);
    await page.getByRole('button', { name: 'alkohol odense' }).click();
    assert.equal(await searchBox(page).inputValue(), 'alkohol odense');
    await expectTotal(page, cliQuery(['--text', 'alkohol odense']).total);
    expectNoProblems(problems);
    await context.close();
  }
});

test('an empty result offers each filter to drop with the count it would give', async () => {
  // A municipality with offers but none for alcohol abuse, found from the engine's counts.
  const everywhere = cliQuery([]).facets.municipality;
  const alcohol = cliQuery(['--text', 'alkoholmisbrug']).facets.municipality;
  const code = Object.keys(everywhere).find((m) => everywhere[m] > 0 && !alcohol[m]);
  assert.ok(code, 'some municipality has offers but none for alcohol abuse');
  const empty = cliQuery(['--text', 'alkoholmisbrug', '--filter', `municipality=${code}`]);
  assert.equal(empty.total, 0);
  const hint = empty.relaxations.find((r) => r.constraint.filter === 'facet' && r.constraint.facet === 'municipality');
  assert.ok(hint && hint.total > 0, 'dropping the municipality gives results');
  const { page, context, problems } = await openSearch(site, `?q=alkoholmisbrug&f=municipality:${code}`);
  await expectTotal(page, 0);
  const button = page.getByRole('button', { name: new RegExp(`^Fjern Kommune \\(vis ${hint.total.toLocaleString('da-DK')} tilbud\\)$`) });
  await button.waitFor();
  await expectAccessible(page, 'relaxations');
  await screenshot(page, 'text-relaxations-1280');
  await button.click();
  await expectTotal(page, hint.total);
  // Focus is not lost to <body>.
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
  expectNoProblems(problems);
  await context.close();
});

test('two target groups: any by default, all with the switch, said in the chips and kept in the URL', async () => {
  const query = '?f=target:Autismespektrum&f=target:Selvskadende%20adf%C3%A6rd';
  const anyOf = cliQuery(['--filter', 'target=Autismespektrum', '--filter', 'target=Selvskadende adfærd']);
  const allOf = cliQuery(['--filter', 'target=Autismespektrum', '--filter', 'target=Selvskadende adfærd', '--all-of', 'target']);
  assert.ok(allOf.total > 0 && allOf.total < anyOf.total, 'AND narrows');
  const { page, context, problems } = await openSearch(site, query);
  await expectTotal(page, anyOf.total);
  await page.locator('.tf-chip-joiner', { hasText: 'eller' }).waitFor();
  await page.getByRole('radio', { name: 'Alle valgte' }).check();
  await expectTotal(page, allOf.total);
  await expectIds(page, allOf.hits);
  await page.locator('.tf-chip-joiner', { hasText: 'og' }).waitFor();
  assert.match(page.url(), /[?&]all=target(&|$)/);
  // A facet count under AND is what adding that value would give.
  const withAnxiety = cliQuery([
    '--filter', 'target=Autismespektrum', '--filter', 'target=Selvskadende adfærd', '--filter', 'target=Angst',
    '--all-of', 'target',
  ]);
  assert.equal(allOf.facets.target.Angst ?? 0, withAnxiety.total);
  await expectAccessible(page, 'all of two target groups');
  await screenshot(page, 'text-all-of-1280');
  // Reloading the URL restores AND.
  await page.reload();
  await expectTotal(page, allOf.total);
  expectNoProblems(problems);
  await context.close();
});

test('the distance field reads "2820 Gentofte" and "Gentofte Kommune", and the sort says nearest first', async () => {
  const { page, context, problems } = await openSearch(site);
  for (const written of ['2820 Gentofte', 'Gentofte Kommune']) {
    await page.getByLabel('Kommune eller postnummer').fill(written);
    await page.getByLabel('Inden for', { exact: true }).selectOption('10');
    const expected = cliQuery(['--near', written, '--km', '10']);
    assert.ok(expected.total > 0, `${written}: offers within 10 km`);
    await expectTotal(page, expected.total);
    await expectIds(page, expected.hits, `${written}: nearest first`);
    assert.equal(await page.getByText('Stedet kendes ikke').count(), 0);
  }
  const selected = await page.getByLabel('Sortér efter').evaluate((s) => s.options[s.selectedIndex].text);
  assert.equal(selected, 'Relevans: nærmeste først');
  expectNoProblems(problems);
  await context.close();
});
