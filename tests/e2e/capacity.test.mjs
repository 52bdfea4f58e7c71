// The capacity overview (issue 7): the figures on the page must be the engine's
// (`tilbudsfinder capacity --json` with the same filter flags), change consistently when a filter
// is applied, read as tables for screen readers, and pass axe-core (the data-quality report it
// links to: report.test.mjs). Screenshots at 375 and 1280 px go to tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INDEX_DIR, cliJson, openPage, withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectFitsViewport, expectNoProblems, facetCheckbox, finishPage,
  screenshot, waitForResults,
} from './search-lib.mjs';

const site = withServerAndBrowser();

function cliCapacity(args = []) {
  return cliJson(['capacity', INDEX_DIR, '--json', ...args]);
}

/** The offer filter of a kind of places: the view counts one kind at a time, residential first. */
const RESIDENTIAL = ['--filter', 'type=botilbud'];

async function openCapacity(query = '', options = {}) {
  const opened = await openPage(site.browser, `${site.url}index.html?view=capacity${query}`, options);
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

/** A Danish figure as shown ("1.234", "12,5 %", "–") as a number (null for "–"). */
function danishNumber(text) {
  const t = text.trim().replace(/\s*%$/, '');
  return t === '–' || t === '' ? null : Number(t.replace(/\./g, '').replace(',', '.'));
}

/**
 * Rows of the table whose caption is `caption`:
 * { code: [places, free, share free in %, records, fresh, stale, never] }.
 */
async function tableRows(page, caption) {
  const texts = await page.$$eval('table.tf-capacity-table', (tables, want) => {
    const table = tables.find((t) => t.caption?.textContent.trim() === want);
    if (!table) return null;
    return [...table.tBodies[0].rows].map((tr) => [tr.dataset.code, [...tr.cells].slice(1).map((td) => td.textContent)]);
  }, caption);
  return texts && Object.fromEntries(texts.map(([code, cells]) => [code, cells.map(danishNumber)]));
}

/** The share of free places in percent, rounded as the page rounds it (one decimal). */
function sharePercent(f) {
  return f.places_reported > 0 ? Number(((f.free_places / f.places_reported) * 100).toFixed(1)) : null;
}

function expectedRows(rows) {
  return Object.fromEntries(rows.map((r) => [r.code, [
    r.figures.places, r.figures.free_places, sharePercent(r.figures), r.figures.records,
    r.figures.reported_fresh, r.figures.reported_stale, r.figures.unreported,
  ]]));
}

/** Equal rows, allowing the share's last decimal to differ by rounding of a tie. */
function assertRowsEqual(actual, expected, what) {
  assert.deepEqual(Object.keys(actual ?? {}), Object.keys(expected), `${what}: the same rows`);
  for (const [code, want] of Object.entries(expected)) {
    const got = actual[code];
    assert.equal(got.length, want.length, `${what} ${code}`);
    want.forEach((w, i) => {
      if (i === 2 && w !== null && got[i] !== null) {
        assert.ok(Math.abs(got[i] - w) <= 0.1 + 1e-9, `${what} ${code}: share ${got[i]} ≈ ${w}`);
      } else {
        assert.equal(got[i], w, `${what} ${code} column ${i + 1}`);
      }
    });
  }
}

/** Parses CSV text as the app writes it (BOM, `;`, CRLF, text quoted with doubled quotes). */
function parseCsv(text) {
  assert.ok(text.startsWith('\ufeff'), 'the CSV starts with a byte-order mark');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i += 1;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with a line end');
  return rows;
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
  assertRowsEqual(await tableRows(page, 'Pladser efter region'), expectedRows(all.by_region), 'region table');
  assertRowsEqual(
    await tableRows(page, 'Pladser efter målgruppe (overordnet)'), expectedRows(all.by_group), 'group table',
  );
  assertRowsEqual(await tableRows(page, 'Pladser efter målgruppe'), expectedRows(all.by_target), 'target table');
  assertRowsEqual(
    await tableRows(page, 'Pladser efter juridisk grundlag'), expectedRows(all.by_basis), 'legal basis table',
  );
  // Every chart is one image with a summary, followed by its table.
  const charts = await page.$$eval('svg.tf-chart', (svgs) => svgs.map((s) => ({
    role: s.getAttribute('role'), label: s.getAttribute('aria-label'),
    table: s.nextElementSibling?.querySelector('table') != null,
  })));
  assert.equal(charts.length, 4, 'offers: charts by group, target, region and legal basis');
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
  assertRowsEqual(
    await tableRows(page, 'Pladser efter region'), expectedRows(filtered.by_region), 'filtered region table',
  );
  assert.match(page.url(), /view=capacity/);
  assert.match(page.url(), /f=region%3A1082|f=region:1082/);
  await finishPage({ page, context, problems }, 'capacity, filtered');
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
    assertRowsEqual(await tableRows(page, 'Pladser efter region'), expectedRows(expected.by_region), `${code} by region`);
    totals[code] = shown.places;
  }
  const everything = cliCapacity().total.places;
  for (const places of Object.values(totals)) assert.ok(places < everything, 'no kind shows the sum of all');
  await finishPage({ page, context, problems }, 'capacity, kinds');
});

test('every table of every kind equals `capacity --json --per-kind`, says what it counts, and downloads as CSV', async () => {
  const perKind = cliCapacity(['--per-kind']);
  assert.deepEqual(Object.keys(perKind).sort(), ['ambulant', 'botilbud', 'dagtilbud']);
  const everything = cliCapacity();
  const kindsPlaces = Object.values(perKind).reduce((sum, o) => sum + o.total.places, 0);
  assert.equal(kindsPlaces, everything.total.places, 'the kinds partition the offers');
  // The outpatient sample is realistic: an outpatient offer has tens of places, not hundreds.
  const outpatient = perKind.ambulant.total;
  assert.ok(outpatient.places / outpatient.records < 60, `outpatient places per offer: ${outpatient.places / outpatient.records}`);
  const { page, context, problems } = await openCapacity('', { acceptDownloads: true });
  const captions = {
    by_group: 'Pladser efter målgruppe (overordnet)',
    by_target: 'Pladser efter målgruppe',
    by_region: 'Pladser efter region',
    by_basis: 'Pladser efter juridisk grundlag',
  };
  for (const [code, label] of [['botilbud', 'Botilbud'], ['dagtilbud', 'Dagtilbud'], ['ambulant', 'Ambulant tilbud']]) {
    await page.getByRole('radio', { name: label, exact: true }).check();
    const want = perKind[code];
    await expectRecords(page, want.total.records);
    // Share free and the reports' ages, for each kind.
    const reports = await page.$eval('.tf-capacity-reports', (p) => p.textContent);
    const reported = want.total.reported_fresh + want.total.reported_stale;
    assert.match(reports, new RegExp(`^${reported.toLocaleString('da-DK')} af ${want.total.records.toLocaleString('da-DK')} har meldt`), reports);
    assert.match(reports, /% af pladserne ledige/);
    for (const [key, caption] of Object.entries(captions)) {
      assertRowsEqual(await tableRows(page, caption), expectedRows(want[key]), `${code}: ${caption}`);
    }
  }
  // A sentence above each chart says what is counted.
  const counted = await page.$$eval('.tf-capacity-section', (sections) => sections.map((s) => ({
    split: s.dataset.split,
    sentence: s.querySelector('.tf-capacity-counted')?.textContent ?? '',
    beforeChart: s.querySelector('.tf-capacity-counted + svg.tf-chart') != null,
  })));
  assert.deepEqual(counted.map((c) => c.split), ['group', 'target', 'region', 'basis']);
  for (const c of counted) assert.ok(c.beforeChart && c.sentence.length > 30, `${c.split}: ${c.sentence}`);
  assert.match(counted[0].sentence, /flere målgrupper, tæller med i hver af dem/);
  assert.match(counted[2].sentence, /én gang/);

  // Every table downloads as CSV: the table's headers, numbers as numbers (Danish decimal comma).
  for (const section of await page.$$('.tf-capacity-section')) {
    const headers = await section.$$eval('thead th', (ths) => ths.map((th) => th.textContent));
    const shown = await section.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.$('.tf-capacity-csv button').then((b) => b.click()),
    ]);
    assert.match(download.suggestedFilename(), /^kapacitet-ambulant-[a-z-]+\.csv$/);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(rows[0], headers, 'CSV header = table header');
    assert.equal(rows.length - 1, shown.length, 'one CSV row per table row');
    rows.slice(1).forEach((row, i) => {
      assert.equal(row[0], shown[i][0], 'label');
      for (let col = 1; col < row.length; col += 1) {
        assert.match(row[col], /^(\d+(,\d)?)?$/, `a bare number: ${row[col]}`);
        const number = row[col] === '' ? null : Number(row[col].replace(',', '.'));
        assert.equal(number, danishNumber(shown[i][col]), `${shown[i][0]} column ${col}`);
      }
    });
  }
  await finishPage({ page, context, problems }, 'capacity, outpatient');
});

test('foster families: by type and by accepted age, and the view survives a reload', async () => {
  const { page, context, problems } = await openCapacity('&mode=families');
  const families = cliCapacity(['--mode', 'families']);
  await expectRecords(page, families.total.records);
  assert.equal(families.total.records, cliQuery(['--mode', 'families']).total);
  assertRowsEqual(
    await tableRows(page, 'Pladser efter plejefamilietype'), expectedRows(families.by_family_type), 'type table',
  );
  assertRowsEqual(
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
  const { page, context, problems } = await openPage(site.browser, `${site.url}index.html?f=region:1081`);
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
  for (const label of ['Dagtilbud', 'Ambulant tilbud']) {
    await page.getByRole('radio', { name: label, exact: true }).check();
    await page.waitForFunction(() => document.querySelectorAll('table.tf-capacity-table').length === 4);
    await expectFitsViewport(page);
  }
  const chartWidth = await page.$eval('svg.tf-chart', (s) => s.getBoundingClientRect().width);
  assert.ok(chartWidth <= 375 && chartWidth > 250, `charts fit the phone (${chartWidth} px)`);
  await expectAccessible(page, 'capacity on a phone');
  await screenshot(page, 'capacity-375');
  await context.close();
  const en = await openCapacity('&lang=en', { viewport: { width: 375, height: 800 } });
  assert.match((await shownTotals(en.page)).text, /offers with [\d,]+ places/);
  await en.page.getByRole('table', { name: 'Places by region' }).waitFor();
  // English labels are longer: every kind still fits the phone.
  for (const index of [0, 1, 2]) {
    await en.page.locator('.tf-capacity-kind input').nth(index).check();
    await en.page.waitForFunction(() => document.querySelectorAll('table.tf-capacity-table').length === 4);
    await expectFitsViewport(en.page);
  }
  assert.match(await en.page.locator('.tf-capacity-counted').first().textContent(), /counts in each/);
  expectNoProblems([...problems, ...en.problems]);
  await en.context.close();
});
