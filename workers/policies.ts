// The book's collection policies, kept as a book setting; the default policy until the user edits one.

import type { OverdueDb } from '../src/db/schema';
import type { Policy } from '../src/domain/collections';
import { DEFAULT_POLICY } from '../src/domain/policy';
import type { Id } from '../src/domain/types';

/** Book setting holding the book's policies (the default policy when absent). */
export const POLICIES_KEY = 'collections.policies';

export async function bookPolicies(db: OverdueDb, bookId: Id): Promise<Policy[]> {
  const stored = await db.settings.get([bookId, POLICIES_KEY]);
  const list = stored?.value;
  return Array.isArray(list) && list.length > 0 ? (list as Policy[]) : [DEFAULT_POLICY];
}
