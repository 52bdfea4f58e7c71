// Central hosting (issue 17, item 3): one publisher serves the widget, the app and the index
// (`tilbudsfinder serve --cors ORIGIN`), and a municipal page on another origin (another loopback
// port) embeds the widget from there under a strict Content-Security-Policy that allows the
// publisher's origin and nothing else. The widget finds its files by its own script URL, shows
// the engine's results, opens a record, and no request goes anywhere but those two origins.
// Without CORS on the publisher the embed does not load: the header is what makes it work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { INDEX_DIR, cliJson, launchBrowser, openPage, startServer } from '../lib/harness.mjs';
import { expectNoProblems, parseCount } from './search-lib.mjs';

const MUNICIPALITY = '751';

/** The municipal page: the documented snippet with the publisher's absolute URL. */
function hostPage(publisher) {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Aarhus Kommune: find et tilbud</title>
<script type="module" src="${publisher}widget.js"></script>
</head>
<body>
<main>
<h1>Find et tilbud</h1>
<tilbuds-finder municipality="${MUNICIPALITY}" heading-level="2"></tilbuds-finder>
</main>
</body>
</html>
`;
}

/** The host page's policy: only the publisher's origin, and wasm compilation. */
function hostPolicy(publisherOrigin) {
  return [
    "default-src 'none'",
    `script-src ${publisherOrigin} 'wasm-unsafe-eval'`,
    `style-src ${publisherOrigin}`,
    `connect-src ${publisherOrigin}`,
    `img-src ${publisherOrigin} data:`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** A server on a free loopback port that answers every path with `page()`. */
function startHost(page) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const { html, policy } = page();
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': policy,
        'Cache-Control': 'no-store',
      });
      res.end(html);
    });
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() });
    });
  });
}

let browser;
let host;
let publisher = null;
before(async () => {
  browser = await launchBrowser();
  host = await startHost(() => ({
    html: hostPage(publisher.url),
    policy: hostPolicy(new URL(publisher.url).origin),
  }));
});
after(async () => {
  await browser?.close();
  host?.stop();
});

/** Opens the host page with CSP violations and every request recorded from the start. */
function openHost() {
  return openPage(browser, host.url, { cspLog: true });
}

test('a page on another origin embeds the widget under a CSP that allows only the publisher', async () => {
  const hostOrigin = new URL(host.url).origin;
  publisher = await startServer({ args: ['--cors', hostOrigin] });
  try {
    const publisherOrigin = new URL(publisher.url).origin;
    assert.notEqual(publisherOrigin, hostOrigin);
    const { page, context, problems, requests } = await openHost();
    const title = page.locator('tilbuds-finder .tf-results-title');
    await title.waitFor({ timeout: 30000 });
    const expected = cliJson(['query', INDEX_DIR, '--json', '--filter', `municipality=${MUNICIPALITY}`]);
    assert.ok(expected.total > 0);
    await page.waitForFunction(
      (want) => {
        const h = document.querySelector('tilbuds-finder')?.shadowRoot?.querySelector('.tf-results-title');
        const m = h?.textContent.trim().match(/^([\d.]+)/);
        return h && (m ? Number(m[1].replaceAll('.', '')) : 0) === want;
      },
      expected.total,
      { timeout: 15000 },
    ).catch(async () => assert.equal(parseCount(await title.textContent()), expected.total));

    // A record opens: its detail file comes from the publisher too.
    await page.locator('tilbuds-finder .tf-card').first().getByRole('button', { name: /^Vis detaljer/ }).click();
    await page.locator('tilbuds-finder .tf-detail-section').first().waitFor({ timeout: 10000 });

    // Everything came from the publisher (by the widget's own URL), nothing from anywhere else.
    const elsewhere = requests.filter((r) => r !== host.url && new URL(r).origin !== publisherOrigin);
    assert.deepEqual(elsewhere, [], 'no request to any other origin');
    for (const file of ['widget.js', 'tilbudsfinder.css', 'app/tilbudsfinder_web.js',
      'app/tilbudsfinder_web_bg.wasm', 'index/manifest.json']) {
      assert.ok(requests.includes(`${publisher.url}${file}`), `${file} from the publisher`);
    }
    assert.ok(requests.some((r) => /\/index\/detail\.[0-9a-f]{16,}\.bin$/.test(r)), 'a detail file');
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
    expectNoProblems(problems);
    await context.close();
  } finally {
    publisher.stop();
  }
});

test('without CORS on the publisher the embed does not load (the header is what makes it work)', async () => {
  publisher = await startServer();
  try {
    const { page, context, problems } = await openHost();
    // Give the module request its time to fail; the element is never defined.
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && !problems.some((p) => /CORS/.test(p))) {
      await page.waitForTimeout(100);
    }
    assert.ok(problems.some((p) => /CORS/.test(p)), `a CORS error: ${problems.join('\n')}`);
    assert.equal(await page.evaluate(() => customElements.get('tilbuds-finder')), undefined);
    assert.equal(await page.locator('tilbuds-finder .tf-results-title').count(), 0);
    await context.close();
  } finally {
    publisher.stop();
  }
});
