// The session's two reads (who is signed in, which tenants they may open) and the first reads of
// the main page being opened start as soon as the page is parsed, not once the app's JavaScript
// (about 110 KB gzip) has arrived and run: src/api/client.ts takes the answers over (docs/adr/0031).
// Inline in index.html (vite.config.ts earlySessionInline; the CSP allows it by its hash), so the
// reads start while the page is parsed, without a request for the script first; plain ES5-era code
// because it runs before anything else.
(function () {
  var token = sessionStorage.getItem('ronghe.token');
  if (!token || !window.fetch) return;
  var init = { headers: { accept: 'application/json', authorization: 'Bearer ' + token } };
  window.__rongheEarly = {
    token: 'Bearer ' + token,
    at: performance.now(),
    reads: { '/api/me': fetch('/api/me', init), '/api/tenants': fetch('/api/tenants', init) },
  };
  // A main page opened at its plain address: its first reads too (the table is src/early-reads.ts).
  var page = /^\/t\/([^/]+)\/([^/]+)$/.exec(location.pathname);
  var table = document.getElementById('ronghe-early-reads');
  var paths = page && !location.search && table ? JSON.parse(table.textContent || '{}')[page[2]] : undefined;
  // Reads of the current month, as the page's dayjs() would ask on the browser's clock (src/early-reads.ts).
  var now = new Date();
  var day = function (d) {
    var m = d.getMonth() + 1;
    var n = d.getDate();
    return d.getFullYear() + '-' + (m < 10 ? '0' : '') + m + '-' + (n < 10 ? '0' : '') + n;
  };
  var monthStart = day(new Date(now.getFullYear(), now.getMonth(), 1));
  var monthEnd = day(new Date(now.getFullYear(), now.getMonth() + 1, 0));
  // A read some roles are refused: skipped when the actions GET /tenants gave in this tab (src/api/client.ts
  // knownActions) lack the one it needs; started when none are kept.
  var needsBlock = document.getElementById('ronghe-early-read-actions');
  var needs = needsBlock ? JSON.parse(needsBlock.textContent || '{}') : {};
  var known = null;
  try {
    known = JSON.parse(sessionStorage.getItem('ronghe.actions') || 'null');
  } catch (e) {
    known = null;
  }
  var mine = known && page ? known[decodeURIComponent(page[1])] : undefined;
  for (var j = 0; Array.isArray(paths) && j < paths.length; j++) {
    if (needs[paths[j]] && Array.isArray(mine) && mine.indexOf(needs[paths[j]]) < 0) continue;
    var url = '/api/t/' + page[1] + paths[j].replace('{monthStart}', monthStart).replace('{monthEnd}', monthEnd);
    window.__rongheEarly.reads[url] = fetch(url, init);
  }
  // A signed-in visitor will draw the sidebar layout: its files (listed at build time in index.html)
  // start downloading now, beside the entry, rather than once the entry has run.
  var list = document.getElementById('ronghe-signed-in');
  var files = list ? JSON.parse(list.textContent || '[]') : [];
  // And, for a main page, the page's own files (whatever its query string: the code is the same).
  var pagesBlock = document.getElementById('ronghe-page-files');
  var pageFiles = page && pagesBlock ? JSON.parse(pagesBlock.textContent || '{}')[page[2]] : undefined;
  if (Array.isArray(pageFiles)) files = files.concat(pageFiles);
  for (var i = 0; i < files.length; i++) {
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    // As vite's own preload links: the same request the module graph makes, so it is reused.
    link.crossOrigin = '';
    link.href = files[i];
    document.head.appendChild(link);
  }
})();
