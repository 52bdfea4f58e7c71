// Shared steps of the search page's end-to-end tests (search-*.test.mjs): open the page and
// wait for the first results, read what the page says, and ask the CLI for the same search so
// that no expected number is ever hard-coded.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  ARTIFACTS, INDEX_DIR, axeViolations, cliJson, describeViolations, openPage,
} from '../lib/harness.mjs';

/**
 * Opens the full search page of `site` (`{ browser, url }`, as withServerAndBrowser gives it) at
 * `query` (e.g. '?q=bo') and waits for the first results.
 */
export async function openSearch(site, query = '', options = {}) {
  const opened = await openPage(site.browser, `${site.url}index.html${query}`, options);
  await waitForResults(opened.page);
  return opened;
}

/**
 * Waits until the app shows a result count: the live app's, not the view the build prerendered
 * into the page (which the app replaces once it is ready).
 */
export async function waitForResults(page) {
  await page.waitForFunction(
    () => document.querySelector('.tf-results-title') && !document.querySelector('.tf-prerendered'),
    null,
    { timeout: 30000 },
  );
}

/** The number in the results heading ("1.234 tilbud fundet" -> 1234; "Ingen …" -> 0). */
export async function shownTotal(page) {
  const text = (await page.textContent('.tf-results-title')).trim();
  return parseCount(text);
}

/** "1.234 tilbud fundet" -> 1234; "Ingen tilbud fundet" -> 0. */
export function parseCount(text) {
  const m = text.match(/^([\d.]+)/);
  return m ? Number(m[1].replaceAll('.', '')) : 0;
}

/**
 * Waits until the results heading shows `total` and the result list is whole (a new list shows
 * its first cards at once and the rest in steps, each after a paint, `aria-busy` meanwhile).
 */
export async function expectTotal(page, total) {
  await page.waitForFunction(
    (want) => {
      const h = document.querySelector('.tf-results-title');
      if (!h || document.querySelector('.tf-result-list[aria-busy="true"]')) return false;
      const m = h.textContent.trim().match(/^([\d.]+)/);
      return (m ? Number(m[1].replaceAll('.', '')) : 0) === want;
    },
    total,
    { timeout: 10000 },
  ).catch(async () => {
    assert.equal(await shownTotal(page), total, 'result count on the page');
  });
}

/** The ids of the cards shown, in order. */
export async function shownIds(page) {
  return page.$$eval('.tf-result-area:not([hidden]) .tf-card', (cards) => cards.map((c) => c.dataset.id));
}

/**
 * Asserts the cards shown are `ids`, in order, once the page has drawn its answer: an action that
 * leaves the count as it was (the back button from page 2 to page 1) gives no other sign that the
 * new cards have arrived, so this waits for them (up to 10 s) before it compares.
 */
export async function expectIds(page, ids, message) {
  await page.waitForFunction(
    (want) => {
      if (document.querySelector('.tf-result-list[aria-busy="true"]')) return false;
      const shown = [...document.querySelectorAll('.tf-result-area:not([hidden]) .tf-card')].map((c) => c.dataset.id);
      return JSON.stringify(shown) === JSON.stringify(want);
    },
    ids,
    { timeout: 10000 },
  ).catch(() => {});
  assert.deepEqual(await shownIds(page), ids, message);
}

/** Runs `tilbudsfinder query` on the served index with today's date. */
export function cliQuery(args) {
  return cliJson(['query', INDEX_DIR, '--json', ...args]);
}

/** Asserts axe-core finds no WCAG 2.1 A/AA violations in the current state. */
export async function expectAccessible(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core violations (${state}):\n${describeViolations(violations)}`);
}

/**
 * Asserts that the page is no wider than the viewport and that no element of the app (`root`)
 * reaches past its edges (a cut-off table or a long word counts, even inside a scroll box's
 * parent).
 */
export async function expectFitsViewport(page, root = '.tf-app') {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  const wider = await page.$$eval(root, (roots) => {
    const out = [];
    for (const r0 of roots) {
      for (const el of [r0, ...r0.querySelectorAll('*')]) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5)) {
          out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
      }
    }
    return out.slice(0, 5);
  });
  assert.deepEqual(wider, [], 'elements wider than the viewport');
}

/** Asserts nothing went wrong in the page (console errors, uncaught errors, failed requests). */
export function expectNoProblems(problems) {
  assert.deepEqual(problems, [], problems.join('\n'));
}

/**
 * Ends a test on its page: axe-core finds no violation in the page's last state (`state`), a
 * screenshot named `shot` is saved when one is given, nothing went wrong on the page (console
 * errors, uncaught exceptions, failed requests), and its context is closed.
 */
export async function finishPage({ page, context, problems }, state, shot = null) {
  await expectAccessible(page, state);
  if (shot) await screenshot(page, shot);
  expectNoProblems(problems);
  await context.close();
}

/** Saves a full-page screenshot to tests/artifacts/NAME.png. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The checkbox of a facet value by the facet's legend and the value's label (count ignored). */
export function facetCheckbox(page, legend, label) {
  return page
    .locator('fieldset.tf-facet', { has: page.locator('legend', { hasText: legend }) })
    .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)} \\(`) });
}

/** The first value of a facet group: { label, count, checkbox }. */
export async function firstFacetValue(page, legend) {
  const group = page.locator('fieldset.tf-facet', { has: page.locator('legend', { hasText: legend }) });
  const label = group.locator('.tf-check label').first();
  const text = (await label.textContent()).trim();
  const m = text.match(/^(.*) \(([\d.]+)\)$/);
  assert.ok(m, `facet value label "${text}" has a count`);
  return { label: m[1], count: Number(m[2].replaceAll('.', '')), checkbox: group.getByRole('checkbox').first() };
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
