// The widget's no-JavaScript fallback written for a preset by the page finisher
// (`tilbudsfinder-page --fallback`, docs/embedding.md): the engine's first results for that
// preset, each linking to its record on the full page, shown inside <tilbuds-finder> when
// scripts do not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { DIST, PAGE, launchBrowser, startServer } from '../lib/harness.mjs';
import { cliQuery } from './search-lib.mjs';

const PAGE_URL = 'https://example.dk/tilbudsfinder/index.html';

function fallback(args) {
  return execFileSync(PAGE, ['--fallback', DIST, PAGE_URL, ...args], { encoding: 'utf8' });
}

/** The links of a snippet: [href, text]. */
function links(html) {
  return [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1].replaceAll('&amp;', '&'), m[2]]);
}

test('the fallback lists the engine\'s first results for the preset, each linking to its record', () => {
  const snippet = fallback(['--filter', 'municipality=Aarhus', '--count', '5']);
  const expected = cliQuery(['--filter', 'municipality=751']);
  assert.ok(expected.total > 5);
  const found = links(snippet);
  assert.equal(found.length, 6, 'five records and the whole search');
  const records = found.slice(0, 5).map(([href]) => new URL(href));
  assert.deepEqual(records.map((u) => u.searchParams.get('rec')), expected.hits.slice(0, 5));
  for (const url of records) {
    assert.equal(url.origin + url.pathname, PAGE_URL);
    assert.deepEqual(url.searchParams.getAll('f'), ['municipality:751']);
  }
  const all = new URL(found[5][0]);
  assert.equal(all.searchParams.get('rec'), null);
  assert.match(snippet, new RegExp(`${expected.total.toLocaleString('da-DK')} tilbud fundet`));
});

test('a family preset in English links to the English page', () => {
  const snippet = fallback(['--mode', 'families', '--lang', 'en', '--filter', 'municipality=751', '--count', '3']);
  const expected = cliQuery(['--mode', 'families', '--filter', 'municipality=751']);
  const found = links(snippet);
  assert.deepEqual(found.slice(0, 3).map(([href]) => new URL(href).searchParams.get('rec')), expected.hits.slice(0, 3));
  for (const [href] of found) {
    assert.equal(new URL(href).searchParams.get('lang'), 'en');
    assert.equal(new URL(href).searchParams.get('mode'), 'families');
  }
  assert.match(snippet, /foster families found/);
});

test('an unknown preset is refused with a sentence, and nothing is printed', () => {
  const run = spawnSync(PAGE, ['--fallback', DIST, PAGE_URL, '--filter', 'municipality=Atlantis'], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /knows no such filter: municipality=Atlantis/);
});

test('inside <tilbuds-finder> without JavaScript the fallback\'s links are what the visitor sees', async () => {
  const snippet = fallback(['--filter', 'municipality=Aarhus', '--count', '4']);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="da"><body><main><tilbuds-finder municipality="Aarhus">${snippet}</tilbuds-finder></main></body></html>`);
    const visible = page.locator('tilbuds-finder .tilbudsfinder-fallback a');
    assert.equal(await visible.count(), 5);
    assert.ok(await visible.first().isVisible());
    await context.close();
  } finally {
    await browser.close();
  }
});

test('the demo page\'s widgets show the build\'s first results for their presets until they load', async () => {
  const widgets = [
    { id: 'widget-all', query: [], noun: 'tilbud' },
    { id: 'widget-families', query: ['--mode', 'families', '--filter', 'municipality=751'], noun: 'plejefamilier' },
  ];
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    // Without JavaScript: each widget's fallback is the engine's first five for its preset.
    const off = await browser.newContext({ javaScriptEnabled: false });
    const page = await off.newPage();
    await page.goto(`${server.url}demo/kommune.html`);
    for (const widget of widgets) {
      const expected = cliQuery(widget.query);
      const fallbackOf = page.locator(`#${widget.id} .tilbudsfinder-fallback`);
      assert.equal(
        (await fallbackOf.locator('p').first().textContent()).trim(),
        `${expected.total.toLocaleString('da-DK')} ${widget.noun} fundet`,
      );
      const records = await fallbackOf.locator('li a').evaluateAll((as) => as.map((a) => a.href));
      assert.deepEqual(records.map((href) => new URL(href).searchParams.get('rec')), expected.hits.slice(0, 5));
      for (const href of records) assert.equal(new URL(href).pathname, '/index.html');
      assert.ok(await fallbackOf.locator('li a').first().isVisible());
      // The widget's prerendered first view is in the page but not shown: its controls need
      // the script, the list's links do not.
      const view = page.locator(`#${widget.id} .tf-widget-view`);
      assert.equal(await view.count(), 1, 'the build wrote the widget\'s first view');
      assert.equal(await view.isVisible(), false);
    }
    await off.close();
    // With JavaScript: once a widget is ready its fallback is gone, and it counts what the fallback said.
    const on = await browser.newContext();
    const live = await on.newPage();
    await live.goto(`${server.url}demo/kommune.html`);
    for (const widget of widgets) {
      const host = live.locator(`#${widget.id}`);
      // The app has taken over the first view the build prerendered.
      await host.locator('.tf-widget-view').waitFor({ state: 'detached', timeout: 30000 });
      await host.locator('.tf-card').first().waitFor({ timeout: 30000 });
      const said = (await host.locator('.tilbudsfinder-fallback p').first().textContent()).trim();
      assert.equal(await host.locator('.tilbudsfinder-fallback').isVisible(), false);
      assert.match((await host.locator('.tf-results-title').textContent()).replace(/\s+/g, ' '), new RegExp(said.split(' ')[0].replace('.', '\\.')));
    }
    await on.close();
  } finally {
    await browser.close();
    server.stop();
  }
});
