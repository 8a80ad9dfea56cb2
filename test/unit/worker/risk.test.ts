// A customer's credit score through the worker: facts read off the working set
// (open, overdue and its age, days late of paid invoices, disputes, limit) and the
// promise record, scored by the domain's riskScore with the default weights.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { must, workerApis } from './harness';
import { DEFAULT_RISK_WEIGHTS, riskScore } from '../../../src/domain/risk-score';

const start = workerApis();

describe('customerRisk', () => {
  it('scores from the working set and the promise record, with each part and a suggestion', async () => {
    const { api } = start();
    const book = must(await api.createBook({
      name: '评分', currency: 'CNY', locale: 'zh-CN', agingBounds: [30, 60, 90], agingBasis: 'due', defaultTermsDays: 30, commaDecimal: false, limitationYears: 3,
    }));
    const customer = must(await api.saveCustomer(book.id, { name: '丙', uscc: '', termsDays: 30, creditLimit: 150_000, contacts: [], tags: [], notes: '' }));
    const invoice = (number: string, issueDate: string, dueDate: string, amount: number, disputed = false) => api.saveInvoice(book.id, {
      customerId: customer.id, number, issueDate, dueDate, amount, currency: '', description: '', disputed, disputeReason: disputed ? '数量' : '',
    });
    const paid = must(await invoice('P-1', '2026-01-01', '2026-01-31', 50_000));
    const open = must(await invoice('O-1', '2026-02-01', '2026-03-03', 100_000));
    must(await invoice('D-1', '2026-03-01', '2026-03-31', 40_000, true));
    // Paid off 30 days after its due date.
    must(await api.recordPayment(book.id, { customerId: customer.id, date: '2026-03-02', amount: 50_000, method: 'bank', reference: '', allocation: [{ invoiceId: paid.id, amount: 50_000 }] }));
    // A promise on the open invoice, broken.
    must(await api.logContact(book.id, {
      customerId: customer.id, invoiceId: open.id, date: '2026-03-10', channel: 'phone', stage: 'first', outcome: 'promised', note: '',
      nextActionDate: null, promise: { amount: 100_000, date: '2026-03-20', invoiceIds: [open.id], graceDays: 0 },
    }));
    const asOf = '2026-04-02';
    const risk = await api.customerRisk(book.id, customer.id, asOf);
    const expected = riskScore({
      open: 140_000, overdue: 140_000, overdueAgeDays: (30 * 100_000 + 2 * 40_000) / 140_000, oldestDaysOverdue: 30,
      daysLate: [30], brokenPromises: 1, keptPromises: 0, disputed: 40_000, creditLimit: 150_000, priorDaysLate: [],
    }, DEFAULT_RISK_WEIGHTS);
    expect(risk).toMatchObject({ score: expected.score, grade: expected.grade, parts: expected.parts, asOf });
    expect(risk?.parts.find((p) => p.key === 'lateness')?.value).toBe(30);
    expect(risk?.parts.find((p) => p.key === 'promises')?.points).toBeGreaterThan(0);
    expect(['raise', 'keep', 'lower', 'prepay']).toContain(risk?.suggestion.limit);
    // Paying the rest off changes the score: nothing overdue any more.
    must(await api.recordPayment(book.id, { customerId: customer.id, date: asOf, amount: 140_000, method: 'bank', reference: '', allocation: 'auto' }));
    const after = await api.customerRisk(book.id, customer.id, asOf);
    expect(after?.parts.find((p) => p.key === 'overdue')?.value).toBe(0);
    expect(after?.score ?? 0).toBeGreaterThan(risk?.score ?? 100);
    expect(await api.customerRisk(book.id, 'nobody', asOf)).toBe(null);
  });
});
