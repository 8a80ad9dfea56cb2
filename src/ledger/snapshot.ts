// The store as a structured-clone-friendly object (ArrayBuffers and string
// arrays only), so the worker can keep it in IndexedDB and skip the rebuild
// when a book is opened again.

import { toBuffer } from './columns';
import { LedgerStore, type BookSettings } from './store';

export const SNAPSHOT_FORMAT = 'overdue.ledger';
/**
 * Bump when the layout changes; an unknown version is rebuilt from records.
 * 2: customers.grade (grades set by hand); a version-1 snapshot has no such column
 * and would lose them, so it is rebuilt.
 */
export const SNAPSHOT_VERSION = 2;

export interface LedgerSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  book: BookSettings;
  maxDay: number;
  customers: {
    ids: string[]; names: string[];
    terms: ArrayBuffer; limit: ArrayBuffer; flags: ArrayBuffer; paid: ArrayBuffer; applied: ArrayBuffer;
    grade: ArrayBuffer;
  };
  invoices: {
    ids: string[]; numbers: string[]; search: string[];
    customer: ArrayBuffer; issueDay: ArrayBuffer; dueDay: ArrayBuffer; amount: ArrayBuffer;
    balance: ArrayBuffer; flags: ArrayBuffer; writeoffs: ArrayBuffer;
  };
  events: {
    ids: string[];
    invoice: ArrayBuffer; customer: ArrayBuffer; day: ArrayBuffer; delta: ArrayBuffer; kind: ArrayBuffer;
  };
  payments: { ids: string[]; customer: ArrayBuffer; day: ArrayBuffer; amount: ArrayBuffer };
}

export function isLedgerSnapshot(x: unknown): x is LedgerSnapshot {
  const s = x as Partial<LedgerSnapshot> | null;
  return typeof s === 'object' && s !== null && s.format === SNAPSHOT_FORMAT && s.version === SNAPSHOT_VERSION;
}

export function storeToSnapshot(s: LedgerStore): LedgerSnapshot {
  const c = s.customerCount;
  const n = s.invoiceCount;
  const e = s.eventCount;
  const p = s.paymentCount;
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    book: { ...s.book, agingBounds: [...s.book.agingBounds] },
    maxDay: s.maxDay,
    customers: {
      ids: s.customerIds.slice(0, c), names: s.customerNames.slice(0, c),
      terms: toBuffer(s.customerTerms, c), limit: toBuffer(s.customerLimit, c), flags: toBuffer(s.customerFlags, c),
      paid: toBuffer(s.customerPaid, c), applied: toBuffer(s.customerApplied, c), grade: toBuffer(s.customerGrade, c),
    },
    invoices: {
      ids: s.invoiceIds.slice(0, n), numbers: s.invoiceNumbers.slice(0, n), search: s.invoiceSearch.slice(0, n),
      customer: toBuffer(s.invoiceCustomer, n), issueDay: toBuffer(s.issueDay, n), dueDay: toBuffer(s.dueDay, n),
      amount: toBuffer(s.invoiceAmount, n), balance: toBuffer(s.invoiceBalance, n),
      flags: toBuffer(s.invoiceFlags, n), writeoffs: toBuffer(s.invoiceWriteoffs, n),
    },
    events: {
      ids: s.eventIds.slice(0, e),
      invoice: toBuffer(s.eventInvoice, e), customer: toBuffer(s.eventCustomer, e), day: toBuffer(s.eventDay, e),
      delta: toBuffer(s.eventDelta, e), kind: toBuffer(s.eventKind, e),
    },
    payments: {
      ids: s.paymentIds.slice(0, p),
      customer: toBuffer(s.paymentCustomer, p), day: toBuffer(s.paymentDay, p), amount: toBuffer(s.paymentAmount, p),
    },
  };
}

/** A store with its own copy of the snapshot's buffers (the snapshot stays usable). */
export function storeFromSnapshot(snap: LedgerSnapshot): LedgerStore {
  if (!isLedgerSnapshot(snap)) throw new TypeError('not a ledger snapshot of this version');
  const s = new LedgerStore(snap.book);
  s.setBook(snap.book);
  s.maxDay = snap.maxDay;

  const c = snap.customers;
  s.customerCount = c.ids.length;
  s.customerIds = [...c.ids];
  s.customerNames = [...c.names];
  s.customerSearch = c.names.map((name) => name.toLowerCase());
  s.customerTerms = new Int32Array(c.terms.slice(0));
  s.customerLimit = new Float64Array(c.limit.slice(0));
  s.customerFlags = new Uint8Array(c.flags.slice(0));
  s.customerPaid = new Float64Array(c.paid.slice(0));
  s.customerApplied = new Float64Array(c.applied.slice(0));
  s.customerGrade = new Uint8Array(c.grade.slice(0));

  const i = snap.invoices;
  s.invoiceCount = i.ids.length;
  s.invoiceIds = [...i.ids];
  s.invoiceNumbers = [...i.numbers];
  s.invoiceSearch = [...i.search];
  s.invoiceCustomer = new Int32Array(i.customer.slice(0));
  s.issueDay = new Int32Array(i.issueDay.slice(0));
  s.dueDay = new Int32Array(i.dueDay.slice(0));
  s.invoiceAmount = new Float64Array(i.amount.slice(0));
  s.invoiceBalance = new Float64Array(i.balance.slice(0));
  s.invoiceFlags = new Uint8Array(i.flags.slice(0));
  s.invoiceWriteoffs = new Int32Array(i.writeoffs.slice(0));

  const e = snap.events;
  s.eventCount = e.ids.length;
  s.eventIds = [...e.ids];
  s.eventInvoice = new Int32Array(e.invoice.slice(0));
  s.eventCustomer = new Int32Array(e.customer.slice(0));
  s.eventDay = new Int32Array(e.day.slice(0));
  s.eventDelta = new Float64Array(e.delta.slice(0));
  s.eventKind = new Uint8Array(e.kind.slice(0));

  const p = snap.payments;
  s.paymentCount = p.ids.length;
  s.paymentIds = [...p.ids];
  s.paymentCustomer = new Int32Array(p.customer.slice(0));
  s.paymentDay = new Int32Array(p.day.slice(0));
  s.paymentAmount = new Float64Array(p.amount.slice(0));
  s.dropIndexes();
  return s;
}
