// Hardening of what a stranger controls in the browser (issue 19), each test named after its item:
// embed.html's `index` parameter (1), a missing or truncated wasm glue file (3), and filters in
// a URL that the index does not know, or too many of them (8).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync, mkdtempSync, readFileSync, rmSync, truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DIST, INDEX_DIR, buildSampleIndex, cliJson, launchBrowser, openPage, startServer,
} from '../lib/harness.mjs';
import { expectNoProblems, parseCount, waitForResults } from './search-lib.mjs';

let browser;
let server;
const dirs = [];

function tempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

before(async () => {
  // As a host that does not send the documented Content-Security-Policy.
  server = await startServer({ args: ['--no-csp'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const ownOffers = () => JSON.parse(readFileSync(path.join(INDEX_DIR, 'manifest.json'), 'utf8')).counts.offers;

/** The number in the results heading once shown, and the requests the page made. */
async function shownCount(url) {
  const { page, context, problems, requests } = await openPage(browser, url);
  await waitForResults(page);
  const count = parseCount(await page.locator('.tf-results-title').textContent());
  return { page, context, problems, requests, count };
}

test('item 1: embed.html?index= never loads an index from another origin', async () => {
  // An attacker's index, served with CORS from another origin.
  const dir = tempDir('tf-attacker-');
  buildSampleIndex(dir, { offers: 7, families: 3, seed: 666 });
  const attacker = await startServer({ dir, args: ['--cors', '*', '--no-csp'] });
  try {
    const foreign = attacker.url.replace('http://', '');
    assert.notEqual(new URL(attacker.url).origin, new URL(server.url).origin);
    for (const index of [
      `${attacker.url}index/`,
      `//${foreign}index/`,
      `/\\${foreign}index/`,
      `\\\\${foreign}index/`,
      ` ${attacker.url}index/`,
      `HTTP:${foreign}index/`,
    ]) {
      const url = `${server.url}embed.html?index=${encodeURIComponent(index)}`;
      const { context, requests, count } = await shownCount(url);
      assert.equal(count, ownOffers(), `${index}: the page's own offers`);
      const elsewhere = requests.filter((r) => new URL(r).origin !== new URL(server.url).origin);
      assert.deepEqual(elsewhere, [], `${index}: nothing fetched from another origin`);
      await context.close();
    }
    // A path on the page's own origin is still honoured.
    const { context, problems, count } = await shownCount(`${server.url}embed.html?index=${encodeURIComponent('/index/')}`);
    assert.equal(count, ownOffers());
    expectNoProblems(problems);
    await context.close();
  } finally {
    attacker.stop();
  }
});

/** A copy of the built site whose wasm glue file `damage(file)` breaks. */
function siteWithGlue(damage) {
  const dir = tempDir('tf-glue-site-');
  cpSync(DIST, dir, { recursive: true });
  damage(path.join(dir, 'app', 'tilbudsfinder_web.js'));
  return dir;
}

/** Texts of `[role="alert"]` elements in the document and every open shadow root. */
function alertTexts() {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('[role="alert"]')) found.push(el.textContent.trim());
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found.filter(Boolean);
}

const DROPPED = 'Nogle af de valgte filtre findes ikke i søgningen og er udeladt.';
const LOAD_FAILED = 'Søgningen kunne ikke indlæses. Genindlæs siden; hjælper det ikke, så kontakt webstedets redaktør.';

for (const [what, damage] of [
  ['missing', (file) => rmSync(file)],
  ['truncated', (file) => truncateSync(file, Math.floor(readFileSync(file).length / 2))],
]) {
  test(`item 3: a ${what} app/tilbudsfinder_web.js gives one Danish sentence on the page, in embed.html and in the widget`, async () => {
    const dir = siteWithGlue(damage);
    const broken = await startServer({ dir });
    try {
      for (const [page, count] of [['index.html', 1], ['embed.html', 1], ['demo/kommune.html', 2]]) {
        const opened = await openPage(browser, `${broken.url}${page}`);
        const deadline = Date.now() + 20000;
        let texts = [];
        while (Date.now() < deadline) {
          texts = await opened.page.evaluate(alertTexts);
          if (texts.length >= count) break;
          await opened.page.waitForTimeout(100);
        }
        assert.deepEqual(texts, Array(count).fill(LOAD_FAILED), `${page}: the sentence in an alert`);
        assert.equal(await opened.page.getByText(/^Indlæser/).count(), 0, `${page}: no loading message left`);
        await opened.context.close();
      }
    } finally {
      broken.stop();
    }
  });
}

test('item 8: URL filters the index does not know become no chips, and the user is told once', async () => {
  const all = cliJson(['query', INDEX_DIR, '--json']).total;
  const region = Object.keys(cliJson(['query', INDEX_DIR, '--json']).facets.region)[0];
  const withRegion = cliJson(['query', INDEX_DIR, '--json', '--filter', `region=${region}`]).total;
  const query = `?f=${encodeURIComponent('Vigtigt:Ring 70 20 20 20')}&f=method:krap&f=region:${region}`;
  const { page, context, problems, count } = await shownCount(`${server.url}index.html${query}`);
  assert.equal(count, withRegion, 'only the known filter applies');
  const chips = await page.locator('.tf-chip').allTextContents();
  assert.equal(chips.length, 1, JSON.stringify(chips));
  assert.ok(!chips.join(' ').includes('Ring'), JSON.stringify(chips));
  const notes = await page.getByText(DROPPED).count();
  assert.equal(notes, 1, 'told once');
  assert.notEqual(withRegion, all);
  expectNoProblems(problems);
  await context.close();

  // embed.html's presets come from its query string too.
  const embed = await shownCount(`${server.url}embed.html?target=${encodeURIComponent('Ring 70 20 20 20')}&region=${region}`);
  assert.equal(embed.count, withRegion);
  assert.equal(await embed.page.locator('.tf-chip').count(), 1);
  assert.equal(await embed.page.getByText(DROPPED).count(), 1);
  expectNoProblems(embed.problems);
  await embed.context.close();
});

test('item 8: a URL with 2,000 filters is read only up to the bound', async () => {
  const all = cliJson(['query', INDEX_DIR, '--json']).total;
  const junk = Array.from({ length: 2000 }, (_, i) => `f=target:v${i}`).join('&');
  const { page, context, problems, count } = await shownCount(`${server.url}index.html?${junk}`);
  assert.equal(count, all);
  assert.equal(await page.locator('.tf-chip').count(), 0);
  assert.equal(await page.getByText(DROPPED).count(), 1);
  // Typing still searches.
  await page.getByRole('searchbox').first().fill('bo');
  const expected = cliJson(['query', INDEX_DIR, '--json', '--text', 'bo']).total;
  await page.waitForFunction((want) => {
    const m = document.querySelector('.tf-results-title')?.textContent.trim().match(/^([\d.]+)/);
    return (m ? Number(m[1].replaceAll('.', '')) : 0) === want;
  }, expected, { timeout: 10000 });
  expectNoProblems(problems);
  await context.close();
});
