// What the two Chromium benches (bench/browser.ts, bench/browser-import.ts) share:
// building and copying the site, launching Chromium like the end-to-end tests do,
// collecting browser errors, small statistics, and the throw-away profiles.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, DIST } from '../test/e2e/harness';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

// The same flags as test/e2e/harness.ts.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export const step = process.env.BENCH_DEBUG ? (what: string) => console.error(`  [${new Date().toISOString().slice(11, 23)}] ${what}`) : () => {};

export const round = (ms: number) => Math.round(ms * 10) / 10;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

/** '¥1,234,567.89' -> 123456789 (minor units; the bench books are in CNY, two digits). */
export function minorOf(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!/\.\d{2}\D*$/.test(text) || digits === '') throw new Error(`not a CNY amount: ${JSON.stringify(text)}`);
  return (/[-−(]/.test(text) ? -1 : 1) * Number(digits);
}

/** Newest modification time of a file or of anything under a folder. */
function newest(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stats.mtimeMs);
}

/** Builds dist/ unless it is newer than every source (the bench must time the code in the tree). */
function ensureBuilt(force: boolean): string {
  const flag = force || process.argv.includes('--build') ? 'always' : process.argv.includes('--no-build') ? 'never' : 'auto';
  const built = newest(join(DIST, 'index.html'));
  const sources = Math.max(...['src', 'workers', 'public', 'astro.config.mjs'].map((p) => newest(join(ROOT, p))));
  if (flag === 'never' || (flag === 'auto' && built > sources)) {
    if (built === 0) throw new Error('dist/ is missing: run without --no-build');
    return `dist/ as built ${new Date(built).toISOString()}`;
  }
  const started = performance.now();
  console.log(built === 0 ? 'Building the site (dist/ missing)...' : 'Building the site (sources changed since dist/ was built)...');
  const res = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`astro build failed:\n${res.stdout}\n${res.stderr}`);
  return `dist/ built now in ${((performance.now() - started) / 1000).toFixed(0)} s`;
}

/**
 * A copy of dist/ in bench/out/<folder>/ of the bench's own, so a build running
 * meanwhile cannot change the files midway; checked that every file the service
 * worker precaches is there (a build was not caught midway).
 */
function snapshotSite(folder: string): string {
  const copy = fileURLToPath(new URL(`./out/${folder}/`, import.meta.url));
  rmSync(copy, { recursive: true, force: true });
  cpSync(DIST, copy, { recursive: true });
  let sw = '';
  try {
    sw = readFileSync(join(copy, 'sw.js'), 'utf8');
  } catch {
    throw new Error('dist/sw.js is missing');
  }
  const precached = [...sw.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1] ?? '');
  const missing = precached.filter((url) => newest(join(copy, url)) === 0);
  if (precached.length === 0 || missing.length > 0) throw new Error(`dist/ is incomplete (${missing.slice(0, 3).join(', ') || 'no precache list'})`);
  return copy;
}

/** Builds if needed and copies the site; another build running at the same time can spoil either, so try again. */
export async function prepareSite(folder: string): Promise<{ label: string; dir: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const label = ensureBuilt(attempt > 1);
      return { label, dir: snapshotSite(folder) };
    } catch (e) {
      if (attempt === 3 || process.argv.includes('--no-build')) throw e;
      console.log(`${e instanceof Error ? e.message.split('\n')[0] : String(e)}: another build at the same time? Building again in 10 s.`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}

/**
 * Chromium on a persistent profile, as the product's own user (Chinese UI, Beijing
 * time), with the bench's init script; console errors, page errors and HTTP errors
 * go into `errors`.
 */
export async function launch(profile: string, initScript: string, errors: string[], timeout: number): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 860 }, serviceWorkers: 'allow',
  });
  context.setDefaultTimeout(timeout);
  await context.addInitScript({ content: initScript });
  context.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  context.on('weberror', (e) => errors.push(`page error: ${e.error().stack ?? e.error().message}`));
  context.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return context;
}

/** Chromium's version line, machine and load average, for the report's heading. */
export function environment(): { version: string; machine: string; load: () => string } {
  let version = '?';
  try {
    version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Only a label.
  }
  return {
    version,
    machine: `${cpus().length} cores, Node ${process.version}`,
    load: () => loadavg().map((n) => n.toFixed(1)).join(' '),
  };
}

/** Throw-away profiles, removed on exit, also when interrupted (Playwright closes the browsers itself). */
export const profiles = new Set<string>();
process.on('exit', () => {
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
