// overdue aging FILE --as-of D: open balances by customer and bucket as of D, from
// the same domain functions as the app (openBalance, agingOf, bucketRanges).
import { DEFAULT_BOUNDS, agingOf, bucketRanges } from '../domain/aging';
import { openBalance } from '../domain/balance';
import { toDayNumber } from '../domain/calendar';
import { formatPlain } from '../domain/money';
import type { AgingBasis, IsoDate, Minor } from '../domain/types';
import { toCsv } from '../export/csv';
import { agingSummary, agingSummaryRows, type AgingSummaryTable, type CustomerAging } from '../export/reports';
import type { Io } from './io';
import type { ImportedBook } from './load';
import { COMMON_OPTIONS, basisOption, boundsOption, dateOption, type Parsed } from './options';
import { readBook } from './read-book';

export const AGING_OPTIONS = {
  ...COMMON_OPTIONS,
  'as-of': { type: 'string' },
  basis: { type: 'string' },
  bounds: { type: 'string' },
} as const;

export const AGING_USAGE =
  'overdue aging FILE --as-of YYYY-MM-DD [--basis due|issue] [--bounds 30,60,90,180,365] [--map FIELD=COLUMN]... [--date-order dmy|mdy|ymd] [--encoding NAME] [--json]';

/** Per customer (grouped by the file's customer id or name), balances per bucket. */
export function agingTable(book: ImportedBook, asOf: IsoDate, bounds: number[], basis: AgingBasis): AgingSummaryTable {
  const asOfDay = toDayNumber(asOf);
  const byCustomer = new Map<string, { name: string; items: { basisDay: number; balance: Minor }[] }>();
  for (const inv of book.invoices) {
    const balance = openBalance(inv, book.entriesByInvoice.get(inv.id) ?? [], asOf);
    if (balance === 0) continue;
    const key = inv.parsed.customerKey;
    let customer = byCustomer.get(key);
    if (!customer) byCustomer.set(key, (customer = { name: inv.parsed.customerName || key, items: [] }));
    customer.items.push({ basisDay: toDayNumber(basis === 'due' ? inv.dueDate : inv.issueDate), balance });
  }
  const customers: CustomerAging[] = [...byCustomer.values()].map((c) => ({
    customer: c.name,
    buckets: agingOf(c.items, asOfDay, bounds, basis).map((b) => b.amount),
  }));
  return agingSummary(customers, bucketRanges(bounds, basis));
}

/** The same table as JSON: amounts as plain decimal strings (exact), keyed by column name. */
function agingJson(table: AgingSummaryTable, asOf: IsoDate, basis: AgingBasis, bounds: number[], book: ImportedBook): unknown {
  const bucketColumns = table.columns.slice(1, -1);
  const row = (customer: string, buckets: Minor[], total: Minor) => {
    const out: Record<string, string> = { customer };
    bucketColumns.forEach((c, i) => (out[c] = formatPlain(buckets[i] ?? 0, book.digits)));
    out.total = formatPlain(total, book.digits);
    return out;
  };
  return {
    asOf, basis, bounds, currency: book.currency, columns: table.columns,
    rows: table.rows.map((r) => row(r.customer, r.buckets, r.total)),
    total: row('TOTAL', table.total.buckets, table.total.total),
  };
}

export function runAging(args: Parsed, io: Io): number {
  const asOf = dateOption(args.values, 'as-of');
  const basis = basisOption(args.values);
  const bounds = boundsOption(args.values, DEFAULT_BOUNDS);
  return readBook(args, io, (book) => {
    const table = agingTable(book, asOf, bounds, basis);
    io.out(args.values.json === true
      ? `${JSON.stringify(agingJson(table, asOf, basis, bounds, book), null, 2)}\n`
      : toCsv(agingSummaryRows(table, book.digits), '\n'));
  });
}
