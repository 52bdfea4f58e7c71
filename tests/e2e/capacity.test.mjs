// The capacity overview (issue 7): the figures on the page must be the engine's
// (`tilbudsfinder capacity --json` with the same filter flags), change consistently when a filter
// is applied, read as tables for screen readers, and pass axe-core; the data-quality report it
// links to must pass axe-core too. Screenshots at 375 and 1280 px go to tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, INDEX_DIR, cliJson, openPage, withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectFitsViewport, expectNoProblems, facetCheckbox, screenshot, waitForResults } from './search-lib.mjs';

let server;
let browser;
withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

function cliCapacity(args = []) {
  return cliJson(['capacity', INDEX_DIR, '--json', ...args]);
}

/** The offer filter of a kind of places: the view counts one kind at a time, residential first. */
const RESIDENTIAL = ['--filter', 'type=botilbud'];

async function openCapacity(query = '', options = {}) {
  const opened = await openPage(browser, `${server.url}index.html?view=capacity${query}`, options);
  await opened.page.waitForSelector('.tf-capacity-total', { timeout: 30000 });
  return opened;
}

/** The totals the page shows (from the headline's data attributes and its text). */
async function shownTotals(page) {
  return page.$eval('.tf-capacity-total', (p) => ({
    records: Number(p.dataset.records),
    places: Number(p.dataset.places),
    free: Number(p.dataset.free),
    text: p.textContent,
  }));
}

/** Waits until the headline shows `records` records. */
async function expectRecords(page, records) {
  await page.waitForFunction(
    (want) => Number(document.querySelector('.tf-capacity-total')?.dataset.records) === want,
    records,
    { timeout: 10000 },
  ).catch(async () => assert.equal((await shownTotals(page)).records, records, 'records shown'));
}

/** Rows of the table whose caption is `caption`: { code: [places, free, records, fresh, stale, never] }. */
async function tableRows(page, caption) {
  return page.$$eval('table.tf-capacity-table', (tables, want) => {
    const table = tables.find((t) => t.caption?.textContent.trim() === want);
    if (!table) return null;
    const rows = {};
    for (const tr of table.tBodies[0].rows) {
      rows[tr.dataset.code] = [...tr.cells].slice(1).map((td) => Number(td.textContent.replace(/[.,]/g, '')));
    }
    return rows;
  }, caption);
}

function expectedRows(rows) {
  return Object.fromEntries(rows.map((r) => [r.code, [
    r.figures.places, r.figures.free_places, r.figures.records,
    r.figures.reported_fresh, r.figures.reported_stale, r.figures.unreported,
  ]]));
}

test('the overview shows the engine\'s figures, and a filter changes them consistently', async () => {
  const { page, context, problems } = await openCapacity();
  const all = cliCapacity(RESIDENTIAL);
  assert.equal(all.total.records, cliQuery(RESIDENTIAL).total, 'capacity counts what the search finds');
  assert.ok(all.total.places > 0 && all.total.free_places > 0, 'the sample has places and free places');
  const shown = await shownTotals(page);
  assert.deepEqual(
    [shown.records, shown.places, shown.free],
    [all.total.records, all.total.places, all.total.free_places],
    'headline totals',
  );
  assert.deepEqual(await tableRows(page, 'Pladser efter region'), expectedRows(all.by_region), 'region table');
  assert.deepEqual(
    await tableRows(page, 'Pladser efter målgruppe (overordnet)'), expectedRows(all.by_group), 'group table',
  );
  assert.deepEqual(await tableRows(page, 'Pladser efter målgruppe'), expectedRows(all.by_target), 'target table');
  // Every chart is one image with a summary, followed by its table.
  const charts = await page.$$eval('svg.tf-chart', (svgs) => svgs.map((s) => ({
    role: s.getAttribute('role'), label: s.getAttribute('aria-label'),
    table: s.nextElementSibling?.querySelector('table') != null,
  })));
  assert.equal(charts.length, 3, 'offers: charts by group, target and region');
  for (const c of charts) {
    assert.equal(c.role, 'img');
    assert.ok(c.label.length > 20, 'chart summary');
    assert.ok(c.table, 'a table follows each chart');
  }
  // The report link points at the built report.
  const report = await page.getByRole('link', { name: 'Se rapporten om datakvalitet' }).getAttribute('href');
  assert.equal(new URL(report, page.url()).pathname, '/report/index.html');
  await expectAccessible(page, 'capacity, offers, no filter');
  // Every table fits its column ("Ikke meldt" was cut off at 1280 px).
  await expectFitsViewport(page);
  await screenshot(page, 'capacity-1280');

  // Filter: Region Midtjylland and the group "Psykiske vanskeligheder" (the ministry's question).
  const midt = all.by_region.find((r) => r.code === '1082');
  const mental = all.by_group.find((r) => r.code === 'psykiske_vanskeligheder');
  assert.ok(midt && mental, 'the sample has offers in Midtjylland and for psychiatric difficulties');
  await facetCheckbox(page, 'Geografi', midt.label).check();
  const inMidt = cliCapacity([...RESIDENTIAL, '--filter', 'region=1082']);
  await expectRecords(page, inMidt.total.records);
  await facetCheckbox(page, 'Målgruppe', mental.label).check();
  const filtered = cliCapacity([...RESIDENTIAL, '--filter', 'region=1082', '--filter', 'group=psykiske_vanskeligheder']);
  await expectRecords(page, filtered.total.records);
  const after = await shownTotals(page);
  assert.deepEqual(
    [after.places, after.free],
    [filtered.total.places, filtered.total.free_places],
    'filtered totals',
  );
  assert.equal(
    filtered.total.records,
    cliQuery([...RESIDENTIAL, '--filter', 'region=1082', '--filter', 'group=psykiske_vanskeligheder']).total,
  );
  // Consistency: a narrower filter never has more; every matching record serves the group, so
  // the group's row is the whole total; the region filter keeps the region's own row whole.
  assert.ok(filtered.total.records > 0 && filtered.total.records < inMidt.total.records);
  assert.ok(filtered.total.places <= inMidt.total.places && inMidt.total.places <= all.total.places);
  const groupRow = filtered.by_group.find((r) => r.code === 'psykiske_vanskeligheder');
  assert.deepEqual(groupRow.figures, filtered.total, 'the selected group counts every match');
  assert.deepEqual(
    await tableRows(page, 'Pladser efter region'), expectedRows(filtered.by_region), 'filtered region table',
  );
  assert.match(page.url(), /view=capacity/);
  assert.match(page.url(), /f=region%3A1082|f=region:1082/);
  await expectAccessible(page, 'capacity, filtered');
  expectNoProblems(problems);
  await context.close();
});

test('residential, day and outpatient places are counted apart, never added up', async () => {
  const { page, context, problems } = await openCapacity('&f=type:ambulant');
  // The view counts residential places whatever offer type the filters hold, and says so.
  await expectRecords(page, cliCapacity(RESIDENTIAL).total.records);
  await page.getByText('lægges aldrig sammen').waitFor();
  const totals = {};
  for (const [code, label] of [['dagtilbud', 'Dagtilbud'], ['ambulant', 'Ambulant tilbud'], ['botilbud', 'Botilbud']]) {
    await page.getByRole('radio', { name: label, exact: true }).check();
    const expected = cliCapacity(['--filter', `type=${code}`]);
    await expectRecords(page, expected.total.records);
    const shown = await shownTotals(page);
    assert.deepEqual([shown.places, shown.free], [expected.total.places, expected.total.free_places], code);
    assert.deepEqual(await tableRows(page, 'Pladser efter region'), expectedRows(expected.by_region), `${code} by region`);
    totals[code] = shown.places;
  }
  const everything = cliCapacity().total.places;
  for (const places of Object.values(totals)) assert.ok(places < everything, 'no kind shows the sum of all');
  await expectAccessible(page, 'capacity, kinds');
  expectNoProblems(problems);
  await context.close();
});

test('foster families: by type and by accepted age, and the view survives a reload', async () => {
  const { page, context, problems } = await openCapacity('&mode=families');
  const families = cliCapacity(['--mode', 'families']);
  await expectRecords(page, families.total.records);
  assert.equal(families.total.records, cliQuery(['--mode', 'families']).total);
  assert.deepEqual(
    await tableRows(page, 'Pladser efter plejefamilietype'), expectedRows(families.by_family_type), 'type table',
  );
  assert.deepEqual(
    await tableRows(page, 'Pladser efter alder, familien tager imod (aldersgrupperne overlapper)'),
    expectedRows(families.by_age_band),
    'age table',
  );
  await expectAccessible(page, 'capacity, families');
  await page.reload();
  await page.waitForSelector('.tf-capacity-total');
  await expectRecords(page, families.total.records);
  expectNoProblems(problems);
  await context.close();
});

test('the switch moves between search and capacity, keeping the filters', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}index.html?f=region:1081`);
  await waitForResults(page);
  await page.getByRole('radio', { name: 'Kapacitet' }).check();
  await page.waitForSelector('.tf-capacity-total');
  await expectRecords(page, cliCapacity([...RESIDENTIAL, '--filter', 'region=1081']).total.records);
  assert.match(page.url(), /view=capacity/);
  await page.getByRole('radio', { name: 'Søg' }).check();
  await page.waitForSelector('.tf-card');
  assert.doesNotMatch(page.url(), /view=capacity/);
  await page.goBack();
  await page.waitForSelector('.tf-capacity-total');
  expectNoProblems(problems);
  await context.close();
});

test('on a phone the overview fits the screen; English strings', async () => {
  const { page, context, problems } = await openCapacity('', { viewport: { width: 375, height: 800 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow} px too wide)`);
  // No table cut off at the side either: on a phone each row is stacked (issue 15).
  await expectFitsViewport(page);
  const chartWidth = await page.$eval('svg.tf-chart', (s) => s.getBoundingClientRect().width);
  assert.ok(chartWidth <= 375 && chartWidth > 250, `charts fit the phone (${chartWidth} px)`);
  await expectAccessible(page, 'capacity on a phone');
  await screenshot(page, 'capacity-375');
  await context.close();
  const en = await openCapacity('&lang=en');
  assert.match((await shownTotals(en.page)).text, /offers with [\d,]+ places/);
  await en.page.getByRole('table', { name: 'Places by region' }).waitFor();
  expectNoProblems([...problems, ...en.problems]);
  await en.context.close();
});

test('the data-quality report is accessible', async () => {
  for (const width of [1280, 375]) {
    const { page, context, problems } = await openPage(
      browser, `${server.url}report/index.html`, { viewport: { width, height: 900 } },
    );
    await page.waitForSelector('h1');
    await expectAccessible(page, `report at ${width} px`);
    // The report is thousands of rows long: a full-page screenshot times out; its top will do.
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `report-${width}.png`) });
    expectNoProblems(problems);
    await context.close();
  }
});
