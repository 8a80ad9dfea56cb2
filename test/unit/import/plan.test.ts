// planImport: what an import writes against what the book holds.
import { describe, expect, it } from 'vitest';
import type { ParsedInvoice } from '../../../src/import';
import { CUSTOMER_CODE_TAG, customerNameKey, planImport } from '../../../src/import/plan';

const inv = (over: Partial<ParsedInvoice>): ParsedInvoice => ({
  line: 2, number: 'A-1', customerKey: 'Acme', customerName: 'Acme', issueDate: '2025-01-10', dueDate: '2025-02-09',
  amount: 10_000, currency: 'CNY', description: '', disputed: false, payments: [], ...over,
});
let n = 0;
const options = { currency: 'CNY', termsDays: 30, newId: () => `id-${++n}` };
const empty = { customers: [], invoices: [] };

describe('planImport', () => {
  it('compares customer names ignoring case, width and spacing', () => {
    expect(customerNameKey('  ＡＣＭＥ   Ltd ')).toBe(customerNameKey('acme ltd'));
  });

  it('keeps a file customer code as a tag and matches on it before the name', () => {
    const first = planImport([inv({ customerKey: 'C-7', customerName: 'Acme' })], empty, options);
    expect(first.customers[0]?.tags).toEqual([`${CUSTOMER_CODE_TAG}C-7`]);
    // Renamed in the other tool: the code still finds the customer.
    const book = { customers: first.customers, invoices: first.invoices };
    const again = planImport([inv({ number: 'A-2', customerKey: 'C-7', customerName: 'Acme Holdings' })], book, options);
    expect(again.customers).toHaveLength(0);
    expect(again.invoices[0]?.customerId).toBe(first.customers[0]?.id);
  });

  it('allocates paid parts oldest first up to the amount; more stays as credit on the payment', () => {
    const plan = planImport([inv({ payments: [{ date: '2025-03-01', amount: 8_000 }, { date: '2025-02-01', amount: 5_000 }] })], empty, options);
    expect(plan.payments.map((p) => [p.date, p.amount])).toEqual([['2025-02-01', 5_000], ['2025-03-01', 8_000]]);
    expect(plan.allocations.map((a) => [a.date, a.amount])).toEqual([['2025-02-01', 5_000], ['2025-03-01', 5_000]]);
  });

  it('dates an allocation no earlier than the issue date, and a due date no earlier either', () => {
    const plan = planImport([inv({ dueDate: '2025-01-01', payments: [{ date: '2025-01-05', amount: 100 }] })], empty, options);
    expect(plan.invoices[0]?.dueDate).toBe('2025-01-10');
    expect(plan.allocations[0]?.date).toBe('2025-01-10');
    expect(plan.payments[0]?.date).toBe('2025-01-05');
  });

  it('leaves out other currencies, non-positive amounts and numbers another customer holds', () => {
    const book = { customers: [{ id: 'c1', name: 'Other', tags: [], deleted: 0 as const }], invoices: [{ id: 'i1', customerId: 'c1', number: 'A-1', deleted: 0 as const }] };
    const plan = planImport([inv({}), inv({ number: 'B', currency: 'USD' }), inv({ number: 'C', amount: 0 })], book, options);
    expect(plan.invoices).toHaveLength(0);
    expect(plan.customers).toHaveLength(0);
    expect(plan.problems.map((p) => p.code)).toEqual(['invoice.duplicateNumber', 'money.currencyMismatch', 'money.zero']);
  });

  it('counts an invoice of the same customer and number as existing, once per file row', () => {
    const book = { customers: [{ id: 'c1', name: 'ACME', tags: [], deleted: 0 as const }], invoices: [{ id: 'i1', customerId: 'c1', number: 'A-1', deleted: 0 as const }] };
    const plan = planImport([inv({}), inv({ number: 'A-2' })], book, options);
    expect(plan.existing).toBe(1);
    expect(plan.invoices.map((i) => [i.number, i.customerId])).toEqual([['A-2', 'c1']]);
  });
});
