// The installable, offline shell on its own: manifest, icons, service worker precache
// and offline navigation of every built page. Independent of the UI's contents.
import { readFile, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, builtPages, openApp, waitForServiceWorker, type App } from './harness';
import { eventually, expectText } from './wait';

/** What the service worker must precache: every shell file of the build, relative to dist/. */
async function shellFiles(): Promise<string[]> {
  const entries = (await readdir(DIST, { recursive: true })).map((e) => e.split('\\').join('/'));
  return entries
    .filter((e) => /\.(html|js|css|svg|png|ico|woff2)$/.test(e))
    // The worker itself, its Workbox runtime and its imported helper are not precached.
    .filter((e) => e !== 'sw.js' && e !== 'sw-manifest.js' && !/^workbox-[\w-]+\.js$/.test(e))
    .sort();
}

describe('PWA shell', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves a valid manifest, its icons and a favicon without a single 404', async () => {
    await app.goto('/');
    const manifest = await app.page.evaluate(async () => {
      const res = await fetch('/manifest.webmanifest');
      return { type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
    });
    expect(manifest.type).toMatch(/^application\/manifest\+json/);
    expect(manifest.body).toMatchObject({
      name: 'Overdue 催收台', short_name: 'Overdue', start_url: '/', scope: '/', display: 'standalone', lang: 'zh-CN',
    });
    const icons = manifest.body.icons as { src: string; sizes: string; purpose?: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    const fetched = await app.page.evaluate(async (srcs) => {
      const out: string[] = [];
      for (const src of srcs) {
        const res = await fetch(src);
        const blob = await res.blob();
        const bitmap = await createImageBitmap(blob).catch(() => null);
        out.push(`${src} ${res.status} ${bitmap ? `${bitmap.width}x${bitmap.height}` : 'undecodable'}`);
      }
      return out;
    }, [...icons.filter((i) => i.src.endsWith('.png')).map((i) => i.src), '/icons/apple-touch-icon.png', '/favicon.ico']);
    expect(fetched).toEqual([
      '/icons/icon-192.png 200 192x192',
      '/icons/icon-512.png 200 512x512',
      '/icons/icon-512-maskable.png 200 512x512',
      '/icons/apple-touch-icon.png 200 180x180',
      // The .ico holds 16, 32 and 48 px images; the decoder picks one.
      expect.stringMatching(/^\/favicon\.ico 200 (16x16|32x32|48x48)$/),
    ]);
    expect(app.server.log.filter((r) => r.status === 404)).toEqual([]);
    app.assertNoErrors();
  });

  it('takes control of the first page it is installed from', async () => {
    await app.goto('/');
    await waitForServiceWorker(app.page);
    const state = await app.page.evaluate(() => ({
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
    }));
    expect(state.controller).toBe(app.url('/sw.js'));
  });

  it('precaches the whole app shell but not the manifest', async () => {
    const cached = await app.page.evaluate(async () => {
      const names = await caches.keys();
      const precache = names.find((n) => n.startsWith('workbox-precache'));
      if (!precache) return { names, urls: [] as string[] };
      const requests = await (await caches.open(precache)).keys();
      return { names, urls: requests.map((r) => new URL(r.url).pathname.slice(1)) };
    });
    expect(cached.urls.length, `caches: ${cached.names.join(', ')}`).toBeGreaterThan(0);
    expect([...cached.urls].sort()).toEqual(await shellFiles());
    expect(cached.urls).not.toContain('manifest.webmanifest');
    // The generated worker agrees: the manifest is nowhere in its precache list.
    expect(await readFile(`${DIST}sw.js`, 'utf8')).not.toMatch(/url:\s*"[^"]*manifest\.webmanifest"/);
  });

  it('shows storage use and asks for persistent storage once, on the settings page', async () => {
    await app.goto('/settings/');
    const usage = app.page.getByTestId('storage-usage');
    // Formatted through Intl: '12.3 kB used of 1.2 GB (0.001%)'.
    await expectText(usage, /\d.*(kB|MB|GB).*\d.*(kB|MB|GB|TB)/);
    const answer = await eventually(async () => {
      const v = await app.page.evaluate(() => localStorage.getItem('overdue.persist'));
      if (v !== 'granted' && v !== 'denied') throw new Error(`overdue.persist is ${String(v)}`);
      return v;
    });
    const persisted = await app.page.evaluate(() => navigator.storage.persisted());
    expect(answer).toBe(persisted ? 'granted' : 'denied');
    await expectText(app.page.getByTestId('storage-persistent'), persisted ? /on|开启/ : /off|未开启/);
    app.assertNoErrors();
  });

  it('serves every page offline, with any query string, from the precache', async () => {
    const pages = await builtPages();
    expect(pages).toContain('/');
    await app.server.stop();
    await app.context.setOffline(true);
    for (const path of pages) {
      const expected = await readFile(`${DIST}${path.slice(1)}index.html`, 'utf8');
      for (const variant of [path, `${path}?id=00000000-0000-4000-8000-000000000000&x=1`]) {
        const res = await app.page.goto(app.url(variant), { waitUntil: 'load' });
        expect(res?.status(), variant).toBe(200);
        expect(res?.fromServiceWorker(), variant).toBe(true);
        expect(await res?.text(), variant).toBe(expected);
      }
    }
    // A path that is no page falls back to the dashboard shell instead of the browser's offline error.
    const fallback = await app.page.goto(app.url('/no-such-page/'), { waitUntil: 'load' });
    expect(fallback?.fromServiceWorker()).toBe(true);
    expect(await fallback?.text()).toBe(await readFile(`${DIST}index.html`, 'utf8'));
    // The manifest, kept out of the precache, still comes from the worker's runtime copy.
    const manifest = await app.page.evaluate(async () => {
      const res = await fetch('/manifest.webmanifest');
      return ((await res.json()) as { short_name: string }).short_name;
    });
    expect(manifest).toBe('Overdue');
    app.assertNoErrors();
  });
});
