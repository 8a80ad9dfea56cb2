import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildStatement, type StatementInput } from '../../../src/domain/statement';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/calendar';

/** A customer with three invoices in and around March 2025 (amounts in fen). */
function march(): StatementInput {
  return {
    from: '2025-03-01',
    to: '2025-03-31',
    invoices: [
      { id: 'a', number: 'INV-A', issueDate: '2025-01-10', dueDate: '2025-02-09', amount: 1000_00 },
      { id: 'b', number: 'INV-B', issueDate: '2025-02-20', dueDate: '2025-03-22', amount: 500_00 },
      { id: 'c', number: 'INV-C', issueDate: '2025-03-05', dueDate: '2025-04-04', amount: 300_00 },
      { id: 'd', number: 'INV-D', issueDate: '2025-04-02', dueDate: '2025-05-02', amount: 999_00 },
    ],
    payments: [
      { id: 'p1', date: '2025-02-15', amount: 400_00, reference: 'BANK-1' },
      { id: 'p2', date: '2025-03-10', amount: 800_00, reference: 'BANK-2' },
      { id: 'p3', date: '2025-04-05', amount: 50_00, reference: 'BANK-3' },
    ],
    adjustments: [
      { invoiceId: 'a', kind: 'charge', date: '2025-02-28', amount: 10_00, reason: '违约金' },
      { invoiceId: 'b', kind: 'credit', date: '2025-03-15', amount: 50_00, reason: '退货' },
      { invoiceId: 'a', kind: 'writeoff', date: '2025-03-31', amount: 10_00, reason: '核销' },
    ],
    allocations: [
      { invoiceId: 'a', date: '2025-02-15', amount: 400_00 },
      { invoiceId: 'a', date: '2025-03-10', amount: 600_00 },
      { invoiceId: 'b', date: '2025-03-10', amount: 100_00 },
      { invoiceId: 'd', date: '2025-04-05', amount: 50_00 },
    ],
    bounds: [30, 60, 90],
  };
}

describe('buildStatement: a worked month', () => {
  const s = buildStatement(march());

  it('opens with what was owed on the last day before the period', () => {
    // INV-A 1,000.00 + INV-B 500.00 + charge 10.00 - payment 400.00
    expect(s.openingBalance).toBe(1110_00);
  });

  it('lists the period in date order with a running balance, and nothing from outside it', () => {
    expect(s.lines).toEqual([
      { kind: 'invoice', date: '2025-03-05', reference: 'INV-C', note: '', debit: 300_00, credit: 0, balance: 1410_00 },
      { kind: 'payment', date: '2025-03-10', reference: 'BANK-2', note: '', debit: 0, credit: 800_00, balance: 610_00 },
      { kind: 'credit', date: '2025-03-15', reference: 'INV-B', note: '退货', debit: 0, credit: 50_00, balance: 560_00 },
      { kind: 'writeoff', date: '2025-03-31', reference: 'INV-A', note: '核销', debit: 0, credit: 10_00, balance: 550_00 },
    ]);
    expect(s.totalDebit).toBe(300_00);
    expect(s.totalCredit).toBe(860_00);
    expect(s.closingBalance).toBe(550_00);
  });

  it('ages the open invoices at the end of the period, on the due basis', () => {
    // INV-A is settled; INV-B 350.00 is 9 days past due; INV-C 300.00 is not yet due; INV-D does not exist yet.
    expect(s.aging).toEqual([
      { from: null, to: 0, amount: 300_00, count: 1 },
      { from: 1, to: 30, amount: 350_00, count: 1 },
      { from: 31, to: 60, amount: 0, count: 0 },
      { from: 61, to: 90, amount: 0, count: 0 },
      { from: 91, to: null, amount: 0, count: 0 },
    ]);
    expect(s.agingTotal).toBe(650_00);
  });

  it('shows the unallocated 100.00 of BANK-2 as credit beside the aging', () => {
    expect(s.unappliedCredit).toBe(100_00);
    expect(s.closingBalance).toBe(s.agingTotal - s.unappliedCredit);
  });
});

describe('buildStatement: details', () => {
  it('puts the debits of a day before its credits, so the balance does not dip', () => {
    const s = buildStatement({
      from: '2025-03-01', to: '2025-03-31',
      invoices: [{ id: 'x', number: 'X', issueDate: '2025-03-10', dueDate: '2025-03-10', amount: 100_00 }],
      payments: [{ id: 'p', date: '2025-03-10', amount: 100_00, reference: 'CASH' }],
      adjustments: [{ invoiceId: 'x', kind: 'charge', date: '2025-03-10', amount: 5_00, reason: 'fee' }],
      allocations: [{ invoiceId: 'x', date: '2025-03-10', amount: 100_00 }],
      bounds: [30],
    });
    expect(s.lines.map((l) => [l.kind, l.balance])).toEqual([['invoice', 100_00], ['charge', 105_00], ['payment', 5_00]]);
    expect(s.aging).toEqual([
      // The 5.00 fee left on X, due 21 days before the end of the period.
      { from: null, to: 0, amount: 0, count: 0 }, { from: 1, to: 30, amount: 5_00, count: 1 }, { from: 31, to: null, amount: 0, count: 0 },
    ]);
  });

  it('counts a line on the first and on the last day of the period', () => {
    const input = march();
    input.from = '2025-03-05';
    input.to = '2025-03-10';
    expect(buildStatement(input).lines.map((l) => l.reference)).toEqual(['INV-C', 'BANK-2']);
  });

  it("leaves out allocations and adjustments of another customer's invoice", () => {
    const input = march();
    input.adjustments.push({ invoiceId: 'zzz', kind: 'charge', date: '2025-03-20', amount: 77_00, reason: 'other' });
    input.allocations.push({ invoiceId: 'zzz', date: '2025-03-20', amount: 1_00 });
    const s = buildStatement(input);
    expect(s.lines.some((l) => l.note === 'other')).toBe(false);
    expect(s.closingBalance).toBe(550_00);
    expect(s.unappliedCredit).toBe(100_00);
  });

  it('lets unapplied credit exceed the open invoices: the account is in the customer\'s favour', () => {
    const s = buildStatement({
      from: '2025-03-01', to: '2025-03-31',
      invoices: [{ id: 'x', number: 'X', issueDate: '2025-02-01', dueDate: '2025-02-28', amount: 100_00 }],
      payments: [{ id: 'p', date: '2025-03-03', amount: 250_00, reference: 'PREPAY' }],
      adjustments: [],
      allocations: [{ invoiceId: 'x', date: '2025-03-03', amount: 100_00 }],
      bounds: [30],
    });
    expect(s.closingBalance).toBe(-150_00);
    expect(s.agingTotal).toBe(0);
    expect(s.unappliedCredit).toBe(150_00);
  });

  it('refuses a period that ends before it starts, and bad bounds', () => {
    expect(() => buildStatement({ ...march(), from: '2025-04-01', to: '2025-03-31' })).toThrow(RangeError);
    expect(() => buildStatement({ ...march(), bounds: [60, 30] })).toThrow(RangeError);
  });
});

// Generated customer histories: allocations never exceed their payment, never precede
// the payment or the invoice, and adjustments never precede their invoice.
const BASE = toDayNumber('2024-01-01');
const day = (offset: number) => fromDayNumber(BASE + offset);

const historyArb = fc
  .record({
    invoices: fc.array(
      fc.record({ issue: fc.integer({ min: 0, max: 300 }), terms: fc.integer({ min: 0, max: 90 }), amount: fc.integer({ min: 0, max: 1_000_000 }) }),
      { maxLength: 12 },
    ),
    payments: fc.array(fc.record({ date: fc.integer({ min: 0, max: 360 }), amount: fc.integer({ min: 0, max: 800_000 }) }), { maxLength: 8 }),
    allocationPicks: fc.array(
      fc.record({ payment: fc.nat(), invoice: fc.nat(), amount: fc.integer({ min: 0, max: 800_000 }) }),
      { maxLength: 16 },
    ),
    adjustmentPicks: fc.array(
      fc.record({
        invoice: fc.nat(),
        kind: fc.constantFrom('credit' as const, 'writeoff' as const, 'charge' as const),
        after: fc.integer({ min: 0, max: 120 }),
        amount: fc.integer({ min: 0, max: 50_000 }),
      }),
      { maxLength: 8 },
    ),
    from: fc.integer({ min: 0, max: 400 }),
    length: fc.integer({ min: 0, max: 200 }),
    bounds: fc.constantFrom<number[]>([30, 60, 90, 180, 365], [30, 60, 90, 120], [365, 730, 1095], [1]),
  })
  .map((h): StatementInput => {
    const invoices = h.invoices.map((inv, i) => ({
      id: `i${i}`, number: `INV-${String(i).padStart(3, '0')}`, issueDate: day(inv.issue), dueDate: day(inv.issue + inv.terms), amount: inv.amount,
    }));
    const payments = h.payments.map((p, i) => ({ id: `p${i}`, date: day(p.date), amount: p.amount, reference: `R${i}` }));
    const left = payments.map((p) => p.amount);
    const allocations: StatementInput['allocations'] = [];
    if (invoices.length > 0 && payments.length > 0) {
      for (const pick of h.allocationPicks) {
        const pi = pick.payment % payments.length;
        const inv = invoices[pick.invoice % invoices.length];
        const payment = payments[pi];
        if (!inv || !payment) continue;
        const amount = Math.min(pick.amount, left[pi] ?? 0);
        left[pi] = (left[pi] ?? 0) - amount;
        allocations.push({ invoiceId: inv.id, date: payment.date > inv.issueDate ? payment.date : inv.issueDate, amount });
      }
    }
    const adjustments: StatementInput['adjustments'] = invoices.length === 0 ? [] : h.adjustmentPicks.map((a) => {
      const inv = invoices[a.invoice % invoices.length];
      return { invoiceId: inv?.id ?? '', kind: a.kind, date: addDays(inv?.issueDate ?? day(0), a.after), amount: a.amount, reason: a.kind };
    });
    return { from: day(h.from), to: day(h.from + h.length), invoices, payments, adjustments, allocations, bounds: h.bounds };
  });

/** The account balance on `asOf`, summed straight from the records. */
function accountOn(input: StatementInput, asOf: string): number {
  let sum = 0;
  for (const inv of input.invoices) if (inv.issueDate <= asOf) sum += inv.amount;
  for (const p of input.payments) if (p.date <= asOf) sum -= p.amount;
  for (const a of input.adjustments) if (a.date <= asOf) sum += a.kind === 'charge' ? a.amount : -a.amount;
  return sum;
}

describe('buildStatement: properties on generated histories', () => {
  it('closing = opening + debits - credits, and both ends match the account summed from the records', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const s = buildStatement(input);
        expect(s.closingBalance).toBe(s.openingBalance + s.totalDebit - s.totalCredit);
        expect(s.openingBalance).toBe(accountOn(input, addDays(input.from, -1)));
        expect(s.closingBalance).toBe(accountOn(input, input.to));
        expect(s.lines.reduce((sum, l) => sum + l.debit, 0)).toBe(s.totalDebit);
        expect(s.lines.reduce((sum, l) => sum + l.credit, 0)).toBe(s.totalCredit);
      }),
    );
  });

  it('runs the balance line by line, in date order, within the period', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const s = buildStatement(input);
        let balance = s.openingBalance;
        let last = input.from;
        for (const line of s.lines) {
          expect(line.debit === 0 || line.credit === 0).toBe(true);
          balance += line.debit - line.credit;
          expect(line.balance).toBe(balance);
          expect(line.date >= last && line.date <= input.to).toBe(true);
          last = line.date;
        }
        expect(s.closingBalance).toBe(balance);
      }),
    );
  });

  it('ages exactly the open invoice balances, and closing = aging total - unapplied credit', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const s = buildStatement(input);
        expect(s.aging.reduce((sum, b) => sum + b.amount, 0)).toBe(s.agingTotal);
        let open = 0;
        for (const inv of input.invoices) {
          if (inv.issueDate > input.to) continue;
          let balance = inv.amount;
          for (const a of input.allocations) if (a.invoiceId === inv.id && a.date <= input.to) balance -= a.amount;
          for (const a of input.adjustments) {
            if (a.invoiceId === inv.id && a.date <= input.to) balance += a.kind === 'charge' ? a.amount : -a.amount;
          }
          open += balance;
        }
        expect(s.agingTotal).toBe(open);
        expect(s.unappliedCredit).toBeGreaterThanOrEqual(0);
        expect(s.closingBalance).toBe(s.agingTotal - s.unappliedCredit);
      }),
    );
  });

  it('chains: one period closes where the next one opens', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (input, cut) => {
        const span = toDayNumber(input.to) - toDayNumber(input.from);
        fc.pre(span > 0);
        const mid = addDays(input.from, cut % span);
        const first = buildStatement({ ...input, to: mid });
        const second = buildStatement({ ...input, from: addDays(mid, 1) });
        expect(second.openingBalance).toBe(first.closingBalance);
        expect(second.closingBalance).toBe(buildStatement(input).closingBalance);
        expect([...first.lines, ...second.lines].map((l) => l.balance)).toEqual(buildStatement(input).lines.map((l) => l.balance));
      }),
    );
  });
});
