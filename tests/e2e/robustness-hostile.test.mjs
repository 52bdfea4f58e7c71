// The hostile catalogue in the browser (issue 9): a site built from tests/hostile/catalogue.jsonl
// shows every accepted record's text as inert, literal text, on the full page and in the widget.
// Every payload calls `window.__pwned=1` if it ever runs; the test also listens for dialogs,
// looks for injected elements and event-handler attributes (in shadow roots too), and checks
// that no `javascript:` or `data:` link became an href.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, DIST, finishSitePage, openPage, withServerAndBrowser } from '../lib/harness.mjs';
import { expectNoProblems, waitForResults } from './search-lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const HOSTILE = path.resolve(here, '../hostile');

/** The accepted records of the corpus, as the README's table documents them. */
function acceptedRecords() {
  const lines = readFileSync(path.join(HOSTILE, 'catalogue.jsonl'), 'utf8').split('\n');
  const rows = readFileSync(path.join(HOSTILE, 'README.md'), 'utf8')
    .split('\n')
    .map((row) => row.match(/^\| (\d+) \| (offer|family|line) \| (accept|reject) \|/))
    .filter(Boolean);
  assert.ok(rows.length > 40, 'the README documents the corpus');
  return rows
    .filter((m) => m[3] === 'accept')
    .map((m) => JSON.parse(lines[Number(m[1]) - 1]));
}

/** Every string in a record (names, texts, list items), deep. */
function strings(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * What a payload would leave behind in the document or any shadow root: frames and embedded
 * objects (the pages have none of their own), scripts or styles carrying a payload, the
 * payload's image, event-handler attributes, and links with a script or data scheme.
 */
function injectedTraces() {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'object', 'embed', 'frame'].includes(tag)) found.push(`<${tag}>`);
      if (['script', 'style'].includes(tag) && /__pwned|display:none\}/.test(el.textContent)) {
        found.push(`<${tag}> with a payload`);
      }
      if (tag === 'img' && el.getAttribute('src') === 'x') found.push('img[src=x]');
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
      }
      for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
        const v = (el.getAttribute(attr) ?? '').trim().toLowerCase();
        if (v.startsWith('javascript:') || v.startsWith('data:')) found.push(`${tag}[${attr}=${v.slice(0, 40)}]`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found;
}

const accepted = acceptedRecords();

// The built site with its own index replaced by one built from the hostile catalogue.
const site = withServerAndBrowser({
  scratch: (dir) => {
    const ownIndex = path.join(DIST, 'index');
    cpSync(DIST, dir, { recursive: true, filter: (src) => src !== ownIndex && !src.startsWith(ownIndex + path.sep) });
    execFileSync(CLI, ['build', path.join(HOSTILE, 'catalogue.jsonl'), '--out', path.join(dir, 'index'), '--today', '2026-11-22'], { stdio: 'pipe' });
    finishSitePage(dir);
  },
});

/** Opens `url`, recording dialogs; resolves to the harness's page record plus `dialogs`. */
async function open(url) {
  const opened = await openPage(site.browser, url);
  // The app has taken over the build's prerendered view (www/main.js): until then a record can
  // be on the page twice, in the view and in the app loading beside it.
  await opened.page.waitForFunction(() => !document.querySelector('.tf-prerendered'), null, { timeout: 30000 });
  const dialogs = [];
  opened.page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return { ...opened, dialogs };
}

async function expectNothingRan(page, dialogs) {
  // Give anything deferred (onerror of a failed image, a timer) the chance to run first.
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => [window.__pwned, globalThis.parent?.__pwned]);
  assert.deepEqual(pwned, [undefined, undefined], 'an injected script ran');
  assert.deepEqual(dialogs, [], 'a dialog opened');
  assert.deepEqual(await page.evaluate(injectedTraces), [], 'injected elements or attributes');
}

for (const [mode, kind, query] of [
  ['offers', 'offer', '?q=fjendtlig'],
  ['foster families', 'foster_family', '?q=fjendtlig&mode=families'],
]) {
  test(`hostile ${mode}: cards and details show the text literally and run nothing`, async () => {
    const records = accepted.filter((r) => r.kind === kind);
    assert.ok(records.length >= 3, `the corpus has accepted ${mode}`);
    const { page, context, problems, dialogs } = await open(`${site.url}index.html${query}`);
    await waitForResults(page);

    for (const record of records) {
      const card = page.locator(`.tf-card[data-id="${record.id}"]`);
      await card.waitFor({ timeout: 10000 });
      const title = card.locator('.tf-card-title');
      assert.equal((await title.textContent()).trim(), record.name, `card name of ${record.id}`);
      await title.hover();
    }
    await expectNothingRan(page, dialogs);

    for (const record of records) {
      const card = page.locator(`.tf-card[data-id="${record.id}"]`);
      await card.getByRole('button', { name: /^Vis detaljer/ }).click();
      const heading = page.locator('.tf-detail-title');
      await heading.waitFor();
      assert.equal((await heading.textContent()).trim(), record.name, `detail heading of ${record.id}`);
      await page.locator('.tf-detail-section').first().waitFor();
      const detail = page.locator('.tf-detail');
      const text = await detail.textContent();
      // Every hostile text of the record is on screen, character for character.
      for (const value of strings(record).filter((s) => s.includes('__pwned'))) {
        assert.ok(text.includes(value), `${record.id}: ${JSON.stringify(value)} is shown literally`);
      }
      for (const link of await detail.locator('a').all()) await link.hover();
      await expectNothingRan(page, dialogs);
      await page.keyboard.press('Escape');
      await heading.waitFor({ state: 'detached' });
    }
    expectNoProblems(problems);
    await context.close();
  });
}

test('the widget on a host page shows hostile names as text and leaves the page alone', async () => {
  const { page, context, problems, dialogs } = await open(`${site.url}demo/kommune.html`);
  const widget = page.locator('#widget-all');
  const search = widget.getByRole('searchbox').first();
  await search.waitFor({ timeout: 30000 });
  await search.fill('fjendtlig');
  const offers = accepted.filter((r) => r.kind === 'offer');
  // The widget pages by five: the first page's cards are checked name for name.
  await widget.locator('.tf-card').first().waitFor({ timeout: 10000 });
  await page.waitForFunction(
    () => document.querySelector('#widget-all')?.shadowRoot?.querySelector('.tf-results-title')?.textContent.match(/^\d+/)?.[0] !== undefined,
    null,
    { timeout: 10000 },
  );
  const cards = await widget.locator('.tf-card').all();
  assert.ok(cards.length > 0, 'the widget found the hostile records');
  for (const card of cards) {
    const id = await card.getAttribute('data-id');
    const record = offers.find((r) => r.id === id);
    assert.ok(record, `card ${id} is one of the accepted hostile offers`);
    assert.equal((await card.locator('.tf-card-title').textContent()).trim(), record.name);
  }
  await expectNothingRan(page, dialogs);
  // The host page is intact: its heading, its text and its navigation.
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Find et socialt tilbud');
  assert.equal(await page.locator('nav[aria-label="Hovedmenu"] a').count(), 3);
  expectNoProblems(problems);
  await context.close();
});

test('item 2: a website whose host mixes scripts is shown and linked in punycode', async () => {
  const record = accepted.find((r) => /[\u0400-\u04FF]/.test(r.contact?.website ?? ''));
  assert.ok(record, 'the corpus has an accepted record with a look-alike host');
  const { page, context, problems } = await open(`${site.url}index.html?q=fjendtlig`);
  const card = page.locator(`.tf-card[data-id="${record.id}"]`);
  await card.waitFor({ timeout: 30000 });
  await card.getByRole('button', { name: /^Vis detaljer/ }).click();
  await page.locator('.tf-detail-section').first().waitFor();
  // Every web link but the map link of the address (built by the app from the coordinates).
  const links = await page.locator('.tf-detail a[href^="http"]:not([href^="https://www.openstreetmap.org/?mlat="])').evaluateAll(
    (anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim() })),
  );
  assert.equal(links.length, 1, JSON.stringify(links));
  const [{ href, text }] = links;
  assert.match(href, /^https:\/\/www\.xn--[a-z0-9-]+\.dk\/om$/);
  assert.equal(text, href, 'the link shows where it leads');
  assert.ok(!/[^\x20-\x7E]/.test(text), `only ASCII in ${text}`);
  expectNoProblems(problems);
  await context.close();
});
