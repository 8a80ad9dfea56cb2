// npm run bench (sync part in the browser), or npm run bench:sync-browser alone: a
// 20,000-invoice demo book synced between two Chromium profiles (laptop and tablet)
// through the sync server on loopback, driven through the UI as a user would:
// the laptop's first sync (saving the settings), the tablet joining by book id until
// its dashboard shows the book, then 10 customers renamed on the laptop, pushed with
// "Sync now" and pulled on the tablet. Time from the click until the sidebar shows
// the sync done, and bytes of request and response bodies to the sync server.
// BENCH_SYNC_SIZE picks another size. Writes bench/out/browser-sync.json.
// Not a test: it asserts only that the tablet ends with the laptop's figures.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_OPTIONS } from '../src/sync-server/options';
import { startSyncServer } from '../src/sync-server/server';
import { fillField, formWith, setToday } from '../test/e2e/flows';
import { startStaticServer } from '../test/e2e/static-server';
import { environment, launch, prepareSite, profiles, round, step } from './browser-kit';

const INVOICES = Number(process.env.BENCH_SYNC_SIZE ?? 20_000);
const CUSTOMERS = Math.max(20, Math.round(INVOICES / 17));
const AS_OF = '2025-06-30';
const TOKEN = 'bench-sync';
const PHASE_TIMEOUT = 15 * 60_000;
const TIMEOUT = 120_000;

interface Row { case: string; ms: number; up: number; down: number; detail?: string }
const rows: Row[] = [];

/** Bytes of bodies to and from the sync server, counted per context. */
function meter(context: BrowserContext, prefix: string) {
  const total = { up: 0, down: 0 };
  context.on('requestfinished', (req) => {
    if (!req.url().startsWith(prefix)) return;
    void req.sizes().then((s) => {
      total.up += s.requestBodySize;
      total.down += s.responseBodySize;
    }).catch(() => undefined);
  });
  return { read: () => ({ ...total }) };
}

async function lastSync(page: Page): Promise<string> {
  return (await page.getByTestId('sync-status').getAttribute('data-last-sync', { timeout: 5_000 }).catch(() => '')) ?? '';
}

async function until(check: () => Promise<boolean>, timeout = PHASE_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measure(label: string, m: { read(): { up: number; down: number } }, act: () => Promise<void>, done: () => Promise<boolean>, detail?: () => Promise<string>): Promise<void> {
  const before = m.read();
  const started = Date.now();
  await act();
  await until(done);
  const ms = Date.now() - started;
  await new Promise((r) => setTimeout(r, 300)); // let the last sizes arrive
  const after = m.read();
  const row: Row = { case: label, ms: round(ms), up: after.up - before.up, down: after.down - before.down, ...(detail ? { detail: await detail() } : {}) };
  rows.push(row);
  console.log(`${label.padEnd(58)} ${String(row.ms).padStart(9)} ms  up ${(row.up / 1024).toFixed(1)} kB, down ${(row.down / 1024).toFixed(1)} kB${row.detail ? `  ${row.detail}` : ''}`);
}

async function fillSync(page: Page, field: string, url: string): Promise<void> {
  const form = formWith(page, field);
  await fillField(form, 'target', 'server');
  await fillField(form, 'url', url);
  await fillField(form, 'token', TOKEN);
  await fillField(form, 'intervalMinutes', '0');
}

async function main(): Promise<void> {
  const env = environment();
  console.log(`Overdue sync in the browser: ${env.version}, ${env.machine}, load ${env.load()}\n${INVOICES} invoices, ${CUSTOMERS} customers\n`);
  const { label: site, dir } = await prepareSite('site-sync');
  const web = await startStaticServer(dir);
  const data = await mkdtemp(join(tmpdir(), 'overdue-bench-sync-'));
  const server = await startSyncServer({ ...DEFAULT_OPTIONS, port: 0, dir: data, token: TOKEN, quiet: true, origins: [new URL(web.url).origin], maxBytes: 64 * 1024 * 1024 });
  const url = `${server.url}/bench/`;
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  try {
    const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
      const profile = mkdtempSync(join(tmpdir(), 'overdue-bench-sync-profile-'));
      profiles.add(profile);
      const context = await launch(profile, '', errors, TIMEOUT);
      contexts.push(context);
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    };
    const laptop = await open();
    const tablet = await open();
    const lm = meter(laptop.context, server.url);
    const tm = meter(tablet.context, server.url);
    const go = (page: Page, path: string) => page.goto(new URL(path, web.url).href, { waitUntil: 'load' });

    step('demo book');
    await go(laptop.page, '/settings/');
    await setToday(laptop.page, AS_OF);
    await laptop.page.locator('[name="demoCustomers"]').fill(String(CUSTOMERS));
    await laptop.page.locator('[name="demoInvoices"]').fill(String(INVOICES));
    await laptop.page.getByTestId('load-demo').click();
    await until(async () => (await laptop.page.evaluate(() => localStorage.getItem('overdue.book'))) !== null && (await laptop.page.getByTestId('demo-progress').count()) === 0);
    const bookId = (await laptop.page.evaluate(() => localStorage.getItem('overdue.book'))) ?? '';
    await go(laptop.page, '/');
    const total = (await laptop.page.getByTestId('dash-total-open').textContent({ timeout: PHASE_TIMEOUT })) ?? '';

    step('first sync');
    await go(laptop.page, '/settings/');
    await fillSync(laptop.page, 'url', url);
    await measure('first sync: laptop saves the settings, pushes the book', lm,
      () => formWith(laptop.page, 'url').getByTestId('save').click(),
      async () => (await lastSync(laptop.page)) !== '');

    step('join');
    await go(tablet.page, '/settings/');
    await setToday(tablet.page, AS_OF);
    await tablet.page.getByTestId('join-book').click();
    await fillField(formWith(tablet.page, 'bookId'), 'bookId', bookId);
    await fillSync(tablet.page, 'bookId', url);
    await measure('tablet joins: pulls and stores the book', tm,
      () => formWith(tablet.page, 'bookId').getByTestId('save').click(),
      async () => (await tablet.page.evaluate(() => localStorage.getItem('overdue.book'))) === bookId);
    await measure('tablet dashboard after joining (ledger built)', tm,
      () => go(tablet.page, '/').then(() => undefined),
      async () => ((await tablet.page.getByTestId('dash-total-open').textContent({ timeout: 1_000 }).catch(() => '')) ?? '') === total,
      async () => `open ${total}`);

    step('10 changes');
    await go(laptop.page, '/customers/');
    await laptop.page.getByTestId('customer-table').waitFor();
    const ids = (await laptop.page.getByTestId('customer-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-id') ?? ''))).slice(0, 10);
    for (const [i, id] of ids.entries()) {
      await go(laptop.page, `/customer/?id=${id}`);
      await laptop.page.getByTestId('edit-customer').click();
      const form = formWith(laptop.page, 'name');
      await fillField(form, 'name', `Renamed in the bench ${i}`);
      await form.getByTestId('save').click();
      await laptop.page.locator('h1').filter({ hasText: `Renamed in the bench ${i}` }).waitFor();
    }
    await go(laptop.page, '/');
    await laptop.page.getByTestId('sync-status').waitFor();
    const pushedBefore = await lastSync(laptop.page);
    await measure('incremental: laptop pushes 10 changes (Sync now)', lm,
      () => laptop.page.getByTestId('sync-now-shell').click(),
      async () => (await lastSync(laptop.page)) !== pushedBefore);
    await go(tablet.page, '/');
    await tablet.page.getByTestId('sync-status').waitFor();
    const pulledBefore = await lastSync(tablet.page);
    await measure('incremental: tablet pulls them (Sync now)', tm,
      () => tablet.page.getByTestId('sync-now-shell').click(),
      async () => (await lastSync(tablet.page)) !== pulledBefore);
    const nothingBefore = await lastSync(tablet.page);
    await new Promise((r) => setTimeout(r, 1100)); // a new timestamp
    await measure('nothing new: tablet syncs again', tm,
      () => tablet.page.getByTestId('sync-now-shell').click(),
      async () => (await lastSync(tablet.page)) !== nothingBefore);
    await go(tablet.page, `/customer/?id=${ids[0]}`);
    await tablet.page.locator('h1').filter({ hasText: 'Renamed in the bench 0' }).waitFor({ timeout: 30_000 });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await server.stop();
    await web.stop();
    await rm(data, { recursive: true, force: true });
  }
  const real = errors.filter((e) => !/HTTP 404: .*\/bench\/.*manifest\.json/.test(e));
  if (real.length > 0) console.log(`\nErrors in the browser:\n${real.join('\n')}`);
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = new URL('./out/browser-sync.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), browser: env.version, machine: env.machine, site, invoices: INVOICES, rows }, null, 2)}\n`);
  console.log(`\nWritten ${out.pathname}`);
}

await main();
