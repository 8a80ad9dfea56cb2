import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { CustomerInput, ExportFile, InvoiceInput } from '../../../src/api/contract';
import { Repository } from '../../../src/db/repository';
import type { OverdueDb } from '../../../src/db/schema';
import type { Activity } from '../../../src/domain/types';

const BOOK = bookInput('华东 代账/2025');
const customerInput = (name: string): CustomerInput => ({
  name, uscc: '', termsDays: 30, creditLimit: 500_000,
  contacts: [{ name: '王经理', phone: '+86 138 0000 0000', email: '', wechat: 'wx1', address: '' }], tags: ['VIP'], notes: '',
});
const invoiceInput = (customerId: string, number: string, issueDate: string, dueDate: string, amount: number): InvoiceInput => ({
  customerId, number, issueDate, dueDate, amount, currency: 'CNY', description: '', disputed: false, disputeReason: '',
});

const start = workerApis();

const AS_OF = '2025-04-15';

/** Two customers (one named like a formula), three invoices, a partial payment, an activity. */
async function smallBook() {
  const { api, db } = start();
  const book = must(await api.createBook(BOOK));
  const hengda = must(await api.saveCustomer(book.id, customerInput('杭州恒达贸易有限公司')));
  const evil = must(await api.saveCustomer(book.id, customerInput('=HYPERLINK("http://x")')));
  const a1 = must(await api.saveInvoice(book.id, invoiceInput(hengda.id, 'A-1', '2025-01-10', '2025-02-09', 100_000)));
  must(await api.saveInvoice(book.id, invoiceInput(hengda.id, 'A-2', '2025-03-01', '2025-03-31', 50_000)));
  must(await api.saveInvoice(book.id, invoiceInput(evil.id, '-5', '2025-04-01', '2025-05-01', 12_345)));
  must(await api.recordPayment(book.id, { customerId: hengda.id, date: '2025-03-10', amount: 130_000, method: 'bank', reference: '+REF', allocation: 'auto' }));
  const activity: Activity = {
    id: crypto.randomUUID(), bookId: book.id, updatedAt: '', deleted: 0, customerId: hengda.id, invoiceId: a1.id,
    date: '2025-03-01', channel: 'phone', stage: '一催', outcome: 'promised', note: '@note, "quoted"', nextActionDate: null,
    promiseAmount: 20_000, promiseDate: '2025-03-20',
  };
  const repo = new Repository(db, 'test-device');
  must(await repo.bulkInsert(book.id, { customers: [], invoices: [], payments: [], allocations: [], adjustments: [], activities: [activity] }, 'demo.load'));
  return { api, db, book, hengda, evil };
}

const BOM = [0xef, 0xbb, 0xbf];

function parse(file: ExportFile): string[][] {
  const bytes = new Uint8Array(file.bytes);
  expect([...bytes.slice(0, 3)]).toEqual(BOM);
  const text = new TextDecoder('utf-8').decode(bytes); // strips the BOM
  expect(text.endsWith('\r\n')).toBe(true);
  return Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
}

describe('exportCsv', () => {
  it('aging summary: one row per customer with an open balance, buckets on the due basis, TOTAL equal to the ledger aging', async () => {
    const { api, book } = await smallBook();
    const file = await api.exportCsv(book.id, 'agingSummary', { asOf: AS_OF, encoding: 'utf-8' });
    expect(file.filename).toBe('华东-代账-2025-aging-summary-2025-04-15.csv');
    expect(file.mime).toBe('text/csv;charset=utf-8');
    const rows = parse(file);
    expect(rows[0]).toEqual(['customer', 'not_due', '1-30', '31-60', '61-90', '91-180', '181-365', '>365', 'total']);
    // A-1 (due 02-09, 65 days) fully paid by 1000.00 of the 1300.00; A-2 (due 03-31, 15 days) has 200.00 open.
    expect(rows.slice(1)).toEqual([
      ['杭州恒达贸易有限公司', '0.00', '200.00', '0.00', '0.00', '0.00', '0.00', '0.00', '200.00'],
      ["'=HYPERLINK(\"http://x\")", '123.45', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '123.45'],
      ['TOTAL', '123.45', '200.00', '0.00', '0.00', '0.00', '0.00', '0.00', '323.45'],
    ]);
    const aging = await api.aging(book.id, AS_OF);
    expect(aging.invoiceTotal).toBe(32_345);
  });

  it('aging summary on the issue basis with other bounds', async () => {
    const { api, book } = await smallBook();
    const rows = parse(await api.exportCsv(book.id, 'agingSummary', { asOf: AS_OF, encoding: 'utf-8', basis: 'issue', bounds: [30, 60] }));
    expect(rows[0]).toEqual(['customer', '0-30', '31-60', '>60', 'total']);
    expect(rows.at(-1)).toEqual(['TOTAL', '123.45', '200.00', '0.00', '323.45']);
    await expect(api.exportCsv(book.id, 'agingSummary', { asOf: AS_OF, encoding: 'utf-8', bounds: [60, 30] })).rejects.toThrow(/aging.bounds/);
  });

  it('aging detail: open invoices only, with age and bucket', async () => {
    const { api, book } = await smallBook();
    const rows = parse(await api.exportCsv(book.id, 'agingDetail', { asOf: AS_OF, encoding: 'utf-8' }));
    expect(rows[0]).toEqual(['customer', 'invoice', 'issue_date', 'due_date', 'age_days', 'bucket', 'amount', 'balance']);
    expect(rows.slice(1).sort()).toEqual([
      ["'=HYPERLINK(\"http://x\")", "'-5", '2025-04-01', '2025-05-01', '-16', 'not_due', '123.45', '123.45'],
      ['杭州恒达贸易有限公司', 'A-2', '2025-03-01', '2025-03-31', '15', '1-30', '500.00', '200.00'],
    ]);
  });

  it('invoices: every invoice with balance and status; a text cell starting with "-" is neutralised, amounts stay numbers', async () => {
    const { api, book } = await smallBook();
    const rows = parse(await api.exportCsv(book.id, 'invoices', { asOf: AS_OF, encoding: 'utf-8' }));
    expect(rows[0]).toEqual(['invoice', 'customer', 'issue_date', 'due_date', 'amount', 'balance', 'days_overdue', 'status']);
    expect(rows.slice(1)).toEqual([
      ["'-5", "'=HYPERLINK(\"http://x\")", '2025-04-01', '2025-05-01', '123.45', '123.45', '0', 'open'],
      ['A-1', '杭州恒达贸易有限公司', '2025-01-10', '2025-02-09', '1000.00', '0.00', '0', 'paid'],
      ['A-2', '杭州恒达贸易有限公司', '2025-03-01', '2025-03-31', '500.00', '200.00', '15', 'overdue'],
    ]);
  });

  it('invoices of one customer, named after the customer', async () => {
    const { api, book, hengda } = await smallBook();
    const file = await api.exportCsv(book.id, 'invoices', { asOf: AS_OF, encoding: 'utf-8', customerId: hengda.id });
    expect(file.filename).toBe('华东-代账-2025-杭州恒达贸易有限公司-invoices-2025-04-15.csv');
    expect(parse(file).slice(1).map((r) => r[0])).toEqual(['A-1', 'A-2']);
  });

  it('customers: master data and balances', async () => {
    const { api, book } = await smallBook();
    const rows = parse(await api.exportCsv(book.id, 'customers', { asOf: AS_OF, encoding: 'utf-8' }));
    expect(rows[0]).toEqual(['customer', 'uscc', 'terms_days', 'credit_limit', 'contact', 'phone', 'email', 'wechat', 'address', 'tags', 'notes', 'open', 'overdue', 'credit']);
    const hengda = rows.find((r) => r[0] === '杭州恒达贸易有限公司');
    expect(hengda).toEqual(['杭州恒达贸易有限公司', '', '30', '5000.00', '王经理', "'+86 138 0000 0000", '', 'wx1', '', 'VIP', '', '200.00', '200.00', '0.00']);
    expect(rows.length).toBe(3);
  });

  it('payments with what is left unapplied, read from the records', async () => {
    const { api, book } = await smallBook();
    const rows = parse(await api.exportCsv(book.id, 'payments', { asOf: AS_OF, encoding: 'utf-8' }));
    expect(rows).toEqual([
      ['date', 'customer', 'amount', 'method', 'reference', 'unapplied'],
      ['2025-03-10', '杭州恒达贸易有限公司', '1300.00', 'bank', "'+REF", '0.00'],
    ]);
  });

  it('activities with the invoice number and the promise', async () => {
    const { api, book, evil } = await smallBook();
    const rows = parse(await api.exportCsv(book.id, 'activities', { asOf: AS_OF, encoding: 'utf-8' }));
    expect(rows).toEqual([
      ['date', 'customer', 'invoice', 'channel', 'stage', 'outcome', 'note', 'next_action_date', 'promise_amount', 'promise_date'],
      ['2025-03-01', '杭州恒达贸易有限公司', 'A-1', 'phone', '一催', 'promised', "'@note, \"quoted\"", '', '200.00', '2025-03-20'],
    ]);
    // Another customer's page exports none of them.
    expect(parse(await api.exportCsv(book.id, 'activities', { asOf: AS_OF, encoding: 'utf-8', customerId: evil.id }))).toHaveLength(1);
  });

  it('GBK: no BOM, and the bytes decode back to the same text as the UTF-8 file', async () => {
    const { api, book } = await smallBook();
    for (const report of ['agingSummary', 'customers', 'activities'] as const) {
      const utf8 = await api.exportCsv(book.id, report, { asOf: AS_OF, encoding: 'utf-8' });
      const gbk = await api.exportCsv(book.id, report, { asOf: AS_OF, encoding: 'gbk' });
      expect(gbk.mime).toBe('text/csv;charset=gbk');
      const gbkBytes = new Uint8Array(gbk.bytes);
      expect([...gbkBytes.slice(0, 3)]).not.toEqual(BOM);
      expect(gbkBytes.length).toBeLessThan(utf8.bytes.byteLength); // two bytes per Chinese character, not three
      expect(new TextDecoder('gbk').decode(gbkBytes)).toBe(new TextDecoder('utf-8').decode(utf8.bytes));
    }
  });

  it('refuses an unknown report and an unknown book', async () => {
    const { api, book } = await smallBook();
    await expect(api.exportCsv(book.id, 'ledger' as never, { asOf: AS_OF, encoding: 'utf-8' })).rejects.toThrow(RangeError);
    await expect(api.exportCsv('nope', 'invoices', { asOf: AS_OF, encoding: 'utf-8' })).rejects.toThrow(/book.notFound/);
  });
});
