// What the collections queue needs from the working set, in one pass over the
// invoice columns: per customer, the open invoices that could be chased as of a
// day (balance left, not disputed, due by the horizon), and the payments
// allocated to a set of invoices (to tell kept promises from broken ones).

import type { DunningInvoice } from '../domain/dunning';
import type { PaidEvent } from '../domain/promise';
import type { DayNumber, Id } from '../domain/types';
import { fromDayNumber } from '../domain/calendar';
import { EVENT_ALLOCATION, FLAG_DISPUTED, FLAG_SUSPENDED, GONE, type LedgerStore } from './store';
import type { BalanceView } from './view';

export interface ChaseCustomer {
  customerId: Id;
  name: string;
  suspended: boolean;
  invoices: DunningInvoice[];
}

/**
 * Customers with at least one open, undisputed invoice due on or before
 * `horizonDay` (the as-of day plus the earliest stage's lead, e.g. 3 days for a
 * courtesy reminder), each with those invoices. Disputed invoices are left out:
 * they are never chased.
 */
export function chaseCustomers(store: LedgerStore, view: BalanceView, horizonDay: DayNumber): ChaseCustomer[] {
  const byCustomer = new Map<number, DunningInvoice[]>();
  for (let i = 0; i < store.invoiceCount; i++) {
    const flags = store.invoiceFlags[i] as number;
    if ((flags & (GONE | FLAG_DISPUTED)) !== 0) continue;
    if ((store.issueDay[i] as number) > view.asOfDay || (view.balance[i] as number) <= 0) continue;
    if ((store.dueDay[i] as number) > horizonDay) continue;
    const c = store.invoiceCustomer[i] as number;
    if (((store.customerFlags[c] as number) & GONE) !== 0) continue;
    let list = byCustomer.get(c);
    if (!list) byCustomer.set(c, (list = []));
    list.push({
      id: store.invoiceIds[i] as string,
      dueDate: fromDayNumber(store.dueDay[i] as number),
      balance: view.balance[i] as number,
      disputed: false,
    });
  }
  return [...byCustomer].map(([c, invoices]) => ({
    customerId: store.customerIds[c] as string,
    name: store.customerNames[c] as string,
    suspended: ((store.customerFlags[c] as number) & FLAG_SUSPENDED) !== 0,
    invoices,
  }));
}

/** Live allocations to any of the invoices (credit notes and write-offs are not payments). */
export function allocationsTo(store: LedgerStore, invoiceIds: ReadonlySet<Id>): PaidEvent[] {
  const slots = new Set<number>();
  for (const id of invoiceIds) {
    const i = store.invoiceIndex.get(id);
    if (i !== undefined) slots.add(i);
  }
  const out: PaidEvent[] = [];
  if (slots.size === 0) return out;
  for (let e = 0; e < store.eventCount; e++) {
    if (store.eventKind[e] !== EVENT_ALLOCATION) continue;
    const inv = store.eventInvoice[e] as number;
    if (!slots.has(inv)) continue;
    out.push({ invoiceId: store.invoiceIds[inv] as string, date: fromDayNumber(store.eventDay[e] as number), amount: -(store.eventDelta[e] as number) });
  }
  return out;
}

export function isSuspended(store: LedgerStore, customerId: Id): boolean {
  const c = store.customerIndex.get(customerId);
  return c !== undefined && ((store.customerFlags[c] as number) & FLAG_SUSPENDED) !== 0;
}
