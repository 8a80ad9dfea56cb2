// The dashboard's figures from the ledger: totals, counts, aging in the book's
// basis and bounds, and the customers owing the most.

import type { AgingSummary, Dashboard, DebtorRow } from '../api/contract';
import type { IsoDate } from '../domain/types';
import type { CustomerTotals } from './customerTotals';
import type { LedgerStore } from './store';
import type { BalanceView } from './view';

/** What the ledger answers; the worker adds recent changes and timing. */
export type LedgerDashboard = Omit<Dashboard, 'recent' | 'computeMs'>;

export function topDebtors(store: LedgerStore, view: BalanceView, totals: CustomerTotals, rank: Int32Array, limit: number): DebtorRow[] {
  const rows: number[] = [];
  for (let c = 0; c < store.customerCount; c++) if ((totals.open[c] as number) > 0) rows.push(c);
  rows.sort((a, b) => (totals.open[b] as number) - (totals.open[a] as number) || (rank[a] ?? a) - (rank[b] ?? b));
  return rows.slice(0, limit).map((c) => {
    const oldest = totals.oldestDue[c] as number;
    return {
      customerId: store.customerIds[c] as string,
      name: store.customerNames[c] as string,
      open: totals.open[c] as number,
      overdue: totals.overdue[c] as number,
      oldestDaysOverdue: Number.isFinite(oldest) ? view.asOfDay - oldest : 0,
    };
  });
}

export function dashboardFigures(
  store: LedgerStore,
  view: BalanceView,
  totals: CustomerTotals,
  aging: AgingSummary,
  rank: Int32Array,
  asOf: IsoDate,
  topCount: number,
): LedgerDashboard {
  let overdue = 0;
  let overdueCount = 0;
  let openCount = 0;
  let customersWithBalance = 0;
  for (let c = 0; c < store.customerCount; c++) {
    overdue += totals.overdue[c] as number;
    overdueCount += totals.overdueCount[c] as number;
    openCount += totals.openCount[c] as number;
    if ((totals.open[c] as number) > 0) customersWithBalance += 1;
  }
  return {
    asOf,
    currency: store.book.currency,
    totalOpen: aging.invoiceTotal,
    overdue,
    overdueCount,
    openCount,
    customersWithBalance,
    unappliedCredit: 0 - aging.unappliedCredit,
    aging,
    topDebtors: topDebtors(store, view, totals, rank, topCount),
  };
}
