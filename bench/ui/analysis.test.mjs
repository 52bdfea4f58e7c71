// The browser benchmark's arithmetic on made-up recordings: `node --test bench/ui/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figure, interactionDurations, quantile, resultsPainted } from './analysis.mjs';

test('quantiles interpolate between samples; none gives null', () => {
  assert.equal(quantile([10, 20, 30, 40], 0.5), 25);
  assert.equal(quantile([10, 20], 0.95), 19.5);
  assert.equal(quantile([], 0.5), null);
});

test('a figure counts interactions under the 16 ms threshold as 16 ms and says how many', () => {
  const f = figure([null, null, 40, 24], [0.1, 0.2, 0.3]);
  assert.equal(f.median, 20);
  assert.equal(f.n, 4);
  assert.equal(f.under16, 2);
  assert.deepEqual(f.load, [0.1, 0.2, 0.3]);
  assert.equal(figure([0.0123], [0, 0, 0], { digits: 3 }).median, 0.012);
});

test('each key takes the longest of its own entries; a key without one was under 16 ms', () => {
  const keys = [100, 220, 340];
  const events = [
    { name: 'keydown', start: 100, duration: 24 },
    { name: 'input', start: 101, duration: 56 },
    { name: 'keyup', start: 180, duration: 16 },
    { name: 'pointerdown', start: 230, duration: 200 }, // not a key event: ignored
    { name: 'keydown', start: 340, duration: 32 },
  ];
  assert.deepEqual(interactionDurations(keys, events, ['keydown', 'input', 'keyup']), [56, null, 32]);
});

test('a key\'s results are painted at the first frame showing its settled answer', () => {
  // Typed "a", "ab", "abc" at 0, 120, 240; the answers settle as A, B, C.
  const keys = [0, 120, 240];
  const settled = ['A', 'B', 'C'];
  const changes = [
    { at: 10, sig: 'A', frame: 20 },
    { at: 130, sig: 'B', frame: 145 },
    { at: 250, sig: 'C', frame: 262 },
  ];
  const r = resultsPainted(keys, changes, settled, 'empty');
  assert.deepEqual(r.samples, [20, 25, 22]);
  assert.equal(r.skipped, 0);
  assert.equal(r.unchanged, 0);
});

test('a debounced search shows only the last key\'s answer; an unchanged answer is left out', () => {
  const keys = [0, 120, 240, 360];
  const settled = ['A', 'B', 'B', 'C'];
  // Nothing until 300 ms after the last key, then a "searching" state and the last answer.
  const changes = [
    { at: 660, sig: 'searching', frame: 670 },
    { at: 900, sig: 'C', frame: 910 },
  ];
  const r = resultsPainted(keys, changes, settled, 'empty');
  assert.deepEqual(r.samples, [550]);
  assert.equal(r.skipped, 2); // "A" and the first "B" were never shown
  assert.equal(r.unchanged, 1); // the second "B" changed nothing
});

test('an answer painted only after a later key\'s answer does not count as shown', () => {
  const keys = [0, 120];
  const settled = ['A', 'B'];
  const changes = [{ at: 130, sig: 'B', frame: 140 }, { at: 150, sig: 'A', frame: 160 }];
  const r = resultsPainted(keys, changes, settled, 'empty');
  assert.deepEqual(r.samples, [20]);
  assert.equal(r.skipped, 1);
});
