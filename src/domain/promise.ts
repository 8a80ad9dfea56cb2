// Promises to pay (承诺付款) and payment plans (分期): whether they are kept, and the
// checks a new one must pass. DOMAIN.md: a promise is kept when payments allocated to
// the promised invoices reach the amount by the date plus grace days; a plan is a
// list of such promises.
import type { Id, IsoDate, Minor } from './types';
import type { Instalment, PaymentPlan, PromiseState, PromiseToPay } from './collections';
import { addDays, isIsoDate } from './calendar';
import { ok, type FieldError, type Result } from './errors';

/**
 * Money that reached an invoice on a day: an allocation of a payment. Credit notes
 * and write-offs lower the balance but are not the customer paying, so callers do
 * not pass them.
 */
export interface PaidEvent {
  invoiceId: Id;
  date: IsoDate;
  amount: Minor;
}

export const MAX_INSTALMENTS = 60;

/** Payments to `invoiceIds` dated from `from` through `through` (ISO strings compare as dates). */
function paidBetween(invoiceIds: readonly Id[], paid: readonly PaidEvent[], from: IsoDate, through: IsoDate): Minor {
  const ids = new Set(invoiceIds);
  let sum = 0;
  for (const e of paid) {
    if (ids.has(e.invoiceId) && e.date >= from && e.date <= through) sum += e.amount;
  }
  return sum;
}

const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);

/**
 * kept: payments since madeOn reached the amount by date + graceDays (as soon as they
 * do, even before the date). broken: the last day of grace has passed without that;
 * brokenOn is the first day it counts as broken (date + graceDays + 1). pending:
 * otherwise. `paid` is what counted: allocations from madeOn through the earlier of
 * asOf and the last day of grace; later payments are welcome but do not keep it.
 */
export function promiseState(
  p: Pick<PromiseToPay, 'invoiceIds' | 'amount' | 'date' | 'madeOn' | 'graceDays'>,
  paid: PaidEvent[],
  asOf: IsoDate,
): { state: PromiseState; paid: Minor; brokenOn: IsoDate | null } {
  const lastDay = addDays(p.date, p.graceDays);
  const counted = paidBetween(p.invoiceIds, paid, p.madeOn, earlier(asOf, lastDay));
  if (counted >= p.amount) return { state: 'kept', paid: counted, brokenOn: null };
  if (asOf > lastDay) return { state: 'broken', paid: counted, brokenOn: addDays(lastDay, 1) };
  return { state: 'pending', paid: counted, brokenOn: null };
}

/**
 * A plan judged instalment by instalment on cumulative sums: instalment i is kept
 * when everything paid since madeOn by its date + grace covers instalments 0..i, so
 * paying early or paying ahead counts toward the next ones. An instalment missed
 * stays broken even if a later payment catches up, and the plan is broken from its
 * first broken instalment; it is completed when every instalment is kept.
 * paidTowards = the part of instalment i covered by what counted for it:
 * min(amount, max(0, paid by its last day of grace - the instalments before it)).
 * `paid` counts payments from madeOn through the earlier of asOf and the last
 * instalment's last day of grace; `total` is the sum of the instalments.
 * Instalments are taken in the order given (checkPlan makes their dates increase).
 */
export function planState(
  plan: Pick<PaymentPlan, 'invoiceIds' | 'instalments' | 'madeOn' | 'graceDays'>,
  paid: PaidEvent[],
  asOf: IsoDate,
): {
  state: 'current' | 'completed' | 'broken';
  instalments: { date: IsoDate; amount: Minor; state: PromiseState; paidTowards: Minor }[];
  brokenOn: IsoDate | null;
  paid: Minor;
  total: Minor;
} {
  let before = 0; // the instalments ahead of this one, cumulated
  let brokenOn: IsoDate | null = null;
  let lastDay = plan.madeOn;
  const instalments: { date: IsoDate; amount: Minor; state: PromiseState; paidTowards: Minor }[] = [];
  for (const { date, amount } of plan.instalments) {
    lastDay = addDays(date, plan.graceDays);
    const cumulative = before + amount;
    const judged = promiseState(
      { invoiceIds: plan.invoiceIds, amount: cumulative, date, madeOn: plan.madeOn, graceDays: plan.graceDays },
      paid,
      asOf,
    );
    brokenOn ??= judged.brokenOn;
    instalments.push({ date, amount, state: judged.state, paidTowards: Math.min(amount, Math.max(0, judged.paid - before)) });
    before = cumulative;
  }
  const state = brokenOn !== null ? 'broken' : instalments.every((i) => i.state === 'kept') ? 'completed' : 'current';
  return {
    state,
    instalments,
    brokenOn,
    paid: paidBetween(plan.invoiceIds, paid, plan.madeOn, earlier(asOf, lastDay)),
    total: before,
  };
}

export interface CheckedPromise {
  invoiceIds: Id[];
  amount: Minor;
  date: IsoDate;
  madeOn: IsoDate;
}

export interface CheckedPlan {
  invoiceIds: Id[];
  instalments: Instalment[];
  total: Minor;
  madeOn: IsoDate;
}

/** Distinct non-empty ids, first occurrence kept. */
const distinctIds = (ids: readonly Id[]): Id[] => [...new Set(ids.filter((id) => typeof id === 'string' && id !== ''))];

/** A positive safe integer, or the code saying why not. */
function amountProblem(amount: Minor): FieldError['code'] | null {
  if (!Number.isSafeInteger(amount)) return 'money.invalid';
  if (amount < 0) return 'money.negative';
  if (amount === 0) return 'money.zero';
  return null;
}

/**
 * The first day a promise date may be: the day it is made, and not before the
 * earliest promised invoice was issued. earliestIssueDate is ignored when it is not a
 * date (no invoices chosen yet).
 */
function firstAllowedDay(madeOn: IsoDate, earliestIssueDate: IsoDate): IsoDate {
  return isIsoDate(earliestIssueDate) && earliestIssueDate > madeOn ? earliestIssueDate : madeOn;
}

/** madeOn and the invoice choice, shared by promises and plans. */
function checkCommon(input: { madeOn: IsoDate; invoiceIds: Id[] }, errors: FieldError[]): Id[] {
  if (!isIsoDate(input.madeOn)) errors.push({ field: 'madeOn', code: 'date.invalid' });
  const invoiceIds = distinctIds(Array.isArray(input.invoiceIds) ? input.invoiceIds : []);
  if (invoiceIds.length === 0) errors.push({ field: 'invoiceIds', code: 'promise.noInvoices' });
  return invoiceIds;
}

/**
 * A new promise to pay. Errors:
 *  - amount: 'money.invalid' | 'money.negative' | 'money.zero';
 *    'promise.exceedsBalance' (params balance) above the chosen invoices' open balance
 *  - invoiceIds: 'promise.noInvoices'
 *  - date: 'date.invalid'; 'promise.dateBefore' (params min) before madeOn or before the
 *    earliest chosen invoice's issue date
 *  - madeOn: 'date.invalid'
 * Returns the promise with its invoice ids made distinct.
 */
export function checkPromise(input: {
  amount: Minor;
  date: IsoDate;
  madeOn: IsoDate;
  invoiceIds: Id[];
  openBalance: Minor;
  earliestIssueDate: IsoDate;
}): Result<CheckedPromise> {
  const errors: FieldError[] = [];
  const problem = amountProblem(input.amount);
  if (problem !== null) errors.push({ field: 'amount', code: problem });
  else if (input.amount > input.openBalance) {
    errors.push({ field: 'amount', code: 'promise.exceedsBalance', params: { balance: Math.max(0, input.openBalance) } });
  }
  const invoiceIds = checkCommon(input, errors);
  if (!isIsoDate(input.date)) errors.push({ field: 'date', code: 'date.invalid' });
  else if (isIsoDate(input.madeOn)) {
    const min = firstAllowedDay(input.madeOn, input.earliestIssueDate);
    if (input.date < min) errors.push({ field: 'date', code: 'promise.dateBefore', params: { min } });
  }
  if (errors.length > 0) return { ok: false, errors };
  return ok({ invoiceIds, amount: input.amount, date: input.date, madeOn: input.madeOn });
}

/**
 * A new payment plan. Errors:
 *  - instalments: 'plan.count' (params min, max); 'plan.sum' (params sum, total) when the
 *    instalments do not add up to the total
 *  - instalments.<i>.amount: 'money.invalid' | 'money.negative' | 'money.zero'
 *  - instalments.<i>.date: 'date.invalid'; 'promise.dateBefore' (params min);
 *    'plan.order' (params after: the date before it) unless later than the one before
 *  - total: 'money.invalid' | 'money.negative' | 'money.zero'; 'promise.exceedsBalance'
 *    (params balance)
 *  - invoiceIds: 'promise.noInvoices'; madeOn: 'date.invalid'
 * Returns a copy with its invoice ids made distinct.
 */
export function checkPlan(input: {
  instalments: Instalment[];
  total: Minor;
  madeOn: IsoDate;
  invoiceIds: Id[];
  openBalance: Minor;
  earliestIssueDate: IsoDate;
}): Result<CheckedPlan> {
  const errors: FieldError[] = [];
  const invoiceIds = checkCommon(input, errors);
  const instalments = Array.isArray(input.instalments) ? input.instalments : [];
  if (instalments.length < 1 || instalments.length > MAX_INSTALMENTS) {
    errors.push({ field: 'instalments', code: 'plan.count', params: { min: 1, max: MAX_INSTALMENTS } });
  }

  const min = isIsoDate(input.madeOn) ? firstAllowedDay(input.madeOn, input.earliestIssueDate) : null;
  let sum = 0;
  let amountsGood = true;
  let previous: IsoDate | null = null;
  instalments.forEach((inst, i) => {
    const problem = amountProblem(inst.amount);
    if (problem !== null) {
      amountsGood = false;
      errors.push({ field: `instalments.${i}.amount`, code: problem });
    } else sum += inst.amount;

    const field = `instalments.${i}.date`;
    if (!isIsoDate(inst.date)) errors.push({ field, code: 'date.invalid' });
    else {
      if (min !== null && inst.date < min) errors.push({ field, code: 'promise.dateBefore', params: { min } });
      else if (previous !== null && inst.date <= previous) errors.push({ field, code: 'plan.order', params: { after: previous } });
      if (previous === null || inst.date > previous) previous = inst.date;
    }
  });

  const totalProblem = amountProblem(input.total);
  if (totalProblem !== null) errors.push({ field: 'total', code: totalProblem });
  else if (input.total > input.openBalance) {
    errors.push({ field: 'total', code: 'promise.exceedsBalance', params: { balance: Math.max(0, input.openBalance) } });
  }
  if (!Number.isSafeInteger(sum)) errors.push({ field: 'instalments', code: 'money.tooLarge' });
  else if (amountsGood && instalments.length > 0 && totalProblem === null && sum !== input.total) {
    errors.push({ field: 'instalments', code: 'plan.sum', params: { sum, total: input.total } });
  }

  if (errors.length > 0) return { ok: false, errors };
  return ok({
    invoiceIds,
    instalments: instalments.map(({ date, amount }) => ({ date, amount })),
    total: input.total,
    madeOn: input.madeOn,
  });
}
