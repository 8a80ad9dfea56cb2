// Customers and payments files through the worker API: preview without writing,
// one undoable 'import' batch, the same file again changes nothing, payments
// allocated to the invoice they name (rest as credit) or oldest due first.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';
import type { ImportPreviewOptions } from '../../../src/api/contract';

const BOOK = bookInput('导入测试');

const start = workerApis();

const CUSTOMERS = [
  '客户编码,客户名称,账期,信用额度,联系人,手机',
  'C001,杭州恒达贸易有限公司,45,"50,000.00",王经理,13800000000',
  'C002,上海明远科技,,,,',
  ',无名行,x天,,,',
].join('\n');

const INVOICES = [
  'Customer,Invoice #,Invoice date,Due date,Amount',
  '杭州恒达贸易有限公司,FP-1,2025-01-10,2025-02-09,1000.00',
  '杭州恒达贸易有限公司,FP-2,2025-02-01,2025-03-03,500.00',
  '上海明远科技,FP-3,2025-01-05,2025-02-04,300.00',
].join('\n');

const PAYMENTS = [
  '收款明细',
  '客户编码,收款日期,收款金额,收款方式,流水号,发票号',
  'C001,2025-03-01,600.00,银行转账,BK-1,FP-2',
  'C001,2025-03-05,700.00,银行转账,BK-2,',
  '上海明远科技,2025-03-02,100.00,微信,WX-1,',
  'C999,2025-03-02,100.00,,X,',
  'C002,2025-03-02,50.00,,Y,FP-404',
  'C002,2025-03-02,-5,,Z,',
].join('\n');

async function load(api: WorkerApi, bookId: string, text: string, options: ImportPreviewOptions) {
  return must(await api.importPreview(bookId, { pasted: text }, { delimiter: ',', ...options }));
}

async function customerByName(api: WorkerApi, bookId: string, name: string) {
  const page = await api.listCustomers(bookId, { asOf: '2025-06-30', text: name, offset: 0, limit: 10 });
  const row = page.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no customer ${name}`);
  const detail = await api.customerDetail(bookId, row.id, '2025-06-30', 0);
  if (!detail) throw new Error('no detail');
  return detail;
}

describe('customers files', () => {
  it('previews without writing, imports one batch, is idempotent and undone as a whole', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    const p = await load(api, book.id, CUSTOMERS, { kind: 'customers' });
    expect(p.mapping).toMatchObject({ code: 0, name: 1, terms_days: 2, credit_limit: 3, contact: 4, phone: 5 });
    expect(p.counts).toMatchObject({ rows: 3, newCustomers: 2, existingCustomers: 0, errors: 1 });
    expect(p.problems).toEqual([expect.objectContaining({ line: 4, column: '账期', code: 'import.terms' })]);
    expect((await api.listBooks())[0]).toMatchObject({ customers: 0 });

    expect(must(await api.importCommit(p.token))).toMatchObject({ customers: 2, existingCustomers: 0, skipped: 1 });
    const hd = await customerByName(api, book.id, '杭州恒达贸易有限公司');
    expect(hd.customer).toMatchObject({ termsDays: 45, creditLimit: 5_000_000, tags: ['import:C001'] });
    expect(hd.customer.contacts[0]).toMatchObject({ name: '王经理', phone: '13800000000' });

    const again = await load(api, book.id, CUSTOMERS, { kind: 'customers' });
    expect(again.counts).toMatchObject({ newCustomers: 0, existingCustomers: 2 });
    expect(must(await api.importCommit(again.token))).toMatchObject({ customers: 0, existingCustomers: 2 });
    expect((await api.recentChanges(book.id, 10)).filter((c) => c.action === 'import')).toHaveLength(1);

    expect(must(await api.undo(book.id)).action).toBe('import');
    expect((await api.listBooks())[0]).toMatchObject({ customers: 0 });
  });
});

describe('payments files', () => {
  async function bookWithInvoices(api: WorkerApi) {
    const book = must(await api.createBook(BOOK));
    must(await api.importCommit((await load(api, book.id, CUSTOMERS, { kind: 'customers' })).token));
    must(await api.importCommit((await load(api, book.id, INVOICES, {})).token));
    return book;
  }

  it('reports unknown customers and invoices at their line and column, allocates, and is idempotent and undoable', async () => {
    const { api } = start();
    const book = await bookWithInvoices(api);
    const p = await load(api, book.id, PAYMENTS, { kind: 'payments' });
    expect(p.headerLine).toBe(2);
    expect(p.counts).toMatchObject({ rows: 6, payments: 3, errors: 3 });
    const at = (line: number) => p.problems.filter((x) => x.line === line).map((x) => [x.column, x.code, x.params.value]);
    expect(at(6)).toEqual([['客户编码', 'customer.notFound', 'C999']]);
    expect(at(7)).toEqual([['发票号', 'invoice.notFound', 'FP-404']]);
    expect(at(8)).toEqual([['收款金额', 'money.negative', '-5']]);
    // The preview wrote nothing (its staged allocations were rolled back).
    expect((await customerByName(api, book.id, '杭州恒达贸易有限公司')).open).toBe(150_000);

    expect(must(await api.importCommit(p.token))).toMatchObject({ payments: 3, existing: 0 });
    const hd = await customerByName(api, book.id, '杭州恒达贸易有限公司');
    // 600 to FP-2 (500 allocatable, 100 credit); then 700 oldest due first: FP-1 gets 700.
    expect(hd.open).toBe(30_000);
    expect(hd.credit).toBe(10_000);
    const mingyuan = await customerByName(api, book.id, '上海明远科技');
    expect(mingyuan.open).toBe(20_000);

    const again = await load(api, book.id, PAYMENTS, { kind: 'payments' });
    expect(again.counts.payments).toBe(0);
    expect(again.problems.filter((x) => x.code === 'import.duplicatePayment').map((x) => x.line)).toEqual([3, 4, 5]);
    expect(must(await api.importCommit(again.token))).toMatchObject({ payments: 0, existing: 3 });

    expect(must(await api.undo(book.id)).action).toBe('import');
    const undone = await customerByName(api, book.id, '杭州恒达贸易有限公司');
    expect([undone.open, undone.credit]).toEqual([150_000, 0]);
  });

  it('allocates several payments of one customer in date order, each seeing what the earlier left', async () => {
    const { api } = start();
    const book = await bookWithInvoices(api);
    const text = ['Customer Code,Payment Date,Amount,Reference', 'C001,2025-03-02,900,B', 'C001,2025-03-01,900,A'].join('\n');
    must(await api.importCommit((await load(api, book.id, text, { kind: 'payments' })).token));
    const hd = await customerByName(api, book.id, '杭州恒达贸易有限公司');
    // 1800 against 1500 owed: all paid, 300 credit, never more than an invoice's amount allocated.
    expect([hd.open, hd.credit]).toEqual([0, 30_000]);
  });
});

describe('presets for customers and payments files', () => {
  it('saves a mapping per kind and applies it only to that kind of file', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    // Headers no synonym knows: without a preset there is no customer name.
    const odd = ['Wer,Tage', 'Müller GmbH,60', 'Schmidt AG,'].join('\n');
    const unmapped = await load(api, book.id, odd, { kind: 'customers' });
    expect(unmapped.counts.newCustomers).toBe(0);

    const saved = must(await api.saveImportPreset('Kunden', { name: 'Wer', terms_days: 'Tage', number: 'x' }, { delimiter: ',' }, 'customers'));
    expect(saved).toEqual({
      id: 'user:Kunden', name: 'Kunden', builtin: false, kind: 'customers',
      map: { name: 'Wer', terms_days: 'Tage' }, options: { delimiter: ',' },
    });
    expect((await api.listImportPresets()).filter((p) => !p.builtin)).toEqual([saved]);
    expect((await api.listImportPresets()).filter((p) => p.builtin).every((p) => p.kind === 'invoices')).toBe(true);

    const mapped = await load(api, book.id, odd, { kind: 'customers', preset: 'user:Kunden' });
    expect(mapped.preset).toBe('user:Kunden');
    expect(mapped.counts.newCustomers).toBe(2);
    must(await api.importCommit(mapped.token));
    expect((await customerByName(api, book.id, 'Müller GmbH')).customer.termsDays).toBe(60);

    // The same preset named on a payments file is not applied (its fields are a customer's).
    must(await api.saveImportPreset('Zahlungen', { customer_name: 'Wer', date: 'Wann', amount: 'Betrag' }, { dateOrder: 'dmy' }, 'payments'));
    const pay = ['Wer,Wann,Betrag', 'Müller GmbH,05/03/2025,10.00'].join('\n');
    const wrongKind = await load(api, book.id, pay, { kind: 'payments', preset: 'user:Kunden' });
    expect(wrongKind.counts.payments).toBe(0);
    const right = await load(api, book.id, pay, { kind: 'payments', preset: 'user:Zahlungen' });
    expect(right.counts).toMatchObject({ payments: 1, errors: 0 });
    must(await api.importCommit(right.token));
    // 05/03 read day first, as the preset says: 5 March.
    const detail = await customerByName(api, book.id, 'Müller GmbH');
    expect(detail.credit).toBe(1000);
    expect(detail.payments.map((x) => x.date)).toEqual(['2025-03-05']);
  });
});
