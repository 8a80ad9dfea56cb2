// Saves docs/dashboard.png for the README: builds nothing itself, so run
//   npx astro build && node --import tsx scripts/screenshot.ts [--lang en|zh-CN]
// It serves dist/, loads the seeded demo book in a fresh Chromium profile with a
// fixed as-of date (so the picture is the same every run) and shoots the dashboard.
// Chinese text needs a CJK font: apt-get install fonts-noto-cjk.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../test/e2e/static-server';
import { setToday } from '../test/e2e/flows';

const AS_OF = '2026-06-30';
const langArg = process.argv.indexOf('--lang');
const lang = langArg > 0 ? process.argv[langArg + 1] : 'en';
if (lang !== 'en' && lang !== 'zh-CN') throw new Error(`--lang must be en or zh-CN, not ${String(lang)}`);

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('../docs/dashboard.png', import.meta.url));

const server = await startStaticServer(dist);
const profile = await mkdtemp(join(tmpdir(), 'overdue-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  locale: lang === 'en' ? 'en-US' : 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1280, height: 860 },
  deviceScaleFactor: 1,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  await page.goto(`${server.url}/settings/`);
  await page.evaluate((l) => localStorage.setItem('overdue.lang', l), lang);
  await page.reload();
  await setToday(page, AS_OF);
  await page.getByTestId('load-demo').click();
  // Loading is done when the progress bar has come and gone and a book is current.
  await page.getByTestId('demo-progress').waitFor({ state: 'visible' }).catch(() => undefined);
  await page.getByTestId('demo-progress').waitFor({ state: 'detached' });
  await page.waitForFunction(() => localStorage.getItem('overdue.book') !== null);

  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => {
    const total = document.querySelector('[data-testid="dash-total-open"]');
    return total !== null && /\d/.test(total.textContent ?? '');
  });
  await page.locator('[data-testid="aging-chart"] canvas').waitFor();
  // No focus ring on the date input in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Let chart.js finish its entry animation.
  await page.waitForTimeout(1500);
  await mkdir(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: out, type: 'png' });
  console.log(`wrote ${out}`);
} finally {
  await context.close();
  await server.stop();
  await rm(profile, { recursive: true, force: true });
}
