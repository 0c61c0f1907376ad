/* Lan Tỏa service worker. Static files: cache-first. Worker pages: network-first, the last copy when offline;
   the pages apps declare (core.registry `offline_pages`) are stored at install, so one visit is enough.
   Any other page asked for offline gets the Vietnamese offline page, never the browser's error. */
const STATIC = "lantoa-static-{{ version }}";
const PAGES = "lantoa-pages";
const KEPT = {{ page_urls|safe }};
const OFFLINE = "{{ offline_url }}";
const SAVED_PREFIXES = ["/bai-hoc/", "/quiz/", "/phap-luat/so-tay/"];
const NEVER = ["/office/", "/cms/", "/django-admin/", "/api/", "/documents/", "/voice/office/"];
self.addEventListener("install", (event) => {
  // One page that fails to load must not stop the others from being kept. Without cookies: a page fetched here
  // must not set a new CSRF cookie while the reader is filling a form opened at the same moment (the enterprise
  // context these copies lack is kept on the phone by core/behaviours.js).
  const pages = caches.open(PAGES).then((cache) => Promise.all(KEPT.map((url) => fetch(url, { credentials: "omit" }).then((r) => keep(cache, url, r)).catch(() => null))));
  event.waitUntil(Promise.all([caches.open(STATIC).then((cache) => cache.addAll({{ static_urls|safe }})), pages]).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("lantoa-static-") && k !== STATIC).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});
// A redirected answer cannot stand in for a page the browser navigates to: keep only direct ones.
function keep(cache, path, response) {
  return response.ok && !response.redirected ? cache.put(path, response) : null;
}
function kept(url) {
  return KEPT.includes(url.pathname) || SAVED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix));
}
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (NEVER.some((prefix) => url.pathname.startsWith(prefix))) return;
  const navigate = request.mode === "navigate";
  if (!navigate && !kept(url)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        // A search (?q=…) is not kept: offline, the page's own script searches the kept copy.
        if (kept(url) && !url.search) {
          const copy = response.clone();
          caches.open(PAGES).then((cache) => keep(cache, url.pathname, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(url.pathname, { ignoreVary: true })
          .then((hit) => hit || (navigate ? caches.match(OFFLINE) : undefined))
          .then((hit) => hit || Response.error())
      )
  );
});
