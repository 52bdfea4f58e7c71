// The data-quality report as a supervisor reads it (issue 15), at 375 and 1280 px: an overview
// with a table of contents and a page per supervising authority, each finding said in a Danish
// sentence (no field paths, no ISO dates), nothing wider than the screen, chart text at least
// 12 px, and axe-core clean. Screenshots of both pages at both widths go to tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, openPage, withServerAndBrowser } from '../lib/harness.mjs';
import { expectAccessible, expectFitsViewport, expectNoProblems } from './search-lib.mjs';

const site = withServerAndBrowser();

/** A field path followed by a colon, as `check` names fields ("updated.economy:", "contact.email:"). */
const FIELD_PATH = /\b[a-z_]+(\[\d+\])?\.[a-z_]+(\[\d+\])?(\.[a-z_]+)*:/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** The page's visible text must read as sentences: no field paths, no ISO dates. */
async function expectPlainWords(page, what) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, FIELD_PATH, `${what}: a field path`);
  assert.doesNotMatch(text, ISO_DATE, `${what}: an ISO date`);
}

/** No text smaller than 12 px: HTML text by its computed size, SVG text scaled by its chart. */
async function expectReadableText(page, what) {
  const small = await page.evaluate(() => {
    const out = [];
    for (const svg of document.querySelectorAll('svg')) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        const px = Number(t.getAttribute('font-size')) * scale;
        if (px < 11.95) out.push(`svg "${t.textContent}" ${px.toFixed(1)} px`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || el.closest('svg') || el.closest('thead')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 12) out.push(`"${n.textContent.trim().slice(0, 30)}" ${px} px`);
    }
    return out.slice(0, 5);
  });
  assert.deepEqual(small, [], `${what}: text under 12 px`);
}

async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The pages are long: the first two screens will do.
  const { width } = page.viewportSize();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), clip: { x: 0, y: 0, width, height: 1800 }, fullPage: true });
}

for (const width of [375, 1280]) {
  test(`the report at ${width} px: contents, one page per authority, sentences, fits the screen`, async () => {
    const { page, context, problems } = await openPage(
      site.browser, `${site.url}report/index.html`, { viewport: { width, height: 900 } },
    );
    await page.waitForSelector('h1');
    // A table of contents that leads to the sections and to every authority's page.
    const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(toc, ['#summary-h', '#cat-h', '#fresh-h', '#pages-h']);
    for (const href of toc) assert.equal(await page.locator(href).count(), 1, `${href} exists`);
    const pages = await page.$$eval('section[aria-labelledby="pages-h"] a', (as) => as.map((a) => ({
      href: a.getAttribute('href'), name: a.textContent, line: a.parentElement.textContent,
    })));
    assert.ok(pages.length >= 5, `authority pages: ${pages.length}`);
    for (const p of pages) {
      assert.match(p.href, /^tilsyn-[a-z0-9-]+\.html$/);
      assert.match(p.line, /: [\d.]+ \(\d+ %\) af [\d.]+ poster at rette$/, 'counts with their shares');
    }
    // Shares beside counts in the tables.
    assert.match(await page.locator('table.stack tbody td').first().textContent(), /^[\d.]+( \(\d+ %\))?$/);
    await expectPlainWords(page, 'overview');
    await expectFitsViewport(page, 'body');
    await expectReadableText(page, 'overview');
    await expectAccessible(page, `report overview at ${width} px`);
    await shot(page, `report-${width}`);

    // An authority's page: its records ranked, each finding a sentence.
    await page.getByRole('link', { name: pages[0].name, exact: true }).click();
    await page.waitForSelector('table.records');
    assert.equal((await page.locator('h1').textContent()).trim(), pages[0].name);
    const first = await page.locator('table.records tbody tr').first().locator('li').allTextContents();
    assert.ok(first.length > 0, 'the first record has findings');
    for (const line of first) assert.match(line, /^[^:]+: [A-ZÆØÅ].+\.$/, `a category and a sentence: ${line}`);
    const all = await page.locator('table.records li').allTextContents();
    assert.ok(all.some((l) => /ikke opdateret siden \d{1,2}\. [a-zæøå]+ \d{4} \([\d.]+ dage\)/.test(l)), 'stale parts in words');
    await expectPlainWords(page, pages[0].name);
    await expectFitsViewport(page, 'body');
    await expectReadableText(page, pages[0].name);
    await expectAccessible(page, `${pages[0].name} at ${width} px`);
    await shot(page, `report-authority-${width}`);
    await page.getByRole('link', { name: 'Tilbage til overblikket' }).click();
    await page.waitForSelector('nav.toc');
    expectNoProblems(problems);
    await context.close();
  });
}
