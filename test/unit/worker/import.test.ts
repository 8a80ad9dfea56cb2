// Import through the worker API: preview keeps the file in the worker, commit writes
// one undoable batch, a second import of the same file changes nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';
import type { ImportPreview, Progress } from '../../../src/api/contract';
import { encodeGb } from '../../../src/export/gb18030';

const BOOK = bookInput('导入测试');

const start = workerApis();

const CSV = [
  '应收账款台账 2025年',
  '',
  '客户名称,单据编号,开票日期,到期日,金额,已收金额,收款日期',
  '杭州恒达贸易有限公司,FP-001,2025-01-10,2025-02-09,"1,000.00",400.00,2025-02-01',
  '杭州恒达贸易有限公司,FP-002,2025-03-01,2025-03-31,500.00,,',
  '上海明远科技,FP-003,2025-02-15,2025-03-17,800.50,800.50,2025-03-20',
  '上海明远科技,FP-004,not a date,2025-03-17,100.00,,',
].join('\r\n');

const bytesOf = (text: string): ArrayBuffer => {
  const b = encodeGb(text, 'gb18030');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

async function preview(api: WorkerApi, bookId: string, text = CSV): Promise<ImportPreview> {
  return must(await api.importPreview(bookId, { name: 'ledger.csv', bytes: bytesOf(text) }, { today: '2025-06-30' }));
}

describe('importPreview', () => {
  it('detects GB18030, the header below the title, the mapping, and counts without writing', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    const seen: Progress[] = [];
    const p = must(await api.importPreview(book.id, { name: 'x.csv', bytes: bytesOf(CSV) }, { today: '2025-06-30' }, (x) => seen.push(x)));
    expect(p.encoding).toBe('gb18030');
    expect(p.delimiter).toBe(',');
    expect(p.headerLine).toBe(3);
    expect(p.headers[0]).toBe('客户名称');
    expect(p.mapping).toMatchObject({ customer_name: 0, number: 1, issue_date: 2, due_date: 3, amount: 4, paid_amount: 5, paid_date: 6 });
    expect(p.sample.map((r) => r.line)).toEqual([4, 5, 6, 7]);
    expect(p.sample[0]?.cells[4]).toBe('1,000.00');
    expect(p.counts).toMatchObject({ rows: 4, invoices: 3, newInvoices: 3, existingInvoices: 0, newCustomers: 2, payments: 2, errors: 1 });
    expect(p.problems).toEqual([expect.objectContaining({ severity: 'error', line: 7, column: '开票日期', code: 'date.invalid' })]);
    expect(p.problemTotal).toBe(1);
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
    // Nothing written yet.
    expect((await api.listBooks())[0]).toMatchObject({ customers: 0, invoices: 0 });
  });

  it('re-reads with a corrected mapping and an encoding override', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    const p = must(await api.importPreview(book.id, { name: 'x.csv', bytes: bytesOf(CSV) }, { map: { paid_amount: '', paid_date: '' } }));
    expect(p.mapping.paid_amount).toBeUndefined();
    expect(p.counts.payments).toBe(0);
    const wrong = must(await api.importPreview(book.id, { name: 'x.csv', bytes: bytesOf(CSV) }, { encoding: 'utf-8' }));
    expect(wrong.encoding).toBe('utf-8');
    expect(wrong.problems.some((x) => x.code === 'import.badBytes' || x.code === 'import.noHeader')).toBe(true);
  });

  it('reads rows pasted from Excel (tab-separated)', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    const pasted = 'Customer\tInvoice #\tInvoice date\tAmount\nAcme Ltd\tA-1\t2025-01-05\t120.00\n';
    const p = must(await api.importPreview(book.id, { pasted }, {}));
    expect(p.delimiter).toBe('\t');
    expect(p.counts).toMatchObject({ invoices: 1, newCustomers: 1 });
  });

  it('caps the problem list but counts every problem', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    const lines = ['Customer,Invoice #,Invoice date,Amount'];
    for (let i = 0; i < 700; i++) lines.push(`Acme,N-${i},bad,1.00`);
    const p = must(await api.importPreview(book.id, { pasted: lines.join('\n') }, { delimiter: ',' }));
    expect(p.problems).toHaveLength(500);
    expect(p.problemTotal).toBe(700);
    expect(p.counts.errors).toBe(700);
  });

  it('is cancelled by importCancel while reading, and the token is then gone', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    const lines = ['Customer,Invoice #,Invoice date,Amount'];
    for (let i = 0; i < 60_000; i++) lines.push(`Customer ${i % 50},N-${i},2025-01-05,10.00`);
    const running = api.importPreview(book.id, { pasted: lines.join('\n') }, { delimiter: ',', token: 'T1' }, () => {
      void api.importCancel('T1');
    });
    const r = await running;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toBe('import.cancelled');
    const c = await api.importCommit('T1');
    expect(c.ok ? 'ok' : c.errors[0]?.code).toBe('import.expired');
  });
});

describe('importCommit', () => {
  it('writes one batch, allocates paid columns, and a second import of the same file changes nothing', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    const p = await preview(api, book.id);
    const summary = must(await api.importCommit(p.token));
    expect(summary).toEqual({ invoices: 3, customers: 2, payments: 2, existing: 0, skipped: 1 });

    const aging = await api.aging(book.id, '2025-06-30');
    // 1000 - 400 + 500 + (800.50 - 800.50) open.
    expect(aging.invoiceTotal).toBe(110_000);
    expect(aging.unappliedCredit).toBe(0);
    const recent = await api.recentChanges(book.id, 5);
    expect(recent[0]?.action).toBe('import');
    expect(recent.filter((c) => c.action === 'import')).toHaveLength(1);

    // A used token is gone.
    const again = await api.importCommit(p.token);
    expect(again.ok ? 'ok' : again.errors[0]?.code).toBe('import.expired');

    // Same file again: all three already there, nothing new, no new batch.
    const p2 = await preview(api, book.id);
    expect(p2.counts).toMatchObject({ newInvoices: 0, existingInvoices: 3, newCustomers: 0, payments: 0 });
    const s2 = must(await api.importCommit(p2.token));
    expect(s2).toMatchObject({ invoices: 0, customers: 0, payments: 0, existing: 3 });
    expect((await api.recentChanges(book.id, 5)).filter((c) => c.action === 'import')).toHaveLength(1);
    expect((await api.aging(book.id, '2025-06-30')).invoiceTotal).toBe(110_000);
  });

  it('matches customers by name ignoring case and spacing, and adds only the new invoices', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    must(await api.saveCustomer(book.id, { name: 'ACME  Ltd', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
    const one = 'Customer\tInvoice #\tInvoice date\tAmount\nacme ltd\tA-1\t2025-01-05\t120.00\n';
    must(await api.importCommit(must(await api.importPreview(book.id, { pasted: one }, {})).token));
    const two = one + 'Acme Ltd\tA-2\t2025-01-06\t80.00\n';
    const p = must(await api.importPreview(book.id, { pasted: two }, {}));
    expect(p.counts).toMatchObject({ newInvoices: 1, existingInvoices: 1, newCustomers: 0 });
    must(await api.importCommit(p.token));
    expect((await api.listBooks())[0]).toMatchObject({ customers: 1, invoices: 2 });
  });

  it('is undone as a whole by the ordinary undo', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    must(await api.importCommit((await preview(api, book.id)).token));
    expect((await api.listBooks())[0]).toMatchObject({ customers: 2, invoices: 3 });
    const undone = must(await api.undo(book.id));
    expect(undone.action).toBe('import');
    expect((await api.listBooks())[0]).toMatchObject({ customers: 0, invoices: 0 });
    const aging = await api.aging(book.id, '2025-06-30');
    expect(aging.invoiceTotal).toBe(0);
    expect(aging.unappliedCredit).toBe(0);
  });

  it('leaves out an invoice whose number another customer holds', async () => {
    const { api } = start();
    const book = must(await api.createBook(BOOK));
    must(await api.importCommit(must(await api.importPreview(book.id, { pasted: 'Customer\tInvoice #\tInvoice date\tAmount\nAcme\tA-1\t2025-01-05\t120.00\n' }, {})).token));
    const p = must(await api.importPreview(book.id, { pasted: 'Customer\tInvoice #\tInvoice date\tAmount\nOther Co\tA-1\t2025-01-05\t50.00\n' }, {}));
    expect(p.counts).toMatchObject({ newInvoices: 0, existingInvoices: 0, errors: 1 });
    expect(p.problems[0]).toMatchObject({ code: 'invoice.duplicateNumber', params: { number: 'A-1' } });
  });
});

describe('import presets', () => {
  it('lists the shipped presets and saves a named one on the device', async () => {
    const { api } = start();
    const before = await api.listImportPresets();
    expect(before.map((p) => p.id)).toEqual(expect.arrayContaining(['xero', 'quickbooks', 'zoho', 'invoiceninja', 'freshbooks', 'wave', 'cn-ledger']));
    const bad = await api.saveImportPreset('  ', {}, {});
    expect(bad.ok ? 'ok' : bad.errors[0]).toMatchObject({ field: 'name', code: 'import.presetName' });
    const saved = must(await api.saveImportPreset('My bank', { number: 'Ref', amount: 'Sum', bogus: 'x' }, { dateOrder: 'dmy' }));
    expect(saved).toEqual({ id: 'user:My bank', name: 'My bank', builtin: false, kind: 'invoices', map: { number: 'Ref', amount: 'Sum' }, options: { dateOrder: 'dmy' } });
    expect((await api.listImportPresets()).at(-1)).toEqual(saved);

    // A saved preset maps the columns of a file whose headers no synonym knows.
    const book = must(await api.createBook(BOOK));
    const pasted = 'Who\tRef\tWhen\tSum\nAcme\tZ-1\t05/01/2025\t10.00\n';
    must(await api.saveImportPreset('Odd', { customer_name: 'Who', number: 'Ref', issue_date: 'When', amount: 'Sum' }, { dateOrder: 'dmy' }));
    const p = must(await api.importPreview(book.id, { pasted }, { preset: 'user:Odd' }));
    expect(p.counts.invoices).toBe(1);
    must(await api.importCommit(p.token));
    const rows = await api.listInvoices(book.id, { asOf: '2025-06-30', offset: 0, limit: 5 });
    expect(rows.rows[0]).toMatchObject({ number: 'Z-1', issueDate: '2025-01-05', amount: 1000 });
  });
});
