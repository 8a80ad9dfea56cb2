// End-to-end harness: serves the built site (dist/) on a free loopback port and drives
// Debian's Chromium through playwright-core in a fresh, throw-away profile.
// Every console error, uncaught page error and HTTP error response is collected so
// each test can assert that the app ran cleanly.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface AppOptions {
  /** navigator.language; decides the default UI language. */
  locale?: string;
  /** The browser's time zone: a test can pick one far from UTC to catch date shifts. */
  timezoneId?: string;
  viewport?: { width: number; height: number };
  /** Serve from this already running server (two devices on one origin); it is left running on close. */
  server?: StaticServer;
}

export interface App {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught errors and HTTP >= 400 responses, in order. */
  errors: string[];
  /** Absolute URL of a site path such as '/customers/'. */
  url(path: string): string;
  /** Navigates and waits for the page's scripts to load. */
  goto(path: string): Promise<void>;
  /** Throws with the list if anything went wrong in the browser (optionally ignoring some). */
  assertNoErrors(ignore?: RegExp[]): void;
  close(): Promise<void>;
}

export async function openApp(options: AppOptions = {}): Promise<App> {
  const shared = options.server;
  const server = shared ?? (await startStaticServer(DIST));
  const profile = await mkdtemp(join(tmpdir(), 'overdue-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: options.locale ?? 'en-US',
      timezoneId: options.timezoneId ?? 'Asia/Shanghai',
      viewport: options.viewport ?? { width: 1280, height: 860 },
      serviceWorkers: 'allow',
    });
  } catch (err) {
    if (!shared) await server.stop();
    await rm(profile, { recursive: true, force: true });
    throw err;
  }

  const errors: string[] = [];
  context.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  context.on('weberror', (e) => errors.push(`page error: ${e.error().stack ?? e.error().message}`));
  context.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);

  const url = (path: string) => new URL(path, server.url).href;
  let closed = false;
  return {
    server,
    context,
    page,
    errors,
    url,
    async goto(path) {
      await page.goto(url(path), { waitUntil: 'load' });
    },
    assertNoErrors(ignore = []) {
      const real = errors.filter((e) => !ignore.some((re) => re.test(e)));
      if (real.length > 0) throw new Error(`Errors in the browser:\n${real.join('\n')}`);
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      if (!shared) await server.stop();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Every page of the build as a site path: 'index.html' -> '/', 'customers/index.html' -> '/customers/'. */
export async function builtPages(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(DIST, { recursive: true });
  return entries
    .map((e) => e.split('\\').join('/'))
    .filter((e) => e === 'index.html' || e.endsWith('/index.html'))
    .map((e) => `/${e.slice(0, -'index.html'.length)}`)
    .sort();
}

/**
 * Waits until the page is controlled by the site's service worker. Registers /sw.js if
 * the page has not (the UI's UpdatePrompt normally does), so the worker's configuration
 * can be checked on its own.
 */
export async function waitForServiceWorker(page: Page, { register = true }: { register?: boolean } = {}): Promise<void> {
  await page.evaluate(async (register) => {
    const sw = navigator.serviceWorker;
    if (register && !(await sw.getRegistration('/'))) await sw.register('/sw.js', { scope: '/' });
    await sw.ready;
    if (!sw.controller) {
      await new Promise<void>((resolve) => sw.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  }, register);
}
