// CSV exports built in the worker: rows from the ledger (aging, lists) or from the
// records read by index (payments, activities), encoded, and handed back as one
// file's bytes. The page only saves the file; it never sees the rows as objects.

import type { ExportFile, ExportOptions, ExportReport, InvoiceRow } from '../src/api/contract';
import type { OverdueDb } from '../src/db/schema';
import { ageOf, bucketIndex, bucketRanges, checkBounds } from '../src/domain/aging';
import { currencyDigits } from '../src/domain/money';
import type { Id } from '../src/domain/types';
import { writeCsv, type CsvRow } from '../src/export/csv';
import { exportFilename } from '../src/export/filename';
import {
  activityRows, agingDetailRows, agingSummary, agingSummaryRows, customerRows, invoiceRows, paymentRows, type CustomerAging,
} from '../src/export/reports';
import type { Ledger } from '../src/ledger';

export const EXPORT_REPORTS: readonly ExportReport[] = ['agingSummary', 'agingDetail', 'customers', 'invoices', 'payments', 'activities'];

function digitsOf(currency: string): number {
  try {
    return currencyDigits(currency);
  } catch {
    return 2;
  }
}

/** Every invoice row the lists would show (no paging: this is the file). */
function allInvoices(ledger: Ledger, options: ExportOptions, status: 'all' | 'open', sort: 'number' | 'customer'): InvoiceRow[] {
  return ledger.listInvoices({
    asOf: options.asOf, status, customerId: options.customerId, sort, offset: 0, limit: Number.MAX_SAFE_INTEGER,
  }).rows;
}

/** Per customer, the open balances in each bucket of the report's basis and bounds. */
function agingByCustomer(open: readonly InvoiceRow[], options: ExportOptions, bounds: number[], basis: 'due' | 'issue'): CustomerAging[] {
  const width = bucketRanges(bounds, basis).length;
  const byCustomer = new Map<Id, CustomerAging>();
  for (const inv of open) {
    if (inv.balance <= 0) continue;
    let row = byCustomer.get(inv.customerId);
    if (!row) {
      row = { customer: inv.customerName, buckets: new Array<number>(width).fill(0) };
      byCustomer.set(inv.customerId, row);
    }
    const age = ageOf(basis === 'due' ? inv.dueDate : inv.issueDate, options.asOf);
    const i = bucketIndex(age, bounds, basis);
    row.buckets[i] = (row.buckets[i] ?? 0) + inv.balance;
  }
  return [...byCustomer.values()];
}

/** Names of the customers the records mention (looked up in the ledger's columns). */
function customerNames(ledger: Ledger, records: readonly { customerId: Id }[]): Map<Id, string> {
  const names = new Map<Id, string>();
  for (const r of records) {
    const name = names.has(r.customerId) ? null : ledger.customerName(r.customerId);
    if (name !== null) names.set(r.customerId, name);
  }
  return names;
}

async function rowsOf(db: OverdueDb, ledger: Ledger, bookId: Id, report: ExportReport, options: ExportOptions, digits: number): Promise<CsvRow[]> {
  const book = ledger.book;
  const basis = options.basis ?? book.agingBasis;
  const bounds = options.bounds ?? book.agingBounds;
  const live = <T extends { deleted: 0 | 1; customerId: Id }>(r: T) => r.deleted === 0 && (options.customerId === undefined || r.customerId === options.customerId);
  switch (report) {
    case 'agingSummary': {
      const open = allInvoices(ledger, options, 'open', 'customer');
      return agingSummaryRows(agingSummary(agingByCustomer(open, options, bounds, basis), bucketRanges(bounds, basis)), digits);
    }
    case 'agingDetail':
      return agingDetailRows(allInvoices(ledger, options, 'open', 'customer'), options.asOf, bounds, basis, digits);
    case 'invoices':
      return invoiceRows(allInvoices(ledger, options, 'all', 'number'), digits);
    case 'customers': {
      const customers = (await db.customers.where('[bookId+deleted]').equals([bookId, 0]).toArray())
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const list = ledger.listCustomers({ asOf: options.asOf, offset: 0, limit: Number.MAX_SAFE_INTEGER }).rows;
      return customerRows(customers, digits, new Map(list.map((c) => [c.id, c])));
    }
    case 'payments': {
      const payments = (await db.payments.where('[bookId+deleted]').equals([bookId, 0]).toArray()).filter(live);
      const applied = new Map<Id, number>();
      const allocations = await db.allocations.where('[bookId+deleted]').equals([bookId, 0]).toArray();
      for (const a of allocations) applied.set(a.paymentId, (applied.get(a.paymentId) ?? 0) + a.amount);
      payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return paymentRows(payments.map((p) => ({ ...p, unapplied: p.amount - (applied.get(p.id) ?? 0) })), customerNames(ledger, payments), digits);
    }
    case 'activities': {
      const activities = (await db.activities.where('[bookId+deleted]').equals([bookId, 0]).toArray()).filter(live);
      activities.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const numbers = new Map<Id, string>();
      for (const a of activities) {
        const number = a.invoiceId === null ? null : ledger.invoiceNumber(a.invoiceId);
        if (a.invoiceId !== null && number !== null) numbers.set(a.invoiceId, number);
      }
      return activityRows(activities, customerNames(ledger, activities), numbers, digits);
    }
  }
}

/** Builds, encodes and names one report. Throws RangeError on an unknown report or bad bounds. */
export async function buildExport(db: OverdueDb, ledger: Ledger, bookId: Id, report: ExportReport, options: ExportOptions): Promise<ExportFile> {
  if (!EXPORT_REPORTS.includes(report)) throw new RangeError(`export.report: ${String(report)}`);
  if (options.bounds !== undefined && !checkBounds(options.bounds).ok) throw new RangeError('aging.bounds');
  const book = ledger.book;
  const digits = digitsOf(book.currency);
  const rows = await rowsOf(db, ledger, bookId, report, options, digits);
  const encoding = options.encoding === 'gbk' ? 'gbk' : 'utf-8';
  const encoded = writeCsv(rows, { encoding });
  // A fresh ArrayBuffer of exactly the file's length, so it can be transferred.
  const bytes = encoded.buffer.byteLength === encoded.byteLength ? encoded.buffer as ArrayBuffer : encoded.slice().buffer as ArrayBuffer;
  const customerName = options.customerId === undefined ? undefined : (ledger.customerName(options.customerId) ?? undefined);
  return {
    filename: exportFilename(book.name, report, options.asOf, customerName),
    mime: `text/csv;charset=${encoding}`,
    bytes,
  };
}
