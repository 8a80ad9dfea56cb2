// @ts-check
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import AstroPWA from '@vite-pwa/astro';

/**
 * Keep precache URLs as the files Astro wrote ('customers/index.html'), instead of the
 * integration's default rewrite to 'customers' (no slash), which a request for
 * '/customers/' never matches. Workbox's directoryIndex then maps '/customers/' and
 * '/customer/?id=…' (query ignored) to the right precached page.
 * @param {import('workbox-build').ManifestEntry[]} entries
 */
async function keepFileUrls(entries) {
  return { manifest: entries, warnings: [] };
}

export default defineConfig({
  server: { port: 4321, host: '127.0.0.1' },
  preview: { port: 4321, host: '127.0.0.1' },
  build: { format: 'directory' },
  integrations: [
    solid(),
    AstroPWA({
      strategies: 'generateSW',
      // A new version waits until the user accepts the update prompt (src/ui/pwa/UpdatePrompt.tsx),
      // which posts SKIP_WAITING; the generated worker listens for it. No auto skipWaiting.
      registerType: 'prompt',
      // UpdatePrompt registers /sw.js itself through workbox-window.
      injectRegister: false,
      // public/manifest.webmanifest is hand-written; the plugin must not generate or precache one.
      manifest: false,
      workbox: {
        // The app shell: every page, script (the analytics worker bundle included), style, icon and font.
        globPatterns: ['**/*.{html,js,css,svg,png,ico,woff2}'],
        globIgnores: ['**/node_modules/**/*', 'sw.js', 'workbox-*.js', 'sw-manifest.js', 'manifest.webmanifest'],
        manifestTransforms: [keepFileUrls],
        // The worker bundle carries the demo generator and chart.js is sizeable: allow up to 5 MiB a file.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // '/customers/' -> 'customers/index.html' (Astro's directory output).
        directoryIndex: 'index.html',
        // Detail pages take their record from the query ('/customer/?id=X'): any query
        // still finds the one precached page.
        ignoreURLParametersMatching: [/.*/],
        // A navigation to a path that is not a page (or '/customers' without its slash) offline.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/sw\.js$/, /^\/workbox-/],
        // The first install takes control of the open page at once, so it works offline
        // without a reload; later versions wait for the prompt (no skipWaiting here).
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        // The manifest is not in the precache; public/sw-manifest.js puts a copy in this runtime
        // cache at install, so an offline launch still finds it, and this route serves it.
        importScripts: ['/sw-manifest.js'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname === '/manifest.webmanifest',
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'overdue-manifest' },
          },
        ],
      },
    }),
  ],
  vite: {
    worker: { format: 'es' },
  },
});
