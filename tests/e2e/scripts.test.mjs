// The build scripts' behaviour on bad input and on a ready machine (issue 2): one clear line,
// never a stack of shell errors; a second setup does nothing and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(script, args = []) {
  const r = spawnSync(path.join(root, 'build', script), args, { encoding: 'utf8', timeout: 120000 });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

test('build/site with a missing catalogue stops with one clear line', () => {
  const r = run('site', ['/nonexistent/catalogue.jsonl']);
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr, 'site: error: catalogue not found: /nonexistent/catalogue.jsonl');
  assert.equal(r.stdout, '');
});

test('build/site with an unreadable or non-file catalogue stops with one clear line', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tf-site-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const folder = run('site', [dir]);
  assert.notEqual(folder.status, 0);
  assert.equal(folder.stderr, `site: error: catalogue is not a file: ${dir}`);

  // Root reads a file whatever its mode bits, so as root the unreadable case cannot be made;
  // running build/site on it would rebuild dist/ from it. Only other users can test it.
  if (process.getuid?.() !== 0) {
    const file = path.join(dir, 'catalogue.jsonl');
    writeFileSync(file, '{}\n');
    chmodSync(file, 0o000);
    const unreadable = run('site', [file]);
    assert.notEqual(unreadable.status, 0);
    assert.equal(unreadable.stderr, `site: error: catalogue is not readable: ${file}`);
  }
  const usage = run('site', ['a', 'b']);
  assert.notEqual(usage.status, 0);
  assert.equal(usage.stderr, 'site: error: usage: build/site [CATALOGUE]');
});

test('a second build/setup on a ready machine does nothing and says so', () => {
  const r = run('setup');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, 'setup: everything is installed; nothing to do');
});
