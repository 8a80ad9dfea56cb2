import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Repository } from '../../../src/db/repository';
import { bookInput, customerInput, dumpRecords, freshEnv, must, type Env } from './fixtures';

let env: Env;
beforeEach(async () => { env = await freshEnv(); });
afterEach(async () => { await env.close(); });

describe('createBook / updateBook', () => {
  it('stores the book with a stamp from the device clock and logs it', async () => {
    const book = await env.db.books.get(env.bookId);
    expect(book).toMatchObject({ name: '甲账套', currency: 'CNY', deleted: 0, createdAt: '2024-06-01' });
    expect(book?.updatedAt).toMatch(/^001700000000000-\d{6}-device-a$/);
    const changes = await env.repo.changesSince(env.bookId, 0);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ table: 'books', recordId: env.bookId, before: null, action: 'book.create', undone: 0 });
    expect(changes[0]?.after).toEqual(book);
  });

  it('normalises the input (trimmed name, upper-case currency)', async () => {
    const book = must(await env.repo.createBook(bookInput({ name: '  Acme  ', currency: 'usd' })));
    expect(book.name).toBe('Acme');
    expect(book.currency).toBe('USD');
  });

  it('rejects every bad field at once and stores nothing', async () => {
    const before = await dumpRecords(env.db);
    const r = await env.repo.createBook(bookInput({
      name: ' ', currency: 'yuan', agingBounds: [60, 30], defaultTermsDays: -1, limitationYears: 0,
    }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'required'], ['currency', 'required'], ['agingBounds', 'aging.bounds'],
      ['defaultTermsDays', 'number.invalid'], ['limitationYears', 'number.invalid'],
    ]);
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('updates a book, keeping its id and creation date, with a later stamp', async () => {
    const before = await env.db.books.get(env.bookId);
    const updated = must(await env.repo.updateBook(env.bookId, bookInput({ name: '新名', agingBasis: 'issue', agingBounds: [365, 730] })));
    expect(updated).toMatchObject({ id: env.bookId, name: '新名', agingBasis: 'issue', agingBounds: [365, 730], createdAt: '2024-06-01' });
    expect(updated.updatedAt > (before?.updatedAt ?? '')).toBe(true);
    const [, change] = await env.repo.changesSince(env.bookId, 0);
    expect(change).toMatchObject({ action: 'book.update', before, after: updated });
  });

  it('reports an unknown book', async () => {
    expect(await env.repo.updateBook('nope', bookInput())).toEqual({ ok: false, errors: [{ field: '', code: 'book.notFound' }] });
    expect(await env.repo.saveCustomer('nope', customerInput())).toEqual({ ok: false, errors: [{ field: '', code: 'book.notFound' }] });
  });

  it('keeps stamps increasing when the wall clock goes back', async () => {
    env.setTime(1_600_000_000_000);
    const a = must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'A' })));
    const b = must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'B' })));
    const book = await env.db.books.get(env.bookId);
    expect(a.updatedAt > (book?.updatedAt ?? '')).toBe(true);
    expect(b.updatedAt > a.updatedAt).toBe(true);
  });
});

describe('saveCustomer', () => {
  it('creates a customer with normalised fields', async () => {
    const c = must(await env.repo.saveCustomer(env.bookId, customerInput({
      name: ' 乙公司 ', uscc: ' 91350100m000100y43 ', tags: [' vip', 'vip', '', 'slow '], creditLimit: 500_000_00,
      contacts: [{ name: '王', phone: ' 138 ', email: '', wechat: '', address: '' }, { name: '', phone: '', email: '', wechat: '', address: '' }],
    })));
    expect(c).toMatchObject({
      bookId: env.bookId, deleted: 0, name: '乙公司', uscc: '91350100M000100Y43', tags: ['vip', 'slow'], creditLimit: 500_000_00,
      contacts: [{ name: '王', phone: '138', email: '', wechat: '', address: '' }],
    });
    expect(await env.db.customers.get(c.id)).toEqual(c);
  });

  it('stores a USCC with a wrong check character (warn, never block)', async () => {
    const c = must(await env.repo.saveCustomer(env.bookId, customerInput({ uscc: '91350100M000100Y44' })));
    expect(c.uscc).toBe('91350100M000100Y44');
  });

  it('requires a name and sensible terms and limit', async () => {
    const r = await env.repo.saveCustomer(env.bookId, customerInput({ name: '', termsDays: 1.5, creditLimit: -1 }));
    expect(r).toEqual({ ok: false, errors: [
      { field: 'name', code: 'required' },
      { field: 'termsDays', code: 'number.invalid', params: { min: 0, max: 3650 } },
      { field: 'creditLimit', code: 'money.negative' },
    ] });
    expect(await env.db.customers.count()).toBe(0);
  });

  it('updates in place and logs before and after', async () => {
    const c = must(await env.repo.saveCustomer(env.bookId, customerInput()));
    const u = must(await env.repo.saveCustomer(env.bookId, customerInput({ name: '丙公司', termsDays: 60 }), c.id));
    expect(u.id).toBe(c.id);
    expect(await env.db.customers.count()).toBe(1);
    const changes = await env.repo.changesSince(env.bookId, 0);
    expect(changes.at(-1)).toMatchObject({ action: 'customer.update', recordId: c.id, before: c, after: u });
  });

  it('refuses to update a customer of another book or an unknown one', async () => {
    const other = must(await env.repo.createBook(bookInput({ name: 'other' })));
    const c = must(await env.repo.saveCustomer(other.id, customerInput()));
    expect(await env.repo.saveCustomer(env.bookId, customerInput(), c.id)).toEqual({ ok: false, errors: [{ field: '', code: 'customer.notFound' }] });
    expect(await env.repo.saveCustomer(env.bookId, customerInput(), 'missing')).toEqual({ ok: false, errors: [{ field: '', code: 'customer.notFound' }] });
  });
});

describe('onChanges', () => {
  it('delivers the logged changes with seq after commit, and stops after unsubscribe', async () => {
    const seen: { seq?: number; action: string }[][] = [];
    let readBack: Promise<unknown> = Promise.resolve();
    const off = env.repo.onChanges((changes) => {
      seen.push(changes.map((c) => ({ seq: c.seq, action: c.action })));
      // Called after the commit: a fresh read already sees the record.
      const first = changes[0];
      readBack = first ? env.db.customers.get(first.recordId) : Promise.resolve(undefined);
    });
    const start = await env.repo.lastSeq(env.bookId);
    const c = must(await env.repo.saveCustomer(env.bookId, customerInput()));
    expect(seen).toEqual([[{ seq: start + 1, action: 'customer.create' }]]);
    expect(await readBack).toEqual(c);
    off();
    must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'x' })));
    expect(seen).toHaveLength(1);
    expect(await env.repo.lastSeq(env.bookId)).toBe(start + 2);
  });

  it('is not called for a rejected write, and a throwing listener does not fail the write', async () => {
    let calls = 0;
    env.repo.onChanges(() => { calls += 1; throw new Error('listener bug'); });
    const errorSpy = console.error;
    console.error = () => {};
    try {
      expect((await env.repo.saveCustomer(env.bookId, customerInput({ name: '' }))).ok).toBe(false);
      expect(calls).toBe(0);
      expect((await env.repo.saveCustomer(env.bookId, customerInput())).ok).toBe(true);
      expect(calls).toBe(1);
    } finally {
      console.error = errorSpy;
    }
  });

  it('keeps listeners per repository', () => {
    const other = new Repository(env.db, 'device-b');
    let called = false;
    other.onChanges(() => { called = true; });
    expect(called).toBe(false);
  });
});
