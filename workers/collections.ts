// The collections workflow in the worker: today's queue and one customer's
// collections, from the working set (balances, allocations) and the small
// collections tables (contacts, promises, plans), and the writes that log them.

import type {
  AttachmentInfo, CollectionsApi, CustomerCollections, PlanRow, PromiseRow, QueuePage, QueueRow,
} from '../src/api/collections';
import type { Repository } from '../src/db/repository';
import type { OverdueDb } from '../src/db/schema';
import { storageFailure } from '../src/db/storage-errors';
import { addDays } from '../src/domain/calendar';
import type { Grade, PaymentPlan, Policy, PromiseToPay } from '../src/domain/collections';
import { nextAction, queueOrder, type NextAction, type Pause, type StageDone } from '../src/domain/dunning';
import { policyFor } from '../src/domain/policy';
import { bookPolicies } from './policies';
import { planState, promiseState } from '../src/domain/promise';
import type { Result } from '../src/domain/errors';
import type { Activity, Id, IsoDate } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import type { ChaseCustomer } from '../src/ledger/chase';
import { createNoticeApi } from './notices';
import { effectiveGrades } from './risk-state';
import { bookWeights } from './risk-settings';

interface CustomerState {
  done: StageDone[];
  snoozedUntil: IsoDate | null;
  pauses: Pause[];
  broken: IsoDate[];
  pausedBy: 'promise' | 'plan' | null;
}

const live = <T extends { deleted: 0 | 1 }>(r: T) => r.deleted === 0;

/** The stage lead of the earliest stage: how far ahead of due dates the queue must look. */
function leadDays(policies: Policy[]): number {
  let lead = 0;
  for (const p of policies) for (const s of p.stages) lead = Math.max(lead, -s.offsetDays);
  return lead;
}

function promiseRows(promises: PromiseToPay[], ledger: Ledger, asOf: IsoDate): PromiseRow[] {
  const paid = ledger.allocationsTo(new Set(promises.flatMap((p) => p.invoiceIds)));
  return promises.map((p) => ({ ...p, ...promiseState(p, paid, asOf) }));
}

function planRows(plans: PaymentPlan[], ledger: Ledger, asOf: IsoDate): PlanRow[] {
  const paid = ledger.allocationsTo(new Set(plans.flatMap((p) => p.invoiceIds)));
  return plans.map((p) => {
    const s = planState(p, paid, asOf);
    return { ...p, state: s.state, total: s.total, paid: s.paid, brokenOn: s.brokenOn, schedule: s.instalments };
  });
}

/** Contacts, promises and plans of one customer, reduced to what nextAction needs. */
function customerState(activities: Activity[], promises: PromiseRow[], plans: PlanRow[], asOf: IsoDate): CustomerState {
  const state: CustomerState = { done: [], snoozedUntil: null, pauses: [], broken: [], pausedBy: null };
  for (const a of activities) {
    if (a.date > asOf) continue;
    if (a.outcome === 'snoozed') {
      if (a.nextActionDate && (state.snoozedUntil === null || a.nextActionDate > state.snoozedUntil)) state.snoozedUntil = a.nextActionDate;
    } else if (a.stage !== '' && a.invoiceId !== null) {
      state.done.push({ invoiceId: a.invoiceId, stageId: a.stage, date: a.date });
    }
  }
  for (const p of promises) {
    if (p.madeOn > asOf || p.planId !== null) continue;
    if (p.state === 'pending') {
      state.pauses.push({ until: addDays(p.date, p.graceDays) });
      state.pausedBy = 'promise';
    } else if (p.state === 'broken' && p.brokenOn) state.broken.push(p.brokenOn);
  }
  for (const plan of plans) {
    if (plan.madeOn > asOf) continue;
    if (plan.state === 'current') {
      const open = plan.schedule.find((i) => i.state === 'pending');
      if (open) state.pauses.push({ until: addDays(open.date, plan.graceDays) });
      state.pausedBy = 'plan';
    } else if (plan.state === 'broken' && plan.brokenOn) state.broken.push(plan.brokenOn);
  }
  return state;
}

function queueRow(ledger: Ledger, c: ChaseCustomer, policy: Policy, action: NextAction, grade: Grade | null): QueueRow {
  return {
    customerId: c.customerId,
    customerName: c.name,
    grade,
    suspended: c.suspended,
    stage: action.stage,
    stageNumber: action.stageIndex + 1,
    stageCount: policy.stages.length,
    driverInvoiceId: action.driverInvoiceId,
    driverNumber: ledger.invoiceNumber(action.driverInvoiceId) ?? '',
    dueOn: action.dueOn,
    daysLate: action.daysLate,
    overdueTotal: action.overdueTotal,
    oldestDaysOverdue: action.oldestDaysOverdue,
    invoiceIds: action.invoiceIds,
  };
}

function groupBy<T extends { customerId: Id }>(rows: T[]): Map<Id, T[]> {
  const out = new Map<Id, T[]>();
  for (const r of rows) {
    const list = out.get(r.customerId);
    if (list) list.push(r);
    else out.set(r.customerId, [r]);
  }
  return out;
}

export function createCollectionsApi(
  db: OverdueDb,
  ready: Promise<{ repo: Repository }>,
  ledgerOf: (bookId: Id) => Promise<Ledger>,
): CollectionsApi {
  async function write<T>(run: (repo: Repository) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await run((await ready).repo);
    } catch (e) {
      return storageFailure(e);
    }
  }

  async function bookRows<T extends { deleted: 0 | 1 }>(table: 'activities' | 'promises' | 'plans', bookId: Id): Promise<T[]> {
    return (await db.table(table).where('[bookId+deleted]').equals([bookId, 0]).toArray()) as T[];
  }

  return {
    async collectionQueue(bookId, asOf): Promise<QueuePage> {
      const ledger = await ledgerOf(bookId);
      const policies = await bookPolicies(db, bookId);
      const chase = ledger.chaseCustomers(asOf, addDays(asOf, leadDays(policies)));
      const [activities, promises, plans] = await Promise.all([
        bookRows<Activity>('activities', bookId), bookRows<PromiseToPay>('promises', bookId), bookRows<PaymentPlan>('plans', bookId),
      ]);
      // The grade in use (set by hand, else computed) picks the policy and weighs the order.
      const grades = await effectiveGrades(db, ledger, bookId, asOf, await bookWeights(db, bookId));
      const contactsOf = groupBy(activities);
      const promisesOf = groupBy(promiseRows(promises, ledger, asOf));
      const plansOf = groupBy(planRows(plans, ledger, asOf));
      const rows: QueueRow[] = [];
      let paused = 0;
      for (const c of chase) {
        const state = customerState(contactsOf.get(c.customerId) ?? [], promisesOf.get(c.customerId) ?? [], plansOf.get(c.customerId) ?? [], asOf);
        const grade = grades.get(c.customerId) ?? null;
        const policy = policyFor(policies, grade);
        const action = nextAction({
          invoices: c.invoices, policy, done: state.done, pauses: state.pauses, broken: state.broken,
          snoozedUntil: state.snoozedUntil, asOf,
        });
        if (action) rows.push(queueRow(ledger, c, policy, action, grade));
        else if (state.pausedBy !== null || (state.snoozedUntil !== null && state.snoozedUntil > asOf)) paused += 1;
      }
      rows.sort(queueOrder);
      return { asOf, rows, paused };
    },

    async customerCollections(bookId, customerId, asOf): Promise<CustomerCollections | null> {
      const ledger = await ledgerOf(bookId);
      const customer = await db.customers.get(customerId);
      if (!customer || customer.bookId !== bookId || customer.deleted === 1) return null;
      const [activities, promises, plans, notices] = await Promise.all([
        db.activities.where('customerId').equals(customerId).filter(live).toArray(),
        db.promises.where('customerId').equals(customerId).filter(live).toArray(),
        db.plans.where('customerId').equals(customerId).filter(live).toArray(),
        db.notices.where('customerId').equals(customerId).filter(live).toArray(),
      ]);
      // Attachment info only: the bytes stay in IndexedDB until asked for.
      const attachments: AttachmentInfo[] = [];
      await db.attachments.where('activityId').anyOf(activities.map((a) => a.id)).each((f) => {
        if (f.deleted === 0) attachments.push({ id: f.id, activityId: f.activityId, name: f.name, type: f.type, size: f.size });
      });
      const promiseList = promiseRows(promises, ledger, asOf);
      const planList = planRows(plans, ledger, asOf);
      const state = customerState(activities, promiseList, planList, asOf);
      const policies = await bookPolicies(db, bookId);
      const grade = (await effectiveGrades(db, ledger, bookId, asOf, await bookWeights(db, bookId))).get(customerId) ?? null;
      const policy = policyFor(policies, grade);
      const chase = ledger.chaseCustomers(asOf, addDays(asOf, leadDays(policies))).find((c) => c.customerId === customerId);
      const action = chase
        ? nextAction({ invoices: chase.invoices, policy, done: state.done, pauses: state.pauses, broken: state.broken, snoozedUntil: state.snoozedUntil, asOf })
        : null;
      let pausedBy: CustomerCollections['pausedBy'] = null;
      if (!action) {
        if (state.snoozedUntil !== null && state.snoozedUntil > asOf) pausedBy = 'snooze';
        else if (state.pausedBy) pausedBy = state.pausedBy;
        else pausedBy = 'nothingDue';
      }
      activities.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.updatedAt < b.updatedAt ? 1 : -1));
      return {
        next: chase && action ? queueRow(ledger, chase, policy, action, grade) : null,
        pausedBy,
        activities,
        promises: promiseList.sort((a, b) => (a.date < b.date ? 1 : -1)),
        plans: planList,
        suspended: customer.suspended === 1,
        suspendReason: customer.suspendReason ?? '',
        notices: notices.sort((a, b) => (a.number < b.number ? 1 : -1)),
        attachments,
      };
    },

    async logContact(bookId, input) {
      const policies = await bookPolicies(db, bookId);
      const stage = policies.flatMap((p) => p.stages).find((s) => s.id === input.stage);
      return write((repo) => repo.logContact(bookId, input, { fee: stage?.fee ?? 0, suspend: stage?.suspendService ?? false }));
    },

    savePlan(bookId, input) {
      return write((repo) => repo.savePlan(bookId, input));
    },

    setSuspended(bookId, customerId, suspended, reason) {
      return write((repo) => repo.setSuspended(bookId, customerId, suspended, reason));
    },

    ...createNoticeApi(db, write, ledgerOf),

    async attachmentFile(bookId, attachmentId) {
      const f = await db.attachments.get(attachmentId);
      if (!f || f.bookId !== bookId || f.deleted === 1) return null;
      return { name: f.name, type: f.type, bytes: f.data };
    },
  };
}
