// Customer statements through the worker API: a customer's invoices, a partial
// payment, a credit note, a charge and payments with credit left over, on both sides
// of a period. Opening and closing balances must agree with what customerDetail
// reports on the day before the period and on its last day; the CSV must read back
// with the same figures; bad periods are refused with the field named.
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { CustomerInput, InvoiceInput } from '../../../src/api/contract';
import type { StatementFile } from '../../../src/api/statements';
import { addDays } from '../../../src/domain/calendar';
import { formatPlain } from '../../../src/domain/money';
import type { Minor } from '../../../src/domain/types';
import type { WorkerApi } from '../../../workers/api';

const BOOK = bookInput('华东代账');
const customerInput = (name: string, address = ''): CustomerInput => ({
  name, uscc: '', termsDays: 30, creditLimit: null,
  contacts: [{ name: '王经理', phone: '', email: '', wechat: '', address }], tags: [], notes: '',
});
const invoiceInput = (customerId: string, number: string, issueDate: string, dueDate: string, amount: Minor): InvoiceInput => ({
  customerId, number, issueDate, dueDate, amount, currency: 'CNY', description: '', disputed: false, disputeReason: '',
});

const FROM = '2025-03-01';
const TO = '2025-03-31';
const start = workerApis();

/**
 * Before the period: I-1 1000.00, I-2 500.00, a partial payment of 600.00 (to I-1).
 * In it: I-3 300.00, a credit note of 100.00 on I-2, a charge of 20.00 on I-1, a payment
 * of 250.00 (auto, to I-1) and one of 300.00 with only 100.00 applied (to I-2).
 * After it: I-4 700.00 and a payment of 100.00. Another customer has an invoice too.
 */
async function book(api: WorkerApi) {
  const b = must(await api.createBook(BOOK));
  const c = must(await api.saveCustomer(b.id, customerInput('杭州恒达贸易有限公司', '杭州市西湖区文三路 1 号')));
  const other = must(await api.saveCustomer(b.id, customerInput('别的客户')));
  const i1 = must(await api.saveInvoice(b.id, invoiceInput(c.id, 'I-1', '2025-01-10', '2025-02-09', 100_000)));
  const i2 = must(await api.saveInvoice(b.id, invoiceInput(c.id, 'I-2', '2025-02-15', '2025-03-17', 50_000)));
  must(await api.saveInvoice(b.id, invoiceInput(other.id, 'X-1', '2025-03-02', '2025-04-01', 99_900)));
  must(await api.recordPayment(b.id, { customerId: c.id, date: '2025-02-20', amount: 60_000, method: 'bank', reference: 'P-0220', allocation: 'auto' }));
  must(await api.saveInvoice(b.id, invoiceInput(c.id, 'I-3', '2025-03-05', '2025-04-04', 30_000)));
  must(await api.addAdjustment(b.id, { kind: 'credit', invoiceId: i2.id, date: '2025-03-10', amount: 10_000, reason: '-退货折让', basis: '' }));
  must(await api.addAdjustment(b.id, { kind: 'charge', invoiceId: i1.id, date: '2025-03-15', amount: 2_000, reason: '逾期违约金', basis: '' }));
  must(await api.recordPayment(b.id, { customerId: c.id, date: '2025-03-20', amount: 25_000, method: 'bank', reference: '=SUM(A1)', allocation: 'auto' }));
  must(await api.recordPayment(b.id, {
    customerId: c.id, date: '2025-03-28', amount: 30_000, method: 'bank', reference: 'P-0328', allocation: [{ invoiceId: i2.id, amount: 10_000 }],
  }));
  must(await api.saveInvoice(b.id, invoiceInput(c.id, 'I-4', '2025-04-10', '2025-05-10', 70_000)));
  must(await api.recordPayment(b.id, { customerId: c.id, date: '2025-04-12', amount: 10_000, method: 'bank', reference: 'P-0412', allocation: 'auto' }));
  return { book: b, customer: c, other };
}

/** What the customer page says the customer owes on a day: open invoices less unapplied credit. */
async function owedOn(api: WorkerApi, bookId: string, customerId: string, day: string): Promise<Minor> {
  const detail = await api.customerDetail(bookId, customerId, day, 0);
  if (!detail) throw new Error('no customer detail');
  return detail.open - detail.credit;
}

function parse(file: StatementFile): string[][] {
  const bytes = new Uint8Array(file.bytes);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8').decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  return Papa.parse<string[]>(text.slice(0, -2), { newline: '\r\n' }).data;
}

describe('customerStatement', () => {
  it('opens and closes at the balances the customer page reports, with the period lines and their running balance', async () => {
    const { api } = start();
    const { book: b, customer } = await book(api);
    const s = must(await api.customerStatement(b.id, customer.id, FROM, TO));

    expect(s.openingBalance).toBe(await owedOn(api, b.id, customer.id, addDays(FROM, -1)));
    expect(s.closingBalance).toBe(await owedOn(api, b.id, customer.id, TO));
    expect(s.openingBalance).toBe(90_000);
    expect(s.closingBalance).toBe(57_000);
    expect(s.lines.map((l) => [l.date, l.kind, l.reference, l.debit, l.credit, l.balance])).toEqual([
      ['2025-03-05', 'invoice', 'I-3', 30_000, 0, 120_000],
      ['2025-03-10', 'credit', 'I-2', 0, 10_000, 110_000],
      ['2025-03-15', 'charge', 'I-1', 2_000, 0, 112_000],
      ['2025-03-20', 'payment', '=SUM(A1)', 0, 25_000, 87_000],
      ['2025-03-28', 'payment', 'P-0328', 0, 30_000, 57_000],
    ]);
    expect(s.totalDebit - s.totalCredit).toBe(s.closingBalance - s.openingBalance);
    expect(s).toMatchObject({ creditor: '华东代账', debtor: '杭州恒达贸易有限公司', currency: 'CNY', bounds: [30, 60, 90, 180, 365], from: FROM, to: TO });

    // The aging line is the customer page's aging on the last day; the unapplied part of P-0328 stands beside it.
    const detail = await api.customerDetail(b.id, customer.id, TO, 0);
    expect(s.aging.map((x) => x.amount)).toEqual(detail?.aging.buckets.map((x) => x.amount));
    expect(s.agingTotal).toBe(detail?.open);
    expect(s.unappliedCredit).toBe(detail?.credit);
    expect(s.unappliedCredit).toBe(20_000);
    expect(s.agingTotal - s.unappliedCredit).toBe(s.closingBalance);
  });

  it('agrees with the customer page for other periods too, including ones before and after all activity', async () => {
    const { api } = start();
    const { book: b, customer } = await book(api);
    const periods: [string, string][] = [
      ['2024-12-01', '2024-12-31'], ['2025-01-01', '2025-02-28'], ['2025-02-20', '2025-02-20'], ['2025-03-16', '2025-04-11'], ['2025-04-01', '2025-06-30'],
    ];
    for (const [from, to] of periods) {
      const s = must(await api.customerStatement(b.id, customer.id, from, to));
      expect(s.openingBalance, `${from} opening`).toBe(await owedOn(api, b.id, customer.id, addDays(from, -1)));
      expect(s.closingBalance, `${to} closing`).toBe(await owedOn(api, b.id, customer.id, to));
      expect(s.lines.every((l) => l.date >= from && l.date <= to)).toBe(true);
      expect(s.lines.at(-1)?.balance ?? s.openingBalance).toBe(s.closingBalance);
    }
  });

  it('renders the confirmation slip with the open items as of the last day, totalling the closing balance', async () => {
    const { api } = start();
    const { book: b, customer } = await book(api);
    const s = must(await api.customerStatement(b.id, customer.id, FROM, TO));
    const slip = s.confirmation;
    expect(slip.locale).toBe('zh-CN');
    expect(slip.replyBy).toBe('2025-04-14');
    const table = slip.blocks.find((x) => x.kind === 'invoices');
    if (!table || table.kind === 'text') throw new Error('no invoice table on the slip');
    expect(table.rows.map((r) => [r[0], r[4]])).toEqual([
      ['I-1', '170.00'], ['I-2', '300.00'], ['I-3', '300.00'], ['未核销收款 P-0328', '-200.00'],
    ]);
    expect(slip.text).toContain('致：杭州恒达贸易有限公司');
    expect(slip.text).toContain('地址：杭州市西湖区文三路 1 号');
    expect(slip.text).toContain('截至2025年3月31日');
    expect(slip.text).toContain('余额合计：¥570.00');
    expect(slip.text).toContain('人民币（大写）：伍佰柒拾元整');
    expect(slip.text).toContain('请在2025年4月14日前');
    expect(slip.text).toContain('单位（盖章）');
    // Not numbered: nothing is stored for a statement's slip.
    expect(slip.text).not.toContain('编号');

    const en = must(await api.customerStatement(b.id, customer.id, FROM, TO, { locale: 'en', replyBy: '2025-05-01' })).confirmation;
    expect(en.text).toContain('Balance: CNY 570.00');
    expect(en.text).toContain('by 2025-05-01');
    expect(en.text).toContain('Company (stamp)');
  });

  it('refuses malformed dates and a period that ends before it starts, naming the field', async () => {
    const { api } = start();
    const { book: b, customer } = await book(api);
    const fails = async (from: string, to: string, opts?: { replyBy: string }) => {
      const r = await api.customerStatement(b.id, customer.id, from, to, opts);
      if (r.ok) throw new Error(`accepted ${from}..${to}`);
      return r.errors.map((e) => [e.field, e.code]);
    };
    expect(await fails('2025-3-1', TO)).toEqual([['from', 'date.invalid']]);
    expect(await fails(FROM, '2025-02-30')).toEqual([['to', 'date.invalid']]);
    expect(await fails('', '')).toEqual([['from', 'date.invalid'], ['to', 'date.invalid']]);
    expect(await fails(TO, FROM)).toEqual([['to', 'statement.periodReversed']]);
    expect(await fails(FROM, TO, { replyBy: 'soon' })).toEqual([['replyBy', 'date.invalid']]);
    const csv = await api.statementCsv(b.id, customer.id, TO, FROM, 'utf-8');
    expect(csv.ok ? [] : csv.errors.map((e) => e.field)).toEqual(['to']);

    const unknown = await api.customerStatement(b.id, crypto.randomUUID(), FROM, TO);
    expect(unknown.ok ? null : unknown.errors[0]?.code).toBe('customer.notFound');
    // A one-day period is fine.
    expect(must(await api.customerStatement(b.id, customer.id, FROM, FROM)).lines).toEqual([]);
  });

  it("leaves out other customers' records", async () => {
    const { api } = start();
    const { book: b, other } = await book(api);
    const s = must(await api.customerStatement(b.id, other.id, FROM, TO));
    expect(s.lines.map((l) => l.reference)).toEqual(['X-1']);
    expect(s.closingBalance).toBe(99_900);
    expect(s.unappliedCredit).toBe(0);
  });
});

describe('statementCsv', () => {
  it('writes the statement as a UTF-8 CSV with a BOM whose figures read back as the statement', async () => {
    const { api } = start();
    const { book: b, customer } = await book(api);
    const s = must(await api.customerStatement(b.id, customer.id, FROM, TO));
    const file = must(await api.statementCsv(b.id, customer.id, FROM, TO, 'utf-8'));
    expect(file.filename).toBe('华东代账-杭州恒达贸易有限公司-statement-2025-03-01-2025-03-31.csv');
    expect(file.mime).toBe('text/csv;charset=utf-8');
    const rows = parse(file);
    const money = (m: Minor) => formatPlain(m, 2);

    expect(rows.slice(0, 3)).toEqual([
      ['creditor', 'customer', 'currency', 'from', 'to'],
      ['华东代账', '杭州恒达贸易有限公司', 'CNY', FROM, TO],
      [''],
    ]);
    expect(rows[3]).toEqual(['date', 'kind', 'reference', 'note', 'debit', 'credit', 'balance']);
    expect(rows[4]).toEqual([FROM, 'opening', '', '', '', '', money(s.openingBalance)]);
    const lines = rows.slice(5, 5 + s.lines.length);
    expect(lines).toEqual([
      ['2025-03-05', 'invoice', 'I-3', '', '300.00', '', '1200.00'],
      // Text that a spreadsheet would run as a formula gets an apostrophe; amounts stay plain numbers.
      ['2025-03-10', 'credit', 'I-2', "'-退货折让", '', '100.00', '1100.00'],
      ['2025-03-15', 'charge', 'I-1', '逾期违约金', '20.00', '', '1120.00'],
      ['2025-03-20', 'payment', "'=SUM(A1)", '', '', '250.00', '870.00'],
      ['2025-03-28', 'payment', 'P-0328', '', '', '300.00', '570.00'],
    ]);
    const closing = rows[5 + s.lines.length];
    expect(closing).toEqual([TO, 'closing', '', '', money(s.totalDebit), money(s.totalCredit), money(s.closingBalance)]);
    expect(closing?.[6]).toBe('570.00');
    // Every amount cell is a plain number a spreadsheet reads as one.
    for (const row of [...lines, closing ?? []]) for (const cell of row.slice(4)) expect(cell === '' || /^-?\d+\.\d{2}$/.test(cell)).toBe(true);

    const aging = rows.slice(6 + s.lines.length);
    expect(aging[0]).toEqual(['']);
    expect(aging[1]).toEqual(['aging_as_of', 'not_due', '1-30', '31-60', '61-90', '91-180', '181-365', '>365', 'invoices_total', 'unapplied_credit', 'balance']);
    expect(aging[2]).toEqual([TO, ...s.aging.map((x) => money(x.amount)), '770.00', '200.00', '570.00']);
    expect(aging[2]?.slice(1, 4)).toEqual(['300.00', '300.00', '170.00']);
    expect(aging.length).toBe(3);
  });

  it('writes GBK without a BOM when asked', async () => {
    const { api } = start();
    const { book: b, customer } = await book(api);
    const file = must(await api.statementCsv(b.id, customer.id, FROM, TO, 'gbk'));
    expect(file.mime).toBe('text/csv;charset=gbk');
    const bytes = new Uint8Array(file.bytes);
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('gbk').decode(bytes);
    const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(rows[1]).toEqual(['华东代账', '杭州恒达贸易有限公司', 'CNY', FROM, TO]);
    expect(rows.find((r) => r[1] === 'closing')?.[6]).toBe('570.00');
  });
});
