// Invoice balances computed from stored records: what a customer owes as of a
// date, and how much can still be applied to an invoice on a date.

import type { Id, Invoice, IsoDate, Minor } from '../domain/types';
import { ledgerEntries, openBalance, type LedgerEntry } from '../domain/balance';
import { compareOpenItems, type OpenItem } from '../domain/allocation';
import type { OverdueDb } from './schema';

export interface InvoiceLedger {
  invoice: Invoice;
  /** Live allocations and adjustments of this invoice as balance movements. */
  entries: LedgerEntry[];
}

/** Every live invoice of the customer with its ledger entries. */
export async function customerLedgers(db: OverdueDb, bookId: Id, customerId: Id): Promise<InvoiceLedger[]> {
  const live = <T extends { bookId: Id; deleted: 0 | 1 }>(r: T) => r.bookId === bookId && r.deleted === 0;
  const [invoices, allocations, adjustments] = await Promise.all([
    db.invoices.where('customerId').equals(customerId).filter(live).toArray(),
    db.allocations.where('customerId').equals(customerId).filter(live).toArray(),
    db.adjustments.where('customerId').equals(customerId).filter(live).toArray(),
  ]);
  const byInvoice = new Map<Id, LedgerEntry[]>(invoices.map((inv) => [inv.id, []]));
  for (const entry of ledgerEntries(allocations, adjustments)) byInvoice.get(entry.invoiceId)?.push(entry);
  return invoices.map((invoice) => ({ invoice, entries: byInvoice.get(invoice.id) ?? [] }));
}

/** One invoice's live ledger entries. */
export async function invoiceLedger(db: OverdueDb, invoice: Invoice): Promise<InvoiceLedger> {
  const live = (r: { bookId: Id; deleted: 0 | 1 }) => r.bookId === invoice.bookId && r.deleted === 0;
  const [allocations, adjustments] = await Promise.all([
    db.allocations.where('invoiceId').equals(invoice.id).filter(live).toArray(),
    db.adjustments.where('invoiceId').equals(invoice.id).filter(live).toArray(),
  ]);
  return { invoice, entries: ledgerEntries(allocations, adjustments) };
}

/**
 * The lowest balance the invoice reaches on `date` or at any later movement.
 * A back-dated payment or credit must not push a later balance below zero, so
 * this (not just the balance on `date`) is what can still be applied on `date`.
 */
export function lowestBalanceFrom(ledger: InvoiceLedger, date: IsoDate): Minor {
  const { invoice, entries } = ledger;
  let lowest = openBalance(invoice, entries, date);
  for (const e of entries) {
    if (e.date > date) lowest = Math.min(lowest, openBalance(invoice, entries, e.date));
  }
  return lowest;
}

/** What can be allocated, credited or written off on `date` (never negative). */
export function availableOn(ledger: InvoiceLedger, date: IsoDate): Minor {
  return Math.max(0, lowestBalanceFrom(ledger, date));
}

function toOpenItem(invoice: Invoice, balance: Minor): OpenItem {
  return { invoiceId: invoice.id, number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, balance };
}

/** The customer's invoices with a positive balance as of `asOf`, oldest due first. */
export async function computeOpenItems(db: OverdueDb, bookId: Id, customerId: Id, asOf: IsoDate): Promise<OpenItem[]> {
  const ledgers = await customerLedgers(db, bookId, customerId);
  return ledgers
    .map((l) => toOpenItem(l.invoice, openBalance(l.invoice, l.entries, asOf)))
    .filter((item) => item.balance > 0)
    .sort(compareOpenItems);
}

/**
 * What a payment dated `date` may be applied to: like computeOpenItems, but each
 * balance capped so no later balance goes below zero (equal unless later-dated
 * payments or credits already exist). `includeZero` keeps fully paid invoices,
 * which an explicit allocation needs to report "exceeds balance" rather than "not found".
 */
export async function computeAllocatableItems(
  db: OverdueDb, bookId: Id, customerId: Id, date: IsoDate, includeZero = false,
): Promise<OpenItem[]> {
  return allocatableItemsOn(db, bookId, customerId, () => date, includeZero);
}

/**
 * Like computeAllocatableItems, but each invoice is looked at on its own date
 * (`dateOf`): applying existing credit takes effect on the later of the payment
 * date and the invoice's issue date, which differs per invoice.
 */
export async function allocatableItemsOn(
  db: OverdueDb, bookId: Id, customerId: Id, dateOf: (invoice: Invoice) => IsoDate, includeZero = false,
): Promise<OpenItem[]> {
  const ledgers = await customerLedgers(db, bookId, customerId);
  return ledgers
    .map((l) => toOpenItem(l.invoice, availableOn(l, dateOf(l.invoice))))
    .filter((item) => includeZero || item.balance > 0)
    .sort(compareOpenItems);
}
