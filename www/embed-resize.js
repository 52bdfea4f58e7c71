// For host pages that embed the iframe fallback: makes each Tilbudsfinder frame as tall as its
// content. Include it from your own server (copy the file): <script src="embed-resize.js"></script>
// It only accepts height messages from the frames' own windows.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'tilbudsfinder:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      frame.style.setProperty('height', `${Math.min(Math.max(data.height, 200), 20000)}px`);
    }
  }
});
