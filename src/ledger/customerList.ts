// The customers list and the name search of pickers.

import type { CustomerQuery, CustomerRow } from '../api/contract';
import type { CustomerTotals } from './customerTotals';
import { FLAG_SUSPENDED, GONE, type LedgerStore } from './store';
import type { BalanceView } from './view';

/** Live customers matching the query, sorted; onlyWithBalance keeps those with open invoices or credit. */
export function selectCustomers(
  store: LedgerStore, view: BalanceView, totals: CustomerTotals, q: CustomerQuery, rank: Int32Array,
): Int32Array {
  const text = (q.text ?? '').trim().toLowerCase();
  const picked = new Int32Array(store.customerCount);
  let n = 0;
  for (let c = 0; c < store.customerCount; c++) {
    if (((store.customerFlags[c] as number) & GONE) !== 0) continue;
    if (text !== '' && !(store.customerSearch[c] as string).includes(text)) continue;
    if (q.onlyWithBalance && !((totals.open[c] as number) > 0 || (view.credit[c] as number) > 0)) continue;
    picked[n++] = c;
  }
  const rows = picked.slice(0, n);
  const sign = q.desc ? -1 : 1;
  const sort = q.sort ?? 'name';
  const byName = (a: number, b: number) => (rank[a] as number) - (rank[b] as number);
  if (sort === 'name') rows.sort((a, b) => sign * byName(a, b));
  else {
    const key = sort === 'open' ? totals.open : totals.overdue;
    rows.sort((a, b) => sign * ((key[a] as number) - (key[b] as number)) || byName(a, b));
  }
  return rows;
}

export function customerRow(store: LedgerStore, view: BalanceView, totals: CustomerTotals, c: number): CustomerRow {
  const limit = store.customerLimit[c] as number;
  return {
    id: store.customerIds[c] as string,
    name: store.customerNames[c] as string,
    termsDays: store.customerTerms[c] as number,
    creditLimit: Number.isNaN(limit) ? null : limit,
    open: totals.open[c] as number,
    overdue: totals.overdue[c] as number,
    credit: view.credit[c] as number,
    invoiceCount: totals.invoiceCount[c] as number,
    suspended: ((store.customerFlags[c] as number) & FLAG_SUSPENDED) !== 0,
  };
}

/** Name search for pickers: names starting with the text first, then containing it; collation order within. */
export function findCustomerRows(store: LedgerStore, text: string, limit: number, rank: Int32Array): number[] {
  const t = text.trim().toLowerCase();
  const starts: number[] = [];
  const contains: number[] = [];
  for (let c = 0; c < store.customerCount; c++) {
    if (((store.customerFlags[c] as number) & GONE) !== 0) continue;
    const name = store.customerSearch[c] as string;
    if (t === '' || name.startsWith(t)) starts.push(c);
    else if (name.includes(t)) contains.push(c);
  }
  const byRank = (a: number, b: number) => (rank[a] as number) - (rank[b] as number);
  return [...starts.sort(byRank), ...contains.sort(byRank)].slice(0, Math.max(0, limit));
}
