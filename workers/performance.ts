// Collection performance in the worker (analytics page): the period's figures from
// the working set, the domain's metrics over them, and the promise-kept rate from the
// promises table judged against the ledger's allocations.

import type { AnalyticsApi, AnalyticsMonth, AnalyticsReport } from '../src/api/analytics';
import type { OverdueDb } from '../src/db/schema';
import { bucketRanges } from '../src/domain/aging';
import { addDays, isIsoDate } from '../src/domain/calendar';
import type { PromiseToPay } from '../src/domain/collections';
import { cei, collectionMetrics, simpleDso } from '../src/domain/metrics';
import { promiseState } from '../src/domain/promise';
import type { Id, IsoDate, Minor } from '../src/domain/types';
import type { Ledger } from '../src/ledger';

const TOP_DEBTORS = 10;

const share = (part: Minor, whole: Minor): number | null => (whole > 0 ? part / whole : null);

/** Kept and broken promises whose last day of grace (date + grace days) is in [from, to], judged as of asOf. */
export function promiseRecord(promises: readonly PromiseToPay[], ledger: Ledger, from: IsoDate, to: IsoDate, asOf: IsoDate): AnalyticsReport['promises'] {
  const due = promises.filter((p) => {
    const lastDay = addDays(p.date, p.graceDays);
    return lastDay >= from && lastDay <= to;
  });
  let kept = 0;
  let broken = 0;
  if (due.length > 0) {
    const paid = ledger.allocationsTo(new Set(due.flatMap((p) => p.invoiceIds)));
    for (const p of due) {
      const { state } = promiseState(p, paid, asOf);
      if (state === 'kept') kept += 1;
      else if (state === 'broken') broken += 1;
    }
  }
  return { kept, broken, rate: kept + broken > 0 ? kept / (kept + broken) : null };
}

export function createPerformanceApi(db: OverdueDb, ledgerOf: (bookId: Id) => Promise<Ledger>): AnalyticsApi {
  return {
    async analytics(bookId, { from, to, asOf }) {
      const started = performance.now();
      if (!isIsoDate(from) || !isIsoDate(to) || !isIsoDate(asOf)) throw new RangeError('analytics.period');
      const end = to < asOf ? to : asOf;
      if (from > end) throw new RangeError('analytics.period');
      const [ledger, promises] = await Promise.all([
        ledgerOf(bookId),
        db.promises.where('[bookId+deleted]').equals([bookId, 0]).toArray(),
      ]);
      const f = ledger.performance(from, end, TOP_DEBTORS);
      const months: AnalyticsMonth[] = f.months.map((m) => ({
        ...m,
        simpleDso: simpleDso(m.arEnd, m.invoiced, m.days),
        cei: cei(m.arStart, m.invoiced, m.arEnd, m.notDueEnd),
      }));
      const { top, total, count } = f.debtors;
      const sumOf = (n: number) => top.slice(0, n).reduce((s, d) => s + d.open, 0);
      return {
        from, to: end, asOf,
        currency: ledger.book.currency,
        basis: ledger.book.agingBasis,
        buckets: bucketRanges(ledger.book.agingBounds, ledger.book.agingBasis),
        inputs: f.inputs,
        metrics: collectionMetrics(f.inputs),
        collected: f.inputs.collected,
        over90Share: share(f.over90, f.inputs.arEnd),
        promises: promiseRecord(promises, ledger, from, end, asOf),
        daysLate: { invoices: f.paidOff.invoices, average: f.paidOff.invoices > 0 ? f.paidOff.daysLate / f.paidOff.invoices : null },
        months,
        monthsCut: f.monthsCut,
        topDebtors: top.map((d) => ({ ...d, share: share(d.open, total) ?? 0 })),
        concentration: { top1: share(sumOf(1), total), top5: share(sumOf(5), total), debtors: count, total },
        computeMs: performance.now() - started,
      };
    },
  };
}
