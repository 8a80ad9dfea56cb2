// Loading a demo book: generate, create the book, bulk-insert everything in one
// transaction with progress, then store the ledger snapshot so the first open is quick.

import type { DemoOptions, Progress } from '../src/api/contract';
import type { Repository } from '../src/db/repository';
import { generateBook } from '../src/demo/generate';
import type { Result } from '../src/domain/errors';
import type { Book } from '../src/domain/types';
import type { BookLedgers } from './books';

export async function loadDemoBook(
  repo: Repository,
  books: BookLedgers,
  options: DemoOptions,
  onProgress?: (p: Progress) => void,
): Promise<Result<Book>> {
  const report = (done: number, total: number) => {
    try {
      void onProgress?.({ done, total });
    } catch {
      // Progress is a display only.
    }
  };
  // Random ids, not the seeded ones: loading the same seed twice must give two books.
  const { book: input, ...records } = generateBook(options, () => crypto.randomUUID());
  const created = await repo.createBook(input);
  if (!created.ok) return created;
  const book = created.value;
  books.adopt(book, await repo.lastSeq(book.id));
  const inserted = await repo.bulkInsert(book.id, records, 'demo.load', report);
  if (!inserted.ok) {
    // The records were all-or-nothing; take back the empty book too, so a failed
    // load (quota, say) leaves nothing behind.
    await repo.undoLast(book.id);
    return inserted;
  }
  await books.saveNow(book.id);
  return created;
}
