// npm run bench (import part): a generated 100,000-invoice CSV (GB18030, Chinese
// headers, a title line, a third of the invoices partly paid) through the worker's
// import path in Node over fake-indexeddb: preview (decode, parse, plan), commit (one
// transaction, one batch), and a second preview of the same file (all already there).
// "longest block" is the longest stretch the event loop could not run a timer while
// the preview ran: what the worker's other messages (a cancel, a progress request) wait.

import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import type { BookInput } from '../src/api/contract';
import { openDb } from '../src/db/schema';
import { addDays } from '../src/domain/calendar';
import { encodeGb } from '../src/export/gb18030';
import { createApi } from '../workers/api';

const INVOICES = Number(process.env.IMPORT_BENCH_INVOICES ?? 100_000);
const CUSTOMERS = Math.max(20, Math.round(INVOICES / 17));
const NOTE = 'Database figures are over fake-indexeddb in Node; real IndexedDB in Chromium measured slower still for the commit '
  + '(see bench/browser-import.ts), so read them as a lower bound on write cost.';

/** Deterministic pseudo-random numbers (mulberry32), so runs compare. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateCsv(invoices: number): string {
  const rnd = random(7);
  const lines = ['应收账款台账（测试）', '', '客户名称,单据编号,开票日期,到期日,应收金额,已收金额,收款日期'];
  for (let i = 0; i < invoices; i++) {
    const issue = addDays('2023-01-01', Math.floor(rnd() * 900));
    const due = addDays(issue, 30);
    const cents = 10_000 + Math.floor(rnd() * 5_000_000);
    const paid = rnd() < 0.33 ? Math.floor(cents * rnd()) : 0;
    const amount = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
    lines.push([
      `客户${i % CUSTOMERS}有限公司`, `FP-${String(i).padStart(7, '0')}`, issue, due, amount(cents),
      paid > 0 ? amount(paid) : '', paid > 0 ? addDays(issue, 20) : '',
    ].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

interface Row { case: string; invoices: number; ms: number; detail?: string }
const rows: Row[] = [];
function record(label: string, ms: number, detail?: string): void {
  rows.push({ case: label, invoices: INVOICES, ms: Math.round(ms * 10) / 10, ...(detail ? { detail } : {}) });
  console.log(`${label.padEnd(44)} ${String(INVOICES).padStart(7)} ${ms.toFixed(1).padStart(10)} ms${detail ? `  ${detail}` : ''}`);
}

/** Runs `work` while a 0 ms timer measures the longest gap between its turns. */
async function withLongestBlock<T>(work: () => Promise<T>): Promise<{ value: T; longest: number }> {
  let last = performance.now();
  let longest = 0;
  let stop = false;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (!stop) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const value = await work();
  stop = true;
  return { value, longest };
}

async function main(): Promise<void> {
  const started = performance.now();
  const bytes = encodeGb(generateCsv(INVOICES), 'gb18030');
  record('generate CSV (GB18030)', performance.now() - started, `${(bytes.length / 1e6).toFixed(1)} MB`);
  const file = { name: 'bench.csv', bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };

  const name = `overdue-import-bench-${Date.now()}`;
  const api = createApi(openDb(name), { broadcast: false, snapshotDelayMs: 60_000 });
  const bookInput: BookInput = {
    name: 'import bench', currency: 'CNY', locale: 'zh-CN', agingBounds: [30, 60, 90, 180, 365], agingBasis: 'due',
    defaultTermsDays: 30, commaDecimal: false, limitationYears: 3,
  };
  const created = await api.createBook(bookInput);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const bookId = created.value.id;

  let t = performance.now();
  const first = await withLongestBlock(() => api.importPreview(bookId, file, { today: '2025-06-30' }));
  if (!first.value.ok) throw new Error(JSON.stringify(first.value.errors));
  const p = first.value.value;
  record('importPreview (decode, parse, plan)', performance.now() - t,
    `${p.counts.newInvoices} new, ${p.counts.newCustomers} customers, ${p.counts.payments} payments, ${p.problemTotal} problems; longest block ${first.longest.toFixed(0)} ms`);

  t = performance.now();
  const committed = await api.importCommit(p.token);
  if (!committed.ok) throw new Error(JSON.stringify(committed.errors));
  record('importCommit (one transaction + snapshot)', performance.now() - t, `${committed.value.invoices} invoices written`);

  t = performance.now();
  const dash = await api.dashboard(bookId, '2025-06-30');
  record('dashboard after import', performance.now() - t, `open ${dash.totalOpen}`);

  // The collections screens on the same book: one pass over the working set each.
  t = performance.now();
  const queue = await api.collectionQueue(bookId, '2025-06-30');
  record('collection queue (Today)', performance.now() - t, `${queue.rows.length} customers to chase`);
  t = performance.now();
  const warnings = await api.limitationWarnings(bookId, '2025-06-30');
  record('limitation warnings', performance.now() - t, `${warnings.total} invoices`);

  t = performance.now();
  const again = await api.importPreview(bookId, file, { today: '2025-06-30' });
  if (!again.ok) throw new Error(JSON.stringify(again.errors));
  record('importPreview of the same file again', performance.now() - t, `${again.value.counts.existingInvoices} already there, ${again.value.counts.newInvoices} new`);
  await api.importCancel(again.value.token);

  await api.close();
  await Dexie.delete(name);
  const out = new URL('./out/import.json', import.meta.url);
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, note: NOTE, rows }, null, 2)}\n`);
  console.log(`\nWritten ${out.pathname}`);
}

await main();
