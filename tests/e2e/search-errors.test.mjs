// Loading failures are told in one plain Danish sentence, never a blank area or an endless
// spinner: a damaged index file, and an index that is not there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, launchBrowser, startServer } from '../lib/harness.mjs';
import { expectAccessible } from './search-lib.mjs';

let browser;
const dirs = [];
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built site that `damage(dir)` may break. */
function brokenSite(damage) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tf-broken-site-'));
  dirs.push(dir);
  cpSync(DIST, dir, { recursive: true });
  damage(dir);
  return dir;
}

async function alertText(dir) {
  const server = await startServer({ dir });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}index.html`);
    const alert = page.locator('.tf-app [role="alert"]');
    await alert.waitFor({ timeout: 30000 });
    const text = (await alert.textContent()).trim();
    await expectAccessible(page, 'load error');
    await context.close();
    return text;
  } finally {
    server.stop();
  }
}

test('a damaged core file gives a plain Danish sentence naming it and what to do', async () => {
  const dir = brokenSite((d) => {
    const core = readdirSync(path.join(d, 'index')).find((f) => f.startsWith('core.'));
    const file = path.join(d, 'index', core);
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] ^= 0xff;
    writeFileSync(file, bytes);
  });
  const text = await alertText(dir);
  assert.match(text, /^Søgeindekset kunne ikke indlæses: filen core er beskadiget\./);
  assert.match(text, /Genindlæs siden; hjælper det ikke, så kontakt webstedets redaktør\.$/);
});

test('a missing index says the server could not deliver it', async () => {
  const dir = brokenSite((d) => rmSync(path.join(d, 'index'), { recursive: true, force: true }));
  const text = await alertText(dir);
  assert.match(text, /^Søgeindekset kunne ikke hentes: serveren svarede 404 for filen manifest\.json\./);
});
