// Late charges as records through the worker API: interest accrued by the book's
// rule is posted with its basis, only what grew since is posted again, and a
// charge is waived once, with its reason, by a credit of the same amount.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';
import type { OverdueDb } from '../../../src/db/schema';
import { DEFAULT_CHARGE_RULE } from '../../../src/domain/charges';

const start = workerApis();

async function setUp(api: WorkerApi, db: OverdueDb, amount = 10_000) {
  const book = must(await api.createBook({
    name: '计息', currency: 'CNY', locale: 'en', agingBounds: [30, 60, 90], agingBasis: 'due', defaultTermsDays: 30, commaDecimal: false, limitationYears: 3,
  }));
  const customer = must(await api.saveCustomer(book.id, { name: 'Acme', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
  const invoice = must(await api.saveInvoice(book.id, {
    customerId: customer.id, number: 'A-1', issueDate: '2026-01-01', dueDate: '2026-01-31', amount, currency: '',
    description: '', disputed: false, disputeReason: '',
  }));
  await db.settings.put({ bookId: book.id, key: 'collections.chargeRule', value: { ...DEFAULT_CHARGE_RULE, yearlyBp: 1000 } });
  return { book, customer, invoice };
}

describe('late charges', () => {
  it('posts interest with its basis (DOMAIN.md: 100.00, 15 days, 10 % a year = 0.41), then only what accrued since', async () => {
    const { api, db } = start();
    const { book, customer, invoice } = await setUp(api, db);
    const first = must(await api.postCharges(book.id, customer.id, '2026-02-15'));
    expect(first.total).toBe(41);
    expect(first.charges.map((c) => [c.kind, c.amount, c.reason, c.basis])).toEqual([['charge', 41, 'accrual:interest', '100.00 × 10% a year × 15 days / 365']]);
    expect((await api.invoiceDetail(book.id, invoice.id, '2026-02-15'))?.balance).toBe(10_041);
    // Posting again the same day adds nothing; 30 days later only the growth (82 - 41), never interest on interest.
    expect(must(await api.postCharges(book.id, customer.id, '2026-02-15')).charges).toEqual([]);
    const later = must(await api.postCharges(book.id, customer.id, '2026-03-02'));
    expect(later.charges.map((c) => c.amount)).toEqual([41]);
    // One undoable action per posting.
    expect(must(await api.undo(book.id)).action).toBe('charge.post');
    expect((await api.invoiceDetail(book.id, invoice.id, '2026-03-02'))?.balance).toBe(10_041);
  });

  it('waives a charge once, with a reason, by a credit of the same amount', async () => {
    const { api, db } = start();
    const { book, customer, invoice } = await setUp(api, db);
    const [charge] = must(await api.postCharges(book.id, customer.id, '2026-02-15')).charges;
    if (!charge) throw new Error('no charge');
    const noReason = await api.waiveCharge(book.id, charge.id, '2026-02-16', '  ');
    expect(noReason.ok ? null : noReason.errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    const waiver = must(await api.waiveCharge(book.id, charge.id, '2026-02-16', 'Good customer, first time late'));
    expect(waiver).toMatchObject({ kind: 'credit', amount: 41, reason: `waive:${charge.id}`, basis: 'Good customer, first time late' });
    expect((await api.invoiceDetail(book.id, invoice.id, '2026-02-16'))?.balance).toBe(10_000);
    const again = await api.waiveCharge(book.id, charge.id, '2026-02-16', 'again');
    expect(again.ok ? null : again.errors[0]?.code).toBe('charge.waived');
    // A waived charge stays charged for the accrual: it is not posted again.
    expect(must(await api.postCharges(book.id, customer.id, '2026-02-15')).charges).toEqual([]);
  });

  it('charges nothing on disputed or not yet overdue invoices', async () => {
    const { api, db } = start();
    const { book, customer, invoice } = await setUp(api, db);
    expect(must(await api.postCharges(book.id, customer.id, '2026-01-31')).charges).toEqual([]);
    must(await api.saveInvoice(book.id, {
      customerId: customer.id, number: 'A-1', issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000, currency: '',
      description: '', disputed: true, disputeReason: 'wrong quantity',
    }, invoice.id));
    expect(must(await api.postCharges(book.id, customer.id, '2026-03-31')).charges).toEqual([]);
  });
});
