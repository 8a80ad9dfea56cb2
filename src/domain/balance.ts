// Open balance of an invoice as of a date: the amount, plus charges, minus payment
// allocations, credit notes and write-offs, each counted only from its own date on.
import type { Adjustment, AdjustmentKind, Allocation, Id, Invoice, IsoDate, Minor } from './types';

/** One movement on an invoice: +charge, -allocation, -credit note, -write-off. */
export interface LedgerEntry {
  invoiceId: Id;
  date: IsoDate;
  delta: Minor;
}

/**
 * Balance as of `asOf` (inclusive). An invoice issued after `asOf` did not exist yet,
 * so its balance then is 0. `entries` are this invoice's; ISO dates compare as strings.
 */
export function openBalance(invoice: Pick<Invoice, 'amount' | 'issueDate'>, entries: LedgerEntry[], asOf: IsoDate): Minor {
  if (invoice.issueDate > asOf) return 0;
  let balance = invoice.amount;
  for (const e of entries) {
    if (e.date <= asOf) balance += e.delta;
  }
  return balance;
}

/** Sign of an adjustment's effect on the balance; stored adjustment amounts are positive. */
export function adjustmentDelta(kind: AdjustmentKind, amount: Minor): Minor {
  return kind === 'charge' ? amount : -amount;
}

/** Ledger entries from stored allocations and adjustments, skipping tombstones. */
export function ledgerEntries(
  allocations: Pick<Allocation, 'invoiceId' | 'date' | 'amount' | 'deleted'>[],
  adjustments: Pick<Adjustment, 'invoiceId' | 'date' | 'amount' | 'kind' | 'deleted'>[],
): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const a of allocations) {
    if (a.deleted === 0) entries.push({ invoiceId: a.invoiceId, date: a.date, delta: -a.amount });
  }
  for (const a of adjustments) {
    if (a.deleted === 0) entries.push({ invoiceId: a.invoiceId, date: a.date, delta: adjustmentDelta(a.kind, a.amount) });
  }
  return entries;
}
