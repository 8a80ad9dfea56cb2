// Each warning kind in words: built from real riskWarnings() output on a
// constructed book, every kind's message must exist in both languages and fill
// every placeholder from the warning's params.
import { describe, expect, it } from 'vitest';
import { riskWarnings, type RiskWarning, type WarningKind } from '../../../src/domain/risk-warnings';
import { en } from '../../../src/i18n/en';
import { zhCN } from '../../../src/i18n/zh-CN';
import { interpolate } from '../../../src/i18n/t';
import { WARNING_KINDS, warningText, type WarningFormat } from '../../../src/ui/warnings/warningText';

const fmt: WarningFormat = {
  money: (n) => `¥${(n / 100).toFixed(2)}`,
  date: (d) => `<${d}>`,
  number: (n) => String(n),
  percent: (r) => `${Math.round(r * 1000) / 10}%`,
  bucket: (i) => `bucket#${i}`,
  grade: (g) => `grade-${g}`,
};

/** A book where every kind of warning fires once (or more). */
function constructedWarnings(): RiskWarning[] {
  const today = '2026-06-30';
  const previousDay = '2026-05-31';
  const small = (id: string) => ({
    id, open: 10_000, creditLimit: null, invoices: [], brokenPromises: [], grade: 'A' as const, gradeBefore: 'A' as const, limitations: [],
  });
  return riskWarnings({
    today,
    previousDay,
    bounds: [30, 60, 90, 180, 365],
    book: { open: 1_000_000, debtors: 6 },
    customers: [
      {
        id: 'big',
        open: 900_000,
        creditLimit: 500_000,
        // Due 2026-04-20: 41 days overdue on May 31 (31-60), 71 today (61-90).
        invoices: [{ id: 'inv-1', dueDay: '2026-04-20', balance: 400_000 }],
        brokenPromises: [
          { promiseId: 'p1', invoiceIds: ['inv-1'], amount: 200_000, paid: 50_000, brokenOn: '2026-06-10' },
          { promiseId: 'p2', invoiceIds: ['inv-1', 'inv-2'], amount: 100_000, paid: 0, brokenOn: '2026-06-20' },
        ],
        grade: 'D',
        gradeBefore: 'B',
        limitations: [
          { invoiceId: 'inv-1', endsOn: '2026-07-10' },
          { invoiceId: 'inv-2', endsOn: '2026-09-01' },
        ],
      },
      small('c2'), small('c3'), small('c4'), small('c5'), small('c6'),
    ],
  });
}

const row = (w: RiskWarning) => ({ ...w, customerName: 'Acme 公司', invoiceNumber: w.invoiceId ? `No.${w.invoiceId}` : undefined });

describe('warningText', () => {
  const warnings = constructedWarnings();

  it('the constructed book raises every kind', () => {
    const kinds = new Set(warnings.map((w) => w.kind));
    expect([...kinds].sort()).toEqual([...WARNING_KINDS].sort());
  });

  it('fills every placeholder of every kind in both languages', () => {
    for (const w of warnings) {
      const m = warningText(row(w), fmt);
      for (const [locale, dict] of [['en', en], ['zh-CN', zhCN]] as const) {
        const r = interpolate(dict[m.key], m.params, locale);
        expect(r.missing, `${w.kind} ${m.key} in ${locale}`).toEqual([]);
        expect(r.text).toContain('Acme 公司');
      }
    }
  });

  it('says the amounts, days and grades each kind is about', () => {
    const text = (kind: WarningKind, pick = 0) => {
      const w = warnings.filter((x) => x.kind === kind)[pick];
      if (!w) throw new Error(`no ${kind}`);
      const m = warningText(row(w), fmt);
      return { key: m.key, text: interpolate(en[m.key], m.params, 'en').text };
    };
    expect(text('overLimit').text).toBe('Acme 公司 owes ¥9000.00, ¥4000.00 over the credit limit of ¥5000.00.');
    expect(text('bucketCrossed').text).toContain('No.inv-1');
    expect(text('bucketCrossed').text).toContain('71 days overdue and has moved into bucket#3');
    expect(text('gradeDrop').text).toContain('from grade-B to grade-D');
    // The larger unpaid part first: p1 (1,500.00 unpaid) on one invoice, then p2 on two.
    expect(text('brokenPromise', 0)).toMatchObject({ key: 'warnings.text.brokenPromiseOne' });
    expect(text('brokenPromise', 0).text).toContain('¥1500.00 of it is unpaid');
    expect(text('brokenPromise', 1)).toMatchObject({ key: 'warnings.text.brokenPromiseMany' });
    expect(text('brokenPromise', 1).text).toContain('on 2 invoices');
    // July 10 is 10 days away (urgent), September 1 is 63 (soon).
    const limitation = warnings.filter((w) => w.kind === 'limitationSoon').map((w) => warningText(row(w), fmt));
    expect(limitation.map((m) => m.key).sort()).toEqual(['warnings.text.limitationSoon', 'warnings.text.limitationUrgent']);
    expect(limitation.find((m) => m.key === 'warnings.text.limitationUrgent')?.params.daysLeft).toBe('10');
    expect(text('concentration').text).toContain('holds 90% of');
  });

  it('has a name for every kind in both languages', () => {
    for (const k of WARNING_KINDS) {
      expect(en[`warnings.kind.${k}`]).toBeTruthy();
      expect(zhCN[`warnings.kind.${k}`]).toBeTruthy();
    }
  });
});
