// npm run bench (after bench/run.ts), or npm run bench:browser alone: the dashboard's
// time to first figures in real Chromium, with the 5,000-invoice demo book and a
// 20,000-invoice one, everything driven through the UI as a user would:
//   - the demo load from the settings form (and the longest main-thread task meanwhile),
//   - cold opens of '/' in a new page and after a full browser restart on the same profile,
//   - one payment recorded on the payment page, until the saved state shows on the
//     customer page, in a dashboard open in another tab, and in a newly opened dashboard.
// Builds the site into dist/ when it is missing or older than the sources (--build
// forces a build, --no-build never builds); serves a copy of it. Writes bench/out/browser.json.
// Not a test: it asserts only that the figures are right, never how fast they came.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { setToday } from '../test/e2e/flows';
import { waitForServiceWorker } from '../test/e2e/harness';
import { startStaticServer } from '../test/e2e/static-server';
import { environment, launch, median, minorOf, prepareSite, profiles, round, step } from './browser-kit';

/** The as-of date of every run (the demo's end date too), so runs compare. Same as bench/run.ts. */
const AS_OF = '2025-06-30';
const SIZES = [
  { invoices: 5_000, customers: 300 },
  { invoices: 20_000, customers: 1_200 },
];
const COLD_OPENS = 5;
const PAYMENTS = 3;
/** Minor units; 100.00 CNY, well under the top debtor's balance, so it is allocated in full. */
const PAYMENT_MINOR = 10_000;
const TIMEOUT = 120_000;

/**
 * Injected before every document's own scripts (bench only, nothing in the app):
 * long tasks, the in-page time of clicks on [data-testid] elements, and when the
 * dashboard's total first shows a figure and when it last changed. A string, not a
 * function, so tsx's helpers never end up in the page.
 */
const INIT_SCRIPT = `(() => {
  if (window.__bench) return;
  const bench = (window.__bench = { tasks: [], clicks: {} });
  const epoch = () => performance.timeOrigin + performance.now();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    bench.noLongTasks = String(e);
  }
  addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-testid]') : null;
    if (!el) return;
    const id = el.getAttribute('data-testid');
    bench.clicks[id] = performance.now();
    // Survives the navigation a save may start (payment -> customer page).
    try { sessionStorage.setItem('bench.click.' + id, String(epoch())); } catch {}
  }, true);
  const seen = (testid) => {
    const el = document.querySelector('[data-testid="' + testid + '"]');
    return el ? el.textContent || '' : '';
  };
  const check = () => {
    const total = seen('dash-total-open');
    if (/\\d/.test(total)) {
      if (bench.figuresAt === undefined) {
        bench.figuresAt = performance.now();
        bench.figures = total;
      }
      if (total !== bench.lastFigures) { bench.lastFigures = total; bench.lastFiguresEpoch = epoch(); }
    }
    if (bench.balanceAt === undefined && /\\d/.test(seen('customer-balance'))) bench.balanceAt = performance.now();
    // The demo load's progress bar: first records written, and all of them.
    const bar = document.querySelector('[data-testid="demo-progress"] progress');
    if (bar && bar.max > 1) {
      if (bench.progressFirstAt === undefined && bar.value > 0) bench.progressFirstAt = performance.now();
      if (bench.progressFullAt === undefined && bar.value >= bar.max) bench.progressFullAt = performance.now();
    }
    if (bench.flashAt === undefined && document.querySelector('[data-testid="flash"]')) bench.flashAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** What INIT_SCRIPT keeps in window.__bench (times are performance.now() of that page unless *Epoch). */
interface PageState {
  tasks: [start: number, duration: number][];
  clicks: Record<string, number>;
  noLongTasks?: string;
  figuresAt?: number;
  figures?: string;
  lastFigures?: string;
  lastFiguresEpoch?: number;
  balanceAt?: number;
  flashAt?: number;
  progressFirstAt?: number;
  progressFullAt?: number;
}

interface Row {
  case: string;
  invoices: number;
  samples: number[];
  median: number;
  max: number;
  /** Longest main-thread task in the measured windows (ms), if observed. */
  longestTask?: number;
  /** What the time is made of, where the page tells (medians). */
  detail?: string;
  note?: string;
}
const rows: Row[] = [];
const errors: string[] = [];
/** BENCH_DEBUG=1 prints each step to stderr. */
function record(label: string, invoices: number, samples: number[], extra: { longestTask?: number; detail?: string; note?: string } = {}): void {
  const row: Row = {
    case: label, invoices, samples: samples.map(round), median: round(median(samples)), max: round(Math.max(...samples)),
    ...(extra.longestTask !== undefined ? { longestTask: round(extra.longestTask) } : {}),
    ...(extra.detail ? { detail: extra.detail } : {}), ...(extra.note ? { note: extra.note } : {}),
  };
  rows.push(row);
  console.log(line(row));
  if (row.detail) console.log(`    ${row.detail}`);
  if (row.note) console.log(`    (${row.note})`);
}

const HEADER = `${'case'.padEnd(58)} ${'invoices'.padStart(8)} ${'n'.padStart(2)} ${'median ms'.padStart(10)} ${'max ms'.padStart(9)} ${'longest task ms'.padStart(16)}`;
function line(r: Row): string {
  // 0: no task reached the 50 ms a long task needs.
  const task = r.longestTask === undefined ? '' : r.longestTask === 0 ? '< 50' : r.longestTask.toFixed(1);
  return `${r.case.padEnd(58)} ${r.invoices.toLocaleString('en-US').padStart(8)} ${String(r.samples.length).padStart(2)} `
    + `${r.median.toFixed(1).padStart(10)} ${r.max.toFixed(1).padStart(9)} ${task.padStart(16)}`;
}

const stateOf = (page: Page) => page.evaluate('window.__bench') as Promise<PageState>;

/** Longest long task overlapping [from, to] (page time), or 0 if none was that long (>= 50 ms). */
function longestTask(state: PageState, from: number, to: number): number {
  return state.tasks.reduce((max, [start, duration]) => (start <= to && start + duration >= from ? Math.max(max, duration) : max), 0);
}

/** A fresh blank page; the previous one is closed only then, so the context always keeps a page. */
async function freshPage(context: BrowserContext, previous?: Page): Promise<Page> {
  const page = await context.newPage();
  await previous?.close();
  return page;
}

interface Open {
  /** Navigation start to the total's first figure. */
  ms: number;
  /** Longest main-thread task meanwhile. */
  task: number;
  figures: string;
  /** Navigation start to DOMContentLoaded. */
  dcl: number;
  /** Navigation start to the page asking for the analytics worker's script (the island is running). */
  worker: number;
}

/** Navigates to '/' and waits for the total's first figure. */
async function openDashboard(page: Page, base: string): Promise<Open> {
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  await page.waitForFunction('window.__bench && window.__bench.figuresAt !== undefined', undefined, { timeout: TIMEOUT, polling: 50 });
  const state = await stateOf(page);
  const [dcl, worker] = (await page.evaluate(`[
    performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN,
    performance.getEntriesByType('resource').find((r) => /\\/analytics[^/]*\\.js/.test(r.name))?.startTime ?? NaN,
  ]`)) as [number, number];
  const ms = state.figuresAt ?? NaN;
  return { ms, task: longestTask(state, 0, ms), figures: state.figures ?? '', dcl, worker };
}

/** Records a series of opens, with what the time is made of. */
function recordOpens(label: string, invoices: number, opens: Open[]): void {
  const at = (pick: (o: Open) => number) => median(opens.map(pick)).toFixed(0);
  record(label, invoices, opens.map((o) => o.ms), {
    longestTask: Math.max(...opens.map((o) => o.task)),
    detail: `medians: DOMContentLoaded at ${at((o) => o.dcl)} ms, worker script asked for at ${at((o) => o.worker)} ms, `
      + `from there to the figure ${at((o) => o.ms - o.worker)} ms`,
  });
}

/** Rejects if `work` takes longer than `ms` (page.evaluate has no timeout of its own). */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function benchSize(base: string, size: { invoices: number; customers: number }): Promise<void> {
  const { invoices } = size;
  const profile = mkdtempSync(join(tmpdir(), 'overdue-bench-'));
  profiles.add(profile);
  let context = await launch(profile, INIT_SCRIPT, errors, TIMEOUT);
  try {
    // First visit: let the service worker install and take control, so its precaching
    // does not run during the demo load (a returning user has it already).
    step(`${invoices}: first visit`);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/`);
    await within(TIMEOUT, 'service worker', waitForServiceWorker(page));
    await setToday(page, AS_OF);

    // The demo load, through the settings form.
    step(`${invoices}: demo load`);
    await page.goto(`${base}/settings/`);
    await page.locator('[name="demoCustomers"]').fill(String(size.customers));
    await page.locator('[name="demoInvoices"]').fill(String(invoices));
    await page.getByTestId('load-demo').click();
    await page.waitForFunction('window.__bench.flashAt !== undefined || document.querySelector("[data-testid=demo-error]") !== null', undefined, {
      timeout: 5 * 60_000, polling: 100,
    });
    const failed = await page.getByTestId('demo-error').textContent({ timeout: 1 }).catch(() => null);
    if (failed !== null) throw new Error(`the demo load failed: ${failed}`);
    if (typeof (await page.evaluate('localStorage.getItem("overdue.book")')) !== 'string') throw new Error('the demo book did not become current');
    let state = await stateOf(page);
    const clickAt = state.clicks['load-demo'] ?? NaN;
    const doneAt = state.flashAt ?? NaN;
    const first = state.progressFirstAt;
    const full = state.progressFullAt;
    record('demo load (click Load -> "loaded" message)', invoices, [doneAt - clickAt], {
      longestTask: longestTask(state, clickAt, doneAt),
      ...(first !== undefined && full !== undefined
        ? { detail: `of which: to the first progress report ${(first - clickAt).toFixed(0)} ms, writing ${(full - first).toFixed(0)} ms, after the last report ${(doneAt - full).toFixed(0)} ms` }
        : {}),
      ...(state.noLongTasks ? { note: `no long-task observer: ${state.noLongTasks}` } : {}),
    });

    // Cold opens in a new page: a new page has a new worker, which opens the book from its snapshot.
    step(`${invoices}: cold opens in a new page`);
    const figures = new Set<string>();
    let opens: Open[] = [];
    for (let i = 0; i < COLD_OPENS; i += 1) {
      page = await freshPage(context, page);
      opens.push(await openDashboard(page, base));
    }
    recordOpens('dashboard first figures, cold open in a new page', invoices, opens);
    for (const o of opens) figures.add(o.figures);

    // Truly cold: the whole browser restarted on the same profile each time
    // (the operating system's file cache stays warm).
    step(`${invoices}: cold opens after a restart`);
    opens = [];
    for (let i = 0; i < COLD_OPENS; i += 1) {
      await context.close();
      context = await launch(profile, INIT_SCRIPT, errors, TIMEOUT);
      page = context.pages()[0] ?? (await context.newPage());
      opens.push(await openDashboard(page, base));
    }
    recordOpens('dashboard first figures, after a browser restart', invoices, opens);
    for (const o of opens) figures.add(o.figures);
    if (figures.size !== 1) throw new Error(`the dashboard showed different totals for the same book: ${[...figures].join(' / ')}`);

    // Payments: a dashboard stays open in one tab while another tab records the
    // payment on the payment page, which then goes back to the customer.
    step(`${invoices}: payments`);
    const dashboard = page;
    const customerId = await dashboard.locator('[data-testid="top-debtors"] tr[data-id]').first().getAttribute('data-id');
    if (!customerId) throw new Error('no top debtor to pay');
    const recorded: number[] = [];
    const onCustomer: number[] = [];
    const otherTab: number[] = [];
    const reopened: Open[] = [];
    for (let i = 0; i < PAYMENTS; i += 1) {
      const before = (await stateOf(dashboard)).lastFigures ?? '';
      const payer = await context.newPage();
      await payer.goto(`${base}/payment/?customer=${encodeURIComponent(customerId)}`);
      await payer.locator('form [name="amount"]').fill((PAYMENT_MINOR / 100).toFixed(2));
      // The allocation preview: the form has its open invoices and is ready.
      await payer.getByTestId('leftover-credit').waitFor();
      await payer.getByTestId('save').click();
      await payer.waitForURL(/\/customer\/\?id=/);
      await payer.waitForFunction('window.__bench && window.__bench.balanceAt !== undefined', undefined, { polling: 50 });
      // Epoch times: the click happened in the payment page, the rest in other documents.
      const clickEpoch = Number(await payer.evaluate('sessionStorage.getItem("bench.click.save")'));
      if (!Number.isFinite(clickEpoch) || clickEpoch === 0) throw new Error('the click on save was not seen');
      const [customerOrigin, balanceAt] = (await payer.evaluate('[performance.timeOrigin, window.__bench.balanceAt]')) as [number, number];
      recorded.push(customerOrigin - clickEpoch);
      onCustomer.push(customerOrigin + balanceAt - clickEpoch);

      await dashboard.waitForFunction(`window.__bench.lastFigures !== ${JSON.stringify(before)}`, undefined, { polling: 50 });
      state = await stateOf(dashboard);
      otherTab.push((state.lastFiguresEpoch ?? NaN) - clickEpoch);
      const after = state.lastFigures ?? '';
      if (minorOf(before) - minorOf(after) !== PAYMENT_MINOR) {
        throw new Error(`after a payment of ${PAYMENT_MINOR} minor units the total went from ${before} to ${after}`);
      }
      await payer.close();

      const fresh = await context.newPage();
      const r = await openDashboard(fresh, base);
      if (r.figures !== after) throw new Error(`a new dashboard shows ${r.figures}, the open one ${after}`);
      reopened.push(r);
      await fresh.close();
    }
    record('payment: click Save -> recorded (customer page starts)', invoices, recorded);
    record('payment: click Save -> customer page shows the balance', invoices, onCustomer);
    record('payment: click Save -> dashboard in another tab updates', invoices, otherTab, {
      note: 'includes the 150 ms pause in src/ui/state/otherTabs.ts',
    });
    recordOpens('dashboard first figures, new page after the payment', invoices, reopened);
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    profiles.delete(profile);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const { label: site, dir } = await prepareSite('site');
  const server = await startStaticServer(dir);
  const { version, machine, load } = environment();
  const loadBefore = load();
  console.log(`\nOverdue browser bench: ${version}, headless; ${machine}; load average ${loadBefore}`);
  console.log(`${site}; served at ${server.url}; as of ${AS_OF}.`);
  console.log('Times run from navigation start (cold opens) or from the click (demo load, payment) to the figure in the DOM;');
  console.log(`cold opens ${COLD_OPENS} times each, ${PAYMENTS} payments of ${(PAYMENT_MINOR / 100).toFixed(2)} CNY; a long task is a main-thread task of 50 ms or more.\n`);
  console.log(HEADER);
  try {
    // BENCH_SIZES=5000 runs only that size (while working on the bench itself).
    const only = process.env.BENCH_SIZES?.split(',').map(Number);
    for (const size of SIZES) if (!only || only.includes(size.invoices)) await benchSize(server.url, size);
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const loadAfter = load();
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = new URL('./out/browser.json', import.meta.url);
  const result = { date: new Date().toISOString(), chromium: version, machine, loadAverage: { before: loadBefore, after: loadAfter }, site, asOf: AS_OF, seconds: Math.round(seconds), rows, errors };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nLoad average at the end ${loadAfter}. Done in ${seconds.toFixed(0)} s. Written ${fileURLToPath(out)}`);
  if (errors.length > 0) {
    console.error(`\nErrors in the browser:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
