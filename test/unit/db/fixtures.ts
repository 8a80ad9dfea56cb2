// Shared set-up for the db tests: a fresh database per test, a repository on a
// hand-driven clock, and minimal valid inputs to vary.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import type { BookInput, CustomerInput, InvoiceInput, PaymentInput } from '../../../src/api/contract';
import type { Result } from '../../../src/domain/errors';
import type { Id } from '../../../src/domain/types';
import { Repository } from '../../../src/db/repository';
import { openDb, type OverdueDb } from '../../../src/db/schema';

export const bookInput = (over: Partial<BookInput> = {}): BookInput => ({
  name: '甲账套', currency: 'CNY', locale: 'zh-CN', agingBounds: [30, 60, 90, 180, 365], agingBasis: 'due',
  defaultTermsDays: 30, commaDecimal: false, limitationYears: 3, ...over,
});

export const customerInput = (over: Partial<CustomerInput> = {}): CustomerInput => ({
  name: '乙公司', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '', ...over,
});

export const invoiceInput = (customerId: Id, over: Partial<InvoiceInput> = {}): InvoiceInput => ({
  customerId, number: 'INV-1', issueDate: '2024-01-10', dueDate: '2024-02-09', amount: 100_00, currency: '',
  description: '', disputed: false, disputeReason: '', ...over,
});

export const paymentInput = (customerId: Id, over: Partial<PaymentInput> = {}): PaymentInput => ({
  customerId, date: '2024-03-01', amount: 50_00, method: 'bank', reference: '', allocation: 'auto', ...over,
});

/** The value of a Result that must be ok (fails the test with its errors otherwise). */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

export interface Env {
  db: OverdueDb;
  repo: Repository;
  bookId: Id;
  /** Moves the repository's wall clock (ms). */
  setTime(ms: number): void;
  close(): Promise<void>;
}

export async function freshEnv(): Promise<Env> {
  const db = openDb(crypto.randomUUID());
  let t = 1_700_000_000_000;
  const repo = new Repository(db, 'device-a', { now: () => t, today: () => '2024-06-01' });
  const book = must(await repo.createBook(bookInput()));
  return {
    db, repo, bookId: book.id,
    setTime: (ms) => { t = ms; },
    close: async () => { db.close(); await Dexie.delete(db.name); },
  };
}

/** Everything stored in the database except the change log, for "nothing changed" checks. */
export async function dumpRecords(db: OverdueDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['books', 'customers', 'invoices', 'payments', 'allocations', 'adjustments', 'activities', 'changes'] as const) {
    out[t] = await db.table(t).toArray();
  }
  return out;
}
