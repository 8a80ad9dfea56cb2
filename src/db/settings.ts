// Book settings rows (policies, templates, weights, dismissals...) are written in
// several places; each write is stamped with this device's clock so sync can
// merge them like records. The repository registers its clock for its database.

import type { Id, Setting, Stamp } from '../domain/types';
import type { Hlc } from './hlc';
import type { OverdueDb } from './schema';

const clocks = new WeakMap<OverdueDb, Hlc>();

export function registerSettingsClock(db: OverdueDb, hlc: Hlc): void {
  clocks.set(db, hlc);
}

/** A fresh stamp for a settings write; none before a repository exists (then sync treats the row as oldest). */
export function settingStamp(db: OverdueDb): Stamp | undefined {
  return clocks.get(db)?.tick();
}

/** Writes one setting with a fresh stamp (inside the caller's transaction, if any). */
export async function putSetting(db: OverdueDb, bookId: Id, key: string, value: unknown): Promise<void> {
  const stamp = settingStamp(db);
  const row: Setting = stamp === undefined ? { bookId, key, value } : { bookId, key, value, updatedAt: stamp };
  await db.settings.put(row);
}
