// Promises to pay and plan instalments for credit risk: read once per ledger
// version with the [bookId+deleted] index, with the allocations to the promised
// invoices grouped by invoice, then judged as of any day (promiseState,
// planState). They feed the score (kept and broken in the last 12 months), the
// forecast (pending promises, current plans' instalments) and the warnings
// (promises broken in the window).

import type { OverdueDb } from '../src/db/schema';
import { addDays } from '../src/domain/calendar';
import type { PaymentPlan, PromiseState, PromiseToPay } from '../src/domain/collections';
import type { ForecastInstalment, ForecastPromise } from '../src/domain/cash-forecast';
import { planState, promiseState, type PaidEvent } from '../src/domain/promise';
import type { Id, IsoDate, Minor } from '../src/domain/types';
import type { Ledger } from '../src/ledger';

/** A customer needs this many judged promises before their own kept rate is used in the forecast. */
export const OWN_KEPT_RATE_MIN = 3;
/** The kept rate when the book has no judged promise at all. */
export const DEFAULT_KEPT_RATE = 0.5;

export interface CollectionsRecord {
  promises: PromiseToPay[];
  plans: PaymentPlan[];
  paidByInvoice: Map<Id, PaidEvent[]>;
}

export async function readCollections(db: OverdueDb, ledger: Ledger, bookId: Id): Promise<CollectionsRecord> {
  const [promises, plans] = await Promise.all([
    db.promises.where('[bookId+deleted]').equals([bookId, 0]).toArray(),
    db.plans.where('[bookId+deleted]').equals([bookId, 0]).toArray(),
  ]);
  const ids = new Set<Id>();
  for (const p of promises) for (const id of p.invoiceIds) ids.add(id);
  for (const p of plans) for (const id of p.invoiceIds) ids.add(id);
  const paidByInvoice = new Map<Id, PaidEvent[]>();
  for (const e of ledger.allocationsTo(ids)) {
    const list = paidByInvoice.get(e.invoiceId);
    if (list) list.push(e);
    else paidByInvoice.set(e.invoiceId, [e]);
  }
  return { promises, plans, paidByInvoice };
}

/** A promise, or one instalment of a plan, as it stands on a day. */
export interface JudgedPromise {
  customerId: Id;
  /** The promise id, or `${planId}#${index}` for an instalment. */
  promiseId: Id;
  invoiceIds: Id[];
  amount: Minor;
  /** What counted towards it. */
  paid: Minor;
  date: IsoDate;
  madeOn: IsoDate;
  state: PromiseState;
  brokenOn: IsoDate | null;
  /** For an instalment: whether its plan is still current (its pending instalments are expected). */
  planCurrent?: boolean;
}

function paidFor(rec: CollectionsRecord, invoiceIds: readonly Id[]): PaidEvent[] {
  const out: PaidEvent[] = [];
  for (const id of new Set(invoiceIds)) out.push(...(rec.paidByInvoice.get(id) ?? []));
  return out;
}

/** Every promise and instalment made on or before the day, judged as of it. */
export function judgePromises(rec: CollectionsRecord, asOf: IsoDate): JudgedPromise[] {
  const out: JudgedPromise[] = [];
  for (const p of rec.promises) {
    if (p.madeOn > asOf) continue;
    const s = promiseState(p, paidFor(rec, p.invoiceIds), asOf);
    out.push({
      customerId: p.customerId, promiseId: p.id, invoiceIds: p.invoiceIds, amount: p.amount, paid: s.paid,
      date: p.date, madeOn: p.madeOn, state: s.state, brokenOn: s.brokenOn,
    });
  }
  for (const plan of rec.plans) {
    if (plan.madeOn > asOf) continue;
    const s = planState(plan, paidFor(rec, plan.invoiceIds), asOf);
    s.instalments.forEach((inst, i) => {
      out.push({
        customerId: plan.customerId, promiseId: `${plan.id}#${i}`, invoiceIds: plan.invoiceIds, amount: inst.amount,
        paid: inst.paidTowards, date: inst.date, madeOn: plan.madeOn, state: inst.state,
        brokenOn: inst.state === 'broken' ? addDays(inst.date, plan.graceDays + 1) : null, planCurrent: s.state === 'current',
      });
    });
  }
  return out;
}

export interface PromiseCounts {
  broken: number;
  kept: number;
}

/** Kept and broken promises per customer among those made in the 365 days ending on the day. */
export function promiseCounts(judged: readonly JudgedPromise[], asOf: IsoDate): Map<Id, PromiseCounts> {
  const yearAgo = addDays(asOf, -365);
  const out = new Map<Id, PromiseCounts>();
  for (const j of judged) {
    if (j.madeOn <= yearAgo || j.state === 'pending') continue;
    let c = out.get(j.customerId);
    if (!c) out.set(j.customerId, (c = { broken: 0, kept: 0 }));
    if (j.state === 'broken') c.broken += 1;
    else c.kept += 1;
  }
  return out;
}

/**
 * What promises and plans add to the forecast: pending promises (what is still
 * unpaid of them) at the customer's kept rate, or the book's while the customer has
 * fewer than OWN_KEPT_RATE_MIN judged promises; pending instalments of current
 * plans as certain (cashForecast's default).
 */
export function forecastCommitments(judged: readonly JudgedPromise[], counts: Map<Id, PromiseCounts>): {
  promises: ForecastPromise[];
  instalments: ForecastInstalment[];
} {
  let kept = 0;
  let total = 0;
  for (const c of counts.values()) {
    kept += c.kept;
    total += c.kept + c.broken;
  }
  const bookRate = total > 0 ? kept / total : DEFAULT_KEPT_RATE;
  const promises: ForecastPromise[] = [];
  const instalments: ForecastInstalment[] = [];
  for (const j of judged) {
    const left = j.amount - j.paid;
    if (j.state !== 'pending' || left <= 0) continue;
    if (j.planCurrent === undefined) {
      const own = counts.get(j.customerId);
      const judgedOwn = own ? own.kept + own.broken : 0;
      const keptRate = own && judgedOwn >= OWN_KEPT_RATE_MIN ? own.kept / judgedOwn : bookRate;
      promises.push({ invoiceIds: j.invoiceIds, amount: left, day: j.date, keptRate });
    } else if (j.planCurrent) {
      instalments.push({ invoiceIds: j.invoiceIds, amount: left, day: j.date });
    }
  }
  return { promises, instalments };
}
