// Dunning (催收): which stage of the policy a customer needs next, and since when,
// and the order of the day's queue. DOMAIN.md "Collection workflow": the next action
// comes from the customer's most overdue open invoice (the driver), all overdue
// invoices go into one notice, chasing pauses while a promise or plan is current,
// and a broken promise resumes it at the next stage.
import type { Id, IsoDate, Minor } from './types';
import type { Grade, Policy, Stage } from './collections';
import { addDays, daysBetween } from './calendar';

/** An invoice as dunning sees it: its open balance as of the day asked about (paid or written off = 0). */
export interface DunningInvoice {
  id: Id;
  dueDate: IsoDate;
  balance: Minor;
  disputed: boolean;
}

/** A stage logged (contact made, or skipped on purpose) for a driver invoice, from the contact log. */
export interface StageDone {
  invoiceId: Id;
  stageId: string;
  date: IsoDate;
}

/** A pending promise or plan instalment: chasing waits through `until` (its date + grace days). */
export interface Pause {
  until: IsoDate;
}

export interface NextAction {
  stage: Stage;
  /** Index of `stage` in the policy's stages. */
  stageIndex: number;
  /** The most overdue chaseable invoice: the stage days count from its due date. */
  driverInvoiceId: Id;
  /** The day the stage became due. */
  dueOn: IsoDate;
  /** asOf - dueOn: how long the action has been waiting (0 = due today). */
  daysLate: number;
  /** Chaseable balances already past their due date. */
  overdueTotal: Minor;
  /** asOf - the driver's due date; negative before it (a courtesy reminder). */
  oldestDaysOverdue: number;
  /** What the notice covers: every chaseable invoice past due, or the driver alone when none is yet. */
  invoiceIds: Id[];
}

const byDueDateThenId = (a: DunningInvoice, b: DunningInvoice): number =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The stage a customer needs as of `asOf`, or null when nothing is due (or chasing
 * is paused). The rules, in order:
 *
 * 1. Snoozed (snoozedUntil > asOf) or any pause still current (until >= asOf): null.
 * 2. Only invoices with a balance and no dispute are chased. The driver is the one
 *    due first (ties: id). Stage s falls due on driver.dueDate + s.offsetDays.
 * 3. Only stages logged for the driver count (a newly most-overdue invoice starts its
 *    own sequence); stages before the last one logged are not offered again, and log
 *    entries dated after asOf or naming no stage of the policy are ignored.
 * 4. Of the stages after the last one logged, the FURTHEST one already due is offered,
 *    with daysLate counted from its own day. When nothing was logged for a while
 *    several stages are due at once; sending the gentle early one weeks late would
 *    say the wrong thing, so the customer gets the stage their lateness calls for.
 * 5. A broken promise counts when it broke (brokenOn) after the last logged stage's
 *    date and not before the driver's first stage day (older breaks belong to an
 *    earlier sequence). It resumes chasing at the stage after the last one logged,
 *    due on brokenOn even if that stage's own day has not come. Two choices where
 *    DOMAIN.md is silent: (a) once the driver is past due at the break, stages meant
 *    for on or before the due date (offset <= 0, the courtesy reminder) are passed
 *    over; (b) stages that fell due while the promise was pending are not jumped to
 *    ("resumes at the next stage"); only a stage whose own day comes after the break
 *    can overtake the resumed one (by rule 4), because the user then let it wait.
 *    Once the resumed stage is logged the break is behind it and rule 4 applies.
 * 6. Nothing due on or before asOf: null.
 */
export function nextAction(input: {
  invoices: DunningInvoice[];
  policy: Policy;
  done: StageDone[];
  pauses: Pause[];
  broken: IsoDate[];
  snoozedUntil: IsoDate | null;
  asOf: IsoDate;
}): NextAction | null {
  const { policy, asOf } = input;
  if (input.snoozedUntil !== null && input.snoozedUntil > asOf) return null;
  if (input.pauses.some((p) => p.until >= asOf)) return null;

  const chaseable = input.invoices.filter((i) => i.balance > 0 && !i.disputed).sort(byDueDateThenId);
  const driver = chaseable[0];
  const stages = policy.stages;
  const first = stages[0];
  if (!driver || !first) return null;
  const naturalDue = (s: Stage): IsoDate => addDays(driver.dueDate, s.offsetDays);

  // The last stage logged for the driver, and the latest day it was logged.
  let lastIndex = -1;
  let lastDate: IsoDate | null = null;
  for (const d of input.done) {
    if (d.invoiceId !== driver.id || d.date > asOf) continue;
    const i = stages.findIndex((s) => s.id === d.stageId);
    if (i < 0) continue;
    if (i > lastIndex || (i === lastIndex && lastDate !== null && d.date > lastDate)) {
      lastIndex = i;
      lastDate = d.date;
    }
  }

  const sequenceStart = naturalDue(first);
  let brokenOn: IsoDate | null = null;
  for (const b of input.broken) {
    if (b > asOf || b < sequenceStart || (lastDate !== null && b <= lastDate)) continue;
    if (brokenOn === null || b > brokenOn) brokenOn = b;
  }

  let pick: { index: number; dueOn: IsoDate } | null = null;
  if (brokenOn === null) {
    for (let i = lastIndex + 1; i < stages.length; i++) {
      const dueOn = naturalDue(stages[i] as Stage);
      if (dueOn <= asOf) pick = { index: i, dueOn };
    }
  } else {
    let resume = lastIndex + 1;
    if (brokenOn > driver.dueDate) {
      while (resume < stages.length && (stages[resume] as Stage).offsetDays <= 0) resume++;
    }
    if (resume < stages.length) pick = { index: resume, dueOn: brokenOn };
    for (let i = resume + 1; i < stages.length; i++) {
      const dueOn = naturalDue(stages[i] as Stage);
      if (dueOn > brokenOn && dueOn <= asOf) pick = { index: i, dueOn };
    }
  }
  if (pick === null) return null;

  const overdue = chaseable.filter((i) => i.dueDate < asOf);
  return {
    stage: stages[pick.index] as Stage,
    stageIndex: pick.index,
    driverInvoiceId: driver.id,
    dueOn: pick.dueOn,
    daysLate: daysBetween(pick.dueOn, asOf),
    overdueTotal: overdue.reduce((sum, i) => sum + i.balance, 0),
    oldestDaysOverdue: daysBetween(driver.dueDate, asOf),
    invoiceIds: overdue.length > 0 ? overdue.map((i) => i.id) : [driver.id],
  };
}

export interface QueueKey {
  overdueTotal: Minor;
  oldestDaysOverdue: number;
  grade: Grade | null;
  daysLate: number;
}

/**
 * How much a grade weighs in the queue: poorer payers first. An ungraded customer
 * (no history yet) weighs like a B: unknown is a little riskier than proven good.
 */
export const GRADE_FACTOR: Readonly<Record<Grade, number>> = { A: 1, B: 1.2, C: 1.5, D: 2 };
export const UNGRADED_FACTOR = 1.2;

/**
 * What a queue row is worth chasing today: the overdue amount, grown by a month's
 * weight per 30 days the oldest invoice is past due (older debt is harder to collect),
 * times the grade factor. 10,000.00 due 60 days for a C: 10,000.00 x 3 x 1.5.
 * A float, for ordering only; never shown as money.
 */
export function queueWeight(k: QueueKey): number {
  const factor = k.grade === null ? UNGRADED_FACTOR : GRADE_FACTOR[k.grade];
  return k.overdueTotal * (1 + Math.max(0, k.oldestDaysOverdue) / 30) * factor;
}

/**
 * Queue order for Array.prototype.sort: heaviest queueWeight first; ties by the
 * action waiting longest (daysLate), then the oldest debt (oldestDaysOverdue).
 */
export function queueOrder(a: QueueKey, b: QueueKey): number {
  const wa = queueWeight(a);
  const wb = queueWeight(b);
  if (wa !== wb) return wa > wb ? -1 : 1;
  return b.daysLate - a.daysLate || b.oldestDaysOverdue - a.oldestDaysOverdue;
}
