// The book's risk settings: the score's weights and the dismissed warnings, kept as
// book settings rows (db.settings) like the collection policies. Neither is a
// ledger record: weights key the worker's cache, dismissals are read per answer.

import type { OverdueDb } from '../src/db/schema';
import { putSetting } from '../src/db/settings';
import { ok, type Result } from '../src/domain/errors';
import { checkRiskWeights, DEFAULT_RISK_WEIGHTS, type RiskWeights } from '../src/domain/risk-score';
import type { Id, IsoDate } from '../src/domain/types';

export const WEIGHTS_KEY = 'risk.weights';
export const DISMISSED_KEY = 'risk.dismissed';

export interface Dismissal {
  key: string;
  reason: string;
  on: IsoDate;
}

/** The stored weights when they still pass checkRiskWeights, else the defaults. */
export async function bookWeights(db: OverdueDb, bookId: Id): Promise<RiskWeights> {
  const stored = (await db.settings.get([bookId, WEIGHTS_KEY]))?.value;
  if (typeof stored === 'object' && stored !== null) {
    const checked = checkRiskWeights(stored as RiskWeights);
    if (checked.ok) return checked.value;
  }
  return { ...DEFAULT_RISK_WEIGHTS };
}

export async function saveWeights(db: OverdueDb, bookId: Id, weights: RiskWeights): Promise<Result<RiskWeights>> {
  const checked = checkRiskWeights(weights);
  if (!checked.ok) return checked;
  await putSetting(db, bookId, WEIGHTS_KEY, checked.value);
  return ok(checked.value);
}

function isDismissal(x: unknown): x is Dismissal {
  const d = x as Partial<Dismissal> | null;
  return typeof d === 'object' && d !== null && typeof d.key === 'string' && typeof d.reason === 'string' && typeof d.on === 'string';
}

/** Dismissals by key (malformed rows are skipped). */
export async function dismissals(db: OverdueDb, bookId: Id): Promise<Map<string, Dismissal>> {
  const stored = (await db.settings.get([bookId, DISMISSED_KEY]))?.value;
  const list = Array.isArray(stored) ? stored.filter(isDismissal) : [];
  return new Map(list.map((d) => [d.key, d]));
}

/** Adds (or replaces) one dismissal, or takes it away (null), in one transaction. */
export async function changeDismissal(db: OverdueDb, bookId: Id, key: string, dismissal: Dismissal | null): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await dismissals(db, bookId);
    if (dismissal) current.set(key, dismissal);
    else current.delete(key);
    await putSetting(db, bookId, DISMISSED_KEY, [...current.values()]);
  });
}
