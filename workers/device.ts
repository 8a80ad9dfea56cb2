// This device's id for HLC stamps: created on first open, kept in the meta table.

import type { OverdueDb } from '../src/db/schema';

const KEY = 'deviceId';

export async function deviceId(db: OverdueDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const found = await db.meta.get(KEY);
    if (typeof found?.value === 'string' && found.value !== '') return found.value;
    const id = crypto.randomUUID();
    await db.meta.put({ key: KEY, value: id });
    return id;
  });
}
