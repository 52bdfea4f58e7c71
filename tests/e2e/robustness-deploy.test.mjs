// Damaged and half-finished deployments (issue 9). Each case is a copy of the built site in a
// temporary directory with one thing broken: a missing file, a truncated or bit-flipped file, a
// manifest from another build, an index of a newer format. The full page and the widget demo
// page (two <tilbuds-finder> elements on a host page) must each show a plain Danish sentence in
// an alert, never a blank area or an endless spinner, and the host page must keep working.
//
// Deploy atomicity: the index is named by content hash and the manifest is replaced last, so
// while new files are uploaded next to the old ones a visitor still gets the old build, and once
// the manifest is replaced, the new one; never a mix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DIST, buildSampleIndex, launchBrowser, openPage, startServer,
} from '../lib/harness.mjs';
import { expectNoProblems, waitForResults } from './search-lib.mjs';

let browser;
const dirs = [];
let otherBuild; // a second, different index: { dir, manifest }

function tempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Builds the index of a small generated catalogue (seed differs from the site's). */
function buildOther() {
  const index = buildSampleIndex(tempDir('tf-other-build-'), { offers: 60, families: 60, seed: 7 });
  return { dir: index, manifest: readJson(path.join(index, 'manifest.json')) };
}

before(async () => {
  browser = await launchBrowser();
  otherBuild = buildOther();
});
after(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, JSON.stringify(value, null, 2) + '\n');

/** A copy of the built site that `damage(indexDir)` may break. */
function site(damage) {
  const dir = tempDir('tf-deploy-site-');
  cpSync(DIST, dir, { recursive: true });
  damage(path.join(dir, 'index'));
  return dir;
}

/** The path of the index file of `kind` named in the directory's manifest. */
function fileOf(indexDir, kind) {
  const entry = readJson(path.join(indexDir, 'manifest.json')).files.find((f) => f.kind === kind);
  assert.ok(entry, `the manifest lists a ${kind} file`);
  return path.join(indexDir, entry.name);
}

/** Texts of the elements matching `selector` in the document and every open shadow root. */
function textsIn(selector) {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll(selector)) found.push(el.textContent.trim());
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found.filter((text) => text.length > 0);
}

/**
 * Opens a page and resolves to its alert sentences once `count` have appeared (polling from
 * outside: the pages' CSP forbids the eval that waitForFunction needs).
 */
async function alertsOn(url, selector, count) {
  const { page, context, problems } = await openPage(browser, url);
  const deadline = Date.now() + 30000;
  let texts = [];
  while (Date.now() < deadline) {
    texts = await page.evaluate(textsIn, selector);
    if (texts.length >= count) break;
    await page.waitForTimeout(100);
  }
  assert.ok(texts.length >= count, `${count} alert(s) with text on ${url}; found ${JSON.stringify(texts)}`);
  return { page, context, problems, texts };
}

/** `Node.DOCUMENT_POSITION_FOLLOWING`: the other node comes after. */
const Node_FOLLOWING = 4;

/** The damaged site in the full page and in the widget demo: a sentence, and a working host. */
async function expectSentence(dir, pattern) {
  const server = await startServer({ dir });
  try {
    // The full page.
    {
      const { page, context, texts } = await alertsOn(`${server.url}index.html`, '.tf-mounted [role="alert"]', 1);
      assert.equal(texts.length, 1, 'one alert on the full page');
      assert.match(texts[0], pattern);
      assert.match(texts[0], /Genindlæs siden; hjælper det ikke, så kontakt webstedets redaktør\.$/);
      assert.equal(await page.locator('.tf-mounted [role="status"]').count(), 0, 'no spinner left');
      // The results the build prerendered into the page stay, below the sentence, marked as
      // possibly out of date and out of reach of the keyboard: never silently wrong.
      const stale = page.locator('.tf-prerendered.tf-prerendered-stale');
      assert.equal(await stale.count(), 1, 'the prerendered results are marked');
      assert.match(await stale.locator('.tf-prerendered-note').textContent(), /kan være forældede/);
      assert.equal(await stale.evaluate((el) => el.inert), true);
      assert.equal(
        await page.evaluate(() => document.querySelector('.tf-mounted')
          .compareDocumentPosition(document.querySelector('.tf-prerendered')) & Node.DOCUMENT_POSITION_FOLLOWING),
        Node_FOLLOWING,
        'the sentence comes before the stale results',
      );
      assert.equal(await page.getByText(/^Indlæser/).count(), 0, 'no loading message left');
      assert.equal((await page.locator('.tf-site-name').textContent()).trim(), 'Tilbudsfinder');
      await context.close();
    }
    // The widget demo: both elements say it, and the host page around them still works.
    {
      const { page, context, texts } = await alertsOn(`${server.url}demo/kommune.html`, '[role="alert"]', 2);
      assert.equal(texts.length, 2, 'an alert in each widget');
      for (const text of texts) assert.match(text, pattern);
      assert.equal(await page.locator('tilbuds-finder [role="status"]').count(), 0, 'no spinner left');
      assert.equal(await page.getByText(/^Indlæser/).count(), 0, 'no loading message left');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Find et socialt tilbud');
      assert.equal(await page.getByRole('heading', { name: 'Alle tilbud i Danmark' }).count(), 1);
      const link = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Borger' });
      await Promise.all([page.waitForURL(/demo\/kommune\.html$/), link.click()]);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await context.close();
    }
  } finally {
    server.stop();
  }
}

test('a missing core file: the server answered 404 for it', async () => {
  const dir = site((index) => rmSync(fileOf(index, 'core')));
  await expectSentence(dir, /^Søgeindekset kunne ikke hentes: serveren svarede 404 for filen core\./);
});

test('a truncated core file: it arrived incomplete', async () => {
  const dir = site((index) => {
    const file = fileOf(index, 'core');
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
  });
  await expectSentence(dir, /^Søgeindekset kunne ikke indlæses: filen core er kun delvist hentet\./);
});

test('a bit-flipped core file: it is damaged', async () => {
  const dir = site((index) => {
    const file = fileOf(index, 'core');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 3)] ^= 0x04;
    writeFileSync(file, bytes);
  });
  await expectSentence(dir, /^Søgeindekset kunne ikke indlæses: filen core er beskadiget\./);
});

test('a manifest from another build whose files were never uploaded: 404 for its core file', async () => {
  const dir = site((index) => writeJson(path.join(index, 'manifest.json'), otherBuild.manifest));
  await expectSentence(dir, /^Søgeindekset kunne ikke hentes: serveren svarede 404 for filen core\./);
});

test('a manifest from another build over this build\'s core bytes: they do not match', async () => {
  const dir = site((index) => {
    const ownCore = readFileSync(fileOf(index, 'core'));
    writeJson(path.join(index, 'manifest.json'), otherBuild.manifest);
    // The other build's core name now holds this build's core (a cache or proxy that mixed them).
    writeFileSync(fileOf(index, 'core'), ownCore);
  });
  await expectSentence(dir, /^Søgeindekset kunne ikke indlæses: filen core passer ikke til resten af indekset/);
});

test('a manifest of a newer format version: made for another version', async () => {
  const dir = site((index) => {
    const manifest = readJson(path.join(index, 'manifest.json'));
    manifest.format_version += 1;
    writeJson(path.join(index, 'manifest.json'), manifest);
  });
  await expectSentence(dir, /^Søgeindekset kunne ikke indlæses: filen manifest\.json er lavet til en anden version af søgningen\./);
});

test('a core file of a newer format version: made for another version', async () => {
  // The version sits in bytes 4–5 of every file's header and is checked before the checksum
  // (crates/index/src/frame.rs), so the reader names the version, not damage, even though the
  // footer checksum no longer matches.
  const dir = site((index) => {
    const file = fileOf(index, 'core');
    const bytes = readFileSync(file);
    bytes.writeUInt16LE(bytes.readUInt16LE(4) + 1, 4);
    writeFileSync(file, bytes);
  });
  await expectSentence(dir, /^Søgeindekset kunne ikke indlæses: filen core er lavet til en anden version af søgningen\./);
});

/** The number in the first widget's or the page's result heading, once shown. */
async function shownOffers(url) {
  const { page, context, problems } = await openPage(browser, url);
  const title = page.locator('.tf-results-title');
  await waitForResults(page);
  const text = (await title.textContent()).trim();
  const m = text.match(/^([\d.]+)/);
  assert.ok(m, `a count in "${text}"`);
  // Opening a record fetches its detail shard: it must come from the same build.
  await page.locator('.tf-card').first().getByRole('button', { name: /^Vis detaljer/ }).click();
  await page.locator('.tf-detail-section').first().waitFor({ timeout: 10000 });
  assert.equal(await page.locator('.tf-detail [role="alert"]').count(), 0, 'the detail loaded');
  expectNoProblems(problems);
  await context.close();
  return Number(m[1].replaceAll('.', ''));
}

test('mid-deploy: new files uploaded, old manifest still in place: the old build, whole', async () => {
  const dir = site((index) => {
    for (const name of readdirSync(otherBuild.dir)) {
      if (name.endsWith('.bin')) cpSync(path.join(otherBuild.dir, name), path.join(index, name));
    }
  });
  const oldManifest = readJson(path.join(dir, 'index', 'manifest.json'));
  assert.notEqual(oldManifest.counts.offers, otherBuild.manifest.counts.offers, 'the builds differ');
  const server = await startServer({ dir });
  try {
    assert.equal(await shownOffers(`${server.url}index.html`), oldManifest.counts.offers);
    // The manifest is replaced last: from then on, the new build, whole.
    writeJson(path.join(dir, 'index', 'manifest.json'), otherBuild.manifest);
    assert.equal(await shownOffers(`${server.url}index.html`), otherBuild.manifest.counts.offers);
  } finally {
    server.stop();
  }
});
