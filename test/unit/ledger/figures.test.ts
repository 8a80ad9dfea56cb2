import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import { AUDIT_YEAR_BOUNDS } from '../../../src/domain/aging';
import { Ledger } from '../../../src/ledger';
import { debtorMatchesReference, demoRecords, END, reference, referenceTopOpen } from './fixtures';

const AS_OF = [END, addDays(END, 45), addDays(END, -1), addDays(END, -100), addDays(END, -400), addDays(END, -729), addDays(END, -900)];

describe('Ledger figures match the reference computation', () => {
  for (const [seed, customers, invoices] of [[1, 300, 5_000], [8, 25, 400], [77, 4, 30]] as const) {
    const records = demoRecords(seed, customers, invoices);
    const ledger = Ledger.fromRecords(records);

    it.each(AS_OF)(`dashboard as of %s (seed ${seed}, ${invoices} invoices)`, (asOf) => {
      const ref = reference(records, asOf);
      const d = ledger.dashboard(asOf);
      expect(d.asOf).toBe(asOf);
      expect(d.currency).toBe('CNY');
      expect(d.totalOpen).toBe(ref.totalOpen);
      expect(d.overdue).toBe(ref.overdue);
      expect(d.overdueCount).toBe(ref.overdueCount);
      expect(d.openCount).toBe(ref.openCount);
      expect(d.customersWithBalance).toBe(ref.customersWithBalance);
      expect(d.unappliedCredit).toBe(ref.unappliedCredit);
      expect(d.aging.buckets).toEqual(ref.buckets);
      expect(d.aging.disputed).toBe(ref.disputed);
      expect(d.aging.invoiceTotal).toBe(ref.totalOpen);
      expect(d.aging.unappliedCredit).toBe(0 - ref.unappliedCredit);
      expect(d.aging.net).toBe(ref.totalOpen - ref.unappliedCredit);
      // Buckets add up to the total open balance.
      expect(d.aging.buckets.reduce((s, b) => s + b.amount, 0)).toBe(d.totalOpen);
      expect(d.aging.buckets.reduce((s, b) => s + b.count, 0)).toBe(d.openCount);
      expect(d.topDebtors.map((r) => r.open)).toEqual(referenceTopOpen(ref, 10));
      for (const row of d.topDebtors) expect(debtorMatchesReference(row, ref)).toBe(true);
    }, 30_000);

    it(`issue-basis aging with other bounds (seed ${seed})`, () => {
      for (const asOf of [END, addDays(END, -200)]) {
        const ref = reference(records, asOf, 'issue', AUDIT_YEAR_BOUNDS);
        const a = ledger.aging(asOf, 'issue', AUDIT_YEAR_BOUNDS);
        expect(a.basis).toBe('issue');
        expect(a.bounds).toEqual(AUDIT_YEAR_BOUNDS);
        expect(a.buckets).toEqual(ref.buckets);
        expect(a.invoiceTotal).toBe(ref.totalOpen);
      }
    });

    it(`per-invoice balances and per-customer figures (seed ${seed})`, () => {
      for (const asOf of [END, addDays(END, -300)]) {
        const ref = reference(records, asOf);
        for (const inv of records.invoices.slice(0, 300)) {
          const f = ledger.invoiceFigures(inv.id, asOf);
          expect(f?.balance).toBe(inv.issueDate > asOf ? 0 : ref.balances.get(inv.id));
        }
        for (const c of records.customers) {
          const f = ledger.customerFigures(c.id, asOf);
          const r = ref.perCustomer.get(c.id) ?? { open: 0, overdue: 0, credit: 0 };
          expect(f && { open: f.open, overdue: f.overdue, credit: f.credit }).toEqual({ open: r.open, overdue: r.overdue, credit: r.credit });
          expect(f?.aging.invoiceTotal).toBe(r.open);
          expect(f?.aging.unappliedCredit).toBe(0 - r.credit);
        }
      }
    });
  }

  it('gives the same numbers for the same history', () => {
    const a = Ledger.fromRecords(demoRecords(5, 60, 900));
    const b = Ledger.fromRecords(demoRecords(5, 60, 900));
    for (const asOf of AS_OF) expect(b.dashboard(asOf)).toEqual(a.dashboard(asOf));
  });
});
