// One language at a time, chosen visibly (issue 15, item 2). The Danish and English string
// tables are read from the web crate's source (crates/web/src/i18n.rs) and the vocabularies'
// Danish and English labels from the catalogue crate (vocab.rs, vocab_en.rs): the tables must
// have the same keys, and a page shown in English must hold no string of the Danish tables —
// not in its text, not in its labels — on the search page, in a detail, for foster families and
// in the capacity view, at 375 and 1280 px. The switch in the header changes the language and
// keeps the search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withServerAndBrowser } from '../lib/harness.mjs';
import {
  expectAccessible, expectFitsViewport, expectNoProblems, openSearch, screenshot, waitForResults } from './search-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = (file) => readFileSync(path.join(root, file), 'utf8');

const site = withServerAndBrowser();

/** A Rust string literal's value (the escapes the tables use). */
function unescape(literal) {
  return literal
    .replace(/\\\n\s*/g, '')
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\n/g, '\n')
    .replace(/\\"/g, '"')
    .replace(/\\\\/g, '\\');
}

/**
 * The string tables of i18n.rs (`static NAME: Type = Type { key: "…", nested: Type { … } }`),
 * each as a map from its key path ("detail.contact") to its value.
 */
function stringTables(src) {
  const tables = {};
  const start = /^static (\w+): \w+ = \w+ \{$/gm;
  for (const m of src.matchAll(start)) {
    const body = src.slice(m.index + m[0].length, src.indexOf('\n};', m.index));
    const entries = new Map();
    const stack = [];
    const token = /(\w+):\s*(?:"((?:[^"\\]|\\[\s\S])*)"|(\w+) \{)|(\})/g;
    for (const t of body.matchAll(token)) {
      if (t[4]) { stack.pop(); continue; }
      if (t[3]) { stack.push(t[1]); continue; }
      entries.set([...stack, t[1]].join('.'), unescape(t[2]));
    }
    tables[m[1]] = entries;
  }
  return tables;
}

/** Each vocabulary's Danish labels by variant (vocab.rs) and English ones (vocab_en.rs). */
function vocabularies() {
  const danish = new Map();
  const vocab = source('crates/catalogue/src/vocab.rs');
  for (const block of vocab.matchAll(/^(?:vocabulary|legal_bases)! \{\n(?:\s*\/\/\/.*\n)*\s*(\w+) \{\n([\s\S]*?)\n\s*\}\n\}/gm)) {
    for (const line of block[2].matchAll(/^\s*(\w+) = "[^"]*", ("[^"]*"(?:, "[^"]*")?);/gm)) {
      const literals = [...line[2].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
      // A legal basis: the law's words are what is translated (the citation stays).
      danish.set(`${block[1]}::${line[1]}`, literals[literals.length - 1]);
    }
  }
  const english = new Map();
  const en = source('crates/catalogue/src/vocab_en.rs');
  for (const block of en.matchAll(/english!\((\w+) \{([\s\S]*?)\}\);/g)) {
    for (const line of block[2].matchAll(/(\w+) => "([^"]*)",/g)) english.set(`${block[1]}::${line[1]}`, line[2]);
  }
  const legal = en.slice(en.indexOf('fn official_text_en'));
  for (const line of legal.matchAll(/^\s*(\w+) => \{?\s*"([^"]*)"/gm)) english.set(`LegalBasis::${line[1]}`, line[2]);
  return { danish, english };
}

const TABLE_PAIRS = [['DA', 'EN'], ['CAPACITY_DA', 'CAPACITY_EN'], ['PLACEMENT_DA', 'PLACEMENT_EN'], ['PAGE_DA', 'PAGE_EN']];

/** The Danish strings an English page must not show: those that differ from their English. */
function danishOnly() {
  const tables = stringTables(source('crates/web/src/i18n.rs'));
  const interfaceStrings = new Set();
  for (const [da, en] of TABLE_PAIRS) {
    for (const [key, value] of tables[da]) {
      if (value !== tables[en].get(key) && value.trim().length > 1) interfaceStrings.add(value);
    }
  }
  const { danish, english } = vocabularies();
  const vocabStrings = new Set();
  for (const [key, value] of danish) if (value !== english.get(key)) vocabStrings.add(value);
  return { interfaceStrings, vocabStrings };
}

test('the Danish and English tables have the same keys, and every vocabulary value both labels', () => {
  const tables = stringTables(source('crates/web/src/i18n.rs'));
  for (const [da, en] of TABLE_PAIRS) {
    assert.ok(tables[da]?.size > 5, `${da} was read (${tables[da]?.size} strings)`);
    assert.deepEqual([...tables[en].keys()].sort(), [...tables[da].keys()].sort(), `${da} and ${en} keys`);
  }
  const { danish, english } = vocabularies();
  assert.ok(danish.size > 100, `vocabularies read (${danish.size} values)`);
  for (const key of danish.keys()) assert.ok(english.has(key), `${key} has an English label`);
});

/**
 * The Danish strings found on the page: whole text pieces equal to a Danish interface string or
 * containing a long one, and vocabulary labels among a text's comma- or dot-separated parts.
 * The catalogue's own text (names, descriptions, contact values) is left out: it is not the
 * interface's to translate.
 */
async function danishOnPage(page, { interfaceStrings, vocabStrings }) {
  return page.evaluate(({ ui, vocab }) => {
    const skip = '.tf-card-title, .tf-detail-title, .tf-description, a[href^="mailto:"], a[href^="tel:"], '
      + '.tf-detail a[href^="http"]:not([href*="openstreetmap"]), .tf-site-name, .tf-plain-list strong, script';
    const pieces = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === Node.ELEMENT_NODE && n.matches(skip)
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
          const v = node.getAttribute(attr);
          if (v) pieces.push(v.trim());
        }
      } else {
        const v = node.textContent.trim();
        if (v) pieces.push(v);
      }
    }
    pieces.push(document.title);
    const found = new Set();
    for (const piece of pieces) {
      for (const s of ui) if (piece === s || (s.length >= 12 && piece.includes(s))) found.add(`"${s}" in "${piece.slice(0, 80)}"`);
      for (const part of piece.split(/\s*[·,;:()]\s*|\s+–\s+/)) if (vocab.includes(part)) found.add(`"${part}" in "${piece.slice(0, 80)}"`);
    }
    return [...found];
  }, { ui: [...interfaceStrings], vocab: [...vocabStrings] });
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
  test(`in English at ${viewport.width} px no Danish interface string or vocabulary label is shown`, async () => {
    const strings = danishOnly();
    const query = '?lang=en&near=Odense&f=basis%3Asel_108&f=target%3AAutismespektrum';
    const { page, context, problems } = await openSearch(site, query, { viewport });
    const check = async (where) => {
      assert.deepEqual(await danishOnPage(page, strings), [], `Danish on the English page (${where})`);
      await expectFitsViewport(page);
      await expectAccessible(page, `English, ${where}`);
    };
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await check('offers');
    await page.locator('.tf-card').first().getByRole('button', { name: /^Show details/ }).click();
    await page.locator('.tf-detail-section').first().waitFor();
    await check('offer detail');
    await screenshot(page, `language-en-detail-${viewport.width}`);
    await page.getByRole('button', { name: /Back to the results/ }).click();
    await page.getByRole('radio', { name: 'Foster families' }).check();
    await page.locator('.tf-card').first().waitFor();
    await check('foster families');
    await page.locator('.tf-card').first().getByRole('button', { name: /^Show details/ }).click();
    await page.locator('.tf-detail-section').first().waitFor();
    await check('family detail');
    await page.getByRole('button', { name: /Back to the results/ }).click();
    await page.getByRole('radio', { name: /^Capacity/ }).check();
    await page.locator('.tf-capacity').waitFor();
    await check('capacity');
    await screenshot(page, `language-en-capacity-${viewport.width}`);
    expectNoProblems(problems);
    await context.close();
  });
}

test('the switch in the header changes the language and keeps the search', async () => {
  const { page, context, problems } = await openSearch(site, '?q=bo&near=Odense');
  const link = page.getByRole('navigation', { name: 'Sprog' }).getByRole('link', { name: 'English' });
  assert.equal(await link.getAttribute('hreflang'), 'en');
  await link.click();
  await waitForResults(page);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Dansk' }).waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('lang'), 'en');
  assert.equal(url.searchParams.get('q'), 'bo');
  assert.equal(url.searchParams.get('near'), 'Odense');
  assert.match(await page.textContent('.tf-results-title'), /offers? found/);
  assert.equal(await page.getByLabel('Search offers').inputValue(), 'bo');
  assert.match(await page.textContent('.tf-site-footer'), /Always contact the offer/);
  await screenshot(page, 'language-en-1280');
  expectNoProblems(problems);
  await context.close();
});
