// The invoices list: filter by status, customer, aging bucket, issue-date
// range and text; sort; the caller pages through the selected rows.

import type { InvoiceQuery, InvoiceRow } from '../api/contract';
import type { AgingBasis } from '../domain/types';
import { fromDayNumber, toDayNumber } from '../domain/calendar';
import { bucketIndex } from '../domain/aging';
import { FLAG_DISPUTED, FLAG_SUSPENDED, GONE, type LedgerStore } from './store';
import { daysOverdue, invoiceStatus } from './status';
import type { BalanceView } from './view';

export interface ListContext {
  basis: AgingBasis;
  bounds: number[];
  /** Collation rank of each customer row. */
  customerRank: Int32Array;
}

/**
 * Status filter meanings: 'open' = balance > 0 (overdue and disputed included);
 * 'overdue' = balance > 0 and past due (disputed included, so the list adds up
 * to the dashboard's overdue figure); 'disputed' = open and disputed; 'paid' and
 * 'writtenOff' as the row status; 'all' = every live invoice, also those not yet
 * issued as of the date.
 */
export function selectInvoices(store: LedgerStore, view: BalanceView, q: InvoiceQuery, ctx: ListContext): Int32Array {
  const asOfDay = view.asOfDay;
  const status = q.status ?? 'all';
  const customer = q.customerId === undefined ? -1 : (store.customerIndex.get(q.customerId) ?? -2);
  if (customer === -2) return new Int32Array(0);
  const from = q.from ? toDayNumber(q.from) : Number.NEGATIVE_INFINITY;
  const to = q.to ? toDayNumber(q.to) : Number.POSITIVE_INFINITY;
  const text = (q.text ?? '').trim().toLowerCase();
  let customerMatches: Uint8Array | null = null;
  if (text !== '') {
    customerMatches = new Uint8Array(store.customerCount);
    for (let c = 0; c < store.customerCount; c++) if ((store.customerSearch[c] as string).includes(text)) customerMatches[c] = 1;
  }
  const basisDay = ctx.basis === 'due' ? store.dueDay : store.issueDay;
  const { invoiceFlags, invoiceCustomer, issueDay, dueDay } = store;
  const balance = view.balance;

  const picked = new Int32Array(store.invoiceCount);
  let n = 0;
  for (let i = 0; i < store.invoiceCount; i++) {
    const flags = invoiceFlags[i] as number;
    if ((flags & GONE) !== 0) continue;
    const owner = invoiceCustomer[i] as number;
    if (customer >= 0 && owner !== customer) continue;
    const issue = issueDay[i] as number;
    if (issue < from || issue > to) continue;
    const b = balance[i] as number;
    const issued = issue <= asOfDay;
    if (status !== 'all') {
      if (!issued) continue;
      if (status === 'open' && b <= 0) continue;
      if (status === 'overdue' && !(b > 0 && asOfDay > (dueDay[i] as number))) continue;
      if (status === 'disputed' && !(b > 0 && (flags & FLAG_DISPUTED) !== 0)) continue;
      if (status === 'paid' && !(b <= 0 && (view.writeoffs[i] as number) === 0)) continue;
      if (status === 'writtenOff' && !(b <= 0 && (view.writeoffs[i] as number) > 0)) continue;
    }
    if (q.bucket !== undefined) {
      if (!issued || b <= 0) continue;
      if (bucketIndex(asOfDay - (basisDay[i] as number), ctx.bounds, ctx.basis) !== q.bucket) continue;
    }
    if (customerMatches && customerMatches[owner] !== 1 && !(store.invoiceSearch[i] as string).includes(text)) continue;
    picked[n++] = i;
  }
  const rows = picked.slice(0, n);
  sortInvoices(store, view, rows, q.sort ?? 'due', q.desc ?? false, ctx.customerRank);
  return rows;
}

function sortInvoices(
  store: LedgerStore, view: BalanceView, rows: Int32Array,
  sort: NonNullable<InvoiceQuery['sort']>, desc: boolean, rank: Int32Array,
): void {
  const numbers = store.invoiceNumbers;
  const byNumber = (a: number, b: number): number => {
    const x = numbers[a] as string;
    const y = numbers[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  };
  const key: Float64Array | Int32Array | null =
    sort === 'due' ? store.dueDay
      : sort === 'issue' ? store.issueDay
        : sort === 'balance' ? view.balance
          : null;
  const sign = desc ? -1 : 1;
  if (sort === 'number') {
    rows.sort((a, b) => sign * byNumber(a, b));
  } else if (sort === 'customer') {
    const owner = store.invoiceCustomer;
    rows.sort((a, b) => sign * (((rank[owner[a] as number] ?? 0) - (rank[owner[b] as number] ?? 0)) || byNumber(a, b)));
  } else if (key) {
    rows.sort((a, b) => sign * (((key[a] as number) - (key[b] as number)) || byNumber(a, b)));
  }
}

export function invoiceRow(store: LedgerStore, view: BalanceView, i: number): InvoiceRow {
  const owner = store.invoiceCustomer[i] as number;
  const issue = store.issueDay[i] as number;
  const due = store.dueDay[i] as number;
  const balance = issue <= view.asOfDay ? (view.balance[i] as number) : 0;
  return {
    id: store.invoiceIds[i] as string,
    number: store.invoiceNumbers[i] as string,
    customerId: store.customerIds[owner] ?? '',
    customerName: store.customerNames[owner] ?? '',
    customerSuspended: ((store.customerFlags[owner] as number) & FLAG_SUSPENDED) !== 0,
    issueDate: fromDayNumber(issue),
    dueDate: fromDayNumber(due),
    amount: store.invoiceAmount[i] as number,
    balance,
    daysOverdue: daysOverdue(view.asOfDay, due, balance),
    status: invoiceStatus(
      view.asOfDay, issue, due, balance,
      ((store.invoiceFlags[i] as number) & FLAG_DISPUTED) !== 0, (view.writeoffs[i] as number) > 0,
    ),
  };
}
