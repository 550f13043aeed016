// Asks for the data of the view a link opens (its dataset's gallery, and the precomputed
// example where there is one) while the app's scripts load: the app's own fetches of them start
// only once React has rendered the page, and take these answers then (a fetch matches its
// preload). A classic script, not a module, so that it runs before them; kept in step with the
// app's choices (src/model/registry.ts samplePaths, src/app/session/precomputed.ts) by
// src/app/session/preload-view.test.ts.
(function () {
  // The loading words in index.html stay only if the app never renders (a script that failed to
  // load, a browser without modules): after a while they say so instead of waiting forever.
  setTimeout(function () {
    var note = document.querySelector('.boot-note');
    if (note)
      note.textContent =
        'Pathway Lens has not started. Reload the page; if this stays, this browser may not run it (it needs JavaScript modules and WebAssembly).';
  }, 20000);
  var query = new URLSearchParams(location.search);
  // The user's own model brings its own gallery, found once it has loaded. `?perf=baseline`
  // (src/lib/perf-baseline.ts) is the app as it was before the speed work: no early requests.
  if (query.get('modelUrl') || query.get('localModel') || query.get('perf') === 'baseline') return;
  var model = query.get('model') || 'mnist';
  var datasets = {
    mnist: 'mnist',
    fashion: 'fashion',
    'vgg-mnist': 'mnist',
    'vgg-fashion': 'fashion',
  };
  var dataset = datasets[model];
  // A model the app does not know falls back to its default one: ask for nothing.
  if (!dataset) return;
  var files = ['samples/' + dataset + '.json', 'samples/' + dataset + '.bin'];
  // The precomputed examples describe a gallery sample, never an image from the link.
  if ((model === 'mnist' || model === 'vgg-mnist') && !query.get('img'))
    files.push('precomputed/' + model + '-default.json');
  files.forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  });
})();
