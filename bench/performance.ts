// npm run bench (analytics part): the analytics report for the last 12 months on demo
// books of 20,000 and 100,000 invoices, through the worker API in Node over
// fake-indexeddb. "cold" is the first call of a new API instance over the stored book
// (the ledger opened from its snapshot, then the figures); "warm" is the same call
// again; then after one payment (applied incrementally); then 24 months. The
// ledger-only rows time the column passes alone.

import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { openDb } from '../src/db/schema';
import { addDays } from '../src/domain/calendar';
import { createApi } from '../workers/api';
import { timings } from './timings';

const END = '2025-06-30';
const YEAR_FROM = addDays(END, -364);
const TWO_YEARS_FROM = '2023-07-01';
const SIZES = (process.env.PERFORMANCE_BENCH_SIZES ?? '20000,100000').split(',').map(Number);
const NOTE = 'Node over fake-indexeddb; the cold row includes opening the ledger from its stored snapshot.';

const { rows, time } = timings(48);

const computed = (r: { computeMs: number }) => `computeMs ${r.computeMs.toFixed(1)}`;

async function bench(invoices: number): Promise<void> {
  const name = `overdue-performance-bench-${invoices}-${Date.now()}`;
  const loader = createApi(openDb(name), { broadcast: false });
  const book = await time('loadDemoBook (setup)', invoices, async () => {
    const r = await loader.loadDemoBook({ seed: 42, customers: Math.max(20, Math.round(invoices / 17)), invoices, locale: 'zh-CN', endDate: END });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  });
  await loader.close();

  const api = createApi(openDb(name), { broadcast: false, snapshotDelayMs: 60_000 });
  const year = { from: YEAR_FROM, to: END, asOf: END };
  await time('analytics, 12 months, cold (open + compute)', invoices, () => api.analytics(book.id, year), (r) => `${computed(r)}, ${api.openReport(book.id)?.how}`);
  await time('analytics, 12 months, warm', invoices, () => api.analytics(book.id, year), computed);
  await time('analytics, 12 months, warm again', invoices, () => api.analytics(book.id, year), computed);
  const open = (await api.listInvoices(book.id, { asOf: END, status: 'open', offset: 0, limit: 1 })).rows[0];
  if (!open) throw new Error('no open invoice');
  const paid = await api.recordPayment(book.id, { customerId: open.customerId, date: END, amount: Math.min(open.balance, 10_000), method: 'bank', reference: 'bench', allocation: 'auto' });
  if (!paid.ok) throw new Error(JSON.stringify(paid.errors));
  await time('analytics, 12 months, after one payment', invoices, () => api.analytics(book.id, year), (r) => `${computed(r)}, collected ${r.collected}`);
  await time('analytics, 24 months', invoices, () => api.analytics(book.id, { from: TWO_YEARS_FROM, to: END, asOf: END }), computed);
  await api.close();
  await Dexie.delete(name);
}

async function main(): Promise<void> {
  console.log(`Overdue analytics bench, Node ${process.version}\nNote: ${NOTE}\n`);
  for (const size of SIZES) await bench(size);
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = new URL('./out/performance.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, note: NOTE, rows }, null, 2)}\n`);
  console.log(`\nWritten ${out.pathname}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
