// What the limitation period (诉讼时效) needs from the working set, in one pass
// over the invoice columns and one over the events: the invoices with something
// left to claim as of a day, each with the days payments were allocated to it
// (a part payment is the debtor agreeing to pay, which restarts the period).

import type { DayNumber, Id, Minor } from '../domain/types';
import { EVENT_ALLOCATION, GONE, type LedgerStore } from './store';
import type { BalanceView } from './view';

export interface LimitationInvoice {
  invoiceId: Id;
  number: string;
  customerId: Id;
  customerName: string;
  dueDay: DayNumber;
  balance: Minor;
  /** Days of live allocations to the invoice dated on or before the as-of day, in no order. */
  paidDays: DayNumber[];
}

/**
 * Live invoices issued by the view's day with a balance left then (disputed ones
 * too: a dispute does not stop the clock), or only the invoice in row `only`
 * whatever its balance (an invoice's own page).
 */
export function limitationInvoices(store: LedgerStore, view: BalanceView, only: number | null = null): LimitationInvoice[] {
  const out: LimitationInvoice[] = [];
  // Row -> position in `out`, -1 when the invoice is not taken.
  const taken = new Int32Array(store.invoiceCount).fill(-1);
  const take = (i: number) => {
    const c = store.invoiceCustomer[i] as number;
    taken[i] = out.length;
    out.push({
      invoiceId: store.invoiceIds[i] as string,
      number: store.invoiceNumbers[i] as string,
      customerId: store.customerIds[c] as string,
      customerName: store.customerNames[c] as string,
      dueDay: store.dueDay[i] as number,
      balance: (store.issueDay[i] as number) <= view.asOfDay ? (view.balance[i] as number) : 0,
      paidDays: [],
    });
  };
  if (only !== null) {
    if (only >= 0 && only < store.invoiceCount && ((store.invoiceFlags[only] as number) & GONE) === 0) take(only);
  } else {
    for (let i = 0; i < store.invoiceCount; i++) {
      if (((store.invoiceFlags[i] as number) & GONE) !== 0) continue;
      if ((store.issueDay[i] as number) > view.asOfDay || (view.balance[i] as number) <= 0) continue;
      if (((store.customerFlags[store.invoiceCustomer[i] as number] as number) & GONE) !== 0) continue;
      take(i);
    }
  }
  if (out.length === 0) return out;
  for (let e = 0; e < store.eventCount; e++) {
    if (store.eventKind[e] !== EVENT_ALLOCATION || (store.eventDay[e] as number) > view.asOfDay) continue;
    const at = taken[store.eventInvoice[e] as number] as number;
    if (at >= 0) (out[at] as LimitationInvoice).paidDays.push(store.eventDay[e] as number);
  }
  return out;
}
