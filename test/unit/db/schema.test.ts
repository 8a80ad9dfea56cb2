import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { OverdueDb, declareVersions, openDb } from '../../../src/db/schema';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../src/db/migrations';

const opened: Dexie[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const STAMP = '000001700000000-000000-dev';

describe('OverdueDb', () => {
  it('opens at the newest version with every table', async () => {
    const db = track(openDb(crypto.randomUUID()));
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'activities', 'adjustments', 'allocations', 'attachments', 'books', 'changes', 'customers', 'invoices',
      'meta', 'notices', 'payments', 'plans', 'promises', 'settings', 'snapshots', 'syncClocks', 'syncConfig', 'syncConflicts', 'syncState',
    ]);
    expect(db.invoices.schema.idxByName['[bookId+number]']).toBeDefined();
    expect(db.activities.schema.idxByName['[bookId+date]']).toBeDefined();
    expect(db.changes.schema.primKey.auto).toBe(true);
  });

  it('uses the default database name', () => {
    const db = openDb();
    expect(db.name).toBe('overdue');
    db.close();
  });

  it('numbers change records in write order per book', async () => {
    const db = track(openDb(crypto.randomUUID()));
    const base = { table: 'books' as const, recordId: 'x', before: null, after: null, stamp: STAMP, batch: 'b', action: 'book.create', undone: 0 as const };
    const first = await db.changes.add({ ...base, bookId: 'a' });
    const second = await db.changes.add({ ...base, bookId: 'b' });
    expect(typeof first).toBe('number');
    expect(second).toBeGreaterThan(first ?? Infinity);
    const inA = await db.changes.where('[bookId+seq]').between(['a', Dexie.minKey], ['a', Dexie.maxKey]).toArray();
    expect(inA.map((c) => c.seq)).toEqual([first]);
  });
});

describe('upgrade from version 1', () => {
  it('keeps every record and fills the fields version 2 added', async () => {
    const name = crypto.randomUUID();
    const v1Only = SCHEMA_VERSIONS.filter((v) => v.version === 1);
    expect(v1Only).toHaveLength(1);
    const old = new Dexie(name);
    declareVersions(old, v1Only);
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('snapshots');

    const book = { id: 'book1', updatedAt: STAMP, deleted: 0, name: 'Acme', currency: 'CNY', locale: 'zh-CN',
      agingBounds: [30, 60, 90], agingBasis: 'due', defaultTermsDays: 30, commaDecimal: false, limitationYears: 3, createdAt: '2024-01-01' };
    const customers = [
      { id: 'c1', bookId: 'book1', updatedAt: STAMP, deleted: 0, name: '甲公司', termsDays: 30, creditLimit: null, contacts: [], notes: '' },
      { id: 'c2', bookId: 'book1', updatedAt: STAMP, deleted: 1, name: 'Gone Ltd', termsDays: 15, creditLimit: 5000, contacts: [], notes: 'n' },
    ];
    const invoices = [
      { id: 'i1', bookId: 'book1', updatedAt: STAMP, deleted: 0, customerId: 'c1', number: 'INV-1', issueDate: '2024-01-05', dueDate: '2024-02-04', amount: 10000, currency: 'CNY', description: '' },
      { id: 'i2', bookId: 'book1', updatedAt: STAMP, deleted: 0, customerId: 'c2', number: 'INV-2', issueDate: '2024-01-06', dueDate: '2024-01-21', amount: 2500, currency: 'CNY', description: 'x', disputed: 1, disputeReason: 'wrong qty' },
    ];
    const payment = { id: 'p1', bookId: 'book1', updatedAt: STAMP, deleted: 0, customerId: 'c1', date: '2024-02-01', amount: 4000, method: 'bank', reference: 'r' };
    const allocation = { id: 'a1', bookId: 'book1', updatedAt: STAMP, deleted: 0, paymentId: 'p1', invoiceId: 'i1', date: '2024-02-01', amount: 4000 };
    const adjustment = { id: 'd1', bookId: 'book1', updatedAt: STAMP, deleted: 0, kind: 'credit', invoiceId: 'i2', date: '2024-01-10', amount: 500, reason: 'r', basis: '' };
    const activity = { id: 'act1', bookId: 'book1', updatedAt: STAMP, deleted: 0, customerId: 'c1', invoiceId: null, date: '2024-02-10', channel: 'phone', stage: 'reminder', outcome: 'promised', note: '', nextActionDate: null, promiseAmount: 6000, promiseDate: '2024-02-20' };
    await old.table('books').add(book);
    await old.table('customers').bulkAdd(customers);
    await old.table('invoices').bulkAdd(invoices);
    await old.table('payments').add(payment);
    await old.table('allocations').add(allocation);
    await old.table('adjustments').add(adjustment);
    await old.table('activities').add(activity);
    await old.table('settings').add({ bookId: '', key: 'theme', value: 'dark' });
    await old.table('meta').add({ key: 'deviceId', value: 'dev' });
    await old.table('changes').add({ bookId: 'book1', table: 'invoices', recordId: 'i1', before: null, after: invoices[0], stamp: STAMP, batch: 'b1', action: 'invoice.create', undone: 0 });
    old.close();

    const db = track(new OverdueDb(name));
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    expect(await db.books.toArray()).toEqual([book]);
    expect(await db.customers.orderBy('id').toArray()).toEqual([
      { ...customers[0], tags: [], uscc: '' },
      { ...customers[1], tags: [], uscc: '' },
    ]);
    expect(await db.invoices.orderBy('id').toArray()).toEqual([
      { ...invoices[0], disputed: 0, disputeReason: '' },
      invoices[1],
    ]);
    expect(await db.payments.toArray()).toEqual([payment]);
    expect(await db.allocations.toArray()).toEqual([{ ...allocation, customerId: 'c1' }]);
    expect(await db.adjustments.toArray()).toEqual([{ ...adjustment, customerId: 'c2' }]);
    expect(await db.activities.toArray()).toEqual([activity]);
    expect(await db.settings.get(['', 'theme'])).toEqual({ bookId: '', key: 'theme', value: 'dark' });
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'dev' });
    expect(await db.changes.count()).toBe(1);

    // The indexes version 2 added work on the upgraded rows.
    expect(await db.allocations.where('customerId').equals('c1').count()).toBe(1);
    expect(await db.adjustments.where('customerId').equals('c2').count()).toBe(1);
    expect(await db.activities.where('[bookId+date]').equals(['book1', '2024-02-10']).count()).toBe(1);
    expect(await db.snapshots.count()).toBe(0);
    await db.snapshots.put({ bookId: 'book1', seq: 1, data: { any: 'thing' } });
    expect(await db.snapshots.get('book1')).toEqual({ bookId: 'book1', seq: 1, data: { any: 'thing' } });

    // Version 3 dropped the indexes nothing reads (each one is a write per record).
    expect(db.invoices.schema.indexes.map((i) => i.name).sort()).toEqual(['[bookId+deleted]', '[bookId+number]', 'customerId']);
    expect(db.changes.schema.indexes.map((i) => i.name).sort()).toEqual(['[bookId+seq]', 'batch']);
    expect(await db.invoices.where('[bookId+deleted]').equals(['book1', 0]).count()).toBe(2);
  });
});
