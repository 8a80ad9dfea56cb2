// Rows to invoices. Rows sharing an invoice number are one invoice (line items); they
// must agree on customer, dates and currency, and any error in one of them leaves the
// whole invoice out, since a partial sum would invent or lose money. Payments come
// from the paid columns, or from the balance the source tool still shows as owed.
import { addDays, isIsoDate, parseDate, type DateOrder } from '../domain/calendar';
import { formatPlain, currencyDigits } from '../domain/money';
import type { IsoDate, Minor } from '../domain/types';
import { needsOrder } from './dates';
import type { DateField, ImportField } from './fields';
import type { ProblemList } from './problems';
import { dateText, type RowRecord } from './rows';
import type { ImportOptions, ParsedInvoice, ParsedPayment } from './types';

export interface GroupContext {
  options: ImportOptions;
  problems: ProblemList;
  mode: 'sum' | 'same';
  /** Order per date column; absent = no order known (values that need one fail, reported per column). */
  orders: Partial<Record<DateField, DateOrder>>;
  column(field: ImportField): string | null;
}

interface DatedRow {
  rec: RowRecord;
  issue: IsoDate;
  due: IsoDate | null;
  paidDate: IsoDate | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LABEL: Record<DateField, string> = { issue_date: 'issue date', due_date: 'due date', paid_date: 'paid date' };

/** One date of a row: the ISO date, null when the cell is empty, undefined when it failed. */
function rowDate(rec: RowRecord, field: DateField, ctx: GroupContext): IsoDate | null | undefined {
  const [text, raw] = dateText(rec, field);
  if (text === '') return null;
  if (ISO_DAY.test(text) && isIsoDate(text)) return text; // the common case, no further parsing
  let order = ctx.orders[field];
  if (order === undefined) {
    if (needsOrder(text)) return undefined; // the column's 'date.ambiguous' error covers this row
    order = 'dmy'; // 5/5/2024 reads the same either way
  }
  const r = parseDate(text, { order });
  if (r.ok) return r.value;
  const code = r.errors[0]?.code ?? 'date.invalid';
  ctx.problems.error(rec.line, ctx.column(field), code, `"${raw}" is not a valid ${LABEL[field]} (${code}).`, { value: raw });
  return undefined;
}

/** A row's dates parsed; null (the row marked failed) when one of them cannot be read. */
function parseRowDates(rec: RowRecord, ctx: GroupContext): DatedRow | null {
  const issue = rowDate(rec, 'issue_date', ctx);
  const due = rowDate(rec, 'due_date', ctx);
  const paidDate = rowDate(rec, 'paid_date', ctx);
  if (issue === undefined || issue === null || due === undefined || paidDate === undefined) {
    rec.failed = true;
    return null;
  }
  return { rec, issue, due, paidDate };
}

function plain(amount: Minor, currency: string): string {
  return formatPlain(amount, currencyDigits(currency));
}

/** The invoices of the records, in order of first appearance; problems go to ctx.problems. */
export function buildInvoices(records: readonly RowRecord[], ctx: GroupContext): ParsedInvoice[] {
  // Most invoices have one row: keep the record itself, and an array only from the second row on.
  const groups = new Map<string, RowRecord | RowRecord[]>();
  for (const rec of records) {
    if (rec.number === '') continue; // reported as missing
    const had = groups.get(rec.number);
    if (had === undefined) groups.set(rec.number, rec);
    else if (Array.isArray(had)) had.push(rec);
    else groups.set(rec.number, [had, rec]);
  }
  const invoices: ParsedInvoice[] = [];
  for (const [number, group] of groups) {
    const rows = Array.isArray(group) ? group : [group];
    const dated: DatedRow[] = [];
    let failed: RowRecord | null = null;
    for (const rec of rows) {
      const d = rec.failed ? null : parseRowDates(rec, ctx);
      if (d) dated.push(d);
      else failed ??= rec;
    }
    if (failed) {
      const first = rows[0];
      if (first && dated.length > 0) {
        ctx.problems.error(first.line, ctx.column('number'), 'import.groupIncomplete',
          `Invoice ${number} is left out: its row on line ${failed.line} has an error.`, { number, errorLine: failed.line });
      }
      continue;
    }
    const invoice = buildOne(number, dated, ctx);
    if (invoice) invoices.push(invoice);
  }
  return invoices;
}

function conflict(ctx: GroupContext, number: string, field: ImportField, firstLine: number, at: RowRecord, a: string, b: string): null {
  ctx.problems.error(at.line, ctx.column(field), 'import.groupConflict',
    `Invoice ${number} has "${a}" on line ${firstLine} but "${b}" here.`, { number, first: a, other: b, firstLine });
  return null;
}

function buildOne(number: string, rows: DatedRow[], ctx: GroupContext): ParsedInvoice | null {
  const { problems, options } = ctx;
  const head = rows[0];
  if (!head) return null;
  const first = head.rec;
  const line = first.line;
  const currency = first.currency;

  // Every row of an invoice must tell the same story.
  let due: IsoDate | null = head.due;
  let terms: number | null = first.terms;
  let amount: Minor = first.amount;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as DatedRow;
    const r = row.rec;
    if (r.customerKey !== first.customerKey) {
      return conflict(ctx, number, ctx.column('customer') ? 'customer' : 'customer_name', line, r, first.customerKey, r.customerKey);
    }
    if (r.customerName !== first.customerName) return conflict(ctx, number, 'customer_name', line, r, first.customerName, r.customerName);
    if (row.issue !== head.issue) return conflict(ctx, number, 'issue_date', line, r, head.issue, row.issue);
    if (r.currency !== currency) return conflict(ctx, number, 'currency', line, r, currency, r.currency);
    if (row.due !== null) {
      if (due !== null && row.due !== due) return conflict(ctx, number, 'due_date', line, r, due, row.due);
      due = row.due;
    }
    if (r.terms !== null) {
      if (terms !== null && r.terms !== terms) return conflict(ctx, number, 'terms_days', line, r, String(terms), String(r.terms));
      terms = r.terms;
    }
    if (ctx.mode === 'same') {
      if (r.amount !== first.amount) return conflict(ctx, number, 'amount', line, r, plain(first.amount, currency), plain(r.amount, currency));
      if (r.paid !== first.paid) return conflict(ctx, number, 'paid_amount', line, r, String(first.paid ?? ''), String(r.paid ?? ''));
      if (r.balance !== first.balance) return conflict(ctx, number, 'balance', line, r, String(first.balance ?? ''), String(r.balance ?? ''));
    } else {
      amount += r.amount;
    }
  }
  if (!Number.isSafeInteger(amount)) {
    problems.error(line, ctx.column('amount'), 'money.tooLarge', `The line items of invoice ${number} add up to more than can be stored.`, { number });
    return null;
  }
  if (amount <= 0) {
    const code = amount < 0 ? 'money.negative' : 'money.zero';
    problems.error(line, ctx.column('amount'), code, `Invoice ${number} has amount ${plain(amount, currency)}; only positive invoices are imported (enter credit notes on the invoice they credit).`, {
      number,
      amount: plain(amount, currency),
    });
    return null;
  }

  let dueDate: IsoDate;
  try {
    dueDate = due ?? addDays(head.issue, terms ?? options.defaultTermsDays);
  } catch {
    problems.error(line, ctx.column('terms_days'), 'date.outOfRange', `The due date of invoice ${number} falls outside the calendar.`, { number });
    return null;
  }
  if (dueDate < head.issue) {
    problems.warning(line, ctx.column('due_date'), 'import.dueBeforeIssue', `Due ${dueDate} is before the issue date ${head.issue}.`, {
      due: dueDate,
      issue: head.issue,
    });
  }

  const payments = readPayments(number, rows, amount, ctx);
  if (payments === null) return null;

  let description = first.description;
  let disputed = first.disputed;
  if (rows.length > 1) {
    const seen: string[] = [];
    for (const { rec } of rows) {
      if (rec.description !== '' && !seen.includes(rec.description)) seen.push(rec.description);
      disputed ||= rec.disputed;
    }
    description = seen.join('; ');
  }

  return {
    line,
    number,
    customerKey: first.customerKey,
    customerName: first.customerName,
    issueDate: head.issue,
    dueDate,
    amount,
    currency,
    description,
    disputed,
    payments,
  };
}

/**
 * Payments of one invoice. A paid amount is a payment on the paid date (or on the
 * import date, with a warning); a paid date alone means paid in full that day (the
 * row's amount for line items); a balance says what is still owed and wins over a
 * paid column that disagrees with it.
 */
function latestPaidDate(rows: readonly DatedRow[]): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const row of rows) if (row.paidDate !== null && (latest === null || row.paidDate > latest)) latest = row.paidDate;
  return latest;
}

function readPayments(number: string, rows: DatedRow[], amount: Minor, ctx: GroupContext): ParsedPayment[] | null {
  const { problems, options } = ctx;
  const head = rows[0];
  if (!head) return [];
  const line = head.rec.line;
  const currency = head.rec.currency;
  const source = ctx.mode === 'same' ? [head] : rows;

  let entries: { date: IsoDate | null; amount: Minor }[] = [];
  let fromBalance = false;
  let balance: Minor | null = null;
  for (const row of source) {
    const r = row.rec;
    if (r.paid !== null) {
      if (r.paid > 0) entries.push({ date: row.paidDate, amount: r.paid });
    } else if (row.paidDate !== null) {
      entries.push({ date: row.paidDate, amount: ctx.mode === 'same' ? amount : r.amount });
    }
    if (r.balance !== null) balance = (balance ?? 0) + r.balance;
  }
  if (balance === null && entries.length === 0) return []; // unpaid, the common case

  if (balance !== null) {
    if (balance > amount) {
      problems.error(line, ctx.column('balance'), 'import.balanceAboveAmount',
        `Invoice ${number} shows ${plain(balance, currency)} owed on an amount of ${plain(amount, currency)}.`, {
          number, balance: plain(balance, currency), amount: plain(amount, currency),
        });
      return null;
    }
    const expected = amount - balance;
    const paidSum = entries.reduce((s, e) => s + e.amount, 0);
    if (paidSum !== expected) {
      if (entries.length > 0) {
        problems.warning(line, ctx.column('balance'), 'import.balanceMismatch',
          `Invoice ${number}: amount ${plain(amount, currency)} minus paid ${plain(paidSum, currency)} is not the balance ${plain(balance, currency)}; the balance is kept.`, {
            number, paid: plain(paidSum, currency), balance: plain(balance, currency),
          });
      }
      entries = expected > 0 ? [{ date: latestPaidDate(source), amount: expected }] : [];
      fromBalance = true;
    }
  }

  const total = entries.reduce((s, e) => s + e.amount, 0);
  if (total > amount) {
    problems.error(line, ctx.column('paid_amount') ?? ctx.column('paid_date'), 'import.overpaid',
      `Invoice ${number} is paid ${plain(total, currency)}, more than its amount ${plain(amount, currency)}.`, {
        number, paid: plain(total, currency), amount: plain(amount, currency),
      });
    return null;
  }

  const byDate = new Map<IsoDate, Minor>();
  let undated = false;
  for (const e of entries) {
    if (e.date === null) undated = true;
    const date = e.date ?? options.importDate;
    byDate.set(date, (byDate.get(date) ?? 0) + e.amount);
  }
  if (undated) {
    problems.warning(line, fromBalance ? ctx.column('balance') : ctx.column('paid_amount'), 'import.paidNoDate',
      `Invoice ${number} has a payment without a date; it is recorded on ${options.importDate}.`, { number, date: options.importDate });
  }
  const payments: ParsedPayment[] = [];
  for (const [date, sum] of [...byDate].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (sum < 0) {
      problems.error(line, ctx.column('paid_date'), 'import.groupConflict', `Invoice ${number} has a negative payment on ${date}.`, { number, date });
      return null;
    }
    if (sum > 0) payments.push({ date, amount: sum });
  }
  return payments;
}
