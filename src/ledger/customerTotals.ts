// Per-customer figures as of a date, in one pass over the invoices.

import { GONE, type LedgerStore } from './store';
import type { BalanceView } from './view';

export interface CustomerTotals {
  /** Sum of open balances (> 0). */
  open: Float64Array;
  /** Part of `open` past its due date. */
  overdue: Float64Array;
  /** Earliest due day among overdue open invoices; +Infinity when none. */
  oldestDue: Float64Array;
  /** Live invoices issued on or before the as-of date. */
  invoiceCount: Int32Array;
  /** Open invoices (balance > 0). */
  openCount: Int32Array;
  /** Open invoices past their due date. */
  overdueCount: Int32Array;
}

export function customerTotals(store: LedgerStore, view: BalanceView): CustomerTotals {
  const c = store.customerCount;
  const open = new Float64Array(c);
  const overdue = new Float64Array(c);
  const oldestDue = new Float64Array(c).fill(Number.POSITIVE_INFINITY);
  const invoiceCount = new Int32Array(c);
  const openCount = new Int32Array(c);
  const overdueCount = new Int32Array(c);
  const { invoiceFlags, invoiceCustomer, issueDay, dueDay } = store;
  const asOfDay = view.asOfDay;
  for (let i = 0; i < store.invoiceCount; i++) {
    if (((invoiceFlags[i] as number) & GONE) !== 0 || (issueDay[i] as number) > asOfDay) continue;
    const owner = invoiceCustomer[i] as number;
    invoiceCount[owner] = (invoiceCount[owner] as number) + 1;
    const b = view.balance[i] as number;
    if (b <= 0) continue;
    open[owner] = (open[owner] as number) + b;
    openCount[owner] = (openCount[owner] as number) + 1;
    const due = dueDay[i] as number;
    if (asOfDay > due) {
      overdue[owner] = (overdue[owner] as number) + b;
      overdueCount[owner] = (overdueCount[owner] as number) + 1;
      if (due < (oldestDue[owner] as number)) oldestDue[owner] = due;
    }
  }
  return { open, overdue, oldestDue, invoiceCount, openCount, overdueCount };
}
