// The analytics figures read off the ledger's columns must be the domain's numbers:
// periodInputs over the same records for the period and for each month, agingOf for
// each month end; checked on random small books (fast-check) and a generated demo book.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agingOf } from '../../../src/domain/aging';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/calendar';
import { openBalance } from '../../../src/domain/balance';
import { periodInputs, type PeriodEntry } from '../../../src/domain/metrics';
import type { Adjustment, Allocation, AgingBasis, Book, Customer, Invoice, IsoDate, Payment } from '../../../src/domain/types';
import { Ledger, type LedgerRecords } from '../../../src/ledger';
import { MAX_MONTHS, OVER_DAYS } from '../../../src/ledger/performance';
import { monthEnd, monthKey, monthOfDay, monthStart } from '../../../src/ledger/performance-months';
import { BOOK_ID, demoRecords } from './fixtures';

const stamp = { bookId: BOOK_ID, updatedAt: 'S0' };
const START = toDayNumber('2024-01-01');

function book(bounds: number[], basis: AgingBasis): Book {
  return {
    id: BOOK_ID, ...stamp, deleted: 0, name: 'P', currency: 'CNY', locale: 'zh-CN', agingBounds: bounds, agingBasis: basis,
    defaultTermsDays: 30, commaDecimal: false, limitationYears: 3, createdAt: '2024-01-01',
  };
}

const customer = (id: string): Customer => ({
  id, ...stamp, deleted: 0, name: `客户${id}`, uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '',
});

/** Entries of the live invoices, as the domain takes them. */
function domainView(records: LedgerRecords): { invoices: Invoice[]; entries: PeriodEntry[] } {
  const invoices = records.invoices.filter((i) => i.deleted === 0);
  const live = new Set(invoices.map((i) => i.id));
  const entries: PeriodEntry[] = [];
  for (const a of records.allocations) if (a.deleted === 0 && live.has(a.invoiceId)) entries.push({ invoiceId: a.invoiceId, date: a.date, kind: 'allocation', delta: -a.amount });
  for (const j of records.adjustments) {
    if (j.deleted === 0 && live.has(j.invoiceId)) entries.push({ invoiceId: j.invoiceId, date: j.date, kind: j.kind, delta: j.kind === 'charge' ? j.amount : -j.amount });
  }
  return { invoices, entries };
}

function checkAgainstDomain(records: LedgerRecords, from: IsoDate, to: IsoDate): void {
  const figures = Ledger.fromRecords(records).performance(from, to);
  const { invoices, entries } = domainView(records);
  expect(figures.inputs).toEqual(periodInputs(invoices, entries, from, to));

  // Each month shown: the domain's inputs over the month (cut to the period) and the aging at its end.
  const firstMonth = Math.max(monthOfDay(toDayNumber(from)), monthOfDay(toDayNumber(to)) - (MAX_MONTHS - 1));
  expect(figures.months.map((m) => m.month)).toEqual(
    Array.from({ length: monthOfDay(toDayNumber(to)) - firstMonth + 1 }, (_, k) => monthKey(firstMonth + k)),
  );
  const byId = new Map<string, PeriodEntry[]>();
  for (const e of entries) byId.set(e.invoiceId, [...(byId.get(e.invoiceId) ?? []), e]);
  for (const m of figures.months) {
    const p = periodInputs(invoices, entries, m.start, m.end);
    expect({ invoiced: m.invoiced, collected: m.collected, arStart: m.arStart, arEnd: m.arEnd, notDueEnd: m.notDueEnd, days: m.days })
      .toEqual({ invoiced: p.invoiced, collected: p.collected, arStart: p.arStart, arEnd: p.arEnd, notDueEnd: p.notDueEnd, days: p.days });
    const items = invoices.filter((i) => i.issueDate <= m.end)
      .map((i) => ({ basisDay: toDayNumber(records.book.agingBasis === 'due' ? i.dueDate : i.issueDate), balance: openBalance(i, byId.get(i.id) ?? [], m.end) }))
      .filter((i) => i.balance > 0);
    expect(m.aging).toEqual(agingOf(items, toDayNumber(m.end), records.book.agingBounds, records.book.agingBasis).map((b) => b.amount));
  }
}

/** A random small book: a few customers, invoices over ~3 years, payments, credit notes, write-offs and charges, some deleted. */
const bookArb = fc.record({
  basis: fc.constantFrom<AgingBasis>('due', 'issue'),
  bounds: fc.constantFrom<number[]>([30, 60, 90], [30, 60, 90, 180, 365], [365, 730, 1095]),
  invoices: fc.array(fc.record({
    customer: fc.integer({ min: 0, max: 3 }),
    issue: fc.integer({ min: 0, max: 1100 }),
    terms: fc.integer({ min: 0, max: 90 }),
    amount: fc.integer({ min: 0, max: 1_000_000 }),
    deleted: fc.boolean().map((d) => (d ? 1 : 0) as 0 | 1),
    events: fc.array(fc.record({
      kind: fc.constantFrom('allocation', 'credit', 'writeoff', 'charge'),
      after: fc.integer({ min: -5, max: 400 }),
      share: fc.integer({ min: 1, max: 100 }),
      deleted: fc.integer({ min: 0, max: 9 }).map((d) => (d === 0 ? 1 : 0) as 0 | 1),
    }), { maxLength: 4 }),
  }), { maxLength: 25 }),
  from: fc.integer({ min: -30, max: 1200 }),
  length: fc.integer({ min: 0, max: 900 }),
});

type RandomBook = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

function records(b: RandomBook): LedgerRecords {
  const invoices: Invoice[] = [];
  const allocations: Allocation[] = [];
  const adjustments: Adjustment[] = [];
  const payments: Payment[] = [];
  b.invoices.forEach((x, n) => {
    const id = `i${n}`;
    const customerId = `c${x.customer}`;
    const issueDate = fromDayNumber(START + x.issue);
    invoices.push({
      id, ...stamp, deleted: x.deleted, customerId, number: `N${n}`, issueDate, dueDate: addDays(issueDate, x.terms), amount: x.amount,
      currency: 'CNY', description: '', disputed: 0, disputeReason: '',
    });
    x.events.forEach((e, k) => {
      const date = addDays(issueDate, e.after);
      const amount = Math.floor((x.amount * e.share) / 100);
      if (e.kind === 'allocation') {
        payments.push({ id: `p${n}-${k}`, ...stamp, deleted: e.deleted, customerId, date, amount, method: 'bank', reference: '' });
        allocations.push({ id: `a${n}-${k}`, ...stamp, deleted: e.deleted, paymentId: `p${n}-${k}`, invoiceId: id, customerId, date, amount });
      } else {
        adjustments.push({ id: `j${n}-${k}`, ...stamp, deleted: e.deleted, kind: e.kind as Adjustment['kind'], invoiceId: id, customerId, date, amount, reason: '', basis: '' });
      }
    });
  });
  return { book: book(b.bounds, b.basis), customers: [0, 1, 2, 3].map((c) => customer(`c${c}`)), invoices, payments, allocations, adjustments };
}

describe('ledger performance figures', () => {
  it('equal the domain periodInputs, per month too, on random small books', () => {
    fc.assert(fc.property(bookArb, (b) => {
      const from = fromDayNumber(START + b.from);
      checkAgainstDomain(records(b), from, addDays(from, b.length));
    }), { numRuns: 300 });
  });

  it('equal the domain on a generated demo book, for a year and for a period longer than 24 months', () => {
    const demo = demoRecords(11, 60, 1500);
    checkAgainstDomain(demo, '2024-07-01', '2025-06-30');
    checkAgainstDomain(demo, '2022-03-15', '2025-06-30');
    expect(Ledger.fromRecords(demo).performance('2022-03-15', '2025-06-30').monthsCut).toBe(true);
  });

  it('rejects a period that starts after it ends', () => {
    expect(() => Ledger.fromRecords(demoRecords(1, 5, 20)).performance('2025-02-01', '2025-01-31')).toThrow(RangeError);
  });

  it('finds invoices paid off in the period by a payment, over-90 AR and the largest debtors', () => {
    const inv = (id: string, customerId: string, issueDate: string, dueDate: string, amount: number): Invoice => ({
      id, ...stamp, deleted: 0, customerId, number: id, issueDate, dueDate, amount, currency: 'CNY', description: '', disputed: 0, disputeReason: '',
    });
    const alloc = (id: string, invoiceId: string, customerId: string, date: string, amount: number): Allocation => ({
      id, ...stamp, deleted: 0, paymentId: `p-${id}`, invoiceId, customerId, date, amount,
    });
    const r: LedgerRecords = {
      book: book([30, 60, 90], 'due'),
      customers: ['a', 'b', 'c'].map(customer),
      invoices: [
        inv('late', 'a', '2025-01-01', '2025-01-31', 1000), // paid off 10 days late, in two parts
        inv('early', 'a', '2025-02-01', '2025-03-03', 500), // paid off before due: 0 days late
        inv('before', 'b', '2024-10-01', '2024-10-31', 700), // paid off before the period
        inv('credited', 'b', '2025-02-01', '2025-02-10', 300), // closed by a credit note: not paid
        inv('old', 'c', '2024-11-01', '2024-12-01', 4000), // open, 120 days past due at the end
        inv('new', 'b', '2025-03-20', '2025-04-19', 2000), // open, not due
      ],
      payments: [],
      allocations: [
        alloc('x1', 'late', 'a', '2025-01-20', 400), alloc('x2', 'late', 'a', '2025-02-10', 600),
        alloc('x3', 'early', 'a', '2025-02-20', 500), alloc('x4', 'before', 'b', '2024-12-01', 700),
      ],
      adjustments: [{ id: 'cn', ...stamp, deleted: 0, kind: 'credit', invoiceId: 'credited', customerId: 'b', date: '2025-02-15', amount: 300, reason: '', basis: '' }],
    };
    const f = Ledger.fromRecords(r).performance('2025-01-01', '2025-03-31', 2);
    expect(f.paidOff).toEqual({ invoices: 2, daysLate: 10 });
    expect(toDayNumber('2025-03-31') - toDayNumber('2024-12-01')).toBeGreaterThan(OVER_DAYS);
    expect(f.over90).toBe(4000);
    expect(f.inputs.arEnd).toBe(6000);
    expect(f.debtors).toEqual({ top: [{ customerId: 'c', name: '客户c', open: 4000 }, { customerId: 'b', name: '客户b', open: 2000 }], total: 6000, count: 2 });
    expect(f.months.map((m) => m.collected)).toEqual([400, 1100, 0]);
  });
});

describe('monthOfDay', () => {
  it('is the calendar month of the day, 0001 to 9999', () => {
    fc.assert(fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), (day) => {
      const iso = fromDayNumber(day);
      const m = monthOfDay(day);
      expect(monthKey(m)).toBe(iso.slice(0, 7));
      expect(monthStart(m) <= iso && iso <= monthEnd(m)).toBe(true);
    }));
  });
});
