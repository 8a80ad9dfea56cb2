// Imported by the generated service worker (Workbox importScripts, see astro.config.mjs).
// The web manifest is deliberately kept out of the precache; this puts one copy in its
// runtime cache when a version installs, so a launch with no network still finds it.
// The runtime route (StaleWhileRevalidate, same cache name) keeps it fresh online.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open('overdue-manifest')
      .then((cache) => cache.add('/manifest.webmanifest'))
      // A failed copy must not fail the install: the app works without its manifest.
      .catch(() => undefined),
  );
});
