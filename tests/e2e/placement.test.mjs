// From search to placement (issue 14): the whole state in the URL, writing to every saved
// record at once with the user's follow-up kept on the device, the full comparison, the
// printout and the CSV for the case file, walked as a foster-care consultant and a caseworker
// would. Expected values come from the CLI and the catalogue the site was built from, never
// from the page under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, openPage, withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectAccessible, expectNoProblems, expectTotal, finishPage, firstFacetValue,
  openSearch, screenshot, shownIds, waitForResults,
} from './search-lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CATALOGUE = process.env.TF_CATALOGUE ?? path.resolve(here, '../../target/sample/catalogue.jsonl');

const site = withServerAndBrowser();

/** The catalogue records with these ids (the source the index was built from). */
function catalogueRecords(ids) {
  const wanted = new Set(ids);
  const found = new Map();
  for (const line of readFileSync(CATALOGUE, 'utf8').split('\n')) {
    const m = line.match(/"id":"([^"]+)"/);
    if (m && wanted.has(m[1])) found.set(m[1], JSON.parse(line));
  }
  return found;
}

/** A plain RFC 4180 reader (semicolon-separated): rows of { value, quoted } cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i += 1;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') { value += '"'; i += 2; }
        else if (text[i] === '"') { i += 1; break; }
        else { value += text[i]; i += 1; }
      }
    } else {
      while (i < text.length && text[i] !== ';' && text[i] !== '\r') { value += text[i]; i += 1; }
    }
    row.push({ value, quoted });
    if (text[i] === ';') { i += 1; continue; }
    if (text[i] === '\r') i += 2;
    rows.push(row);
    row = [];
  }
  return rows;
}

/** The CSV of the shortlist as a list of objects by header, with each cell's quoting. */
async function exportCsv(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér som CSV' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'a BOM for Excel');
  const [header, ...rows] = parseCsv(text.slice(1));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h.value, cells[i]])));
}

/** "2.450 kr. pr. døgn" -> 2450; "8,3 km" -> 8.3. */
function danishNumber(text) {
  return Number(text.match(/[\d.,]+/)[0].replaceAll('.', '').replace(',', '.'));
}

/** Saves the cards with these ids from the result list. */
async function saveCards(page, ids) {
  for (const id of ids) {
    await page.locator(`.tf-card[data-id="${id}"]`).getByRole('button', { name: /^Gem / }).click();
  }
  await page.getByRole('heading', { name: `Gemte (${ids.length})` }).waitFor();
}

/** Counts the keys a keyboard-only run presses; typed characters are counted apart. */
function keyboard(page) {
  const counts = { presses: 0, typed: 0 };
  return {
    counts,
    async press(key, times = 1) {
      for (let n = 0; n < times; n += 1) { await page.keyboard.press(key); counts.presses += 1; }
    },
    async type(text) { await page.keyboard.type(text); counts.typed += text.length; },
    /** Tab (or Shift+Tab) until `predicate(activeElement)` holds. */
    async tabTo(description, predicate, { back = false, limit = 300 } = {}) {
      for (let n = 0; n < limit; n += 1) {
        await this.press(back ? 'Shift+Tab' : 'Tab');
        if (await page.evaluate(predicate)) return;
      }
      assert.fail(`could not reach ${description} from the keyboard`);
    },
  };
}

test('the whole state is in the URL: filters, the open record and the shortlist reopen in a fresh browser; Back and Forward step through them', async () => {
  const { page, context, problems } = await openSearch(site, '?mode=families&age=3');
  const base = ['--mode', 'families', '--age', '3'];
  await expectTotal(page, cliQuery(base).total);
  const saved = (await shownIds(page)).slice(0, 3);
  await saveCards(page, saved);
  const facet = await firstFacetValue(page, 'Type af plejefamilie');
  const code = await facet.checkbox.getAttribute('value');
  await facet.checkbox.check();
  const filtered = cliQuery([...base, '--filter', `family_type=${code}`]);
  await expectTotal(page, filtered.total);
  const [first] = await shownIds(page);
  await page.locator(`.tf-card[data-id="${first}"]`).getByRole('button', { name: /^Vis detaljer/ }).click();
  const title = page.locator('.tf-detail-title');
  await title.waitFor();
  const name = (await title.textContent()).trim();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('rec'), first);
  assert.deepEqual(url.searchParams.getAll('saved'), saved);
  assert.deepEqual(url.searchParams.getAll('f'), [`family_type:${code}`]);
  // "Kopiér link til listen" copies exactly this address.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  await page.getByRole('button', { name: 'Kopiér link til listen' }).click();
  await page.getByText('Linket er kopieret.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

  // A colleague opens the link in a browser that has never seen the app.
  const fresh = await openPage(site.browser, page.url());
  await waitForResults(fresh.page);
  await fresh.page.locator('.tf-detail-title').waitFor();
  assert.equal((await fresh.page.locator('.tf-detail-title').textContent()).trim(), name);
  await fresh.page.getByRole('heading', { name: 'Gemte (3)' }).waitFor();
  assert.deepEqual(await fresh.page.$$eval('.tf-shortlist-item', (items) => items.map((i) => i.dataset.id)), saved);
  assert.ok(await fresh.page.locator(`input[type=checkbox][value="${code}"]`).isChecked());
  assert.equal(await fresh.page.getByLabel('Barnets alder (år)').inputValue(), '3');
  assert.equal(new URL(fresh.page.url()).search, url.search, 'the link reopens as it was');
  await expectAccessible(fresh.page, 'shared link opened');
  await fresh.page.locator('.tf-detail').getByRole('button', { name: /Tilbage/ }).click();
  await fresh.page.locator('.tf-detail-title').waitFor({ state: 'detached' });
  await expectTotal(fresh.page, filtered.total);
  expectNoProblems(fresh.problems);
  await fresh.context.close();

  // Back closes the detail and keeps the filter; Forward opens it again; Back again drops the
  // filter; the shortlist stays the device's throughout.
  await page.goBack();
  await title.waitFor({ state: 'detached' });
  await expectTotal(page, filtered.total);
  assert.equal(new URL(page.url()).searchParams.get('rec'), null);
  await page.goForward();
  await title.waitFor();
  await page.goBack();
  await title.waitFor({ state: 'detached' });
  await page.goBack();
  await expectTotal(page, cliQuery(base).total);
  assert.equal(await page.locator(`input[type=checkbox][value="${code}"]`).isChecked(), false);
  await page.waitForFunction((ids) => JSON.stringify(new URL(location.href).searchParams.getAll('saved')) === JSON.stringify(ids), saved);
  expectNoProblems(problems);
  await context.close();
});

test('consultant: five saved families get one e-mail with every address in Bcc and the edited text; a follow-up is kept on the device; nothing typed leaves it', async () => {
  const marker = `Zq${Date.now().toString(36)}`;
  const { page, context, problems } = await openSearch(site, '?mode=families&age=3');
  const sent = [];
  page.on('request', (r) => sent.push(`${r.url()}\n${r.postData() ?? ''}\n${JSON.stringify(r.headers())}`));
  // Families give their municipality's foster-care address: five of different municipalities,
  // saved page by page until there are five.
  const chosen = [];
  const emails = new Set();
  const records = new Map();
  for (let turn = 0; chosen.length < 5 && turn < 10; turn += 1) {
    const shown = await shownIds(page);
    for (const [id, record] of catalogueRecords(shown)) records.set(id, record);
    for (const id of shown) {
      const email = records.get(id).contact.email;
      if (!emails.has(email) && chosen.length < 5) {
        chosen.push(id);
        emails.add(email);
        await page.locator(`.tf-card[data-id="${id}"]`).getByRole('button', { name: /^Gem / }).click();
        await page.getByRole('heading', { name: `Gemte (${chosen.length})` }).waitFor();
      }
    }
    if (chosen.length < 5) {
      await page.getByRole('button', { name: 'Næste side' }).click();
      await page.waitForFunction((before) => document.querySelector('.tf-card')?.dataset.id !== before, shown[0]);
    }
  }
  assert.equal(chosen.length, 5, 'five families with addresses of their own');

  await page.getByRole('button', { name: 'Skriv til alle' }).click();
  const mailto = page.locator('a.tf-mailto');
  await mailto.waitFor();
  assert.equal((await mailto.textContent()).trim(), 'Åbn e-mail til 5 modtagere');
  const body = page.getByLabel('Besked');
  const template = await body.inputValue();
  for (const id of chosen) assert.ok(template.includes(id), `the message names ${id}`);
  for (const ask of ['Barnets alder', 'Barnets behov', 'Type anbringelse', 'Forventet varighed', 'Ønsket start']) {
    assert.ok(template.includes(ask), `the template asks for ${ask}`);
  }
  const subject = `Plejefamilie søges ${marker}`;
  const edited = template.replace('Barnets alder: ', `Barnets alder: 3 år, tilknytning ${marker}`);
  await page.getByLabel('Emne').fill(subject);
  await body.fill(edited);
  await expectAccessible(page, 'write to all');
  await screenshot(page, 'placement-1280-write-to-all');

  const href = await mailto.getAttribute('href');
  assert.ok(href.startsWith('mailto:?'), href);
  const params = new URLSearchParams(href.slice('mailto:?'.length));
  assert.deepEqual(params.get('bcc').split(',').sort(), [...emails].sort());
  assert.equal(params.get('subject'), subject);
  assert.equal(params.get('body'), edited.replaceAll('\n', '\r\n'));
  assert.deepEqual([...params.keys()].sort(), ['bcc', 'body', 'subject'], 'no To, no other header');

  // "Kopiér alle adresser" puts the same addresses on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  await page.getByRole('button', { name: 'Kopiér alle adresser' }).click();
  await page.getByText('Adresserne er kopieret.').waitFor();
  assert.deepEqual((await page.evaluate(() => navigator.clipboard.readText())).split(', ').sort(), [...emails].sort());

  // The same contacts as vCards, one a family.
  const [vcf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent kontakter (vCard)' }).click(),
  ]);
  const cards = readFileSync(await vcf.path(), 'utf8');
  assert.equal(cards.match(/^BEGIN:VCARD\r$/gm)?.length, 5);
  assert.deepEqual([...new Set(cards.match(/^EMAIL:(.*)\r$/gm).map((l) => l.slice(6, -1)))].sort(), [...emails].sort());

  // A follow-up for one family, with a note: shown on its saved card, kept over a reload.
  const item = page.locator(`.tf-shortlist-item[data-id="${chosen[0]}"]`);
  await item.locator('select').selectOption('written');
  await item.getByRole('textbox').fill(`ringer fredag ${marker}`);
  await item.getByRole('textbox').press('Tab');
  const today = new Date();
  const dk = `${String(today.getDate()).padStart(2, '0')}.${String(today.getMonth() + 1).padStart(2, '0')}.${today.getFullYear()}`;
  await item.locator('.tf-follow-up', { hasText: `Skrevet ${dk} · ringer fredag ${marker}` }).waitFor();
  await page.reload();
  await waitForResults(page);
  await item.locator('.tf-follow-up', { hasText: `Skrevet ${dk}` }).waitFor();

  // The CSV carries contact person, e-mail, phone and the follow-up.
  const rows = await exportCsv(page);
  assert.equal(rows.length, 5);
  for (const id of chosen) {
    const row = rows.find((r) => r.Id.value === id);
    const contact = records.get(id).contact;
    assert.equal(row['E-mail'].value, contact.email, id);
    // Text that a spreadsheet would run as a formula ("+45 …") is defused as always.
    const defused = (text) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
    assert.equal(row.Telefon.value, defused(contact.phone ?? ''), id);
    assert.equal(row.Kontaktperson.value, defused(contact.contact_person ?? ''), id);
  }
  const followed = rows.find((r) => r.Id.value === chosen[0]);
  assert.equal(followed.Status.value, 'Skrevet');
  assert.equal(followed['Status sat'].value, dk);
  assert.equal(followed.Note.value, `ringer fredag ${marker}`);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole('button', { name: 'Skriv til alle' }).click();
  await mailto.waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px screen`);
  await screenshot(page, 'placement-375-write-to-all');

  // Nothing typed was sent anywhere, and the address bar never held it.
  for (const request of sent) {
    assert.ok(!request.includes(marker), `a request carried the typed text:\n${request}`);
  }
  assert.ok(!page.url().includes(marker));
  expectNoProblems(problems);
  await context.close();
});

test('caseworker: five § 108 offers near Aarhus compared row by row, printed to A4 with sources, and exported with numbers as numbers', async () => {
  const basis = Object.keys(cliQuery([]).facets.basis).find((c) => /108$/.test(c));
  assert.ok(basis, 'a § 108 facet value');
  const args = ['--filter', `basis=${basis}`, '--near', 'Aarhus', '--km', '50'];
  const expected = cliQuery(args);
  assert.ok(expected.total >= 5, 'five offers to compare');
  const { page, context, problems } = await openSearch(site, `?f=basis:${basis}&near=Aarhus&km=50`);
  await expectTotal(page, expected.total);
  const ids = expected.hits.slice(0, 5);
  assert.deepEqual((await shownIds(page)).slice(0, 5), ids);
  const shownPrice = {};
  const shownDistance = {};
  for (const id of ids) {
    const card = page.locator(`.tf-card[data-id="${id}"]`);
    shownPrice[id] = danishNumber(await card.locator('.tf-price').textContent());
    shownDistance[id] = danishNumber((await card.locator('dd').first().textContent()).split('·').pop());
  }
  await saveCards(page, ids);
  for (const checkbox of await page.locator('.tf-shortlist input[type=checkbox]').all()) await checkbox.check();
  await page.getByRole('button', { name: 'Sammenlign (5)' }).click();
  const table = page.locator('.tf-comparison table');
  await table.waitFor();
  await page.locator('.tf-comparison tbody th', { hasText: 'Kontakt' }).waitFor();
  assert.equal(await table.locator('thead th').count(), 6);
  const rowNames = await table.locator('tbody th[scope=row]').evaluateAll((ths) => ths.map((th) => th.firstChild.textContent.trim()));
  for (const want of ['Afstand fra Aarhus', 'Godkendelse', 'Markering fra tilsynet', 'Pladser i alt', 'Ledige pladser', 'Pris',
    'Prisniveau', 'Takster', 'Kontakt', 'Senest opdateret', 'Status']) {
    assert.ok(rowNames.includes(want), `row "${want}" in ${rowNames.join(' | ')}`);
  }
  const qualityRows = await table.locator('tr', { has: page.locator('.tf-source', { hasText: 'kvalitetsvurdering' }) }).count();
  assert.ok(qualityRows >= 5, `quality rows per theme (${qualityRows})`);
  assert.ok(rowNames.includes('Sundhed og trivsel (1–5)'), 'a theme names its scale');
  assert.ok(!rowNames.includes('Pause'), 'no foster-family rows for offers');
  const peerCells = await table.locator('tr', { has: page.locator('th', { hasText: 'Prisniveau' }) }).locator('td').allTextContents();
  for (const cell of peerCells) assert.match(cell, /Sammenlignet med [\d.]+ tilbud efter (SEL|BL|SUL) § .+ for målgruppen “.+”/);
  for (const cell of await table.locator('tbody th[scope=row] .tf-source').allTextContents()) assert.match(cell, /Kilde|Beregnet|noter/);
  assert.equal(await table.locator('tbody th[scope=row]').first().evaluate((th) => getComputedStyle(th).position), 'sticky');
  await expectAccessible(page, 'comparison of five');
  await screenshot(page, 'placement-1280-comparison');
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px screen`);
  assert.ok(await page.locator('.tf-comparison .tf-table-scroll').evaluate((el) => el.scrollWidth > el.clientWidth), 'the table scrolls sideways');
  await screenshot(page, 'placement-375-comparison');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The printout: the search around it is hidden, the dated list and every row are there.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.tf-filters').isVisible(), false);
  assert.equal(await page.locator('.tf-results').isVisible(), false);
  const printed = page.locator('.tf-print-only');
  assert.ok(await printed.isVisible());
  assert.match(await printed.locator('.tf-print-title').textContent(), /^Gemte, udskrevet \d{2}\.\d{2}\.\d{4}$/);
  assert.match(await printed.locator('.tf-print-search').textContent(), /Aarhus/);
  assert.equal(await printed.locator('tbody tr').count(), 5);
  for (const th of await table.locator('tbody th[scope=row]').all()) assert.ok(await th.isVisible());
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.ok(pages.length >= 2, `the list and the comparison on their own pages (${pages.length})`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, 'placement-comparison.pdf'), pdf);
  await page.emulateMedia({ media: 'screen' });

  // The CSV reads back with the numbers as numbers: the catalogue's and the cards'.
  const rows = await exportCsv(page);
  const records = catalogueRecords(ids);
  for (const id of ids) {
    const row = rows.find((r) => r.Id.value === id);
    const record = records.get(id);
    const number = (column) => {
      assert.equal(row[column].quoted, false, `${column} is a number, not text`);
      return Number(row[column].value.replace(',', '.'));
    };
    assert.equal(number('Postnummer'), record.departments[0].address.postal_code, id);
    assert.equal(number('Pladser i alt'), record.places_total, id);
    assert.equal(number('Ledige pladser'), record.free_places.count, id);
    assert.equal(number('Alder fra'), Math.min(...record.services.map((s) => s.age_from)), id);
    assert.equal(number('Alder til'), Math.max(...record.services.map((s) => s.age_to)), id);
    assert.equal(number('Pris (kr.)'), shownPrice[id], id);
    assert.ok(Math.abs(number('Afstand (km)') - shownDistance[id]) <= 0.5, `${id}: ${row['Afstand (km)'].value} vs ${shownDistance[id]}`);
    assert.equal(row['E-mail'].value, record.contact.email ?? '', id);
  }
  expectNoProblems(problems);
  await context.close();
});

test('keyboard only: the consultant writes to five saved families, the caseworker compares five offers', async () => {
  const { page, context, problems } = await openSearch(site, '?mode=families&age=3');
  const keys = keyboard(page);
  // The app's first control is its skip link, which goes past the filters to the results.
  await keys.tabTo('the skip link', () => document.activeElement?.textContent === 'Spring til resultaterne');
  await keys.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tf-results-title')), true);
  // Save five families: Tab to each card's "Gem" button and press Enter.
  for (let n = 1; n <= 5; n += 1) {
    await keys.tabTo(`"Gem" number ${n}`, () => document.activeElement?.textContent === 'Gem'
      && document.activeElement.getAttribute('aria-pressed') === 'false');
    await keys.press('Enter');
    await page.getByRole('heading', { name: `Gemte (${n})` }).waitFor();
  }
  // "Gemte (5)" is near the top: back to it, and on to "Skriv til alle".
  await keys.tabTo('"Gemte (5)"', () => document.activeElement?.textContent === 'Gemte (5)', { back: true });
  await keys.press('Enter');
  await keys.tabTo('"Skriv til alle"', () => document.activeElement?.textContent === 'Skriv til alle');
  await keys.press('Enter');
  await page.locator('a.tf-mailto').waitFor();
  await keys.tabTo('the message', () => document.activeElement?.tagName === 'TEXTAREA');
  await keys.press('Control+End');
  await keys.type('Pige, 3 år');
  await keys.tabTo('the e-mail link', () => document.activeElement?.classList.contains('tf-mailto'));
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('href')), /Pige%2C%203%20%C3%A5r/);
  console.log(`keyboard run, consultant (five saved, e-mail ready): ${keys.counts.presses} key presses and ${keys.counts.typed} typed characters`);
  expectNoProblems(problems);
  await context.close();

  const basis = Object.keys(cliQuery([]).facets.basis).find((c) => /108$/.test(c));
  const second = await openSearch(site, `?f=basis:${basis}&near=Aarhus&km=50`);
  const keys2 = keyboard(second.page);
  await keys2.tabTo('the skip link', () => document.activeElement?.textContent === 'Spring til resultaterne');
  await keys2.press('Enter');
  for (let n = 1; n <= 5; n += 1) {
    await keys2.tabTo(`"Gem" number ${n}`, () => document.activeElement?.textContent === 'Gem'
      && document.activeElement.getAttribute('aria-pressed') === 'false');
    await keys2.press('Enter');
    await second.page.getByRole('heading', { name: `Gemte (${n})` }).waitFor();
  }
  await keys2.tabTo('"Gemte (5)"', () => document.activeElement?.textContent === 'Gemte (5)', { back: true });
  await keys2.press('Enter');
  // With none ticked, "Sammenlign" takes every saved record.
  await keys2.tabTo('"Sammenlign (5)"', () => document.activeElement?.textContent === 'Sammenlign (5)');
  await keys2.press('Enter');
  await second.page.locator('.tf-comparison table').waitFor();
  assert.equal(await second.page.locator('.tf-comparison thead th').count(), 6);
  console.log(`keyboard run, caseworker (five saved and compared): ${keys2.counts.presses} key presses`);
  expectNoProblems(second.problems);
  await second.context.close();
});

test('families are told apart and say why they match; old free places are uncertain; frequent values are never hidden', async () => {
  const query = '?mode=families&age=3&f=target:Tilknytningsforstyrrelse&f=target:Autismespektrum';
  const { page, context, problems } = await openSearch(site, query);
  const expected = cliQuery(['--mode', 'families', '--age', '3', '--filter', 'target=Tilknytningsforstyrrelse',
    '--filter', 'target=Autismespektrum']);
  await expectTotal(page, expected.total);
  const ids = await shownIds(page);
  assert.deepEqual(ids, expected.hits);
  const records = catalogueRecords(ids);
  const labels = new Set();
  const cutoff = new Date();
  cutoff.setMonth(cutoff.getMonth() - 3);
  let uncertain = 0;
  for (const id of ids) {
    const card = page.locator(`.tf-card[data-id="${id}"]`);
    const record = records.get(id);
    const label = (await card.locator('.tf-card-label').textContent()).trim();
    assert.match(label, new RegExp(`^.+, ${escapeForRegExp(record.location.city)}, ${record.age_from}–${record.age_to} år · ${id}$`));
    labels.add(label);
    // The reasons are the ticked target groups the family has, as the catalogue says.
    const reasons = (await card.locator('.tf-reasons').textContent()).replace(/^Matcher: /, '').split(', ');
    const has = ['Tilknytningsforstyrrelse', 'Autismespektrum'].filter((g) => record.target_groups.includes(g));
    assert.deepEqual(reasons, has, id);
    const free = card.locator('dd', { hasText: /ledig|Ingen ledige/ });
    if (new Date(record.free_places.reported) < cutoff) {
      uncertain += 1;
      assert.match(await free.textContent(), /usikkert\)$/);
      assert.equal(await free.evaluate((dd) => dd.classList.contains('tf-free')), false, `${id}: old free places are not green`);
    }
  }
  assert.equal(labels.size, ids.length, 'every family on the page has its own label');
  assert.ok(uncertain > 0, 'the page has families whose free places are old');
  assert.equal(await page.locator('legend', { hasText: 'Holder ikke pause' }).count(), 1);
  await finishPage({ page, context, problems }, 'families with reasons and labels', 'placement-1280-families');

  // Offers: the most frequent legal bases are shown without "Vis flere", whatever their order.
  const offers = await openSearch(site);
  const counts = cliQuery([]).facets.basis;
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([code]) => code);
  for (const code of top) {
    assert.ok(await offers.page.locator(`input[data-facet="basis"][value="${code}"]`).isVisible(), `${code} is shown`);
  }
  await offers.context.close();
});

test('focus lands on a control after removing a chip, resetting the filters or removing a saved record, never on the body', async () => {
  const { page, context, problems } = await openSearch(site, '?age=30&free=1&upd=365');
  // Where the focus is, once it has moved: the page moves it when it has drawn the new answer,
  // which follows the click by a frame (the search runs after the paint).
  const focused = async (want) => {
    const where = () => page.evaluate(() => {
      const el = document.activeElement;
      return el === document.body || !el ? 'body' : `${el.tagName}.${el.className}`;
    });
    for (let tries = 0; tries < 50 && !want.test(await where()); tries += 1) await page.waitForTimeout(100);
    return where();
  };
  await page.locator('.tf-chip').first().click();
  assert.match(await focused(/^BUTTON\.tf-chip/), /^BUTTON\.tf-chip/, 'the next chip');
  await page.locator('.tf-chip').first().click();
  await page.locator('.tf-chip').first().click();
  assert.match(await focused(/tf-results-title/), /tf-results-title/, 'no chips left: the results heading');
  await page.getByLabel('Kun med ledige pladser').check();
  await page.getByRole('button', { name: 'Nulstil filtre' }).click();
  assert.match(await focused(/tf-results-title/), /tf-results-title/, 'after a reset: the results heading');

  const ids = (await shownIds(page)).slice(0, 2);
  await saveCards(page, ids);
  await page.locator(`.tf-shortlist-item[data-id="${ids[0]}"] .tf-remove`).click();
  await page.getByRole('heading', { name: 'Gemte (1)' }).waitFor();
  assert.match(await focused(/tf-remove/), /tf-remove/, 'the next saved record\'s remove button');
  await page.locator(`.tf-shortlist-item[data-id="${ids[1]}"] .tf-remove`).click();
  await page.getByRole('heading', { name: 'Gemte (0)' }).waitFor();
  assert.match(await focused(/tf-shortlist-title/), /tf-shortlist-title/, 'the emptied list\'s heading');
  expectNoProblems(problems);
  await context.close();
});

function escapeForRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
