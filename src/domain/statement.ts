// Customer statement (对账单) for a period, DOMAIN.md "Customer statements": opening
// balance, the period's invoices, payments, credits and charges with a running balance,
// the closing balance, and an aging line of what is open at the end.
//
// The customer's balance is a running account: invoices and charges add (debit);
// payments, credit notes and write-offs subtract (credit). Allocations move nothing on
// this account (they only say which invoice a payment paid), but the aging line needs
// them for each invoice's balance. Hence:
//   closing = opening + debits - credits = agingTotal - unappliedCredit,
// where unappliedCredit is the part of the payments up to `to` not yet allocated.
//
// Choices:
// - Opening balance is as of the day before `from`; lines are dated from..to inclusive.
// - Lines of one day: debits first (invoice, charge), then payment, credit, write-off,
//   then by reference and id, so the running balance does not dip on the day an invoice
//   is paid and the same data always prints the same statement.
// - Allocations and adjustments of an invoice not in `invoices` (another customer's)
//   are left out; their payments still count on the account. Allocations and
//   adjustments are never dated before their invoice's issue date (the records keep
//   that), which the identity above relies on.
// - The aging is on the due basis as of `to`; unapplied credit is shown beside it, not in it.
import type { Id, IsoDate, Minor } from './types';
import { agingOf, bucketRanges, checkBounds, type BucketRange } from './aging';
import { adjustmentDelta, openBalance, type LedgerEntry } from './balance';
import { toDayNumber } from './calendar';

export interface StatementInput {
  from: IsoDate;
  to: IsoDate;
  invoices: { id: Id; number: string; issueDate: IsoDate; dueDate: IsoDate; amount: Minor }[];
  payments: { id: Id; date: IsoDate; amount: Minor; reference: string }[];
  adjustments: { invoiceId: Id; kind: 'credit' | 'writeoff' | 'charge'; date: IsoDate; amount: Minor; reason: string }[];
  allocations: { invoiceId: Id; date: IsoDate; amount: Minor }[];
  /** Aging bucket bounds (the book's setting). */
  bounds: number[];
}

export type StatementLineKind = 'invoice' | 'charge' | 'payment' | 'credit' | 'writeoff';

export interface StatementLine {
  kind: StatementLineKind;
  date: IsoDate;
  /** Invoice number for invoices and adjustments; the payment's reference for payments. */
  reference: string;
  /** The adjustment's reason; '' for invoices and payments. */
  note: string;
  /** Raises the balance (invoice, charge); 0 otherwise. */
  debit: Minor;
  /** Lowers the balance (payment, credit note, write-off); 0 otherwise. */
  credit: Minor;
  /** Balance after this line. */
  balance: Minor;
}

export interface StatementAgingBucket extends BucketRange {
  amount: Minor;
  count: number;
}

export interface Statement {
  from: IsoDate;
  to: IsoDate;
  /** As of the day before `from`. */
  openingBalance: Minor;
  lines: StatementLine[];
  totalDebit: Minor;
  totalCredit: Minor;
  /** openingBalance + totalDebit - totalCredit, as of `to`. */
  closingBalance: Minor;
  /** Open invoice balances as of `to`, due basis, in bucketRanges order. */
  aging: StatementAgingBucket[];
  /** Sum of the aging amounts: the open invoice balances. */
  agingTotal: Minor;
  /** Payments up to `to` not allocated to an invoice; closingBalance = agingTotal - unappliedCredit. */
  unappliedCredit: Minor;
}

const KIND_ORDER: Record<StatementLineKind, number> = { invoice: 0, charge: 1, payment: 2, credit: 3, writeoff: 4 };

interface Movement {
  kind: StatementLineKind;
  date: IsoDate;
  reference: string;
  note: string;
  id: string;
  /** + debit, - credit. */
  delta: Minor;
}

/** The statement of one customer's account from `from` to `to` (inclusive). */
export function buildStatement(input: StatementInput): Statement {
  const { from, to } = input;
  if (toDayNumber(from) > toDayNumber(to)) throw new RangeError(`Statement period ends before it starts: ${from} .. ${to}`);
  const bounds = checkBounds(input.bounds);
  if (!bounds.ok) throw new RangeError(`Bad aging bounds: ${JSON.stringify(input.bounds)}`);

  const invoiceById = new Map(input.invoices.map((inv) => [inv.id, inv]));
  const movements: Movement[] = [];
  for (const inv of input.invoices) {
    movements.push({ kind: 'invoice', date: inv.issueDate, reference: inv.number, note: '', id: inv.id, delta: inv.amount });
  }
  for (const p of input.payments) {
    movements.push({ kind: 'payment', date: p.date, reference: p.reference, note: '', id: p.id, delta: -p.amount });
  }
  input.adjustments.forEach((a, i) => {
    const inv = invoiceById.get(a.invoiceId);
    if (!inv) return;
    // Adjustments carry no id in the input; their position keeps the order stable.
    movements.push({
      kind: a.kind, date: a.date, reference: inv.number, note: a.reason, id: `${a.invoiceId}#${i}`,
      delta: adjustmentDelta(a.kind, a.amount),
    });
  });

  let openingBalance = 0;
  const inPeriod: Movement[] = [];
  for (const m of movements) {
    if (m.date < from) openingBalance += m.delta;
    else if (m.date <= to) inPeriod.push(m);
  }
  inPeriod.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  let balance = openingBalance;
  let totalDebit = 0;
  let totalCredit = 0;
  const lines: StatementLine[] = inPeriod.map((m) => {
    balance += m.delta;
    const debit = m.delta > 0 ? m.delta : 0;
    const credit = m.delta < 0 ? -m.delta : 0;
    totalDebit += debit;
    totalCredit += credit;
    return { kind: m.kind, date: m.date, reference: m.reference, note: m.note, debit, credit, balance };
  });

  // Each invoice's balance as of `to`, from its own allocations and adjustments.
  const entries = new Map<Id, LedgerEntry[]>();
  const entriesOf = (invoiceId: Id): LedgerEntry[] | undefined => {
    if (!invoiceById.has(invoiceId)) return undefined;
    let list = entries.get(invoiceId);
    if (!list) entries.set(invoiceId, (list = []));
    return list;
  };
  let allocated = 0;
  for (const a of input.allocations) {
    const list = entriesOf(a.invoiceId);
    if (!list) continue;
    list.push({ invoiceId: a.invoiceId, date: a.date, delta: -a.amount });
    if (a.date <= to) allocated += a.amount;
  }
  for (const a of input.adjustments) {
    entriesOf(a.invoiceId)?.push({ invoiceId: a.invoiceId, date: a.date, delta: adjustmentDelta(a.kind, a.amount) });
  }
  const open = input.invoices
    .filter((inv) => inv.issueDate <= to)
    .map((inv) => ({ basisDay: toDayNumber(inv.dueDate), balance: openBalance(inv, entries.get(inv.id) ?? [], to) }));
  const buckets = agingOf(open, toDayNumber(to), bounds.value, 'due');
  const aging = bucketRanges(bounds.value, 'due').map((range, i) => ({ ...range, ...(buckets[i] ?? { amount: 0, count: 0 }) }));
  const agingTotal = aging.reduce((sum, b) => sum + b.amount, 0);
  const paid = input.payments.reduce((sum, p) => sum + (p.date <= to ? p.amount : 0), 0);

  return {
    from,
    to,
    openingBalance,
    lines,
    totalDebit,
    totalCredit,
    closingBalance: openingBalance + totalDebit - totalCredit,
    aging,
    agingTotal,
    unappliedCredit: paid - allocated,
  };
}
