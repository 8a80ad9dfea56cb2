// npm run bench (sync part): a 20,000-invoice demo book synced between two worker
// APIs in Node (fake-indexeddb) through the real sync server on loopback: the
// laptop's first sync, the tablet joining, then 10 changes on the laptop synced
// across (push and pull). Time and bytes of JSON moved, in the clear and with a
// passphrase (PBKDF2 600,000 iterations + AES-GCM).

import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { openDb } from '../src/db/schema';
import type { SyncReport, SyncSettingsInput } from '../src/api/sync';
import type { Result } from '../src/domain/errors';
import { DEFAULT_OPTIONS } from '../src/sync-server/options';
import { startSyncServer } from '../src/sync-server/server';
import { createApi } from '../workers/api';
import { timings } from './timings';

const END = '2025-06-30';
const NOTE = 'Node over fake-indexeddb (IndexedDB in a browser writes slower, about 5,000 records/s here), sync server on loopback; '
  + 'bytes are the JSON bodies sent and received.';
const INVOICES = Number(process.env.SYNC_BENCH_INVOICES ?? 20_000);

const { rows, time } = timings(56);

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const moved = (r: SyncReport) => `up ${kb(r.bytesUp)}, down ${kb(r.bytesDown)}; pushed ${r.pushed} ops, pulled ${r.pulled}`;

async function syncBench(url: string, passphrase: string): Promise<void> {
  const label = passphrase === '' ? '' : ' (encrypted)';
  const laptopDb = `overdue-sync-bench-laptop-${Date.now()}`;
  const tabletDb = `overdue-sync-bench-tablet-${Date.now()}`;
  const laptop = createApi(openDb(laptopDb), { broadcast: false, snapshotDelayMs: 60_000 });
  const book = must(await laptop.loadDemoBook({ seed: 42, customers: Math.round(INVOICES / 17), invoices: INVOICES, locale: 'zh-CN', endDate: END }));
  const settings: SyncSettingsInput = { url, target: 'server', token: 'bench', user: '', password: '', passphrase, intervalMinutes: 5 };
  must(await laptop.saveSyncSettings(book.id, settings));
  await time(`first sync, laptop pushes the whole book${label}`, INVOICES, async () => must(await laptop.syncNow(book.id)), moved);

  const tablet = createApi(openDb(tabletDb), { broadcast: false, snapshotDelayMs: 60_000 });
  await time(`tablet joins: pulls and merges the whole book${label}`, INVOICES, async () => must(await tablet.joinSyncedBook(book.id, settings)), moved);
  await time(`tablet dashboard after joining (ledger built)${label}`, INVOICES, () => tablet.dashboard(book.id, END), (d) => `open ${d.totalOpen}`);

  // 10 changes: 5 customers edited, 5 invoices' descriptions edited.
  const customers = (await laptop.listCustomers(book.id, { asOf: END, offset: 0, limit: 5, sort: 'open', desc: true })).rows;
  for (const [i, c] of customers.entries()) {
    const detail = await laptop.customerDetail(book.id, c.id, END, 0);
    if (!detail) throw new Error('no customer');
    const cu = detail.customer;
    must(await laptop.saveCustomer(book.id, { name: cu.name, uscc: cu.uscc, termsDays: cu.termsDays, creditLimit: cu.creditLimit, contacts: cu.contacts, tags: cu.tags, notes: `bench edit ${i}` }, cu.id));
  }
  const invoices = (await laptop.listInvoices(book.id, { asOf: END, status: 'open', offset: 0, limit: 5 })).rows;
  for (const inv of invoices) {
    const d = await laptop.invoiceDetail(book.id, inv.id, END);
    if (!d) throw new Error('no invoice');
    const v = d.invoice;
    must(await laptop.saveInvoice(book.id, {
      customerId: v.customerId, number: v.number, issueDate: v.issueDate, dueDate: v.dueDate, amount: v.amount, currency: v.currency,
      description: `${v.description} (bench)`, disputed: v.disputed === 1, disputeReason: v.disputeReason,
    }, v.id));
  }
  await time(`incremental: laptop pushes 10 changes${label}`, INVOICES, async () => must(await laptop.syncNow(book.id)), moved);
  await time(`incremental: tablet pulls and merges them${label}`, INVOICES, async () => must(await tablet.syncNow(book.id)), moved);
  await time(`incremental: nothing new (both up to date)${label}`, INVOICES, async () => must(await tablet.syncNow(book.id)), moved);
  await time(`tablet dashboard after the pull (ledger catch-up)${label}`, INVOICES, () => tablet.dashboard(book.id, END));
  await laptop.close();
  await tablet.close();
  await Dexie.delete(laptopDb);
  await Dexie.delete(tabletDb);
}

async function main(): Promise<void> {
  console.log(`Overdue sync bench, Node ${process.version}\nNote: ${NOTE}\n`);
  console.log(`${'case'.padEnd(56)} ${'invoices'.padStart(7)} ${'time'.padStart(13)}`);
  const dir = await mkdtemp(join(tmpdir(), 'overdue-sync-bench-'));
  const server = await startSyncServer({ ...DEFAULT_OPTIONS, port: 0, dir, token: 'bench', quiet: true, maxBytes: 64 * 1024 * 1024 });
  try {
    await syncBench(`${server.url}/clear/`, '');
    await syncBench(`${server.url}/sealed/`, 'bench passphrase');
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = new URL('./out/sync.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, note: NOTE, rows }, null, 2)}\n`);
  console.log(`\nWritten ${out.pathname}`);
}

await main();
