// Reads one book's live records, and the change-log position they correspond
// to, in a single read transaction (so no write can fall between the two).

import type { OverdueDb } from '../src/db/schema';
import type { Id } from '../src/domain/types';
import type { LedgerRecords } from '../src/ledger';
import { lastSeq } from '../src/db/changelog';

export async function readBookRecords(db: OverdueDb, bookId: Id): Promise<{ records: LedgerRecords; seq: number } | null> {
  return db.transaction('r', [db.books, db.customers, db.invoices, db.payments, db.allocations, db.adjustments, db.changes], async () => {
    const book = await db.books.get(bookId);
    if (!book || book.deleted === 1) return null;
    const live: [Id, 0] = [bookId, 0];
    const [customers, invoices, payments, allocations, adjustments, seq] = await Promise.all([
      db.customers.where('[bookId+deleted]').equals(live).toArray(),
      db.invoices.where('[bookId+deleted]').equals(live).toArray(),
      db.payments.where('[bookId+deleted]').equals(live).toArray(),
      db.allocations.where('[bookId+deleted]').equals(live).toArray(),
      db.adjustments.where('[bookId+deleted]').equals(live).toArray(),
      lastSeq(db, bookId),
    ]);
    return { records: { book, customers, invoices, payments, allocations, adjustments }, seq };
  });
}
