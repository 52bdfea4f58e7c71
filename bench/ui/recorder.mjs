// The in-page half of the browser benchmark (bench/ui/run.mjs): `recorder` is serialised and
// installed before any of the page's own scripts (playwright's addInitScript), in the top frame.
// It records, on the page's own clock (performance.now(), 0 = navigation start):
//
// - every Event Timing entry (PerformanceObserver 'event', durationThreshold 16: the method
//   behind Interaction to Next Paint) and every layout shift (for CLS);
// - the timestamp of every keydown and pointerdown (capture phase, so shadow roots included):
//   the start of each interaction;
// - every change of the tracked "answer signature" (the result count's text and the first cards'
//   ids, or what a phase tracks instead), with the time the frame after it was painted: a
//   MutationObserver sees the change, requestAnimationFrame waits for the frame that renders it,
//   and a message posted from that callback runs after the frame's style, layout and paint;
// - the first frame in which a result card is in the page with a size (cold first results),
//   polled once per animation frame from navigation start;
// - the first frame in which the search box is the live app's (`spec.interactive`: its input is
//   there and the view the build prerendered, which the app takes over, is gone; a widget's
//   prerendered view is in its shadow root).
//
// Not a module: it must stay one self-contained function.

export function recorder(spec) {
  if (window !== window.top) return;
  const state = {
    events: [], shifts: [], keys: [], pointers: [], changes: [], firstCard: null, firstFallback: null, interactive: null,
    tracked: spec.initial, lastSig: null,
  };
  // Called in a requestAnimationFrame callback: records once that frame's style, layout and
  // paint are done (a message posted now runs after them).
  const afterThisFrame = (record) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => record(performance.now());
    channel.port2.postMessage(0);
  };
  const afterFrame = (record) => requestAnimationFrame(() => afterThisFrame(record));
  const roots = (host) => (host
    ? [...document.querySelectorAll(host)].map((h) => h.shadowRoot ?? h)
    : [document]);
  const signature = () => {
    const s = spec.signatures[state.tracked];
    const parts = [];
    for (const root of roots(s.host)) {
      const count = s.count ? root.querySelector(s.count) : null;
      parts.push(count ? count.textContent.trim() : '');
      const items = [...root.querySelectorAll(s.items)].slice(0, s.maxItems ?? 5);
      parts.push(String(root.querySelectorAll(s.items).length));
      for (const item of items) parts.push(s.attr ? item.getAttribute(s.attr) : item.textContent.trim());
    }
    return parts.join('\u241f');
  };
  const observeChange = () => {
    const sig = signature();
    if (sig === state.lastSig) return;
    state.lastSig = sig;
    const change = { at: performance.now(), sig, frame: null };
    state.changes.push(change);
    afterFrame((t) => { change.frame = t; });
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      state.events.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId ?? 0 });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) state.shifts.push({ at: e.startTime, value: e.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('keydown', (e) => state.keys.push(e.timeStamp), { capture: true, passive: true });
  addEventListener('pointerdown', (e) => state.pointers.push(e.timeStamp), { capture: true, passive: true });
  new MutationObserver(observeChange)
    .observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
  // A card with a size that is not invisible (a prerendered view kept as an invisible placeholder
  // has sized cards: www/main.js).
  const cardShown = () => roots(spec.card.host).some((root) => [...root.querySelectorAll(spec.card.selector)]
    .some((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
    }));
  const interactive = () => {
    const i = spec.interactive;
    return roots(i.host).some((root) => root.querySelector(i.input))
      && !(i.prerendered && roots(i.host).some((root) => root.querySelector(i.prerendered)));
  };
  /**
   * Records the first painted frame in which `holds()`, checked once per animation frame (in
   * the frame's own callback, so that frame is the one recorded, not the one after it).
   */
  const firstFrameWhen = (holds, record) => {
    const poll = () => requestAnimationFrame(() => {
      if (holds()) afterThisFrame(record);
      else poll();
    });
    poll();
  };
  firstFrameWhen(cardShown, (t) => { state.firstCard = t; });
  // A widget's fallback (the build's first results in the host page, shown while it loads).
  if (spec.fallback) {
    const fallbackShown = () => [...document.querySelectorAll(spec.fallback)]
      .some((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
    firstFrameWhen(fallbackShown, (t) => { state.firstFallback = t; });
  }
  firstFrameWhen(interactive, (t) => { state.interactive = t; });
  window.__bench = {
    /** Starts a phase: forgets what was recorded and tracks the signature `name` from now on. */
    reset(name = state.tracked) {
      state.tracked = name;
      state.lastSig = signature();
      state.events = []; state.keys = []; state.pointers = []; state.changes = [];
      return { now: performance.now(), sig: state.lastSig };
    },
    /** What was recorded (plain data), and the current signature. */
    take() {
      observeChange();
      return {
        now: performance.now(), sig: state.lastSig, events: state.events, keys: state.keys,
        pointers: state.pointers, changes: state.changes, firstCard: state.firstCard, firstFallback: state.firstFallback,
        interactive: state.interactive, shifts: state.shifts,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        // Ours only: the app's User Timing measure of opening the index's initial files.
        openIndex: performance.getEntriesByName('tilbudsfinder:open-index')[0]?.duration ?? null,
        resources: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
          .map((r) => ({ name: r.name, end: r.responseEnd, bytes: r.transferSize })),
      };
    },
    /**
     * The time of the last signature change (for "wait until quiet"), and whether the page says it
     * is still busy (its count element's text matches the signature's `busyText`).
     */
    lastChange() {
      observeChange();
      const s = spec.signatures[state.tracked];
      const busy = Boolean(s.busyText) && roots(s.host).some((root) => new RegExp(s.busyText)
        .test(root.querySelector(s.count)?.textContent.trim() ?? ''));
      return { now: performance.now(), at: state.changes.at(-1)?.at ?? null, sig: state.lastSig, busy };
    },
  };
}
