// The arithmetic of the browser benchmark (bench/ui/run.mjs), apart from the browser so that it
// can be checked on made-up recordings (analysis.test.mjs): quantiles, figures, which Event Timing
// entries belong to which interaction, and when each key's answer was painted.

export function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * A figure: median and p95 of `samples` (numbers; `null` for an interaction Chromium reported
 * under its 16 ms threshold, counted as 16 ms, an upper bound), with the load average before it.
 */
export function figure(samples, load, { digits = 1, ...extra } = {}) {
  const values = samples.map((v) => (v === null ? 16 : v)).sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
  return {
    median: round(quantile(values, 0.5)), p95: round(quantile(values, 0.95)), n: values.length,
    under16: samples.filter((v) => v === null).length, load, samples: samples.map(round), ...extra,
  };
}

/** For each interaction start, the longest Event Timing entry that began in its window (null: < 16 ms). */
export function interactionDurations(starts, events, names) {
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? Infinity;
    const own = events.filter((e) => names.includes(e.name) && e.start >= start - 1 && e.start < end - 1);
    return own.length ? Math.max(...own.map((e) => e.duration)) : null;
  });
}

/**
 * Keystroke -> results painted: for key k, the first frame after a change to the settled answer
 * for the text typed so far, unless a later key's answer was painted first (then the key's
 * answer was never shown). Keys whose settled answer equals the previous one are left out.
 */
export function resultsPainted(keys, changes, settled, before) {
  const out = [];
  let skipped = 0;
  let unchanged = 0;
  keys.forEach((t, k) => {
    const previous = k === 0 ? before : settled[k - 1];
    if (settled[k] === previous) { unchanged += 1; return; }
    const later = new Set(settled.slice(k + 1).filter((s) => s !== settled[k]));
    for (const c of changes) {
      if (c.at < t) continue;
      if (later.has(c.sig)) break;
      if (c.sig === settled[k] && c.frame !== null) { out.push(c.frame - t); return; }
    }
    skipped += 1;
  });
  return { samples: out, skipped, unchanged };
}
