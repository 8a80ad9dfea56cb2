import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceQuery } from '../../../src/api/contract';
import { addDays } from '../../../src/domain/calendar';
import type { Change } from '../../../src/domain/types';
import { Ledger, type LedgerRecords } from '../../../src/ledger';
import { demoRecords, END, reference } from './fixtures';
import { BookModel, type Op } from './model';

const BASE = demoRecords(3, 12, 150);
const DATES = [END, addDays(END, 60), addDays(END, -45), addDays(END, -500)];
const QUERIES: Omit<InvoiceQuery, 'asOf'>[] = [
  { offset: 0, limit: 500 },
  { status: 'overdue', sort: 'balance', desc: true, offset: 0, limit: 500 },
  { status: 'paid', sort: 'customer', offset: 0, limit: 500 },
  { status: 'writtenOff', sort: 'number', offset: 0, limit: 500 },
  { status: 'disputed', sort: 'issue', offset: 0, limit: 500 },
  { bucket: 1, offset: 0, limit: 500 },
  { text: '客户', offset: 0, limit: 500 },
];

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.nat({ max: 11 }), a: fc.nat({ max: 10_000 }), b: fc.nat({ max: 10_000 }), c: fc.nat({ max: 1_000_000 }),
});

function sameAnswers(actual: Ledger, expected: Ledger, records: LedgerRecords): void {
  for (const asOf of DATES) {
    const dash = actual.dashboard(asOf);
    expect(dash).toEqual(expected.dashboard(asOf));
    const ref = reference(records, asOf);
    expect(dash.totalOpen).toBe(ref.totalOpen);
    expect(dash.overdue).toBe(ref.overdue);
    expect(dash.unappliedCredit).toBe(ref.unappliedCredit);
    expect(dash.aging.buckets).toEqual(ref.buckets);
    expect(dash.aging.buckets.reduce((s, b) => s + b.amount, 0)).toBe(dash.totalOpen);
    for (const q of QUERIES) expect(actual.listInvoices({ ...q, asOf })).toEqual(expected.listInvoices({ ...q, asOf }));
    const cq = { asOf, sort: 'open' as const, desc: true, offset: 0, limit: 100 };
    expect(actual.listCustomers(cq)).toEqual(expected.listCustomers(cq));
  }
}

describe('incremental apply', () => {
  it('equals a rebuild from scratch and the reference after random edits', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), fc.nat(), (ops, chunk, hard) => {
        const model = new BookModel(BASE);
        let ledger = Ledger.fromRecords(model.records());
        let pending: Change[] = [];
        ops.forEach((op, k) => {
          pending.push(...model.step(op));
          if (k === Math.floor(ops.length / 2)) {
            const tables = ['invoices', 'payments', 'allocations', 'adjustments'] as const;
            pending.push(...model.hardDelete(tables[hard % tables.length] ?? 'allocations', hard));
            // Half the runs continue on a ledger reloaded from its snapshot (lazy id maps, copied buffers).
            if (hard % 2 === 0) { ledger.apply(pending); pending = []; ledger = Ledger.fromSnapshot(structuredClone(ledger.toSnapshot())); }
          }
          if (pending.length >= chunk) { ledger.apply(pending); pending = []; }
        });
        ledger.apply(pending);
        const records = model.records();
        sameAnswers(ledger, Ledger.fromRecords(records), records);
        // Snapshot of the incrementally built ledger answers the same as well.
        sameAnswers(Ledger.fromSnapshot(structuredClone(ledger.toSnapshot())), ledger, records);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('is unaffected by a change applied twice', () => {
    const model = new BookModel(BASE);
    const ledger = Ledger.fromRecords(model.records());
    const changes = [0, 2, 4, 1, 5, 8, 10].flatMap((kind, i) => model.step({ kind, a: i * 7, b: i * 13 + 1, c: i * 101 + 5 }));
    ledger.apply(changes);
    const once = ledger.dashboard(END);
    ledger.apply(changes);
    expect(ledger.dashboard(END)).toEqual(once);
    expect(once).toEqual(Ledger.fromRecords(model.records()).dashboard(END));
  });

  it('moves the figures when a payment is allocated and back when it is tombstoned', () => {
    const model = new BookModel(BASE);
    const ledger = Ledger.fromRecords(model.records());
    const before = ledger.dashboard(END);
    const open = ledger.listInvoices({ asOf: END, status: 'open', offset: 0, limit: 1 }).rows[0];
    expect(open).toBeDefined();
    if (!open) return;
    const pay = { id: 'p-x', bookId: BASE.book.id, updatedAt: 'S', deleted: 0 as const, customerId: open.customerId, date: END, amount: 1_000, method: 'bank', reference: '' };
    const alloc = { id: 'a-x', bookId: BASE.book.id, updatedAt: 'S', deleted: 0 as const, paymentId: 'p-x', invoiceId: open.id, customerId: open.customerId, date: END, amount: 600 };
    const change = (table: Change['table'], after: unknown, seq: number): Change =>
      ({ seq, bookId: BASE.book.id, table, recordId: (after as { id: string }).id, before: null, after, stamp: `S${seq}`, batch: `b${seq}`, action: 'payment.record', undone: 0 });
    ledger.apply([change('payments', pay, 1), change('allocations', alloc, 2)]);
    const after = ledger.dashboard(END);
    expect(after.totalOpen).toBe(before.totalOpen - 600);
    expect(after.unappliedCredit).toBe(before.unappliedCredit + 400);
    expect(ledger.invoiceFigures(open.id, END)?.balance).toBe(open.balance - 600);
    // As of the day before the payment nothing had changed.
    expect(ledger.dashboard(addDays(END, -1))).toEqual(Ledger.fromRecords(BASE).dashboard(addDays(END, -1)));
    ledger.apply([change('allocations', { ...alloc, deleted: 1 }, 3), change('payments', { ...pay, deleted: 1 }, 4)]);
    expect(ledger.dashboard(END)).toEqual(before);
  });
});

describe('snapshot', () => {
  it('round-trips through structured clone to the same answers', () => {
    const records = demoRecords(9, 150, 3_000);
    const ledger = Ledger.fromRecords(records);
    const snap = structuredClone(ledger.toSnapshot());
    for (const value of Object.values(snap.invoices)) {
      expect(Array.isArray(value) || value instanceof ArrayBuffer).toBe(true);
    }
    const copy = Ledger.fromSnapshot(snap);
    sameAnswers(copy, ledger, records);
    expect(copy.toSnapshot()).toEqual(ledger.toSnapshot());
    expect(copy.counts()).toEqual({ customers: 150, invoices: 3_000 });
  }, 30_000);

  it('keeps its own buffers: editing a ledger from a snapshot leaves the snapshot alone', () => {
    const model = new BookModel(BASE);
    const ledger = Ledger.fromRecords(model.records());
    const snap = ledger.toSnapshot();
    const a = Ledger.fromSnapshot(snap);
    a.apply(model.step({ kind: 2, a: 1, b: 2, c: 3 }));
    expect(Ledger.fromSnapshot(snap).dashboard(END)).toEqual(ledger.dashboard(END));
  });

  it('rejects something that is not a snapshot', () => {
    expect(() => Ledger.fromSnapshot({ format: 'x' } as never)).toThrow(TypeError);
  });
});
