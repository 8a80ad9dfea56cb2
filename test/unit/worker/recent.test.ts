import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { recentBatches } from '../../../src/db/changelog';
import { Repository } from '../../../src/db/repository';
import { openDb, type OverdueDb } from '../../../src/db/schema';
import { generateBook } from '../../../src/demo/generate';
import type { Result } from '../../../src/domain/errors';
import { describeBatch, RecentChanges } from '../../../workers/recent';

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

let db: OverdueDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('RecentChanges', () => {
  it('reads the same batches as the change log walk, and describes them', async () => {
    db = openDb(crypto.randomUUID());
    const repo = new Repository(db, 'dev-1');
    const { book: input, ...records } = generateBook({ seed: 2, customers: 10, invoices: 120, locale: 'zh-CN', endDate: '2025-06-30' }, () => crypto.randomUUID());
    const book = must(await repo.createBook(input));
    must(await repo.bulkInsert(book.id, records, 'demo.load'));
    const customer = records.customers[0];
    if (!customer) throw new Error('no customer');
    const invoice = must(await repo.saveInvoice(book.id, {
      customerId: customer.id, number: 'R-1', issueDate: '2025-06-01', dueDate: '', amount: 123_456, currency: 'CNY',
      description: '', disputed: false, disputeReason: '',
    }));
    const paid = must(await repo.recordPayment(book.id, { customerId: customer.id, date: '2025-06-20', amount: 500_000, method: 'bank', reference: '', allocation: [{ invoiceId: invoice.id, amount: 100_000 }] }));
    must(await repo.addAdjustment(book.id, { kind: 'credit', invoiceId: invoice.id, date: '2025-06-21', amount: 3_456, reason: '', basis: '' }));
    must(await repo.unapplyPayment(book.id, paid.payment.id));
    must(await repo.undoLast(book.id));

    const mine = await new RecentChanges(db).batches(book.id, 20);
    const theirs = await recentBatches(db, book.id, 20, 20);
    expect(mine.map(({ sample: _s, ...rest }) => rest)).toEqual(theirs.map(({ sample: _s, ...rest }) => rest));
    expect(mine.map((b) => b.sample.map((c) => c.seq))).toEqual(theirs.map((b) => b.sample.map((c) => c.seq)));
    expect(mine.map((b) => b.action)).toEqual(['undo', 'payment.unapply', 'adjustment.credit', 'payment.record', 'invoice.create', 'demo.load', 'book.create']);

    const names = { customerName: (id: string) => (id === customer.id ? customer.name : null), invoiceNumber: (id: string) => (id === invoice.id ? 'R-1' : null) };
    const params = mine.map((b) => describeBatch(b, names, 'CNY'));
    expect(params[1]).toEqual({ count: 1, amount: '1000.00', currency: 'CNY', number: 'R-1', customer: customer.name });
    expect(params[2]).toEqual({ count: 1, amount: '34.56', currency: 'CNY', number: 'R-1', customer: customer.name });
    expect(params[3]).toEqual({ count: 2, amount: '5000.00', currency: 'CNY', customer: customer.name });
    expect(params[4]).toEqual({ count: 1, amount: '1234.56', currency: 'CNY', number: 'R-1', customer: customer.name });
    const total = Object.values(records).reduce((s, list) => s + list.length, 0);
    expect(params[5]).toEqual({ count: total });
    expect(params[6]).toMatchObject({ count: 1, name: input.name });
    // Undone flags are read fresh: after the undo the unapply batch is marked.
    expect(mine[1]?.undone).toBe(1);
  });
});
