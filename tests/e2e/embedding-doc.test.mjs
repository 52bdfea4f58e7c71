// docs/embedding.md walked as a new municipal web editor would (issue 17): from a blank HTML page
// to a working embed, with the doc's snippets copied verbatim out of its fenced blocks. The built
// site is put under /tilbudsfinder/ of a scratch web root, as the doc says, and served by the
// real server with its strict Content-Security-Policy; where the doc says to move an inline
// script into a file of one's own under such a policy, the test does exactly that. If the doc's
// snippets change, this test runs the new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, INDEX_DIR, PAGE, cliJson, withServerAndBrowser } from '../lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DOC = path.resolve(here, '../../docs/embedding.md');

/** The doc's fenced blocks, in order: { lang, code }. */
function fencedBlocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

const blocks = fencedBlocks(readFileSync(DOC, 'utf8'));
const html = blocks.filter((b) => b.lang === 'html').map((b) => b.code);
const js = blocks.filter((b) => b.lang === 'js').map((b) => b.code);
const css = blocks.filter((b) => b.lang === 'css').map((b) => b.code);

/** The one block of `list` that contains `marker` (the test fails if the doc loses it). */
function block(list, marker) {
  const found = list.filter((code) => code.includes(marker));
  assert.equal(found.length, 1, `exactly one snippet in docs/embedding.md contains ${marker}`);
  return found[0];
}

/** A blank page as a web editor starts from, with `body` and optional own files. */
function blankPage(body, { scripts = [], styles = [] } = {}) {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Kommunens side</title>
<link rel="icon" href="data:,">
${styles.map((s) => `<link rel="stylesheet" href="${s}">`).join('\n')}
</head>
<body>
<h1>Kommunens side</h1>
${body}
${scripts.map((s) => `<script type="module" src="${s}"></script>`).join('\n')}
</body>
</html>
`;
}

// "Put the built site on any static host, for example under /tilbudsfinder/".
const site = withServerAndBrowser({
  scratch: (root) => cpSync(DIST, path.join(root, 'tilbudsfinder'), { recursive: true }),
});

async function open(file, options = {}) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  const outside = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('request', (r) => {
    if (!r.url().startsWith(site.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
  });
  await page.goto(site.url + file);
  return { page, context, problems, outside };
}

/** The count in a widget's results heading ("1.234 tilbud"). */
async function shownTotal(locator) {
  const text = await locator.locator('.tf-results-title').textContent();
  return Number(text.trim().match(/^([\d.]+)/)[1].replaceAll('.', ''));
}

async function waitForTotal(page, selector, want) {
  await page.waitForFunction(([sel, n]) => {
    const h = document.querySelector(sel)?.shadowRoot?.querySelector('.tf-results-title');
    const m = h?.textContent.trim().match(/^([\d.]+)/);
    return m && Number(m[1].replaceAll('.', '')) === n;
  }, [selector, want], { timeout: 30000 });
}

test('the doc has the snippets a new user copies', () => {
  assert.ok(html.length >= 4 && js.length >= 1 && css.length >= 2, `blocks: ${blocks.map((b) => b.lang)}`);
});

test('the snippet, the events and the theming on a blank page: a working, styled embed', async () => {
  const snippet = block(html, '<script type="module" src="/tilbudsfinder/widget.js"></script>');
  const events = block(js, "addEventListener('tilbudsfinder:results'");
  // The page's own elements the events snippet writes to, as its reader adds them.
  writeFileSync(path.join(site.dir, 'events.js'), events);
  writeFileSync(path.join(site.dir, 'theme.css'), css.join('\n'));
  writeFileSync(path.join(site.dir, 'side.html'), blankPage(
    `${snippet}\n<p id="count"></p>\n<p id="search-help" hidden>Ring til Borgerservice.</p>`,
    { scripts: ['events.js'], styles: ['theme.css'] },
  ));
  const { page, context, problems, outside } = await open('side.html');
  const municipality = snippet.match(/municipality="(\d+)"/)[1];
  const want = cliJson(['query', INDEX_DIR, '--json', '--filter', `municipality=${municipality}`]).total;
  assert.ok(want > 0, 'the sample has offers in the snippet\'s municipality');
  await waitForTotal(page, 'tilbuds-finder', want);
  const finder = page.locator('tilbuds-finder');
  assert.ok(await finder.locator('.tf-card').count() > 0, 'results are shown');
  // heading-level="2" from the snippet.
  assert.equal(await finder.locator('h2.tf-title').count(), 1);
  // The events snippet heard the count.
  await page.waitForFunction((n) => document.getElementById('count').textContent === `${n} tilbud`, want);
  assert.equal(await page.locator('#search-help').isHidden(), true, 'no error reported');
  // The theming snippets: the accent custom property and the ::part rules reach inside.
  const chipBackground = await finder.locator('.tf-chip').first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(chipBackground, 'rgb(122, 0, 25)', '::part(chip) applied');
  const titleFont = await finder.locator('.tf-title').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(titleFont, /Georgia/, '::part(title) applied');
  assert.deepEqual(outside, [], 'no request leaves the host');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the scripting snippet, its script in a file of one\'s own as the doc says for a strict CSP', async () => {
  const snippet = block(html, '<tilbuds-finder id="finder"');
  const [, element, script] = snippet.match(/^([\s\S]*?)<script type="module">\n([\s\S]*?)<\/script>\s*$/);
  writeFileSync(path.join(site.dir, 'scripting.js'), script);
  writeFileSync(path.join(site.dir, 'scripting.html'), blankPage(
    `<script type="module" src="/tilbudsfinder/widget.js"></script>\n${element}`,
    { scripts: ['scripting.js'] },
  ));
  const { page, context, problems } = await open('scripting.html');
  const want = cliJson(['query', INDEX_DIR, '--json', '--mode', 'families', '--filter', 'municipality=157']).total;
  await waitForTotal(page, '#finder', want);
  const finder = page.locator('#finder');
  assert.equal((await finder.locator('.tf-title').textContent()).trim(), 'Botilbud i Gentofte');
  assert.equal(await finder.getByRole('radio', { name: 'Kapacitet' }).count(), 0, 'noCapacity hides the view switch');
  assert.equal(await shownTotal(finder), want);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the fallback snippet shows without JavaScript and gives way to the search with it', async () => {
  const snippet = block(html, 'Søgningen kræver JavaScript');
  writeFileSync(path.join(site.dir, 'fallback.html'), blankPage(
    `<script type="module" src="/tilbudsfinder/widget.js"></script>\n${snippet}`,
  ));
  const off = await open('fallback.html', { javaScriptEnabled: false });
  assert.ok(await off.page.getByText('Søgningen kræver JavaScript').isVisible());
  await off.context.close();
  const on = await open('fallback.html');
  const want = cliJson(['query', INDEX_DIR, '--json', '--filter', 'municipality=157']).total;
  await waitForTotal(on.page, 'tilbuds-finder', want);
  assert.equal(await on.page.getByText('Søgningen kræver JavaScript').isVisible(), false);
  assert.deepEqual(on.problems, []);
  await on.context.close();
});

test('the preload hints and the widget\'s prerendered first view (--view): each hinted file fetched once, the view taken over in place', async () => {
  const hints = block(html, 'rel="modulepreload"');
  const command = blocks.filter((b) => b.lang === 'sh').map((b) => b.code).find((code) => code.includes('--view'));
  assert.ok(command, 'the doc shows the finisher with --view');
  // The doc's options, for this site: `... index.html \\n  OPTIONS > file`.
  const options = command.split('index.html')[1].split('>')[0].replaceAll('\\', ' ').trim().split(/\s+/);
  assert.ok(options.includes('--view') && options.includes('--heading-level'));
  const snippet = execFileSync(PAGE, ['--fallback', path.join(site.dir, 'tilbudsfinder'), '/tilbudsfinder/index.html', ...options], { encoding: 'utf8' });
  assert.match(snippet, /<template shadowrootmode="open">/);
  // The element says what the options said (the doc's example: Aarhus, level 2, ten results).
  const level = options[options.indexOf('--heading-level') + 1];
  const municipality = options[options.indexOf('--filter') + 1].split('=')[1];
  const count = options[options.indexOf('--count') + 1];
  const page = blankPage(`<tilbuds-finder municipality="${municipality}" heading-level="${level}" page-size="${count}">${snippet}</tilbuds-finder>`,
    { scripts: ['/tilbudsfinder/widget.js'] }).replace('</head>', `${hints}\n</head>`);
  writeFileSync(path.join(site.dir, 'view.html'), page);
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  const problems = [];
  const fetched = [];
  tab.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  tab.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  tab.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await tab.goto(site.url + 'view.html');
  // The live count is the one the build's fallback list states.
  const want = Number(snippet.match(/<p>([\d.]+) tilbud fundet<\/p>/)[1].replaceAll('.', ''));
  await waitForTotal(tab, 'tilbuds-finder', want);
  await tab.locator('tilbuds-finder .tf-widget-view').waitFor({ state: 'detached', timeout: 30000 });
  await tab.waitForTimeout(300);
  for (const href of [...hints.matchAll(/href="([^"]+)"/g)].map((m) => m[1])) {
    assert.equal(fetched.filter((p) => p === href).length, 1, `${href} fetched once`);
  }
  const shifts = await tab.evaluate(() => window.__shifts.reduce((sum, v) => sum + v, 0));
  assert.ok(shifts <= 0.02, `layout shifts sum to ${shifts}`);
  assert.equal(await tab.locator('tilbuds-finder .tf-card').count(), Number(count));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the iframe snippet embeds the search and sizes the frame to its content', async () => {
  const snippet = block(html, '<iframe src="/tilbudsfinder/embed.html');
  writeFileSync(path.join(site.dir, 'frame.html'), blankPage(snippet));
  const { page, context, problems } = await open('frame.html');
  const want = cliJson(['query', INDEX_DIR, '--json', '--mode', 'families', '--filter', 'municipality=751']).total;
  const frame = page.frameLocator('iframe.tilbudsfinder-frame');
  await frame.locator('.tf-results-title').waitFor({ timeout: 30000 });
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.tilbudsfinder-frame');
    const h = f?.contentDocument?.querySelector('.tf-results-title');
    return h && /^\d/.test(h.textContent.trim());
  }, null, { timeout: 30000 });
  assert.equal(await shownTotal(frame.locator('body')), want);
  assert.equal(await frame.locator('h1').first().count(), 1, 'heading-level=1 from the query string');
  // embed-resize.js: the frame grows to its content (more than the 150 px a frame has by default).
  await page.waitForFunction(() => document.querySelector('iframe.tilbudsfinder-frame').getBoundingClientRect().height > 400, null, { timeout: 15000 });
  assert.deepEqual(problems, []);
  await context.close();
});
