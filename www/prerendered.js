// Runs before the page is first painted (a classic script in the head, not a module): the build
// prerendered the page's default view (Danish, nothing searched) into index.html, and an address
// that asks for something else (a search, a filter, an open record, English) must never flash
// that view before the app shows the right one. This marks the page so the stylesheet hides the
// prerendered view (`.tf-prerendered-hidden`: invisible, in its place until the app is ready),
// and www/main.js reads the same mark. Without JavaScript nothing runs, and the prerendered
// results are what the page shows.
(function markPrerenderedView() {
  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') || 'da';
  var searched = false;
  params.forEach(function (value, key) { if (key !== 'lang') searched = true; });
  if (searched || lang.indexOf('en') === 0) {
    document.documentElement.classList.add('tf-prerendered-hidden');
  }
}());
