import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  add, badDebtRatio, bestDso, cei, collectionMetrics, countbackDso, formatMetric, periodInputs, simpleDso,
  type PeriodEntry,
} from '../../../src/domain/metrics';
import { openBalance } from '../../../src/domain/balance';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/calendar';

const month30 = (sales: number) => ({ sales, days: 30 });

describe('count-back DSO (DOMAIN.md)', () => {
  it('AR 212,000 over sales 100,000, 80,000, 70,000 in 30-day months gives 30 + 30 + 32/70 x 30 = 73.7 days', () => {
    const dso = countbackDso(212_000_00, [month30(100_000_00), month30(80_000_00), month30(70_000_00)]);
    expect(dso).toBeCloseTo(60 + (32 / 70) * 30, 10);
    expect(formatMetric(dso)).toBe('73.7');
  });

  it('stops at the first month the AR left does not cover, and ignores older months', () => {
    expect(countbackDso(50, [month30(100), month30(1), month30(1)])).toBe(15);
    expect(countbackDso(100, [month30(100), month30(80)])).toBe(30);
  });

  it('counts a month without sales whole while AR is left', () => {
    expect(countbackDso(150, [{ sales: 0, days: 31 }, month30(100), month30(100)])).toBe(31 + 30 + 15);
  });

  it('uses each month its own length', () => {
    expect(countbackDso(300, [{ sales: 100, days: 31 }, { sales: 100, days: 29 }, { sales: 200, days: 31 }])).toBe(31 + 29 + 15.5);
  });

  it('is 0 when there is no AR, and null without any sales', () => {
    expect(countbackDso(0, [month30(100)])).toBe(0);
    expect(countbackDso(-500, [month30(100)])).toBe(0);
    expect(countbackDso(100, [month30(0), month30(0)])).toBeNull();
    expect(countbackDso(0, [])).toBeNull();
  });

  it('is null when AR is more than the sales of every month given (the walk cannot finish)', () => {
    expect(countbackDso(251, [month30(100), month30(80), month30(70)])).toBeNull();
    // Exactly covered by all months: the walk ends at the oldest month's start.
    expect(countbackDso(250, [month30(100), month30(80), month30(70)])).toBe(90);
  });

  it('never exceeds the days of the months given and grows with AR (generated)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sales: fc.integer({ min: 0, max: 1_000_000 }), days: fc.integer({ min: 28, max: 31 }) }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 0, max: 30_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (months, ar, more) => {
          const total = months.reduce((s, m) => s + m.days, 0);
          const a = countbackDso(ar, months);
          const b = countbackDso(ar + more, months);
          if (a === null) return;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(total);
          if (b !== null) expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});

describe('simple DSO, best possible DSO and ADD (DOMAIN.md)', () => {
  it('AR 15,000, not due 4,000, S 10,000, n 30: DSO 45, best 12, ADD 33', () => {
    expect(simpleDso(15_000_00, 10_000_00, 30)).toBe(45);
    expect(bestDso(4_000_00, 10_000_00, 30)).toBe(12);
    expect(add(15_000_00, 4_000_00, 10_000_00, 30)).toBe(33);
  });

  it('ADD is DSO minus best possible DSO', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 366 }),
        (ar, notDue, s, n) => {
          const dso = simpleDso(ar, s, n) ?? NaN;
          const best = bestDso(notDue, s, n) ?? NaN;
          // Tolerance relative to the operands, not their difference: two near-equal DSOs
          // of 1e10 days cancel, leaving the rounding of the operands in the difference.
          const scale = Math.max(1, Math.abs(dso), Math.abs(best));
          expect(Math.abs((add(ar, notDue, s, n) ?? NaN) - (dso - best))).toBeLessThanOrEqual(1e-9 * scale);
        }),
    );
  });

  it('are null, not Infinity or NaN, without sales', () => {
    for (const s of [0, -100]) {
      expect(simpleDso(15_000, s, 30)).toBeNull();
      expect(simpleDso(0, s, 30)).toBeNull();
      expect(bestDso(4_000, s, 30)).toBeNull();
      expect(add(15_000, 4_000, s, 30)).toBeNull();
    }
  });
});

describe('CEI (DOMAIN.md)', () => {
  it('start 6,200, S 10,890, end 6,340, not due at end 3,590 gives 79.6 %', () => {
    const value = cei(6_200_00, 10_890_00, 6_340_00, 3_590_00);
    expect(value).toBeCloseTo((10_750 / 13_500) * 100, 10);
    expect(formatMetric(value)).toBe('79.6');
  });

  it('is 100 when everything collectible was collected', () => {
    expect(cei(1_000, 500, 200, 200)).toBe(100);
  });

  it('is null when nothing was collectible', () => {
    expect(cei(0, 0, 0, 0)).toBeNull();
    expect(cei(100, 0, 100, 100)).toBeNull();
  });
});

describe('bad-debt ratio', () => {
  it('is write-offs in P / S x 100', () => {
    expect(badDebtRatio(250, 10_000)).toBe(2.5);
    expect(badDebtRatio(0, 10_000)).toBe(0);
  });
  it('is null without sales', () => {
    expect(badDebtRatio(250, 0)).toBeNull();
  });
});

describe('formatMetric: full precision in the domain, rounded only for printing', () => {
  it('rounds half away from zero to one decimal by default', () => {
    expect(formatMetric(73.7142857)).toBe('73.7');
    expect(formatMetric(0.05)).toBe('0.1');
    expect(formatMetric(0.25)).toBe('0.3');
    expect(formatMetric(-0.25)).toBe('-0.3');
    expect(formatMetric(-0.04)).toBe('0.0');
    expect(formatMetric(45)).toBe('45.0');
    expect(formatMetric(2.675, 2)).toBe('2.68');
    expect(formatMetric(12, 0)).toBe('12');
  });
  it('prints an undefined metric as an empty value', () => {
    expect(formatMetric(null)).toBe('');
  });
  it('refuses a non-finite number instead of printing "Infinity"', () => {
    expect(() => formatMetric(Infinity)).toThrow(RangeError);
    expect(() => formatMetric(NaN)).toThrow(RangeError);
  });
});

describe('periodInputs', () => {
  const inv = (id: string, issueDate: string, dueDate: string, amount: number) => ({ id, issueDate, dueDate, amount });
  const entry = (invoiceId: string, date: string, kind: PeriodEntry['kind'], delta: number): PeriodEntry => ({ invoiceId, date, kind, delta });

  const invoices = [
    inv('a', '2024-01-10', '2024-02-09', 10_000), // before P: in AR at start
    inv('b', '2024-02-15', '2024-03-16', 20_000), // in P, due within P
    inv('c', '2024-03-20', '2024-04-19', 5_000), // in P, not yet due at the end
    inv('d', '2024-03-31', '2024-03-31', 1_000), // in P, due on the last day: not yet due (age 0)
    inv('e', '2024-04-02', '2024-05-02', 7_000), // after P: does not exist yet
  ];
  const entries = [
    entry('a', '2024-01-31', 'allocation', -4_000), // before P
    entry('a', '2024-02-01', 'allocation', -1_000), // first day of P
    entry('a', '2024-03-10', 'writeoff', -5_000),
    entry('b', '2024-03-31', 'allocation', -15_000), // last day of P
    entry('b', '2024-03-20', 'charge', 300),
    entry('c', '2024-03-25', 'credit', -500),
    entry('b', '2024-04-01', 'allocation', -5_300), // after P
  ];

  it('computes S, collections, AR at both ends, not-yet-due AR and write-offs', () => {
    const p = periodInputs(invoices, entries, '2024-02-01', '2024-03-31');
    expect(p.days).toBe(29 + 31);
    expect(p.invoiced).toBe(26_000);
    expect(p.collected).toBe(16_000);
    expect(p.writeoffs).toBe(5_000);
    expect(p.arStart).toBe(6_000);
    expect(p.arEnd).toBe(0 + 5_300 + 4_500 + 1_000);
    expect(p.notDueEnd).toBe(4_500 + 1_000);
  });

  it('AR moves by sales, charges, collections, credits and write-offs (start + S + charges - out = end)', () => {
    const p = periodInputs(invoices, entries, '2024-02-01', '2024-03-31');
    expect(p.arStart + p.invoiced + 300 - p.collected - 500 - p.writeoffs).toBe(p.arEnd);
  });

  it('lists monthly sales newest first, the month of `to` cut at `to`, back to the earliest invoice', () => {
    const p = periodInputs(invoices, entries, '2024-02-01', '2024-03-15');
    expect(p.months).toEqual([
      { start: '2024-03-01', end: '2024-03-15', days: 15, sales: 0 },
      { start: '2024-02-01', end: '2024-02-29', days: 29, sales: 20_000 },
      { start: '2024-01-01', end: '2024-01-31', days: 31, sales: 10_000 },
    ]);
  });

  it('walks months across a year end', () => {
    const p = periodInputs([inv('x', '2023-11-30', '2023-12-30', 100)], [], '2024-01-01', '2024-01-31');
    expect(p.months.map((m) => m.start)).toEqual(['2024-01-01', '2023-12-01', '2023-11-01']);
    expect(p.months.map((m) => m.days)).toEqual([31, 31, 30]);
  });

  it('a one-day period and a period with no invoices at all', () => {
    const p = periodInputs([], [], '2024-03-05', '2024-03-05');
    expect(p).toMatchObject({ days: 1, invoiced: 0, collected: 0, arStart: 0, arEnd: 0, notDueEnd: 0, writeoffs: 0 });
    expect(p.months).toEqual([{ start: '2024-03-01', end: '2024-03-05', days: 5, sales: 0 }]);
    const m = collectionMetrics(p);
    expect(m).toEqual({ simpleDso: null, countbackDso: null, bestDso: null, add: null, cei: null, badDebtRatio: null });
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => periodInputs([], [], '2024-03-05', '2024-03-04')).toThrow(RangeError);
  });

  it('feeds the metrics: the DOMAIN.md DSO example built from invoices', () => {
    // 30-day period, S 10,000, AR end 15,000 of which 4,000 not yet due.
    const book = [
      inv('old', '2024-03-01', '2024-03-31', 5_000), // issued before P, overdue at the end
      inv('p1', '2024-04-01', '2024-04-15', 6_000), // overdue at the end
      inv('p2', '2024-04-20', '2024-05-20', 4_000), // not yet due
    ];
    const p = periodInputs(book, [], '2024-04-01', '2024-04-30');
    expect(p).toMatchObject({ days: 30, invoiced: 10_000, arEnd: 15_000, notDueEnd: 4_000, arStart: 5_000 });
    const m = collectionMetrics(p);
    expect(m.simpleDso).toBe(45);
    expect(m.bestDso).toBe(12);
    expect(m.add).toBe(33);
    expect(m.cei).toBeCloseTo(0, 10);
    // count-back: April (30 d) 10,000 covered, March 5,000 covered whole -> 30 + 31.
    expect(m.countbackDso).toBe(61);
  });

  it('AR at each end equals the sum of openBalance, for generated books', () => {
    const base = toDayNumber('2024-01-01');
    fc.assert(
      fc.property(
        fc.array(fc.record({ issue: fc.integer({ min: 0, max: 200 }), terms: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 1, max: 1_000_000 }) }), { maxLength: 20 }),
        fc.array(fc.record({ inv: fc.nat(), offset: fc.integer({ min: 0, max: 200 }), kind: fc.constantFrom<PeriodEntry['kind']>('allocation', 'credit', 'writeoff', 'charge'), amount: fc.integer({ min: 1, max: 100_000 }) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 250 }),
        fc.integer({ min: 0, max: 120 }),
        (rows, moves, start, length) => {
          const invs = rows.map((r, i) => inv(`i${i}`, fromDayNumber(base + r.issue), fromDayNumber(base + r.issue + r.terms), r.amount));
          const ents = invs.length === 0 ? [] : moves.map((m) => {
            const target = invs[m.inv % invs.length]!;
            return entry(target.id, addDays(target.issueDate, m.offset), m.kind, m.kind === 'charge' ? m.amount : -m.amount);
          });
          const from = fromDayNumber(base + start);
          const to = fromDayNumber(base + start + length);
          const p = periodInputs(invs, ents, from, to);
          const sumAt = (d: string) => invs.reduce((s, i) => s + openBalance(i, ents.filter((e) => e.invoiceId === i.id), d), 0);
          expect(p.arEnd).toBe(sumAt(to));
          expect(p.arStart).toBe(sumAt(addDays(from, -1)));
          const inP = (e: PeriodEntry) => e.date >= from && e.date <= to;
          const moved = ents.filter(inP).reduce((s, e) => s + e.delta, 0);
          expect(p.arStart + p.invoiced + moved).toBe(p.arEnd);
          expect(p.months.reduce((s, m) => s + m.sales, 0)).toBe(invs.filter((i) => i.issueDate <= to).reduce((s, i) => s + i.amount, 0));
        },
      ),
    );
  });
});
