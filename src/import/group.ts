// Rows to invoices. Rows sharing an invoice number are one invoice (line items); they
// must agree on customer, dates and currency, and any error in one of them leaves the
// whole invoice out, since a partial sum would invent or lose money. Payments come
// from the paid columns, or from the balance the source tool still shows as owed.
import { addDays, parseDate, type DateOrder } from '../domain/calendar';
import { formatPlain, currencyDigits } from '../domain/money';
import type { IsoDate, Minor } from '../domain/types';
import { needsOrder } from './dates';
import { DATE_FIELDS, type DateField, type ImportField } from './fields';
import type { ProblemList } from './problems';
import type { RowRecord } from './rows';
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

const LABEL: Record<DateField, string> = { issue_date: 'issue date', due_date: 'due date', paid_date: 'paid date' };

/** Parse a row's dates; false (with an error reported unless the column's order is undecided) on failure. */
function parseRowDates(rec: RowRecord, ctx: GroupContext): DatedRow | null {
  const out: Record<DateField, IsoDate | null> = { issue_date: null, due_date: null, paid_date: null };
  for (const field of DATE_FIELDS) {
    const text = rec.dates[field];
    if (text === '') continue;
    let order = ctx.orders[field];
    if (order === undefined) {
      if (needsOrder(text)) {
        rec.failed = true; // the column's 'date.ambiguous' error covers this row
        continue;
      }
      order = 'dmy'; // 5/5/2024 reads the same either way
    }
    const r = parseDate(text, { order });
    if (r.ok) out[field] = r.value;
    else {
      const code = r.errors[0]?.code ?? 'date.invalid';
      const raw = rec.rawDates[field];
      ctx.problems.error(rec.line, ctx.column(field), code, `"${raw}" is not a valid ${LABEL[field]} (${code}).`, { value: raw });
      rec.failed = true;
    }
  }
  if (rec.failed || out.issue_date === null) return null;
  return { rec, issue: out.issue_date, due: out.due_date, paidDate: out.paid_date };
}

function plain(amount: Minor, currency: string): string {
  return formatPlain(amount, currencyDigits(currency));
}

/** The invoices of the records, in order of first appearance; problems go to ctx.problems. */
export function buildInvoices(records: readonly RowRecord[], ctx: GroupContext): ParsedInvoice[] {
  const groups = new Map<string, RowRecord[]>();
  for (const rec of records) {
    if (rec.number === '') continue; // reported as missing
    const list = groups.get(rec.number);
    if (list) list.push(rec);
    else groups.set(rec.number, [rec]);
  }
  const invoices: ParsedInvoice[] = [];
  for (const [number, rows] of groups) {
    const dated = rows.map((rec) => (rec.failed ? null : parseRowDates(rec, ctx)));
    const failed = rows.find((r) => r.failed);
    if (failed) {
      const first = rows[0];
      if (first && rows.some((r) => !r.failed)) {
        ctx.problems.error(first.line, ctx.column('number'), 'import.groupIncomplete',
          `Invoice ${number} is left out: its row on line ${failed.line} has an error.`, { number, errorLine: failed.line });
      }
      continue;
    }
    const invoice = buildOne(number, dated as DatedRow[], ctx);
    if (invoice) invoices.push(invoice);
  }
  return invoices;
}

function buildOne(number: string, rows: DatedRow[], ctx: GroupContext): ParsedInvoice | null {
  const { problems, options } = ctx;
  const head = rows[0];
  if (!head) return null;
  const first = head.rec;
  const line = first.line;

  // Every row of an invoice must tell the same story.
  const conflict = (field: ImportField, at: RowRecord, a: string, b: string): null => {
    problems.error(at.line, ctx.column(field), 'import.groupConflict',
      `Invoice ${number} has "${a}" on line ${line} but "${b}" here.`, { number, first: a, other: b, firstLine: line });
    return null;
  };
  let due: IsoDate | null = head.due;
  let terms: number | null = first.terms;
  for (const row of rows.slice(1)) {
    const r = row.rec;
    if (r.customerKey !== first.customerKey) return conflict(ctx.column('customer') ? 'customer' : 'customer_name', r, first.customerKey, r.customerKey);
    if (r.customerName !== first.customerName) return conflict('customer_name', r, first.customerName, r.customerName);
    if (row.issue !== head.issue) return conflict('issue_date', r, head.issue, row.issue);
    if (r.currency !== first.currency) return conflict('currency', r, first.currency, r.currency);
    if (row.due !== null) {
      if (due !== null && row.due !== due) return conflict('due_date', r, due, row.due);
      due = row.due;
    }
    if (r.terms !== null) {
      if (terms !== null && r.terms !== terms) return conflict('terms_days', r, String(terms), String(r.terms));
      terms = r.terms;
    }
  }

  const currency = first.currency;
  let amount: Minor = 0;
  if (ctx.mode === 'same') {
    for (const { rec } of rows) {
      if (rec.amount !== first.amount) return conflict('amount', rec, plain(first.amount, currency), plain(rec.amount, currency));
      if (rec.paid !== first.paid) return conflict('paid_amount', rec, String(first.paid ?? ''), String(rec.paid ?? ''));
      if (rec.balance !== first.balance) return conflict('balance', rec, String(first.balance ?? ''), String(rec.balance ?? ''));
    }
    amount = first.amount;
  } else {
    for (const { rec } of rows) amount += rec.amount;
    if (!Number.isSafeInteger(amount)) {
      problems.error(line, ctx.column('amount'), 'money.tooLarge', `The line items of invoice ${number} add up to more than can be stored.`, { number });
      return null;
    }
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

  const descriptions: string[] = [];
  for (const { rec } of rows) if (rec.description !== '' && !descriptions.includes(rec.description)) descriptions.push(rec.description);

  return {
    line,
    number,
    customerKey: first.customerKey,
    customerName: first.customerName,
    issueDate: head.issue,
    dueDate,
    amount,
    currency,
    description: descriptions.join('; '),
    disputed: rows.some((r) => r.rec.disputed),
    payments,
  };
}

/**
 * Payments of one invoice. A paid amount is a payment on the paid date (or on the
 * import date, with a warning); a paid date alone means paid in full that day (the
 * row's amount for line items); a balance says what is still owed and wins over a
 * paid column that disagrees with it.
 */
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
  const latestDate = (): IsoDate | null =>
    source.reduce<IsoDate | null>((d, row) => (row.paidDate !== null && (d === null || row.paidDate > d) ? row.paidDate : d), null);

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
      entries = expected > 0 ? [{ date: latestDate(), amount: expected }] : [];
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
