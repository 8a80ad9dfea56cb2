// The records that restart an invoice's limitation period (PRC Civil Code art. 195,
// DOMAIN.md "Limitation period"), read from a book's collections tables and turned
// into RestartEvents per invoice, or per customer for contacts about the customer
// as a whole. Only what happened on or before the as-of day counts.
//
// Which record is which event:
// - a notice marked delivered: a demand that reached the debtor, on the delivery
//   day, for every invoice the notice lists;
// - a contact that reached the debtor (outcome reached, promised, refused or
//   disputed: a refusal or a dispute is the debtor's answer, so the demand got
//   there; no answer, a note, a skip or a snooze did not reach anyone): a demand
//   on the contact's day, or on the litigation channel a filing;
// - a contact with outcome promised, and every promise to pay (madeOn): the
//   debtor agreeing to pay, for the promised invoices;
// - a payment plan (madeOn): agreement to pay, for the plan's invoices;
// - a payment allocated to the invoice (its allocation day): a part payment
//   (added by the caller from the ledger, see paymentEvents).
// A contact names one invoice, or none (about the customer as a whole): then it
// counts for every invoice of the customer. limitationOf ignores an event before
// an invoice's period began, so an invoice not yet due then gains nothing from it.
// Nothing records an acknowledgement on its own yet (a signed confirmation slip
// would be one); the kind is there for when something does.

import type { Notice, PaymentPlan, PromiseToPay } from '../src/domain/collections';
import { fromDayNumber } from '../src/domain/calendar';
import type { RestartEvent, RestartKind } from '../src/domain/limitation';
import type { Activity, DayNumber, Id, IsoDate, Outcome } from '../src/domain/types';

/** Outcomes that show the contact reached the debtor, whatever they answered. */
const REACHED: ReadonlySet<Outcome> = new Set<Outcome>(['reached', 'promised', 'refused', 'disputed']);

export interface RestartSources {
  notices: readonly Notice[];
  activities: readonly Activity[];
  promises: readonly PromiseToPay[];
  plans: readonly PaymentPlan[];
}

export interface RestartIndex {
  /** Events recorded against one invoice. */
  byInvoice: Map<Id, RestartEvent[]>;
  /** Events of contacts about a customer as a whole: they count for each of its invoices. */
  byCustomer: Map<Id, RestartEvent[]>;
}

function add(map: Map<Id, RestartEvent[]>, key: Id, kind: RestartKind, date: IsoDate): void {
  const list = map.get(key);
  if (list) list.push({ kind, date });
  else map.set(key, [{ kind, date }]);
}

/** The kinds a contact counts as (none, one or two: a promise made on a call is also a demand that reached). */
export function contactKinds(activity: Pick<Activity, 'channel' | 'outcome'>): RestartKind[] {
  if (!REACHED.has(activity.outcome)) return [];
  const kinds: RestartKind[] = [activity.channel === 'litigation' ? 'filing' : 'demand'];
  if (activity.outcome === 'promised') kinds.push('promise');
  return kinds;
}

/** Live records only; those dated after `asOf` are left out. */
export function restartIndex(sources: RestartSources, asOf: IsoDate): RestartIndex {
  const byInvoice = new Map<Id, RestartEvent[]>();
  const byCustomer = new Map<Id, RestartEvent[]>();
  for (const n of sources.notices) {
    if (n.deleted === 1 || n.deliveredOn === null || n.deliveredOn > asOf) continue;
    for (const id of n.invoiceIds) add(byInvoice, id, 'demand', n.deliveredOn);
  }
  for (const a of sources.activities) {
    if (a.deleted === 1 || a.date > asOf) continue;
    for (const kind of contactKinds(a)) {
      if (a.invoiceId === null) add(byCustomer, a.customerId, kind, a.date);
      else add(byInvoice, a.invoiceId, kind, a.date);
    }
  }
  for (const p of sources.promises) {
    if (p.deleted === 1 || p.madeOn > asOf) continue;
    for (const id of p.invoiceIds) add(byInvoice, id, 'promise', p.madeOn);
  }
  for (const plan of sources.plans) {
    if (plan.deleted === 1 || plan.madeOn > asOf) continue;
    for (const id of plan.invoiceIds) add(byInvoice, id, 'plan', plan.madeOn);
  }
  return { byInvoice, byCustomer };
}

/** Payments allocated to the invoice on these days (the ledger's allocation days up to the as-of day). */
export function paymentEvents(paidDays: readonly DayNumber[]): RestartEvent[] {
  return paidDays.map((d) => ({ kind: 'payment', date: fromDayNumber(d) }));
}

/** Everything that may have restarted one invoice's period. */
export function invoiceEvents(index: RestartIndex, invoiceId: Id, customerId: Id, paidDays: readonly DayNumber[]): RestartEvent[] {
  return [
    ...(index.byInvoice.get(invoiceId) ?? []),
    ...(index.byCustomer.get(customerId) ?? []),
    ...paymentEvents(paidDays),
  ];
}
