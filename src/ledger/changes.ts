// Feeding records into the store: a whole book at once, or the Change records
// the repository logs after each write (insert, update, tombstone, undo).

import type { Adjustment, Allocation, Book, Change, Customer, Invoice, Payment } from '../domain/types';
import type { LedgerStore } from './store';

/** The live-or-tombstoned records of one book, as read from the database or generated. */
export interface LedgerRecords {
  book: Book;
  customers: readonly Customer[];
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  allocations: readonly Allocation[];
  adjustments: readonly Adjustment[];
}

export function loadRecords(store: LedgerStore, records: Omit<LedgerRecords, 'book'>): void {
  store.reserve(
    records.customers.length,
    records.invoices.length,
    records.allocations.length + records.adjustments.length,
    records.payments.length,
  );
  for (const c of records.customers) store.upsertCustomer(c);
  for (const i of records.invoices) store.upsertInvoice(i);
  for (const p of records.payments) store.upsertPayment(p);
  for (const a of records.allocations) store.upsertAllocation(a);
  for (const j of records.adjustments) store.upsertAdjustment(j);
}

/**
 * One logged write. `after` is the record's new state (a tombstone has
 * deleted: 1); a null `after` removes the record outright. Activities and
 * other books' records do not move any figure.
 */
export function applyChange(store: LedgerStore, change: Change): void {
  const after = change.after as Record<string, unknown> | null;
  if (after !== null && 'bookId' in after && after.bookId !== store.book.id) return;
  switch (change.table) {
    case 'books':
      if (after !== null && change.recordId === store.book.id) store.setBook(after as unknown as Book);
      return;
    case 'customers':
      if (after) store.upsertCustomer(after as unknown as Customer);
      else store.removeCustomer(change.recordId);
      return;
    case 'invoices':
      if (after) store.upsertInvoice(after as unknown as Invoice);
      else store.removeInvoice(change.recordId);
      return;
    case 'payments':
      if (after) store.upsertPayment(after as unknown as Payment);
      else store.removePayment(change.recordId);
      return;
    case 'allocations':
      if (after) store.upsertAllocation(after as unknown as Allocation);
      else store.removeEvent(change.recordId);
      return;
    case 'adjustments':
      if (after) store.upsertAdjustment(after as unknown as Adjustment);
      else store.removeEvent(change.recordId);
      return;
    case 'activities':
      return;
  }
}
