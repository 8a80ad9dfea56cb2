import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustmentDelta, ledgerEntries, openBalance, type LedgerEntry } from '../../../src/domain/balance';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/calendar';

const invoice = { amount: 100_000, issueDate: '2024-01-05' };
const e = (date: string, delta: number): LedgerEntry => ({ invoiceId: 'inv-1', date, delta });

describe('openBalance (DOMAIN.md: amount + charges - allocations - credits - write-offs dated <= D)', () => {
  const history: LedgerEntry[] = [
    e('2024-02-01', -30_000), // payment allocation
    e('2024-02-10', 1_500), // late fee charge
    e('2024-03-01', -20_000), // credit note
    e('2024-04-01', -51_500), // write-off of the rest
  ];

  it('counts each movement from its own date on, inclusive', () => {
    expect(openBalance(invoice, history, '2024-01-05')).toBe(100_000);
    expect(openBalance(invoice, history, '2024-01-31')).toBe(100_000);
    expect(openBalance(invoice, history, '2024-02-01')).toBe(70_000);
    expect(openBalance(invoice, history, '2024-02-10')).toBe(71_500);
    expect(openBalance(invoice, history, '2024-03-01')).toBe(51_500);
    expect(openBalance(invoice, history, '2024-04-01')).toBe(0);
  });

  it('is 0 for an invoice issued after the as-of date: it did not exist yet', () => {
    expect(openBalance(invoice, history, '2024-01-04')).toBe(0);
    expect(openBalance(invoice, [], '2023-12-31')).toBe(0);
  });

  it('does not depend on entry order', () => {
    expect(openBalance(invoice, [...history].reverse(), '2024-03-01')).toBe(51_500);
  });

  it('equals amount + sum of entries dated <= asOf (generated histories)', () => {
    const base = toDayNumber('2024-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 400 }), delta: fc.integer({ min: -1_000_000, max: 1_000_000 }) })),
        fc.integer({ min: -30, max: 430 }),
        (amount, issueOffset, moves, asOfOffset) => {
          const issueDate = fromDayNumber(base + issueOffset);
          const asOf = fromDayNumber(base + asOfOffset);
          const entries = moves.map((m) => e(addDays(issueDate, m.offset), m.delta));
          const expected =
            asOfOffset < issueOffset
              ? 0
              : amount + moves.filter((m) => issueOffset + m.offset <= asOfOffset).reduce((s, m) => s + m.delta, 0);
          expect(openBalance({ amount, issueDate }, entries, asOf)).toBe(expected);
        },
      ),
    );
  });
});

describe('ledgerEntries', () => {
  it('turns stored allocations and adjustments into signed entries, skipping tombstones', () => {
    const entries = ledgerEntries(
      [
        { invoiceId: 'a', date: '2024-02-01', amount: 300, deleted: 0 },
        { invoiceId: 'a', date: '2024-02-02', amount: 999, deleted: 1 },
      ],
      [
        { invoiceId: 'a', date: '2024-02-03', amount: 50, kind: 'charge', deleted: 0 },
        { invoiceId: 'a', date: '2024-02-04', amount: 20, kind: 'credit', deleted: 0 },
        { invoiceId: 'a', date: '2024-02-05', amount: 10, kind: 'writeoff', deleted: 0 },
        { invoiceId: 'a', date: '2024-02-06', amount: 7, kind: 'charge', deleted: 1 },
      ],
    );
    expect(entries.map((x) => [x.date, x.delta])).toEqual([
      ['2024-02-01', -300],
      ['2024-02-03', 50],
      ['2024-02-04', -20],
      ['2024-02-05', -10],
    ]);
    expect(adjustmentDelta('charge', 5)).toBe(5);
    expect(adjustmentDelta('credit', 5)).toBe(-5);
    expect(adjustmentDelta('writeoff', 5)).toBe(-5);
  });
});
