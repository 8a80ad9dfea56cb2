// Aging summary over the ledger: open balances (> 0) per bucket, the disputed
// part, and unapplied customer credit as a negative line.

import type { AgingSummary } from '../api/contract';
import type { AgingBasis, IsoDate } from '../domain/types';
import { bucketIndex, bucketRanges } from '../domain/aging';
import { FLAG_DISPUTED, GONE, type LedgerStore } from './store';
import type { BalanceView } from './view';

/** `customer` limits the summary to one customer row (-1: the whole book). */
export function agingSummary(
  store: LedgerStore,
  view: BalanceView,
  asOf: IsoDate,
  basis: AgingBasis,
  bounds: number[],
  customer = -1,
): AgingSummary {
  const buckets = bucketRanges(bounds, basis).map((r) => ({ from: r.from, to: r.to, amount: 0, count: 0 }));
  const { invoiceFlags, invoiceCustomer, issueDay, dueDay } = store;
  const basisDay = basis === 'due' ? dueDay : issueDay;
  const balance = view.balance;
  const asOfDay = view.asOfDay;
  let total = 0;
  let disputed = 0;
  for (let i = 0; i < store.invoiceCount; i++) {
    const b = balance[i] as number;
    if (b <= 0) continue;
    const flags = invoiceFlags[i] as number;
    if ((flags & GONE) !== 0 || (customer >= 0 && invoiceCustomer[i] !== customer)) continue;
    if ((issueDay[i] as number) > asOfDay) continue;
    const bucket = buckets[bucketIndex(asOfDay - (basisDay[i] as number), bounds, basis)];
    if (bucket) {
      bucket.amount += b;
      bucket.count += 1;
    }
    total += b;
    if ((flags & FLAG_DISPUTED) !== 0) disputed += b;
  }
  let credit = 0;
  if (customer >= 0) credit = view.credit[customer] ?? 0;
  else for (let c = 0; c < store.customerCount; c++) credit += view.credit[c] as number;
  // `0 - x` rather than `-x`: no negative zero in the answer.
  const unappliedCredit = 0 - credit;
  return {
    asOf, basis, bounds: [...bounds], buckets,
    invoiceTotal: total, unappliedCredit, net: total + unappliedCredit, disputed,
  };
}
