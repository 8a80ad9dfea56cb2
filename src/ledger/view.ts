// Balances as of a date. For any date on or after the newest dated record the
// store's cached balances are the answer; for an earlier date they are
// recomputed from the amounts and the events dated on or before it (invoices
// issued later do not exist yet), which is one pass over the columns.

import type { DayNumber } from '../domain/types';
import { addAt } from './columns';
import { EVENT_ALLOCATION, EVENT_NONE, EVENT_WRITEOFF, type LedgerStore } from './store';

export interface BalanceView {
  asOfDay: DayNumber;
  /** Per invoice row: balance as of asOfDay (0 when issued later). */
  balance: Float64Array;
  /** Per invoice row: live write-offs dated on or before asOfDay. */
  writeoffs: Int32Array;
  /** Per customer row: unapplied payment credit as of asOfDay. */
  credit: Float64Array;
}

/** True when the store's cached balances already hold as of this day. */
export function isCurrent(store: LedgerStore, asOfDay: DayNumber): boolean {
  return asOfDay >= store.maxDay;
}

export function balancesAsOf(store: LedgerStore, asOfDay: DayNumber): BalanceView {
  const credit = new Float64Array(store.customerCount);
  if (isCurrent(store, asOfDay)) {
    for (let c = 0; c < store.customerCount; c++) {
      credit[c] = (store.customerPaid[c] as number) - (store.customerApplied[c] as number);
    }
    return { asOfDay, balance: store.invoiceBalance, writeoffs: store.invoiceWriteoffs, credit };
  }

  const n = store.invoiceCount;
  const balance = new Float64Array(n);
  const writeoffs = new Int32Array(n);
  const { issueDay, invoiceAmount } = store;
  for (let i = 0; i < n; i++) {
    if ((issueDay[i] as number) <= asOfDay) balance[i] = invoiceAmount[i] as number;
  }
  const { eventKind, eventDay, eventInvoice, eventDelta, eventCustomer } = store;
  for (let e = 0; e < store.eventCount; e++) {
    const kind = eventKind[e];
    if (kind === EVENT_NONE || (eventDay[e] as number) > asOfDay) continue;
    const inv = eventInvoice[e] as number;
    if (kind === EVENT_ALLOCATION) addAt(credit, eventCustomer[e] as number, eventDelta[e] as number);
    if ((issueDay[inv] as number) > asOfDay) continue;
    addAt(balance, inv, eventDelta[e] as number);
    if (kind === EVENT_WRITEOFF) addAt(writeoffs, inv, 1);
  }
  const { paymentDay, paymentCustomer, paymentAmount } = store;
  for (let p = 0; p < store.paymentCount; p++) {
    if ((paymentDay[p] as number) <= asOfDay) addAt(credit, paymentCustomer[p] as number, paymentAmount[p] as number);
  }
  return { asOfDay, balance, writeoffs, credit };
}
