// What a customer's credit score is computed from, read off the working set in one
// pass over the customer's invoices and the events: the open and overdue balance
// as of a day, their age, the disputed part, the credit limit, and for each invoice
// paid off by then the day its balance reached zero (days late = that day - due).

import type { RiskFacts } from '../domain/risk-score';
import type { DayNumber, Id } from '../domain/types';
import { EVENT_NONE, FLAG_DISPUTED, GONE, type LedgerStore } from './store';
import type { BalanceView } from './view';

const YEAR = 365;

/** Promise counts come from the collections tables; everything else from the columns. */
export function customerRiskFacts(store: LedgerStore, view: BalanceView, customerId: Id): Omit<RiskFacts, 'brokenPromises' | 'keptPromises'> | null {
  const c = store.customerIndex.get(customerId);
  if (c === undefined || ((store.customerFlags[c] as number) & GONE) !== 0) return null;
  const asOf: DayNumber = view.asOfDay;
  const mine: number[] = [];
  for (let i = 0; i < store.invoiceCount; i++) {
    if (store.invoiceCustomer[i] === c && ((store.invoiceFlags[i] as number) & GONE) === 0 && (store.issueDay[i] as number) <= asOf) mine.push(i);
  }
  // Each invoice's events up to the day, in day order, to find when it was paid off.
  const events = new Map<number, { day: number; delta: number }[]>(mine.map((i) => [i, []]));
  for (let e = 0; e < store.eventCount; e++) {
    if (store.eventKind[e] === EVENT_NONE || (store.eventDay[e] as number) > asOf) continue;
    events.get(store.eventInvoice[e] as number)?.push({ day: store.eventDay[e] as number, delta: store.eventDelta[e] as number });
  }
  const limit = store.customerLimit[c] as number;
  const facts: Omit<RiskFacts, 'brokenPromises' | 'keptPromises'> = {
    open: 0, overdue: 0, overdueAgeDays: 0, oldestDaysOverdue: 0, daysLate: [], disputed: 0,
    creditLimit: Number.isNaN(limit) ? null : limit, priorDaysLate: [],
  };
  for (const i of mine) {
    const due = store.dueDay[i] as number;
    const balance = view.balance[i] as number;
    if (balance > 0) {
      facts.open += balance;
      if (((store.invoiceFlags[i] as number) & FLAG_DISPUTED) !== 0) facts.disputed += balance;
      if (due < asOf) {
        const age = asOf - due;
        facts.overdueAgeDays = (facts.overdueAgeDays * facts.overdue + age * balance) / (facts.overdue + balance);
        facts.overdue += balance;
        facts.oldestDaysOverdue = Math.max(facts.oldestDaysOverdue, age);
      }
      continue;
    }
    const list = (events.get(i) ?? []).sort((a, b) => a.day - b.day);
    let running = store.invoiceAmount[i] as number;
    for (const ev of list) {
      running += ev.delta;
      if (running > 0) continue;
      if (ev.day > asOf - YEAR) facts.daysLate.push(ev.day - due);
      else if (ev.day > asOf - 2 * YEAR) facts.priorDaysLate.push(ev.day - due);
      break;
    }
  }
  return facts;
}
