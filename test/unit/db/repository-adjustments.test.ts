import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdjustmentInput } from '../../../src/api/contract';
import type { Id, Invoice } from '../../../src/domain/types';
import { computeOpenItems } from '../../../src/db/repository';
import { customerInput, dumpRecords, freshEnv, invoiceInput, must, paymentInput, type Env } from './fixtures';

let env: Env;
let customerId: Id;
let inv: Invoice;
beforeEach(async () => {
  env = await freshEnv();
  customerId = must(await env.repo.saveCustomer(env.bookId, customerInput())).id;
  inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { issueDate: '2024-01-10', amount: 100_00 })));
});
afterEach(async () => { await env.close(); });

const adj = (over: Partial<AdjustmentInput> = {}): AdjustmentInput => ({
  kind: 'credit', invoiceId: inv.id, date: '2024-02-01', amount: 30_00, reason: ' 退货 ', basis: '', ...over,
});
const balanceOn = async (asOf: string) =>
  (await computeOpenItems(env.db, env.bookId, customerId, asOf)).find((i) => i.invoiceId === inv.id)?.balance ?? 0;

describe('addAdjustment', () => {
  it('a credit note lowers the balance from its date on and copies the invoice customer', async () => {
    const a = must(await env.repo.addAdjustment(env.bookId, adj()));
    expect(a).toMatchObject({ kind: 'credit', invoiceId: inv.id, customerId, date: '2024-02-01', amount: 30_00, reason: '退货', deleted: 0, bookId: env.bookId });
    expect(await balanceOn('2024-01-31')).toBe(100_00);
    expect(await balanceOn('2024-02-01')).toBe(70_00);
    const log = await env.repo.changesSince(env.bookId, 0);
    expect(log.at(-1)).toMatchObject({ action: 'adjustment.credit', table: 'adjustments', after: a });
  });

  it('a write-off may take the whole open balance, not a cent more', async () => {
    const r = await env.repo.addAdjustment(env.bookId, adj({ kind: 'writeoff', amount: 100_01 }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'amount', code: 'adjustment.exceedsBalance', params: { balance: 100_00 } }] });
    const w = must(await env.repo.addAdjustment(env.bookId, adj({ kind: 'writeoff', amount: 100_00 })));
    expect(w.kind).toBe('writeoff');
    expect(await balanceOn('2024-12-31')).toBe(0);
    expect((await env.repo.changesSince(env.bookId, 0)).at(-1)?.action).toBe('adjustment.writeoff');
  });

  it('a credit note exceeding what is left after payments is refused and stores nothing', async () => {
    must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2024-01-20', amount: 80_00 })));
    const before = await dumpRecords(env.db);
    const r = await env.repo.addAdjustment(env.bookId, adj({ amount: 20_01 }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'amount', code: 'adjustment.exceedsBalance', params: { balance: 20_00 } }] });
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('a back-dated credit may not take what a later payment already took', async () => {
    must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2024-03-01', amount: 90_00 })));
    // On 02-01 the balance is still 100.00, but after 03-01 only 10.00 is left.
    expect(await balanceOn('2024-02-01')).toBe(100_00);
    const r = await env.repo.addAdjustment(env.bookId, adj({ date: '2024-02-01', amount: 50_00 }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'amount', code: 'adjustment.exceedsBalance', params: { balance: 10_00 } }] });
  });

  it('a charge raises the balance by any positive amount', async () => {
    const c = must(await env.repo.addAdjustment(env.bookId, adj({ kind: 'charge', amount: 1_000_00, basis: '100.00 × 10 %/yr × 15 d / 365' })));
    expect(c.basis).toBe('100.00 × 10 %/yr × 15 d / 365');
    expect(await balanceOn('2024-02-01')).toBe(1_100_00);
    expect((await env.repo.changesSince(env.bookId, 0)).at(-1)?.action).toBe('adjustment.charge');
  });

  it('names each bad field', async () => {
    expect(await env.repo.addAdjustment(env.bookId, adj({ invoiceId: 'nope' }))).toEqual({ ok: false, errors: [{ field: 'invoiceId', code: 'invoice.notFound' }] });
    expect(await env.repo.addAdjustment(env.bookId, adj({ date: '2024-13-01' }))).toEqual({ ok: false, errors: [{ field: 'date', code: 'date.invalid' }] });
    expect(await env.repo.addAdjustment(env.bookId, adj({ date: '2024-01-09' }))).toEqual({ ok: false, errors: [{ field: 'date', code: 'date.outOfRange', params: { min: '2024-01-10' } }] });
    expect(await env.repo.addAdjustment(env.bookId, adj({ amount: 0 }))).toEqual({ ok: false, errors: [{ field: 'amount', code: 'money.zero' }] });
    expect(await env.repo.addAdjustment(env.bookId, adj({ kind: 'charge', amount: -1 }))).toEqual({ ok: false, errors: [{ field: 'amount', code: 'money.negative' }] });
    expect(await env.repo.addAdjustment(env.bookId, adj({ kind: 'bogus' as never }))).toEqual({ ok: false, errors: [{ field: 'kind', code: 'required' }] });
    expect(await env.db.adjustments.count()).toBe(0);
  });
});
