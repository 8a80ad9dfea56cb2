// Credit scores in the worker: the facts from the working set, the promise record
// from the collections tables (the last 12 months), the book's default weights.

import type { RiskApi } from '../src/api/risk';
import type { OverdueDb } from '../src/db/schema';
import { addDays } from '../src/domain/calendar';
import { promiseState } from '../src/domain/promise';
import { DEFAULT_RISK_WEIGHTS, riskScore, suggestion } from '../src/domain/risk-score';
import type { Id } from '../src/domain/types';
import type { Ledger } from '../src/ledger';

export function createRiskApi(db: OverdueDb, ledgerOf: (bookId: Id) => Promise<Ledger>): RiskApi {
  return {
    async customerRisk(bookId, customerId, asOf) {
      const ledger = await ledgerOf(bookId);
      const facts = ledger.customerRiskFacts(customerId, asOf);
      if (!facts) return null;
      const yearAgo = addDays(asOf, -365);
      const promises = (await db.promises.where('customerId').equals(customerId).toArray())
        .filter((p) => p.deleted === 0 && p.bookId === bookId && p.madeOn <= asOf && p.madeOn > yearAgo);
      const paid = ledger.allocationsTo(new Set(promises.flatMap((p) => p.invoiceIds)));
      let brokenPromises = 0;
      let keptPromises = 0;
      for (const p of promises) {
        const state = promiseState(p, paid, asOf).state;
        if (state === 'broken') brokenPromises += 1;
        else if (state === 'kept') keptPromises += 1;
      }
      const all = { ...facts, brokenPromises, keptPromises };
      const score = riskScore(all, DEFAULT_RISK_WEIGHTS);
      return { ...score, asOf, suggestion: suggestion(score.grade, all) };
    },
  };
}
