// Supervision a caseworker can see (issue 16): a record under skærpet tilsyn shows a badge with
// its words on the card, in the detail view and in the comparison; the "Uden påbud / skærpet
// tilsyn" filter finds what the CLI finds; "Meld en fejl" is a mailto to the record's
// socialtilsyn with the record's id. Every expected record and number comes from the CLI over the
// same index, never from a constant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectTotal, facetCheckbox, finishPage, openSearch, screenshot,
} from './search-lib.mjs';

const site = withServerAndBrowser();

const SKAERPET = /Skærpet tilsyn siden \d{2}\.\d{2}\.\d{4}/;

/** Opens the search filtered to `filters` ("facet:value") and returns the first card whose badge
 *  reads "Skærpet tilsyn siden …", paging until one is found. */
async function cardUnderSkaerpetTilsyn(filters) {
  const query = filters.map((f) => `f=${encodeURIComponent(f)}`).join('&');
  for (let pageNumber = 1; pageNumber <= 10; pageNumber += 1) {
    const opened = await openSearch(site, `?${query}&page=${pageNumber}`);
    const card = opened.page.locator('.tf-card', {
      has: opened.page.locator('.tf-sanction', { hasText: SKAERPET }),
    }).first();
    if (await card.count()) return { ...opened, card, id: await card.getAttribute('data-id') };
    await opened.context.close();
  }
  assert.fail(`no card under skærpet tilsyn among the first pages of ${query}`);
}

test('a record under skærpet tilsyn shows its badge with words on the card, in the detail and in the comparison', async () => {
  const { page, context, problems, card, id } = await cardUnderSkaerpetTilsyn(['sanction:some']);
  assert.ok(cliQuery(['--filter', 'sanction=some', '--page-size', '100000']).hits.includes(id),
    `the CLI also finds ${id} under a sanction`);
  const badge = card.locator('.tf-sanction', { hasText: SKAERPET });
  assert.match((await badge.textContent()).trim(), SKAERPET, 'the badge says what it is, not colour alone');
  await expectAccessible(page, 'card with a sanction badge');
  await screenshot(page, 'supervision-card');

  const name = (await card.locator('.tf-card-title').textContent()).trim();
  await card.getByRole('button', { name: `Vis detaljer ${name}` }).click();
  const detail = page.locator('.tf-detail');
  await detail.locator('.tf-sanction', { hasText: SKAERPET }).waitFor();
  await detail.locator('.tf-detail-section').first().waitFor();
  // The supervision section lists the sanction with its date.
  const section = detail.locator('.tf-detail-section', {
    has: page.getByRole('heading', { name: 'Tilsyn og godkendelse', exact: true }),
  });
  assert.match(await section.textContent(), SKAERPET);
  await expectAccessible(page, 'detail with a sanction');
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached' });

  // Save it and one more, and compare.
  await card.getByRole('button', { name: /^Gem / }).click();
  const other = page.locator(`.tf-card:not([data-id="${id}"])`).first();
  await other.getByRole('button', { name: /^Gem / }).click();
  await page.getByRole('heading', { name: 'Gemte (2)' }).waitFor();
  for (const checkbox of await page.locator('.tf-shortlist input[type=checkbox]').all()) await checkbox.check();
  await page.getByRole('button', { name: 'Sammenlign (2)' }).click();
  const table = page.locator('.tf-comparison table');
  await table.waitFor();
  const names = await table.locator('thead th').allTextContents();
  const column = names.findIndex((n) => n.trim() === name);
  assert.ok(column > 0, `the comparison has a column for ${name}`);
  const row = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Påbud, skærpet tilsyn og vilkår' }) });
  const cells = await row.locator('td').allTextContents();
  assert.match(cells[column - 1], SKAERPET, 'the comparison shows the sanction in words');
  await finishPage({ page, context, problems }, 'comparison with a sanction', 'supervision-comparison');
});

test('"Uden påbud / skærpet tilsyn" filters as the CLI does', async () => {
  const { page, context, problems } = await openSearch(site);
  await facetCheckbox(page, 'Påbud og skærpet tilsyn', 'Uden påbud / skærpet tilsyn').check();
  await expectTotal(page, cliQuery(['--filter', 'sanction=none']).total);
  assert.equal(await page.locator('.tf-card .tf-sanction').count(), 0, 'no badge on the filtered cards');
  await finishPage({ page, context, problems }, 'filtered without sanctions');
});

test('"Meld en fejl" writes to the record\'s socialtilsyn about the record', async () => {
  const { page, context, problems } = await openSearch(site, '?f=authority%3Anord');
  const nord = cliQuery(['--filter', 'authority=nord', '--page-size', '100000']).hits;
  const card = page.locator('.tf-card').first();
  const id = await card.getAttribute('data-id');
  assert.ok(nord.includes(id), `${id} is supervised by Socialtilsyn Nord`);
  const href = await card.getByRole('link', { name: /^Meld en fejl / }).getAttribute('href');
  const url = new URL(href);
  assert.equal(url.protocol, 'mailto:');
  assert.equal(url.pathname, 'socialtilsynnord@hjoring.dk');
  const subject = url.searchParams.get('subject');
  const body = url.searchParams.get('body');
  assert.ok(subject.includes(`(${id})`), subject);
  assert.ok(body.includes(`Id: ${id}\r\n`), body);
  assert.match(body, /Oplysningen: Ledige pladser\r\nNuværende værdi: .+\r\nDato for oplysningen: \d{2}\.\d{2}\.\d{4}/);
  assert.ok(body.includes('Hvad er forkert, og hvad er det rigtige?'), body);
  assert.equal([...url.searchParams.keys()].join(','), 'subject,body', 'nothing else is in the link');

  // The detail view has one link per part, each to the same address.
  const name = (await card.locator('.tf-card-title').textContent()).trim();
  await card.getByRole('button', { name: `Vis detaljer ${name}` }).click();
  const links = page.locator('.tf-detail .tf-report-errors a');
  await links.first().waitFor();
  assert.equal(await links.count(), 4);
  for (const link of await links.all()) {
    const part = new URL(await link.getAttribute('href'));
    assert.equal(part.pathname, 'socialtilsynnord@hjoring.dk');
    assert.ok(part.searchParams.get('body').includes(`Id: ${id}\r\n`));
  }
  await finishPage({ page, context, problems }, 'detail with Meld en fejl');
});
