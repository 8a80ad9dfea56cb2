// Row builders for the CSV exports: a header row of English snake_case column names
// (stable for scripts and spreadsheets; the UI's language does not change them), then
// one row per record. Amounts are typed amount cells (plain decimals, no grouping, the
// currency's digits); dates are ISO text. Records come from src/domain/types.ts and
// view rows from src/api/contract.ts; ids are resolved to names through lookups.
import type { Activity, AgingBasis, Customer, Id, IsoDate, Minor, Payment } from '../domain/types';
import type { CustomerRow, InvoiceRow } from '../api/contract';
import { ageOf, bucketIndex, bucketRanges, type BucketRange } from '../domain/aging';
import { amountCell, type CsvRow } from './csv';

/**
 * Column name of an aging bucket: 'not_due' for the not-yet-due bucket of the due
 * basis, 'from-to' for a closed range ('1-30', '0-30' on the issue basis), '>last'
 * for the open-ended one ('>365').
 */
export function bucketColumn(range: BucketRange): string {
  if (range.from === null) return 'not_due';
  if (range.to === null) return `>${range.from - 1}`;
  return `${range.from}-${range.to}`;
}

/** One customer's open balances per bucket, in bucketRanges order. */
export interface CustomerAging {
  customer: string;
  buckets: Minor[];
}

export interface AgingSummaryTable {
  /** customer, one per bucket, total. */
  columns: string[];
  /** Customers with any open balance, largest total first (ties by name). */
  rows: (CustomerAging & { total: Minor })[];
  /** Per bucket over all rows, and the grand total. */
  total: { buckets: Minor[]; total: Minor };
}

const sum = (xs: readonly Minor[]): Minor => xs.reduce((s, x) => s + x, 0);

/** Aging by customer: drops customers with nothing open, sorts, and adds the totals. */
export function agingSummary(customers: readonly CustomerAging[], ranges: readonly BucketRange[]): AgingSummaryTable {
  const rows = customers
    .filter((c) => c.buckets.some((b) => b !== 0))
    .map((c) => {
      if (c.buckets.length !== ranges.length) throw new RangeError(`${c.customer}: ${c.buckets.length} buckets for ${ranges.length} ranges`);
      return { customer: c.customer, buckets: [...c.buckets], total: sum(c.buckets) };
    })
    // Code-point order for ties: the same file gives the same rows on every machine.
    .sort((a, b) => b.total - a.total || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  const buckets = ranges.map((_, i) => sum(rows.map((r) => r.buckets[i] ?? 0)));
  return {
    columns: ['customer', ...ranges.map(bucketColumn), 'total'],
    rows,
    total: { buckets, total: sum(buckets) },
  };
}

/** The aging summary as CSV rows, the last one 'TOTAL'. */
export function agingSummaryRows(table: AgingSummaryTable, digits: number): CsvRow[] {
  const money = (m: Minor) => amountCell(m, digits);
  return [
    table.columns,
    ...table.rows.map((r) => [r.customer, ...r.buckets.map(money), money(r.total)]),
    ['TOTAL', ...table.total.buckets.map(money), money(table.total.total)],
  ];
}

/**
 * Aging detail: one row per invoice with an open balance as of `asOf`, in the order
 * given, with its age on the report's basis and its bucket's column name.
 */
export function agingDetailRows(
  invoices: readonly InvoiceRow[], asOf: IsoDate, bounds: number[], basis: AgingBasis, digits: number,
): CsvRow[] {
  const ranges = bucketRanges(bounds, basis);
  const rows: CsvRow[] = [['customer', 'invoice', 'issue_date', 'due_date', 'age_days', 'bucket', 'amount', 'balance']];
  for (const inv of invoices) {
    if (inv.balance === 0) continue;
    const age = ageOf(basis === 'due' ? inv.dueDate : inv.issueDate, asOf);
    const range = ranges[bucketIndex(age, bounds, basis)];
    rows.push([
      inv.customerName, inv.number, inv.issueDate, inv.dueDate, age, range ? bucketColumn(range) : '',
      amountCell(inv.amount, digits), amountCell(inv.balance, digits),
    ]);
  }
  return rows;
}

/** Invoice list rows as the invoices screen shows them. */
export function invoiceRows(invoices: readonly InvoiceRow[], digits: number): CsvRow[] {
  return [
    ['invoice', 'customer', 'issue_date', 'due_date', 'amount', 'balance', 'days_overdue', 'status'],
    ...invoices.map((inv) => [
      inv.number, inv.customerName, inv.issueDate, inv.dueDate, amountCell(inv.amount, digits),
      amountCell(inv.balance, digits), inv.daysOverdue, inv.status,
    ]),
  ];
}

/** Several contacts of a customer share one cell per field, separated by '; '. */
const contactField = (c: Customer, key: 'name' | 'phone' | 'email' | 'wechat' | 'address'): string =>
  c.contacts.map((x) => x[key]).filter((v) => v !== '').join('; ');

/**
 * Customers with their master data; balances (open, overdue, unapplied credit) from
 * the customers screen's rows when given, else those columns are empty.
 */
export function customerRows(
  customers: readonly Customer[], digits: number, balances?: ReadonlyMap<Id, Pick<CustomerRow, 'open' | 'overdue' | 'credit'>>,
): CsvRow[] {
  const money = (m: Minor | null | undefined) => (m === null || m === undefined ? null : amountCell(m, digits));
  return [
    ['customer', 'uscc', 'terms_days', 'credit_limit', 'contact', 'phone', 'email', 'wechat', 'address', 'tags', 'notes', 'open', 'overdue', 'credit'],
    ...customers.map((c) => {
      const b = balances?.get(c.id);
      return [
        c.name, c.uscc, c.termsDays, money(c.creditLimit), contactField(c, 'name'), contactField(c, 'phone'),
        contactField(c, 'email'), contactField(c, 'wechat'), contactField(c, 'address'), c.tags.join('; '), c.notes,
        money(b?.open), money(b?.overdue), money(b?.credit),
      ];
    }),
  ];
}

/** Payments; `unapplied` (left as customer credit) when the caller knows it. */
export function paymentRows(
  payments: readonly (Payment & { unapplied?: Minor })[], customerNames: ReadonlyMap<Id, string>, digits: number,
): CsvRow[] {
  return [
    ['date', 'customer', 'amount', 'method', 'reference', 'unapplied'],
    ...payments.map((p) => [
      p.date, customerNames.get(p.customerId) ?? p.customerId, amountCell(p.amount, digits), p.method, p.reference,
      p.unapplied === undefined ? null : amountCell(p.unapplied, digits),
    ]),
  ];
}

/** Collection activities (催收记录) with their promise to pay, if any. */
export function activityRows(
  activities: readonly Activity[], customerNames: ReadonlyMap<Id, string>, invoiceNumbers: ReadonlyMap<Id, string>, digits: number,
): CsvRow[] {
  return [
    ['date', 'customer', 'invoice', 'channel', 'stage', 'outcome', 'note', 'next_action_date', 'promise_amount', 'promise_date'],
    ...activities.map((a) => [
      a.date, customerNames.get(a.customerId) ?? a.customerId,
      a.invoiceId === null ? null : (invoiceNumbers.get(a.invoiceId) ?? a.invoiceId),
      a.channel, a.stage, a.outcome, a.note, a.nextActionDate,
      a.promiseAmount === null ? null : amountCell(a.promiseAmount, digits), a.promiseDate,
    ]),
  ];
}
