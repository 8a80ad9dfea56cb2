// Book-wide risk facts (one pass over grouped columns) against the per-customer
// scan customerRiskFacts, on generated books edited at random; the history and
// open lists against a plain computation; overrides through the snapshot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../../src/domain/calendar';
import type { Change, Customer } from '../../../src/domain/types';
import { Ledger, SNAPSHOT_VERSION } from '../../../src/ledger';
import { demoRecords, END, reference } from './fixtures';
import { BookModel, type Op } from './model';

const BASE = demoRecords(5, 15, 220);
const DATES = [END, addDays(END, 45), addDays(END, -90), addDays(END, -400), addDays(END, -800)];

function sameAsPerCustomer(ledger: Ledger, customerIds: readonly string[]): void {
  for (const asOf of DATES) {
    const book = ledger.riskBook(asOf);
    const ids = book.customers.map((c) => c?.id ?? null);
    for (const id of customerIds) {
      const row = ids.indexOf(id);
      const expected = ledger.customerRiskFacts(id, asOf);
      expect(row >= 0 ? book.facts[row] : null).toEqual(expected);
      if (expected) expect(ledger.customerRiskHistory(id, [asOf])).toEqual([expected]);
    }
  }
}

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.nat({ max: 11 }), a: fc.nat({ max: 10_000 }), b: fc.nat({ max: 10_000 }), c: fc.nat({ max: 1_000_000 }),
});

describe('riskBook', () => {
  it('equals customerRiskFacts for every customer on a generated book, at past and future dates', () => {
    const ledger = Ledger.fromRecords(BASE);
    sameAsPerCustomer(ledger, BASE.customers.map((c) => c.id));
  });

  it('stays equal after random edits, tombstones and undo-like rewrites', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const model = new BookModel(BASE);
        const ledger = Ledger.fromRecords(model.records());
        ledger.riskBook(END); // an index built before the edits must not be reused after them
        const changes: Change[] = ops.flatMap((op) => model.step(op));
        ledger.apply(changes);
        sameAsPerCustomer(ledger, [...model.tables.customers.keys()]);
      }),
      { numRuns: 12, seed: 11 },
    );
  });

  it('lists every invoice issued by the day with its paid-off day, and the open ones with their balances', () => {
    const ledger = Ledger.fromRecords(BASE);
    for (const asOf of [END, addDays(END, -200)]) {
      const day = toDayNumber(asOf);
      const book = ledger.riskBook(asOf);
      const ref = reference(BASE, asOf);
      const issued = BASE.invoices.filter((i) => i.deleted === 0 && toDayNumber(i.issueDate) <= day);
      expect(book.history).toHaveLength(issued.length);
      const open = [...ref.balances].filter(([, b]) => b > 0);
      expect(book.open.map((o) => [o.id, o.balance]).sort()).toEqual(open.sort());
      // Paid invoices: paid on or before the day, and on the last day their balance reached 0.
      const paid = book.history.filter((h) => Number.isFinite(h.paidDay));
      expect(paid.length).toBe(issued.length - open.length);
      for (const h of paid) expect(h.paidDay).toBeLessThanOrEqual(day);
      const openCount = book.history.filter((h) => !Number.isFinite(h.paidDay)).length;
      expect(openCount).toBe(open.length);
      expect([...book.invoiceCount].reduce((a, b) => a + b, 0)).toBe(issued.length);
    }
  });

  it('keeps grades set by hand through the columns and the snapshot, and refuses an older snapshot', () => {
    const model = new BookModel(BASE);
    const ledger = Ledger.fromRecords(model.records());
    const customer = BASE.customers[0] as Customer;
    const withGrade: Customer = { ...customer, gradeOverride: { grade: 'D', reason: 'court case', setOn: END } };
    ledger.apply([{ seq: 1, bookId: customer.bookId, table: 'customers', recordId: customer.id, before: customer, after: withGrade, stamp: 'S1', batch: 'b1', action: 'customer.grade', undone: 0 }]);
    const row = (l: Ledger) => l.riskBook(END).customers.find((c) => c?.id === customer.id);
    expect(row(ledger)?.override).toBe('D');
    const snapshot = structuredClone(ledger.toSnapshot());
    expect(snapshot.version).toBe(SNAPSHOT_VERSION);
    expect(row(Ledger.fromSnapshot(snapshot))?.override).toBe('D');
    expect(() => Ledger.fromSnapshot({ ...snapshot, version: 1 })).toThrow();
    ledger.apply([{ seq: 2, bookId: customer.bookId, table: 'customers', recordId: customer.id, before: withGrade, after: { ...customer, gradeOverride: null }, stamp: 'S2', batch: 'b2', action: 'customer.grade', undone: 0 }]);
    expect(row(ledger)?.override).toBe(null);
  });

  it('takes well under a second for 100,000 invoices', () => {
    const big = demoRecords(9, 5_000, 100_000);
    const ledger = Ledger.fromRecords(big);
    const started = performance.now();
    const book = ledger.riskBook(END);
    const ms = performance.now() - started;
    expect(book.history.length).toBeGreaterThan(90_000);
    expect(ms).toBeLessThan(1_000);
  }, 60_000);
});
