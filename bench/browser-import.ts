// npm run bench (last part), or npm run bench:import-browser alone: importing a generated
// 100,000-invoice CSV through the import page in real Chromium, driven as a user would:
// a new book made on the settings page, the file chosen on /import/, the preview, the
// confirmation, then the dashboard opened cold in a new page for that book.
// For each phase: the in-page time, the longest main-thread task (PerformanceObserver
// 'longtask') and the largest gap between animation frames (a heartbeat: how long the
// page could not paint). bench/import.ts times the same worker path in Node; only a
// browser can tell what the main thread went through.
// BENCH_IMPORT_SIZE=20000 picks another size (default 100000). Builds dist/ when it is
// older than the sources (--build forces, --no-build never). Writes bench/out/browser-import.json.
// Not a test: it asserts only that the import and the dashboard came out right, never how fast.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays } from '../src/domain/calendar';
import { mulberry32 } from '../src/demo/random';
import { encodeGb } from '../src/export/gb18030';
import { createBook, setToday } from '../test/e2e/flows';
import { waitForServiceWorker } from '../test/e2e/harness';
import { startStaticServer } from '../test/e2e/static-server';
import { environment, launch, median, minorOf, prepareSite, profiles, round, step } from './browser-kit';

const INVOICES = Number(process.env.BENCH_IMPORT_SIZE ?? 100_000);
const CUSTOMERS = Math.max(20, Math.round(INVOICES / 17));
/** The as-of date, as in the other benches; every generated issue and payment date is on or before it. */
const AS_OF = '2025-06-30';
const COLD_OPENS = 3;
/** Generous: a phase that takes longer is reported as a failure, not cut short silently. */
const PHASE_TIMEOUT = 10 * 60_000;
const TIMEOUT = 120_000;


/**
 * The ledger a Chinese bookkeeper exports from Excel: a title line, Chinese headers,
 * one invoice a line, a third of them partly paid. Returns the CSV and the total
 * left open (minor units), which the dashboard must then show.
 */
function generateLedger(invoices: number): { csv: string; open: number } {
  const rnd = mulberry32(11);
  const lines = ['应收账款台账（浏览器测试）', '', '客户名称,单据编号,开票日期,到期日,应收金额,已收金额,收款日期'];
  const plain = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  let open = 0;
  for (let i = 0; i < invoices; i++) {
    const issue = addDays('2023-01-01', Math.floor(rnd() * 880));
    const cents = 10_000 + Math.floor(rnd() * 5_000_000);
    const paid = rnd() < 0.33 ? Math.floor(cents * rnd()) : 0;
    open += cents - paid;
    lines.push([
      `客户${i % CUSTOMERS}有限公司`, `FP-${String(i).padStart(7, '0')}`, issue, addDays(issue, 30), plain(cents),
      paid > 0 ? plain(paid) : '', paid > 0 ? addDays(issue, 20) : '',
    ].join(','));
  }
  return { csv: lines.join('\r\n') + '\r\n', open };
}

/**
 * Injected before every document's own scripts (bench only): long tasks, gaps between
 * animation frames over 50 ms, and when the import page's elements first appear.
 * A string, not a function, so tsx's helpers never end up in the page.
 */
const INIT_SCRIPT = `(() => {
  if (window.__bench) return;
  const bench = (window.__bench = { tasks: [], gaps: [], frames: 0, marks: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    bench.noLongTasks = String(e);
  }
  let last;
  const frame = (now) => {
    if (last !== undefined && now - last > 50) bench.gaps.push([last, now - last]);
    last = now;
    bench.frames += 1;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const mark = (name) => { if (bench.marks[name] === undefined) bench.marks[name] = performance.now(); };
  addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') mark('fileChosen');
  }, true);
  addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-testid="import-confirm"]') : null;
    if (el) mark('confirmClicked');
  }, true);
  const has = (testid) => document.querySelector('[data-testid="' + testid + '"]') !== null;
  const check = () => {
    if (has('import-progress')) mark(bench.marks.confirmClicked === undefined ? 'readingProgress' : 'writingProgress');
    if (has('import-preview')) mark('preview');
    if (has('import-summary')) mark('summary');
    if (has('import-error')) mark('error');
    const total = document.querySelector('[data-testid="dash-total-open"]');
    if (total && /\\d/.test(total.textContent || '')) { mark('figures'); bench.figures = bench.figures || total.textContent; }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface PageState {
  tasks: [start: number, duration: number][];
  gaps: [start: number, gap: number][];
  frames: number;
  marks: Partial<Record<'fileChosen' | 'readingProgress' | 'preview' | 'confirmClicked' | 'writingProgress' | 'summary' | 'error' | 'figures', number>>;
  figures?: string;
  noLongTasks?: string;
}

interface Row {
  case: string;
  samples: number[];
  median: number;
  /** Longest main-thread task in the window (ms); 0 when none reached 50 ms. */
  longestTask: number;
  /** Largest gap between animation frames in the window (ms); 0 when none exceeded 50 ms. */
  longestFrameGap: number;
  detail?: string;
}
const rows: Row[] = [];
const errors: string[] = [];
const HEADER = `${'phase'.padEnd(52)} ${'invoices'.padStart(8)} ${'n'.padStart(2)} ${'median ms'.padStart(10)} ${'longest task ms'.padStart(16)} ${'longest frame gap ms'.padStart(21)}`;
function record(label: string, samples: number[], longestTask: number, longestFrameGap: number, detail?: string): void {
  const row: Row = {
    case: label, samples: samples.map(round), median: round(median(samples)), longestTask: round(longestTask),
    longestFrameGap: round(longestFrameGap), ...(detail ? { detail } : {}),
  };
  rows.push(row);
  const under = (ms: number) => (ms === 0 ? '< 50' : ms.toFixed(1));
  console.log(`${label.padEnd(52)} ${INVOICES.toLocaleString('en-US').padStart(8)} ${String(samples.length).padStart(2)} `
    + `${row.median.toFixed(1).padStart(10)} ${under(row.longestTask).padStart(16)} ${under(row.longestFrameGap).padStart(21)}`);
  if (detail) console.log(`    ${detail}`);
}

/**
 * Longest [start, duration] entry overlapping [from, to] (page time), 0 if none. One that
 * began before `from` counts only from `from` on: Playwright's setInputFiles writes the
 * file into the page in one long task that ends by dispatching the change event, and
 * that part is the harness, not the app.
 */
function longestIn(entries: [number, number][], from: number, to: number): number {
  return entries.reduce((max, [start, d]) => (start <= to && start + d >= from ? Math.max(max, start + d - Math.max(start, from)) : max), 0);
}

/** Where the long tasks of [from, to] sit, relative to `from`: '+120 ms for 4816 ms, ...' (longest first, up to 3). */
function whereTasks(state: PageState, from: number, to: number): string {
  const inside = state.tasks.filter(([start, d]) => start <= to && start + d >= from).sort((a, b) => b[1] - a[1]);
  if (inside.length === 0) return '';
  const at = inside.slice(0, 3).map(([start, d]) => `${start - from >= 0 ? '+' : ''}${(start - from).toFixed(0)} ms for ${d.toFixed(0)} ms`);
  return `; ${inside.length} long task(s), the longest starting at ${at.join(', ')}`;
}

const stateOf = (page: Page) => page.evaluate('window.__bench') as Promise<PageState>;

/** Waits for a mark (or the import error), then returns the page's state. */
async function waitMark(page: Page, mark: keyof PageState['marks']): Promise<PageState> {
  await page.waitForFunction(`window.__bench.marks.${mark} !== undefined || window.__bench.marks.error !== undefined`, undefined, {
    timeout: PHASE_TIMEOUT, polling: 100,
  });
  const state = await stateOf(page);
  if (state.marks[mark] === undefined) {
    throw new Error(`the import failed: ${await page.getByTestId('import-error').textContent().catch(() => '?')}`);
  }
  return state;
}

async function bench(base: string, file: Buffer, open: number): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'overdue-bench-import-'));
  profiles.add(profile);
  const context = await launch(profile, INIT_SCRIPT, errors, TIMEOUT);
  try {
    // First visit: the service worker installs and takes control before anything is timed.
    step('first visit');
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/`);
    await waitForServiceWorker(page);
    await setToday(page, AS_OF);
    step('new book');
    const bookId = await createBook(page, base, '导入基准账套');

    step('choose the file');
    await page.goto(`${base}/import/`);
    const input = page.locator('input[type="file"][name="file"]');
    await input.waitFor();
    const handed = performance.now();
    await input.setInputFiles({ name: '应收账款台账.csv', mimeType: 'text/csv', buffer: file });
    const handedMs = performance.now() - handed;
    let state = await waitMark(page, 'preview');
    const chosen = state.marks.fileChosen ?? NaN;
    const previewAt = state.marks.preview ?? NaN;
    const counts = await page.getByTestId('import-counts').textContent();
    record('choose file -> preview shown', [previewAt - chosen], longestIn(state.tasks, chosen, previewAt), longestIn(state.gaps, chosen, previewAt),
      `${counts?.trim() ?? ''}; handing the ${(file.length / 1e6).toFixed(1)} MB file to the page (setInputFiles, not in the time) took ${handedMs.toFixed(0)} ms`
      + (state.marks.readingProgress !== undefined ? `; progress shown after ${(state.marks.readingProgress - chosen).toFixed(0)} ms` : '')
      + whereTasks(state, chosen, previewAt));

    step('confirm');
    const confirm = page.getByTestId('import-confirm');
    await page.waitForFunction('!document.querySelector(\'[data-testid="import-confirm"]\')?.disabled', undefined, { timeout: TIMEOUT, polling: 50 });
    await confirm.click();
    state = await waitMark(page, 'summary');
    const clicked = state.marks.confirmClicked ?? NaN;
    const summaryAt = state.marks.summary ?? NaN;
    const summary = page.getByTestId('import-summary');
    const imported = Number(await summary.getAttribute('data-invoices'));
    const skipped = Number(await summary.getAttribute('data-skipped'));
    if (imported !== INVOICES || skipped !== 0) throw new Error(`imported ${imported} invoices and skipped ${skipped}, expected ${INVOICES} and 0`);
    record('click confirm -> summary shown', [summaryAt - clicked], longestIn(state.tasks, clicked, summaryAt), longestIn(state.gaps, clicked, summaryAt),
      `${imported} invoices, ${await summary.getAttribute('data-customers')} customers, ${await summary.getAttribute('data-payments')} payments written`
      + (state.marks.writingProgress !== undefined ? `; progress shown after ${(state.marks.writingProgress - clicked).toFixed(0)} ms` : '')
      + `; ${state.frames} frames painted on this page` + whereTasks(state, clicked, summaryAt));
    if (state.noLongTasks) console.log(`    (no long-task observer: ${state.noLongTasks})`);
    if (await page.evaluate('localStorage.getItem("overdue.book")') !== bookId) throw new Error('the imported book is no longer the current one');

    // Cold opens of the dashboard: a new page has a new worker, which opens the book afresh.
    step('cold opens');
    const opens: number[] = [];
    let task = 0;
    let gap = 0;
    const totals = new Set<string>();
    for (let i = 0; i < COLD_OPENS; i += 1) {
      const fresh = await context.newPage();
      await page.close();
      page = fresh;
      await page.goto(`${base}/`, { waitUntil: 'commit' });
      await page.waitForFunction('window.__bench && window.__bench.marks.figures !== undefined', undefined, { timeout: PHASE_TIMEOUT, polling: 50 });
      const s = await stateOf(page);
      const at = s.marks.figures ?? NaN;
      opens.push(at);
      task = Math.max(task, longestIn(s.tasks, 0, at));
      gap = Math.max(gap, longestIn(s.gaps, 0, at));
      totals.add(s.figures ?? '');
    }
    const shown = [...totals];
    if (shown.length !== 1 || minorOf(shown[0] ?? '') !== open) {
      throw new Error(`the dashboard showed ${shown.join(' / ')}, expected an open total of ${open} minor units`);
    }
    record('dashboard first figures, cold open in a new page', opens, task, gap, `from navigation start; total open ${shown[0] ?? ''} as the file says`);
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    profiles.delete(profile);
  }
}

async function main(): Promise<void> {
  if (!Number.isSafeInteger(INVOICES) || INVOICES < 1) throw new Error(`BENCH_IMPORT_SIZE must be a positive whole number, not ${process.env.BENCH_IMPORT_SIZE}`);
  const started = performance.now();
  const { label: site, dir } = await prepareSite('site-import');
  const generated = performance.now();
  const { csv, open } = generateLedger(INVOICES);
  const file = Buffer.from(encodeGb(csv, 'gb18030'));
  const generateMs = performance.now() - generated;
  const server = await startStaticServer(dir);
  const { version, machine, load } = environment();
  const loadBefore = load();
  console.log(`\nOverdue browser import bench: ${version}, headless; ${machine}; load average ${loadBefore}`);
  console.log(`${site}; served at ${server.url}; as of ${AS_OF}.`);
  console.log(`File: ${INVOICES.toLocaleString('en-US')} invoices of ${CUSTOMERS.toLocaleString('en-US')} customers, GB18030, ${(file.length / 1e6).toFixed(1)} MB (generated in ${generateMs.toFixed(0)} ms).`);
  console.log('Times are in-page, from the file input\'s change event or the click to the element in the DOM;');
  console.log('a long task is a main-thread task of 50 ms or more; a frame gap is the time between two animation frames over 50 ms.\n');
  console.log(HEADER);
  try {
    await bench(server.url, file, open);
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const loadAfter = load();
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = new URL('./out/browser-import.json', import.meta.url);
  const result = {
    date: new Date().toISOString(), chromium: version, machine, loadAverage: { before: loadBefore, after: loadAfter }, site, asOf: AS_OF,
    invoices: INVOICES, customers: CUSTOMERS, fileBytes: file.length, seconds: Math.round(seconds), rows, errors,
  };
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
