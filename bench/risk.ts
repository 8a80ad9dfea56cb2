// npm run bench (credit risk part): the demo book at 20,000 and 100,000 invoices in
// the worker API over fake-indexeddb in Node: riskOverview cold (the book-wide
// scores, the model trained and validated, every open invoice's outlook, the
// forecast), again (cached), the warnings, the first page of the graded list, one
// customer's detail with its 13-point history, and after one payment the overview
// recomputed (the model reused when the paid history is unchanged, retrained after an invoice is paid off).

import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { openDb } from '../src/db/schema';
import { createApi } from '../workers/api';
import { timings } from './timings';

const END = '2025-06-30';
const NOTE = 'Node over fake-indexeddb; the risk work is in the worker\'s memory (ledger columns, the model), so the figures '
  + 'are representative apart from the few IndexedDB reads (settings, promises, plans, one customer record).';

const { rows, time } = timings(50);

const customersFor = (invoices: number) => Math.max(20, Math.round(invoices / 17));

async function riskBench(invoices: number): Promise<void> {
  const name = `overdue-risk-bench-${invoices}-${Date.now()}`;
  const loader = createApi(openDb(name), { broadcast: false });
  const loaded = await loader.loadDemoBook({ seed: 42, customers: customersFor(invoices), invoices, locale: 'zh-CN', endDate: END });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const bookId = loaded.value.id;
  await loader.close();

  const api = createApi(openDb(name), { broadcast: false, snapshotDelayMs: 60_000 });
  await api.dashboard(bookId, END); // open the book (snapshot) outside the timings
  const overview = await time('riskOverview, cold (scores, model, forecast)', invoices, () => api.riskOverview(bookId, END), (o) =>
    `${o.model.kind}${o.model.kind === 'learned' ? ` auc ${o.model.auc?.toFixed(3)} mae ${o.model.maeDays?.toFixed(1)}d on ${o.model.examples}` : ''}; grades ${JSON.stringify(o.grades)}`);
  await time('riskOverview again (cached)', invoices, () => api.riskOverview(bookId, END));
  await time('warnings (cold: also the grades 30 days ago)', invoices, () => api.warnings(bookId, END), (w) => `${w.active} active`);
  await time('warningCount (cached)', invoices, () => api.warningCount(bookId, END));
  const page = await time('listGrades, first page of 50', invoices, () => api.listGrades(bookId, { asOf: END, offset: 0, limit: 50 }), (p) => `${p.total} customers`);
  const riskiest = page.rows[0];
  if (!riskiest) throw new Error('no graded customer');
  await time('customerRisk (detail + 13-point history)', invoices, () => api.customerRisk(bookId, riskiest.customerId, END), (r) => `score ${r?.score}, ${r?.invoices.length} open invoices`);

  const open = (await api.listInvoices(bookId, { asOf: END, status: 'open', offset: 0, limit: 1 })).rows[0];
  if (!open) throw new Error('no open invoice');
  const paid = await api.recordPayment(bookId, {
    customerId: open.customerId, date: END, amount: Math.min(open.balance, 10_000), method: 'bank', reference: 'bench', allocation: 'auto',
  });
  if (!paid.ok) throw new Error(JSON.stringify(paid.errors));
  // The ledger takes the payment in on the next question; time that apart from the risk work.
  await time('after a part payment: dashboard (ledger catch-up)', invoices, () => api.dashboard(bookId, END));
  await time('after a part payment: riskOverview (model reused)', invoices, () => api.riskOverview(bookId, END), (o) => `forecast open ${o.forecast.open} (was ${overview.forecast.open})`);
  await time('after a part payment: listGrades first page', invoices, () => api.listGrades(bookId, { asOf: END, offset: 0, limit: 50 }));
  await time('after a part payment: warnings', invoices, () => api.warnings(bookId, END));
  await time('after a part payment: collection queue (grades)', invoices, () => api.collectionQueue(bookId, END), (q) => `${q.rows.length} rows`);

  // Paying an invoice off adds a paid invoice to the history: the model is trained and validated again.
  const next = (await api.listInvoices(bookId, { asOf: END, status: 'open', offset: 0, limit: 1 })).rows[0];
  if (!next) throw new Error('no open invoice');
  const off = await api.recordPayment(bookId, {
    customerId: next.customerId, date: END, amount: next.balance, method: 'bank', reference: 'bench', allocation: [{ invoiceId: next.id, amount: next.balance }],
  });
  if (!off.ok) throw new Error(JSON.stringify(off.errors));
  await api.dashboard(bookId, END);
  await time('after paying one off: riskOverview (retrained)', invoices, () => api.riskOverview(bookId, END));
  await time('after paying one off: customerRisk', invoices, () => api.customerRisk(bookId, next.customerId, END), (r) => `score ${r?.score}`);
  await api.close();
  await Dexie.delete(name);
}

async function main(): Promise<void> {
  console.log(`Overdue risk bench, Node ${process.version}\nNote: ${NOTE}\n`);
  console.log(`${'case'.padEnd(50)} ${'invoices'.padStart(7)} ${'time'.padStart(13)}`);
  // RISK_BENCH_INVOICES=N runs one size only.
  const sizes = process.env.RISK_BENCH_INVOICES ? [Number(process.env.RISK_BENCH_INVOICES)] : [20_000, 100_000];
  for (const size of sizes) await riskBench(size);
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = new URL('./out/risk.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, note: NOTE, rows }, null, 2)}\n`);
  console.log(`\nWritten ${out.pathname}`);
}

await main();
