/* Lan Tỏa service worker: static files cache-first, lessons and quizzes network-first with the saved copy offline. */
const STATIC = "lantoa-static-{{ version }}";
const PAGES = "lantoa-pages";
const SAVED_PREFIXES = ["/bai-hoc/", "/quiz/"];
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll({{ static_urls|safe }})).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("lantoa-static-") && k !== STATIC).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (!SAVED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && request.mode === "navigate") {
          const copy = response.clone();
          caches.open(PAGES).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreVary: true, ignoreSearch: true }).then((hit) => hit || Response.error()))
  );
});
