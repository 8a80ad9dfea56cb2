// A plain in-memory book for the ledger's property tests: random edits turned
// into the Change records the repository would log.

import type { Adjustment, Allocation, Book, Change, Customer, Invoice, Payment, TableName } from '../../../src/domain/types';
import { addDays } from '../../../src/domain/calendar';
import type { LedgerRecords } from '../../../src/ledger';
import { BOOK_ID, END } from './fixtures';

type Rec = Customer | Invoice | Payment | Allocation | Adjustment;
type Table = 'customers' | 'invoices' | 'payments' | 'allocations' | 'adjustments';
const TABLES: readonly Table[] = ['customers', 'invoices', 'payments', 'allocations', 'adjustments'];

export interface Op { kind: number; a: number; b: number; c: number }

export class BookModel {
  book: Book;
  tables: Record<Table, Map<string, Rec>>;
  private seq = 0;
  private counter = 0;

  constructor(records: LedgerRecords) {
    this.book = structuredClone(records.book);
    this.tables = {
      customers: new Map(records.customers.map((r) => [r.id, structuredClone(r)])),
      invoices: new Map(records.invoices.map((r) => [r.id, structuredClone(r)])),
      payments: new Map(records.payments.map((r) => [r.id, structuredClone(r)])),
      allocations: new Map(records.allocations.map((r) => [r.id, structuredClone(r)])),
      adjustments: new Map(records.adjustments.map((r) => [r.id, structuredClone(r)])),
    };
  }

  records(): LedgerRecords {
    return {
      book: structuredClone(this.book),
      customers: [...this.tables.customers.values()] as Customer[],
      invoices: [...this.tables.invoices.values()] as Invoice[],
      payments: [...this.tables.payments.values()] as Payment[],
      allocations: [...this.tables.allocations.values()] as Allocation[],
      adjustments: [...this.tables.adjustments.values()] as Adjustment[],
    };
  }

  private change(table: TableName, recordId: string, before: unknown, after: unknown): Change {
    return {
      seq: ++this.seq, bookId: BOOK_ID, table, recordId, before, after,
      stamp: `S${this.seq}`, batch: `b${this.seq}`, action: 'test', undone: 0,
    };
  }

  private put(table: Table, after: Rec): Change {
    const before = this.tables[table].get(after.id) ?? null;
    this.tables[table].set(after.id, structuredClone(after));
    return this.change(table, after.id, before, structuredClone(after));
  }

  private pick<T extends Table>(table: T, n: number): Rec | null {
    const rows = [...this.tables[table].values()];
    return rows.length === 0 ? null : (rows[n % rows.length] as Rec);
  }

  private newId(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  /** Performs one random edit; returns the changes it logs (possibly none). */
  step(op: Op): Change[] {
    const { a, b, c } = op;
    switch (op.kind % 12) {
      case 0: { // new invoice, sometimes for a new customer
        const out: Change[] = [];
        let customer = this.pick('customers', a) as Customer | null;
        if (!customer || b % 5 === 0) {
          customer = {
            id: this.newId('c'), bookId: BOOK_ID, updatedAt: 'S', deleted: 0, name: `新客户 ${this.counter}`, uscc: '',
            termsDays: 30, creditLimit: b % 2 ? 100_000 : null, contacts: [], tags: [], notes: '',
          };
          out.push(this.put('customers', customer));
        }
        const issueDate = addDays(END, -(b % 800) + 30);
        const inv: Invoice = {
          id: this.newId('i'), bookId: BOOK_ID, updatedAt: 'S', deleted: 0, customerId: customer.id,
          number: `T-${this.counter}`, issueDate, dueDate: addDays(issueDate, c % 61), amount: 1 + ((c * 7919) % 5_000_000),
          currency: 'CNY', description: `test ${c}`, disputed: c % 9 === 0 ? 1 : 0, disputeReason: c % 9 === 0 ? 'x' : '',
        };
        out.push(this.put('invoices', inv));
        return out;
      }
      case 1: { // edit an invoice: amount, due date, dispute, customer
        const inv = this.pick('invoices', a) as Invoice | null;
        if (!inv) return [];
        const next: Invoice = { ...inv };
        if (b % 4 === 0) next.amount = 1 + ((b * 31 + c) % 3_000_000);
        if (b % 4 === 1) next.dueDate = addDays(inv.issueDate, c % 90);
        if (b % 4 === 2) { next.disputed = inv.disputed ? 0 : 1; next.disputeReason = next.disputed ? 'r' : ''; }
        if (b % 4 === 3) next.customerId = (this.pick('customers', c) as Customer).id;
        return [this.put('invoices', next)];
      }
      case 2: case 3: { // payment with an allocation
        const inv = this.pick('invoices', a) as Invoice | null;
        if (!inv) return [];
        const date = addDays(inv.issueDate, 1 + (b % 400));
        const amount = 1 + (c % Math.max(1, inv.amount));
        const pay: Payment = {
          id: this.newId('p'), bookId: BOOK_ID, updatedAt: 'S', deleted: 0, customerId: inv.customerId,
          date, amount: amount + (b % 3 === 0 ? 5_000 : 0), method: 'bank', reference: '',
        };
        const alloc: Allocation = {
          id: this.newId('a'), bookId: BOOK_ID, updatedAt: 'S', deleted: 0, paymentId: pay.id,
          invoiceId: inv.id, customerId: inv.customerId, date, amount,
        };
        // Occasionally logged allocation first: the ledger must cope with any order.
        return b % 7 === 0 ? [this.put('allocations', alloc), this.put('payments', pay)] : [this.put('payments', pay), this.put('allocations', alloc)];
      }
      case 4: { // credit note, write-off or charge
        const inv = this.pick('invoices', a) as Invoice | null;
        if (!inv) return [];
        const kind = (['credit', 'writeoff', 'charge'] as const)[c % 3] ?? 'credit';
        const adj: Adjustment = {
          id: this.newId('j'), bookId: BOOK_ID, updatedAt: 'S', deleted: 0, kind, invoiceId: inv.id, customerId: inv.customerId,
          date: addDays(inv.issueDate, b % 500), amount: 1 + (c % 200_000), reason: '', basis: '',
        };
        return [this.put('adjustments', adj)];
      }
      case 5: case 6: { // tombstone any record
        const table = TABLES[b % TABLES.length] as Table;
        const rec = this.pick(table, a);
        if (!rec || rec.deleted === 1) return [];
        return [this.put(table, { ...rec, deleted: 1 })];
      }
      case 7: { // bring a tombstoned record back (undo of a delete)
        const table = TABLES[b % TABLES.length] as Table;
        const rec = this.pick(table, a);
        if (!rec || rec.deleted === 0) return [];
        return [this.put(table, { ...rec, deleted: 0 })];
      }
      case 8: { // edit an allocation or adjustment: amount and date
        const table = b % 2 ? 'allocations' : 'adjustments';
        const rec = this.pick(table, a) as Allocation | Adjustment | null;
        if (!rec) return [];
        return [this.put(table, { ...rec, amount: 1 + (c % 100_000), date: addDays(rec.date, (c % 41) - 20) })];
      }
      case 9: { // rename a customer (names stay unique)
        const rec = this.pick('customers', a) as Customer | null;
        if (!rec) return [];
        return [this.put('customers', { ...rec, name: `${rec.name}·${++this.counter}` })];
      }
      case 10: { // edit a payment's amount or date
        const rec = this.pick('payments', a) as Payment | null;
        if (!rec) return [];
        return [this.put('payments', { ...rec, amount: 1 + (c % 900_000), date: addDays(rec.date, (b % 31) - 15) })];
      }
      default: { // book settings: aging basis and bounds
        const before = structuredClone(this.book);
        this.book = { ...this.book, agingBasis: b % 2 ? 'issue' : 'due', agingBounds: c % 2 ? [30, 60, 90] : [15, 45, 365, 730] };
        return [this.change('books', this.book.id, before, structuredClone(this.book))];
      }
    }
  }

  /** Removes a record outright (a change with after: null). */
  hardDelete(table: Table, n: number): Change[] {
    const rec = this.pick(table, n);
    if (!rec) return [];
    this.tables[table].delete(rec.id);
    return [this.change(table, rec.id, rec, null)];
  }
}
