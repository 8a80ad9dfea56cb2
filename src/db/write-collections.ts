// The collections workflow's writes, queued into the caller's batch (one
// transaction, one undoable action): a logged contact with its promise, stage
// fee and suspension; a payment plan; the suspension flag set by hand.

import type { ContactInput, ContactResult, PlanInput } from '../api/collections';
import { ATTACHMENT_MAX_BYTES, isAttachmentType, type Attachment, type Notice, type PaymentPlan, type PromiseToPay } from '../domain/collections';
import { isIsoDate } from '../domain/calendar';
import { fail, ok, type FieldError, type Result } from '../domain/errors';
import { openBalance } from '../domain/balance';
import { checkPlan, checkPromise } from '../domain/promise';
import type { Activity, Adjustment, Customer, Id, IsoDate, Minor, Stamped } from '../domain/types';
import { customerLedgers } from './open-items';
import type { OverdueDb } from './schema';
import { validateContact } from './validate-contact';
import { checkWholeNumber, text } from './validate-common';
import type { WriteBatch } from './write-batch';

/** What doing a policy stage brings with it, as the worker read it from the book's policy. */
export interface StageEffects {
  fee: Minor;
  suspend: boolean;
}

const MAX_GRACE_DAYS = 365;

async function liveCustomer(db: OverdueDb, bookId: Id, customerId: Id): Promise<Customer | null> {
  const c = await db.customers.get(customerId);
  return c && c.bookId === bookId && c.deleted === 0 ? c : null;
}

/** Open balance of the chosen invoices of the customer on a date, and the earliest issue date among them. */
async function chosenInvoices(
  db: OverdueDb, bookId: Id, customerId: Id, invoiceIds: Id[], asOf: IsoDate,
): Promise<{ balance: Minor; earliestIssue: IsoDate; missing: boolean }> {
  const ledgers = new Map((await customerLedgers(db, bookId, customerId)).map((l) => [l.invoice.id, l]));
  let balance = 0;
  let earliestIssue = '9999-12-31';
  let missing = false;
  for (const id of invoiceIds) {
    const l = ledgers.get(id);
    if (!l) {
      missing = true;
      continue;
    }
    balance += openBalance(l.invoice, l.entries, asOf);
    if (l.invoice.issueDate < earliestIssue) earliestIssue = l.invoice.issueDate;
  }
  return { balance, earliestIssue, missing };
}

function prefixed<T>(r: Result<T>, prefix: string): Result<T> {
  if (r.ok) return r;
  return { ok: false, errors: r.errors.map((e): FieldError => ({ ...e, field: e.field ? `${prefix}.${e.field}` : prefix })) };
}

export async function queueContact(
  db: OverdueDb, bookId: Id, batch: WriteBatch, input: ContactInput, effects: StageEffects,
): Promise<Result<ContactResult>> {
  const checked = validateContact(input);
  if (!checked.ok) return checked;
  const c = checked.value;
  const customer = await liveCustomer(db, bookId, c.customerId);
  if (!customer) return fail('customerId', 'customer.notFound');
  if (c.invoiceId !== null) {
    const inv = await db.invoices.get(c.invoiceId);
    if (!inv || inv.bookId !== bookId || inv.deleted === 1 || inv.customerId !== customer.id) return fail('invoiceId', 'invoice.notFound');
  }

  let promise: PromiseToPay | null = null;
  if (c.outcome === 'promised' && c.promise) {
    const p = c.promise;
    const grace = checkWholeNumber('promise.graceDays', p.graceDays, 0, MAX_GRACE_DAYS);
    if (grace) return { ok: false, errors: [grace] };
    const chosen = await chosenInvoices(db, bookId, customer.id, p.invoiceIds, c.date);
    if (chosen.missing) return fail('promise.invoiceIds', 'invoice.notFound');
    const valid = prefixed(checkPromise({
      amount: p.amount, date: p.date, madeOn: c.date, invoiceIds: p.invoiceIds,
      openBalance: chosen.balance, earliestIssueDate: chosen.earliestIssue,
    }), 'promise');
    if (!valid.ok) return valid;
    promise = batch.put<PromiseToPay>('promises', null, {
      id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, customerId: customer.id,
      invoiceIds: [...p.invoiceIds], amount: p.amount, date: p.date, madeOn: c.date, graceDays: p.graceDays,
      planId: null, note: c.note,
    });
  }

  const file = c.attachment ?? null;
  if (file) {
    const size = file.bytes instanceof ArrayBuffer ? file.bytes.byteLength : -1;
    if (size < 0 || !isAttachmentType(String(file.type))) return fail('attachment', 'attachment.type', { name: String(file.name) });
    if (size > ATTACHMENT_MAX_BYTES) return fail('attachment', 'attachment.tooLarge', { size, max: ATTACHMENT_MAX_BYTES });
  }

  const activity = batch.put<Activity>('activities', null, {
    id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, customerId: customer.id,
    invoiceId: c.invoiceId, date: c.date, channel: c.channel, stage: c.stage, outcome: c.outcome, note: c.note,
    nextActionDate: c.nextActionDate,
    promiseAmount: promise?.amount ?? null, promiseDate: promise?.date ?? null,
  });

  if (file) {
    // Logged by id only: a copy of a 5 MB photo in the change log would double it.
    batch.putBulk<Attachment>('insert', 'attachments', {
      id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, customerId: customer.id, activityId: activity.id,
      name: text(file.name).slice(0, 200) || 'attachment', type: file.type, size: file.bytes.byteLength, data: file.bytes,
    });
  }

  // A stage's fee and suspension come with doing it, not with skipping or snoozing it.
  const didStage = c.stage !== '' && c.outcome !== 'skipped' && c.outcome !== 'snoozed';
  let feeCharged = 0;
  if (didStage && effects.fee > 0 && c.invoiceId !== null) {
    const charge: Adjustment = {
      id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, kind: 'charge',
      invoiceId: c.invoiceId, customerId: customer.id, date: c.date, amount: effects.fee,
      reason: `stage:${c.stage}`, basis: `stageFee:${c.stage}`,
    };
    batch.put('adjustments', null, charge);
    feeCharged = effects.fee;
  }
  let suspended = false;
  if (didStage && effects.suspend && customer.suspended !== 1) {
    batch.put('customers', customer, { ...customer, suspended: 1, suspendReason: `stage:${c.stage}`, updatedAt: batch.stamp() });
    suspended = true;
  }
  return ok({ activity, promise, feeCharged, suspended });
}

export async function queuePlan(db: OverdueDb, bookId: Id, batch: WriteBatch, input: PlanInput): Promise<Result<PaymentPlan>> {
  const customer = await liveCustomer(db, bookId, input.customerId);
  if (!customer) return fail('customerId', 'customer.notFound');
  const grace = checkWholeNumber('graceDays', input.graceDays, 0, MAX_GRACE_DAYS);
  if (grace) return { ok: false, errors: [grace] };
  const instalments = Array.isArray(input.instalments) ? input.instalments.map((i) => ({ date: i.date, amount: i.amount })) : [];
  const chosen = await chosenInvoices(db, bookId, customer.id, input.invoiceIds ?? [], input.madeOn);
  if (chosen.missing) return fail('invoiceIds', 'invoice.notFound');
  // A plan settles the chosen invoices: its instalments must add up to what they still owe.
  const valid = checkPlan({
    instalments, total: chosen.balance, madeOn: input.madeOn, invoiceIds: input.invoiceIds ?? [],
    openBalance: chosen.balance, earliestIssueDate: chosen.earliestIssue,
  });
  if (!valid.ok) return valid;
  const plan = batch.put<PaymentPlan>('plans', null, {
    id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, customerId: customer.id,
    invoiceIds: [...input.invoiceIds], instalments, madeOn: input.madeOn, graceDays: input.graceDays, note: text(input.note),
  });
  return ok(plan);
}

export async function queueSuspension(
  db: OverdueDb, bookId: Id, batch: WriteBatch, customerId: Id, suspended: boolean, reason: string,
): Promise<Result<{ suspended: boolean }>> {
  const customer = await liveCustomer(db, bookId, customerId);
  if (!customer) return fail('customerId', 'customer.notFound');
  const why = text(reason);
  if (suspended && why === '') return fail('reason', 'required');
  batch.put('customers', customer, { ...customer, suspended: suspended ? 1 : 0, suspendReason: suspended ? why : '', updatedAt: batch.stamp() });
  return ok({ suspended });
}

/** The notice number for a new notice of the year: N-2026-0001, N-2026-0002, ... in the order issued. */
export async function nextNoticeNumber(db: OverdueDb, bookId: Id, date: IsoDate): Promise<string> {
  const prefix = `N-${date.slice(0, 4)}-`;
  let highest = 0;
  await db.notices.where('[bookId+deleted]').between([bookId, 0], [bookId, 1]).each((n) => {
    if (n.number.startsWith(prefix)) highest = Math.max(highest, Number(n.number.slice(prefix.length)) || 0);
  });
  return `${prefix}${String(highest + 1).padStart(4, '0')}`;
}

/**
 * Stores a produced notice under the next number with its exact text, and logs the
 * stage as done (a contact on the notice's channel). `render` gets the number, so
 * the stored text carries it (the caller has checked there is something to demand).
 */
export async function queueNotice(
  db: OverdueDb, bookId: Id, batch: WriteBatch,
  input: { customerId: Id; template: Notice['template']; stageId: string; date: IsoDate; locale: Notice['locale']; channel: Activity['channel'] },
  render: (number: string) => Omit<Notice, keyof Stamped | 'customerId' | 'number' | 'template' | 'stageId' | 'date' | 'locale' | 'deliveredOn'>,
): Promise<Result<Notice>> {
  const customer = await liveCustomer(db, bookId, input.customerId);
  if (!customer) return fail('customerId', 'customer.notFound');
  const number = await nextNoticeNumber(db, bookId, input.date);
  const rendered = render(number);
  const notice = batch.put<Notice>('notices', null, {
    id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, customerId: customer.id, number,
    template: input.template, stageId: input.stageId, date: input.date, locale: input.locale, deliveredOn: null, ...rendered,
  });
  batch.put<Activity>('activities', null, {
    id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, customerId: customer.id,
    invoiceId: rendered.invoiceIds[0] ?? null, date: input.date, channel: input.channel, stage: input.stageId,
    outcome: 'note', note: number, nextActionDate: null, promiseAmount: null, promiseDate: null,
  });
  return ok(notice);
}

/** Marks a notice delivered on a date (not before it was produced) and logs the delivery as a contact. */
export async function queueDelivery(db: OverdueDb, bookId: Id, batch: WriteBatch, noticeId: Id, date: IsoDate): Promise<Result<Notice>> {
  const notice = await db.notices.get(noticeId);
  if (!notice || notice.bookId !== bookId || notice.deleted === 1) return fail('', 'notice.notFound');
  if (!isIsoDate(date)) return fail('date', 'date.invalid');
  if (date < notice.date) return fail('date', 'date.outOfRange', { after: notice.date });
  const delivered = batch.put<Notice>('notices', notice, { ...notice, deliveredOn: date, updatedAt: batch.stamp() });
  batch.put<Activity>('activities', null, {
    id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, customerId: notice.customerId,
    invoiceId: notice.invoiceIds[0] ?? null, date, channel: 'letter', stage: '', outcome: 'reached',
    note: notice.number, nextActionDate: null, promiseAmount: null, promiseDate: null,
  });
  return ok(delivered);
}
