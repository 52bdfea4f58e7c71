// The nginx recipe of docs/hosting.md, tested on a real nginx (issue 17, item 4): the
// configuration is copied out of the doc (only `listen` and `root` are replaced), Debian's nginx
// runs it as the current user from a temporary folder on a free loopback port, serving the built
// site, and the search works in Chromium: results appear, typing narrows them, a record opens.
// Over raw HTTP: wasm as application/wasm, content-hashed files cached for good and the manifest
// revalidated (304), the build's own FILE.gz sent as it is, `gzip;q=0` answered without gzip,
// and the doc's Content-Security-Policy is the one `tilbudsfinder serve` sends.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, launchBrowser, startServer } from '../lib/harness.mjs';
import {
  cliQuery, expectIds, expectNoProblems, expectTotal, openSearch, shownIds, shownTotal, waitForResults,
} from './search-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.resolve(DIST);
const NGINX = process.env.TF_NGINX ?? '/usr/sbin/nginx';

/** The ```nginx block of the "## nginx" section of docs/hosting.md, verbatim. */
function documentedConfig() {
  const doc = readFileSync(path.join(root, 'docs/hosting.md'), 'utf8');
  const section = doc.split('\n## nginx\n')[1]?.split('\n## ')[0];
  assert.ok(section, 'docs/hosting.md has a "## nginx" section');
  const block = section.match(/```nginx\n([\s\S]*?)```/);
  assert.ok(block, 'the nginx section has an ```nginx block');
  return block[1];
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One request over raw HTTP (no decompression): { status, headers, body }. */
function request(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Starts nginx with the documented config; resolves to { url, stop }. */
async function startNginx() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tf-nginx-'));
  const port = await freePort();
  const documented = documentedConfig();
  const config = documented
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /var/www/tilbudsfinder;', `root ${site};`);
  assert.ok(config.includes(`listen 127.0.0.1:${port};`) && config.includes(`root ${site};`),
    'the documented config has `listen 80;` and `root /var/www/tilbudsfinder;` to replace');
  writeFileSync(path.join(dir, 'tilbudsfinder.conf'), config);
  // What Debian's /etc/nginx/nginx.conf gives the conf.d files, with every path in `dir`.
  const user = userInfo();
  writeFileSync(path.join(dir, 'nginx.conf'), `
${user.uid === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/tilbudsfinder.conf;
}
`);
  const child = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  child.on('error', (err) => { exited = err.message; });
  const url = `http://127.0.0.1:${port}/`;
  const log = () => {
    try { return readFileSync(path.join(dir, 'error.log'), 'utf8'); } catch { return ''; }
  };
  const deadline = Date.now() + 15000;
  for (;;) {
    if (exited !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx (${NGINX}) stopped (${exited}); run ./build/setup to install it\n${stderr}${log()}`);
    }
    try {
      if ((await request(url)).status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`nginx did not answer on ${url}\n${stderr}${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (exited === null) {
        const stopped = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await stopped;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let nginx;
let browser;
before(async () => {
  nginx = await startNginx();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
});

const hashedFile = () => readdirSync(path.join(site, 'index')).find((n) => /^core\.[0-9a-f]{16,}\.bin$/.test(n));

test('nginx with the documented config: results appear, typing narrows them, a record opens', async () => {
  const { page, context, problems } = await openSearch({ browser, url: nginx.url });
  const responses = [];
  page.on('response', (r) => responses.push(r));
  const all = cliQuery([]);
  assert.ok(all.total > 0);
  assert.equal(await shownTotal(page), all.total);
  await expectIds(page, all.hits);

  const input = page.getByLabel('Søg i tilbud');
  await input.fill('bo');
  const narrowed = cliQuery(['--text', 'bo']);
  assert.ok(narrowed.total < all.total, 'the query narrows the results');
  await expectTotal(page, narrowed.total);
  await expectIds(page, narrowed.hits);

  await page.locator('.tf-card').first().getByRole('button', { name: /^Vis detaljer/ }).click();
  await page.locator('.tf-detail-section').first().waitFor({ timeout: 10000 });
  assert.equal(await page.locator('.tf-detail [role="alert"]').count(), 0, 'the record opened');
  const detail = responses.find((r) => /\/index\/detail\.[0-9a-f]{16,}\.bin$/.test(r.url()));
  assert.ok(detail, 'the record came from a detail file');
  const headers = await detail.allHeaders();
  assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(headers['content-encoding'], 'gzip');
  expectNoProblems(problems);
  await context.close();
});

test('the browser gets the wasm as application/wasm, gzipped, and the manifest revalidated', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(`${nginx.url}index.html`);
  await waitForResults(page);
  const byName = (re) => responses.find((r) => re.test(new URL(r.url()).pathname));
  const wasm = await byName(/\/app\/tilbudsfinder_web_bg\.wasm$/).allHeaders();
  assert.equal(wasm['content-type'], 'application/wasm');
  assert.equal(wasm['content-encoding'], 'gzip');
  assert.equal(wasm['cache-control'], 'no-cache');
  const core = await byName(/\/index\/core\.[0-9a-f]{16,}\.bin$/).allHeaders();
  assert.equal(core['cache-control'], 'public, max-age=31536000, immutable');
  const manifest = await byName(/\/index\/manifest\.json$/).allHeaders();
  assert.equal(manifest['cache-control'], 'no-cache');
  await context.close();
});

test('over HTTP: FILE.gz as built, q=0 honoured, 304 on revalidation, the CSP of serve', async () => {
  const wasmPath = 'app/tilbudsfinder_web_bg.wasm';
  const gz = await request(`${nginx.url}${wasmPath}`, { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(gz.status, 200);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers.vary ?? '', /Accept-Encoding/);
  assert.ok(gz.body.equals(readFileSync(path.join(site, `${wasmPath}.gz`))), 'the build\'s own .gz, byte for byte');

  for (const accept of ['gzip;q=0', 'identity', '']) {
    const plain = await request(`${nginx.url}${wasmPath}`, { 'Accept-Encoding': accept });
    assert.equal(plain.headers['content-encoding'], undefined, `Accept-Encoding: ${accept}`);
    assert.ok(plain.body.equals(readFileSync(path.join(site, wasmPath))), `Accept-Encoding: ${accept}`);
  }

  const manifestUrl = `${nginx.url}index/manifest.json`;
  const first = await request(manifestUrl, { 'Accept-Encoding': 'gzip' });
  assert.equal(first.headers['cache-control'], 'no-cache');
  assert.ok(first.headers.etag && first.headers['last-modified'], 'an ETag and a Last-Modified');
  const again = await request(manifestUrl, { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  const since = await request(manifestUrl, { 'Accept-Encoding': 'gzip', 'If-Modified-Since': first.headers['last-modified'] });
  assert.equal(since.status, 304);

  const hashed = await request(`${nginx.url}index/${hashedFile()}`);
  assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(hashed.headers['access-control-allow-origin'], '*');
  assert.equal(hashed.headers['x-content-type-options'], 'nosniff');

  // One policy: the doc's is the one `tilbudsfinder serve` sends.
  const serve = await startServer();
  try {
    const ours = await request(`${serve.url}index.html`);
    const theirs = await request(`${nginx.url}index.html`);
    assert.ok(ours.headers['content-security-policy']);
    assert.equal(theirs.headers['content-security-policy'], ours.headers['content-security-policy']);
  } finally {
    serve.stop();
  }
});
