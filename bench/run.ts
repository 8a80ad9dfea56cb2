// npm run bench: timings of the demo load, the dashboard on opening a book
// (from its snapshot and by rebuild), the dashboard after one payment, and the
// ledger alone at 100,000 invoices. Runs in Node over fake-indexeddb.

import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { openDb } from '../src/db/schema';
import { generateBook } from '../src/demo/generate';
import type { Allocation, Book, Change, Payment } from '../src/domain/types';
import { Ledger } from '../src/ledger';
import { createApi } from '../workers/api';

const END = '2025-06-30';
const NOTE = 'Database figures are over fake-indexeddb in Node, not a browser: bench/browser.ts measures the same steps in '
  + 'Chromium (its bulk writes were slower there). The ledger-only figures are representative.';

interface Row { case: string; invoices: number; ms: number; detail?: string }
const rows: Row[] = [];

async function time<T>(label: string, invoices: number, run: () => Promise<T> | T, detail?: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  rows.push({ case: label, invoices, ms: Math.round(ms * 10) / 10, ...(detail ? { detail: detail(value) } : {}) });
  console.log(`${label.padEnd(52)} ${String(invoices).padStart(7)} ${ms.toFixed(1).padStart(10)} ms${detail ? `  ${detail(value)}` : ''}`);
  return value;
}

const customersFor = (invoices: number) => Math.max(20, Math.round(invoices / 17));

async function databaseBench(invoices: number): Promise<void> {
  const name = `overdue-bench-${invoices}-${Date.now()}`;
  const options = { seed: 42, customers: customersFor(invoices), invoices, locale: 'zh-CN' as const, endDate: END };

  // (a) generation alone, then generation + createBook + bulkInsert + first snapshot
  await time('generate demo book', invoices, () => generateBook(options), (b) => `${b.payments.length} payments, ${b.allocations.length} allocations`);
  const loader = createApi(openDb(name), { broadcast: false });
  const book = await time('loadDemoBook (generate + bulk insert + snapshot)', invoices, async () => {
    const r = await loader.loadDemoBook(options);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  });
  await loader.close();

  // (b) cold open with a stored snapshot: a new API instance over the same database
  const warm = createApi(openDb(name), { broadcast: false });
  await time('dashboard, cold open from snapshot', invoices, () => warm.dashboard(book.id, END), (d) => `computeMs ${d.computeMs.toFixed(1)}, ${warm.openReport(book.id)?.how}`);
  await time('  recentChanges again (batch facts now cached)', invoices, () => warm.recentChanges(book.id, 10));
  await warm.close();

  // (b) cold open without a snapshot: rebuild from the records
  const db = openDb(name);
  await db.snapshots.delete(book.id);
  db.close();
  const cold = createApi(openDb(name), { broadcast: false, snapshotDelayMs: 60_000 });
  await time('dashboard, cold open by rebuild (no snapshot)', invoices, () => cold.dashboard(book.id, END), () => `${cold.openReport(book.id)?.how}`);

  // (c) one payment, then the dashboard applies it incrementally
  const open = (await cold.listInvoices(book.id, { asOf: END, status: 'open', offset: 0, limit: 1 })).rows[0];
  if (!open) throw new Error('no open invoice');
  await time('recordPayment (one allocation)', invoices, async () => {
    const r = await cold.recordPayment(book.id, {
      customerId: open.customerId, date: END, amount: Math.min(open.balance, 10_000), method: 'bank', reference: 'bench', allocation: 'auto',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
  });
  await time('dashboard after the payment (incremental)', invoices, () => cold.dashboard(book.id, END), (d) => `computeMs ${d.computeMs.toFixed(1)}`);
  await time('invoice list, page 1 sorted by customer', invoices, () => cold.listInvoices(book.id, { asOf: END, sort: 'customer', offset: 0, limit: 50 }));
  await time('collection queue (Today)', invoices, () => cold.collectionQueue(book.id, END), (q) => `${q.rows.length} customers to chase`);
  await cold.close();
  await Dexie.delete(name);
}

function ledgerBench(invoices: number): Promise<void> {
  return (async () => {
    const generated = await time('generate demo book', invoices, () =>
      generateBook({ seed: 7, customers: customersFor(invoices), invoices, locale: 'zh-CN', endDate: END }, (() => { let n = 0; return () => `id-${++n}`; })()));
    const book: Book = { id: 'bench', updatedAt: '', deleted: 0, ...generated.book, createdAt: '2023-01-01' };
    const file = <T extends { bookId: string }>(list: T[]): T[] => list.map((r) => ({ ...r, bookId: book.id }));
    const records = {
      book, customers: file(generated.customers), invoices: file(generated.invoices), payments: file(generated.payments),
      allocations: file(generated.allocations), adjustments: file(generated.adjustments),
    };
    const ledger = await time('ledger: rebuild from records', invoices, () => Ledger.fromRecords(records));
    await time('ledger: dashboard (first query)', invoices, () => ledger.dashboard(END));
    await time('ledger: dashboard (again)', invoices, () => ledger.dashboard(END));
    await time('ledger: aging as of a past date', invoices, () => ledger.aging('2024-06-30'));
    const customer = records.customers[0];
    const target = records.invoices.find((i) => i.customerId === customer?.id);
    if (!customer || !target) throw new Error('empty book');
    const change = (table: Change['table'], after: Payment | Allocation, seq: number): Change =>
      ({ seq, bookId: book.id, table, recordId: after.id, before: null, after, stamp: '', batch: 'b', action: 'payment.record', undone: 0 });
    await time('ledger: apply one payment + dashboard', invoices, () => {
      ledger.apply([
        change('payments', { id: 'bench-pay', bookId: book.id, updatedAt: '', deleted: 0, customerId: customer.id, date: END, amount: 100, method: 'bank', reference: '' }, 1),
        change('allocations', { id: 'bench-alloc', bookId: book.id, updatedAt: '', deleted: 0, paymentId: 'bench-pay', invoiceId: target.id, customerId: customer.id, date: END, amount: 100 }, 2),
      ]);
      return ledger.dashboard(END);
    });
    await time('ledger: invoice list sorted by customer', invoices, () => ledger.listInvoices({ asOf: END, sort: 'customer', offset: 0, limit: 50 }));
    await time('ledger: invoice list text search', invoices, () => ledger.listInvoices({ asOf: END, text: '货款', sort: 'balance', desc: true, offset: 0, limit: 50 }));
    const snapshot = await time('ledger: toSnapshot', invoices, () => ledger.toSnapshot());
    const cloned = await time('ledger: structuredClone of the snapshot', invoices, () => structuredClone(snapshot));
    await time('ledger: fromSnapshot + dashboard (first figures)', invoices, () => Ledger.fromSnapshot(cloned).dashboard(END));
  })();
}

async function main(): Promise<void> {
  console.log(`Overdue bench, Node ${process.version}\nNote: ${NOTE}\n`);
  console.log(`${'case'.padEnd(52)} ${'invoices'.padStart(7)} ${'time'.padStart(13)}`);
  for (const size of [5_000, 20_000]) await databaseBench(size);
  await ledgerBench(100_000);
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = new URL('./out/results.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, note: NOTE, rows }, null, 2)}\n`);
  console.log(`\nWritten ${out.pathname}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
