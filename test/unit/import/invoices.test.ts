import { describe, expect, it } from 'vitest';
import { parseInvoiceFile } from '../../../src/import/invoices';
import type { ImportOptions, ImportProblem } from '../../../src/import/types';
import { encodeGb18030, encodeUtf8 } from './helpers/encode';

const base: ImportOptions = { defaultCurrency: 'CNY', defaultTermsDays: 30, importDate: '2024-06-30' };
const parse = (text: string | Uint8Array, extra: Partial<ImportOptions> = {}) => parseInvoiceFile(text, { ...base, ...extra });
const brief = (p: ImportProblem) => [p.severity, p.line, p.column, p.code];
const csv = (...lines: string[]) => lines.join('\n') + '\n';
const H = 'Invoice No,Customer,Invoice Date,Due Date,Amount';

describe('parseInvoiceFile: values', () => {
  it('reads a plain file into invoices with minor units and ISO dates', () => {
    const f = parse(csv(H, 'A-1,Acme,2024-01-05,2024-02-04,"1,234.56"', 'A-2,Beta,2024/1/6,,99'));
    expect(f.problems).toEqual([]);
    expect(f.delimiter).toBe(',');
    expect(f.headerLine).toBe(1);
    expect(f.rows).toBe(2);
    expect(f.mapping).toEqual({ number: 0, customer: 1, issue_date: 2, due_date: 3, amount: 4 });
    expect(f.invoices).toEqual([
      { line: 2, number: 'A-1', customerKey: 'Acme', customerName: 'Acme', issueDate: '2024-01-05', dueDate: '2024-02-04', amount: 123456, currency: 'CNY', description: '', disputed: false, payments: [] },
      { line: 3, number: 'A-2', customerKey: 'Beta', customerName: 'Beta', issueDate: '2024-01-06', dueDate: '2024-02-05', amount: 9900, currency: 'CNY', description: '', disputed: false, payments: [] },
    ]);
  });

  it('uses each row\'s currency for its digits and rounds extra decimals with a warning', () => {
    const f = parse(csv('Invoice,Customer,Date,Amount,Currency', 'J-1,Tanaka,2024-01-05,1500,JPY', 'J-2,Tanaka,2024-01-05,1500.5,jpy', 'C-1,Li,2024-01-05,10.125,'));
    expect(f.invoices.map((i) => [i.number, i.amount, i.currency])).toEqual([['J-1', 1500, 'JPY'], ['J-2', 1501, 'JPY'], ['C-1', 1013, 'CNY']]);
    expect(f.problems.map(brief)).toEqual([['warning', 3, 'Amount', 'import.rounded'], ['warning', 4, 'Amount', 'import.rounded']]);
  });

  it('due date: the due column, else issue + terms, else issue + default terms; due before issue warns', () => {
    const f = parse(csv('Invoice,Customer,Date,Due Date,Terms,Amount', 'A,x,2024-01-31,2024-03-01,10,1', 'B,x,2024-01-31,,Net 15,1', 'C,x,2024-01-31,,,1', 'D,x,2024-01-31,2024-01-01,,1'));
    expect(f.invoices.map((i) => i.dueDate)).toEqual(['2024-03-01', '2024-02-15', '2024-03-01', '2024-01-01']);
    expect(f.problems.map(brief)).toEqual([['warning', 5, 'Due Date', 'import.dueBeforeIssue']]);
  });

  it('unreadable terms are an error only when no due date is given', () => {
    const f = parse(csv('Invoice,Customer,Date,Due Date,Terms,Amount', 'A,x,2024-01-31,2024-03-01,soon,1', 'B,x,2024-01-31,,soon,1'));
    expect(f.invoices.map((i) => i.number)).toEqual(['A']);
    expect(f.problems.map(brief)).toEqual([['error', 3, 'Terms', 'import.terms']]);
  });

  it('reads the disputed column', () => {
    const f = parse(csv('Invoice,Customer,Date,Amount,争议', 'A,x,2024-01-01,1,是', 'B,x,2024-01-01,1,', 'C,x,2024-01-01,1,Y', 'D,x,2024-01-01,1,perhaps'));
    expect(f.invoices.map((i) => i.disputed)).toEqual([true, false, true, false]);
    expect(f.problems.map(brief)).toEqual([['warning', 5, '争议', 'import.disputedValue']]);
  });

  it('missing required values are errors naming the column; the row is left out', () => {
    const f = parse(csv(H, ',Acme,2024-01-05,,1', 'A-2,,2024-01-05,,1', 'A-3,Acme,,,1', 'A-4,Acme,2024-01-05,,', 'A-5,Acme,2024-01-05,,abc', 'A-6,Acme,2024-02-30,,1', 'A-7,Acme,2024-01-05,,1'));
    expect(f.invoices.map((i) => i.number)).toEqual(['A-7']);
    expect(f.problems.map(brief)).toEqual([
      ['error', 2, 'Invoice No', 'required'],
      ['error', 3, 'Customer', 'required'],
      ['error', 4, 'Invoice Date', 'required'],
      ['error', 5, 'Amount', 'required'],
      ['error', 6, 'Amount', 'money.invalid'],
      ['error', 7, 'Invoice Date', 'date.invalid'],
    ]);
    expect(f.problems[5]?.message).toContain('2024-02-30');
  });

  it('zero and negative invoices are refused; unknown currencies too', () => {
    const f = parse(csv('Invoice,Customer,Date,Amount,Currency', 'A,x,2024-01-01,0,', 'B,x,2024-01-01,-5,', 'C,x,2024-01-01,5,ZZZ'));
    expect(f.invoices).toEqual([]);
    expect(f.problems.map(brief)).toEqual([
      ['error', 2, 'Amount', 'money.zero'],
      ['error', 3, 'Amount', 'money.negative'],
      ['error', 4, 'Currency', 'import.currency'],
    ]);
  });

  it('a customer code and name: the code is the key', () => {
    const f = parse(csv('单据编号,客户编码,客户名称,单据日期,应收金额', 'X1,C001,明远科技,2024-01-05,100', 'X2,,青禾餐饮,2024-01-05,100'));
    expect(f.invoices.map((i) => [i.customerKey, i.customerName])).toEqual([['C001', '明远科技'], ['青禾餐饮', '青禾餐饮']]);
  });

  it('keeps leading zeros and undoes Excel\'s ="..." and formula-safe apostrophes', () => {
    const f = parse(csv(H, '="000123",\'=Acme,2024-01-05,,1'));
    expect(f.invoices[0]?.number).toBe('000123');
    expect(f.invoices[0]?.customerName).toBe('=Acme');
  });
});

describe('parseInvoiceFile: payments', () => {
  const P = 'Invoice,Customer,Date,Amount,Paid,Paid Date';
  it('paid amount with date; paid date alone is paid in full; amount alone is paid on the import date with a warning', () => {
    const f = parse(csv(P, 'A,x,2024-01-01,100,40,2024-02-01', 'B,x,2024-01-01,100,,2024-02-02', 'C,x,2024-01-01,100,30,', 'D,x,2024-01-01,100,0,', 'E,x,2024-01-01,100,,'));
    expect(f.invoices.map((i) => i.payments)).toEqual([
      [{ date: '2024-02-01', amount: 4000 }],
      [{ date: '2024-02-02', amount: 10000 }],
      [{ date: '2024-06-30', amount: 3000 }],
      [],
      [],
    ]);
    expect(f.problems.map(brief)).toEqual([['warning', 4, 'Paid', 'import.paidNoDate']]);
  });

  it('a lone dash (Excel accounting zero) in a money column is zero', () => {
    const f = parse(csv(P, 'A,x,2024-01-01,100, - ,', 'B,x,2024-01-01,-,,'));
    expect(f.invoices.map((i) => [i.number, i.payments])).toEqual([['A', []]]);
    expect(f.problems.map(brief)).toEqual([['error', 3, 'Amount', 'money.zero']]);
  });

  it('paying more than the amount, or a negative payment, is an error', () => {
    const f = parse(csv(P, 'A,x,2024-01-01,100,100.01,2024-02-01', 'B,x,2024-01-01,100,-1,2024-02-01'));
    expect(f.invoices).toEqual([]);
    expect(f.problems.map(brief)).toEqual([['error', 2, 'Paid', 'import.overpaid'], ['error', 3, 'Paid', 'money.negative']]);
  });

  it('a balance column gives the paid part; when it disagrees with the paid column the balance wins', () => {
    const f = parse(csv('Invoice,Customer,Date,Amount,Amount Paid,Balance Due', 'A,x,2024-01-01,100,,25', 'B,x,2024-01-01,100,50,50', 'C,x,2024-01-01,100,50,20', 'D,x,2024-01-01,100,,120'));
    expect(f.invoices.map((i) => [i.number, i.payments])).toEqual([
      ['A', [{ date: '2024-06-30', amount: 7500 }]],
      ['B', [{ date: '2024-06-30', amount: 5000 }]],
      ['C', [{ date: '2024-06-30', amount: 8000 }]],
    ]);
    expect(f.problems.map(brief)).toEqual([
      ['warning', 2, 'Balance Due', 'import.paidNoDate'],
      ['warning', 3, 'Amount Paid', 'import.paidNoDate'],
      ['warning', 4, 'Balance Due', 'import.balanceMismatch'],
      ['warning', 4, 'Balance Due', 'import.paidNoDate'],
      ['error', 5, 'Balance Due', 'import.balanceAboveAmount'],
    ]);
  });
});

describe('parseInvoiceFile: line items and duplicates', () => {
  const L = 'Invoice,Customer,Date,Item,Amount,Paid,Paid Date';
  it('groups rows by invoice number and adds their amounts', () => {
    const f = parse(csv(L, 'A,x,2024-01-01,one,100.10,,', 'B,y,2024-01-02,two,5,,', 'A,x,2024-01-01,three,-0.10,,', 'A,x,2024-01-01,four,50,,2024-03-01'));
    expect(f.invoices.map((i) => [i.number, i.line, i.amount, i.description, i.payments])).toEqual([
      ['A', 2, 15000, 'one; three; four', [{ date: '2024-03-01', amount: 5000 }]],
      ['B', 3, 500, 'two', []],
    ]);
  });

  it('an identical row is read once with a warning', () => {
    const f = parse(csv(L, 'A,x,2024-01-01,one,100,,', 'A,x,2024-01-01,one,100,,'));
    expect(f.invoices.map((i) => i.amount)).toEqual([10000]);
    expect(f.problems).toEqual([
      { severity: 'warning', line: 3, column: null, code: 'import.duplicateRow', params: { first: 2 }, message: expect.stringContaining('line 2') },
    ]);
  });

  it('rows of one invoice that disagree on customer or issue date reject the invoice', () => {
    const f = parse(csv(L, 'A,x,2024-01-01,one,1,,', 'A,z,2024-01-01,two,1,,', 'B,x,2024-01-01,one,1,,', 'B,x,2024-01-02,two,1,,', 'C,x,2024-01-01,one,1,,'));
    expect(f.invoices.map((i) => i.number)).toEqual(['C']);
    expect(f.problems.map(brief)).toEqual([['error', 3, 'Customer', 'import.groupConflict'], ['error', 5, 'Date', 'import.groupConflict']]);
  });

  it('an error in one line item leaves the whole invoice out (no partial sums)', () => {
    const f = parse(csv(L, 'A,x,2024-01-01,one,1,,', 'A,x,2024-01-01,two,oops,,'));
    expect(f.invoices).toEqual([]);
    expect(f.problems.map(brief)).toEqual([['error', 2, 'Invoice', 'import.groupIncomplete'], ['error', 3, 'Amount', 'money.invalid']]);
  });

  it('totals repeated on each line item are taken once and must agree', () => {
    const T = 'InvoiceNumber,ContactName,InvoiceDate,Total,LineAmount';
    const f = parse(csv(T, 'A,x,2024-01-01,300,100', 'A,x,2024-01-01,300,200', 'B,x,2024-01-01,10,10', 'B,x,2024-01-01,11,1'));
    expect(f.groupAmounts).toBe('same');
    expect(f.invoices.map((i) => [i.number, i.amount])).toEqual([['A', 30000]]);
    expect(f.problems.map(brief)).toEqual([['error', 5, 'Total', 'import.groupConflict']]);
    expect(parse(csv(T, 'A,x,2024-01-01,300,100', 'A,x,2024-01-01,300,200'), { groupAmounts: 'sum' }).invoices[0]?.amount).toBe(60000);
  });

  it('skips total and note lines below the rows, and filters status rows', () => {
    const f = parse(csv(H + ',Status', 'A,x,2024-01-01,,1,Open', 'B,x,2024-01-01,,2,Voided', 'C,x,2024-01-01,,3,voided', 'Total,,,,6,', '合计：,,,,6,', 'Printed by Overdue,,,,,'), {
      filters: [{ column: 'Status', skip: ['Voided'] }],
    });
    expect(f.invoices.map((i) => i.number)).toEqual(['A']);
    expect(f.problems.map(brief)).toEqual([
      ['warning', 3, 'Status', 'import.filtered'],
      ['warning', 5, null, 'import.rowSkipped'],
      ['warning', 6, null, 'import.rowSkipped'],
      ['warning', 7, null, 'import.rowSkipped'],
    ]);
    expect(f.problems[0]?.params).toEqual({ value: 'Voided', count: 2 });
  });
});

describe('parseInvoiceFile: date order', () => {
  const D = 'Invoice,Customer,Date,Due Date,Amount';
  it('detects day-first from a value above 12 in the first part', () => {
    const f = parse(csv(D, 'A,x,05/01/2024,,1', 'B,x,13/01/2024,,1'));
    expect(f.dateOrders.issue_date).toBe('dmy');
    expect(f.invoices.map((i) => i.issueDate)).toEqual(['2024-01-05', '2024-01-13']);
  });

  it('detects month-first from a value above 12 in the second part', () => {
    const f = parse(csv(D, 'A,x,05/01/2024,,1', 'B,x,01/13/2024,,1'));
    expect(f.invoices.map((i) => i.issueDate)).toEqual(['2024-05-01', '2024-01-13']);
  });

  it('an undecidable column is an error naming the column with an example', () => {
    const f = parse(csv(D, 'A,x,2024-01-01,,1', 'B,x,05/01/2024,,1', 'C,x,06/02/2024,,1'));
    expect(f.invoices.map((i) => i.number)).toEqual(['A']);
    expect(f.problems).toHaveLength(1);
    expect(f.problems[0]).toMatchObject({ severity: 'error', line: 3, column: 'Date', code: 'date.ambiguous', params: { example: '05/01/2024', count: 2 } });
    expect(f.problems[0]?.message).toContain('05/01/2024');
  });

  it('a column mixing both orders is an error', () => {
    const f = parse(csv(D, 'A,x,13/01/2024,,1', 'B,x,01/13/2024,,1', 'C,x,05/05/2024,,1'));
    expect(f.invoices.map((i) => i.number)).toEqual(['C']);
    expect(f.problems.map(brief)).toEqual([['error', 2, 'Date', 'date.ambiguous']]);
  });

  it('a column that cannot tell takes the order its neighbour columns show', () => {
    const f = parse(csv(D, 'A,x,20/01/2024,05/02/2024,1'));
    expect(f.dateOrders).toEqual({ issue_date: 'dmy', due_date: 'dmy' });
    expect(f.invoices[0]?.dueDate).toBe('2024-02-05');
  });

  it('an explicit order wins and makes impossible dates errors', () => {
    const f = parse(csv(D, 'A,x,05/01/2024,,1', 'B,x,13/01/2024,,1'), { dateOrder: 'mdy' });
    expect(f.invoices.map((i) => i.issueDate)).toEqual(['2024-05-01']);
    expect(f.problems.map(brief)).toEqual([['error', 3, 'Date', 'date.invalid']]);
  });

  it('reads month names, Excel serials and Chinese dates without an order', () => {
    const f = parse(csv(D, 'A,x,15 Jan 2024,"Feb 1, 2024",1', 'B,x,45296,,1', 'C,x,2024年1月5日,,1'));
    expect(f.invoices.map((i) => [i.issueDate, i.dueDate])).toEqual([
      ['2024-01-15', '2024-02-01'],
      ['2024-01-05', '2024-02-04'],
      ['2024-01-05', '2024-02-04'],
    ]);
  });
});

describe('parseInvoiceFile: line numbers', () => {
  it('points at physical lines below a preamble, blank lines and multi-line cells', () => {
    const text = [
      'Receivables ledger', // 1
      'Printed on 2024-06-30', // 2
      '', // 3
      'Invoice No,Customer,Invoice Date,Amount,Memo', // 4
      'A-1,Acme,2024-01-01,10,"two', // 5
      'lines"', // 6
      '', // 7
      'A-2,Acme,2024-01-01,bad,x', // 8
      'A-3,"Multi', // 9
      'line', // 10
      'name",2024-01-01,"1', // 11
      '000",x', // 12  (amount "1\n000" is invalid)
      'A-4,Acme,2024-13-01,1,x', // 13
      '', // 14
    ].join('\r\n');
    const f = parse(text);
    expect(f.headerLine).toBe(4);
    expect(f.rows).toBe(4);
    expect(f.invoices.map((i) => [i.number, i.line])).toEqual([['A-1', 5]]);
    expect(f.problems.map(brief)).toEqual([
      ['error', 8, 'Amount', 'money.invalid'],
      ['error', 9, 'Amount', 'money.invalid'],
      ['error', 13, 'Invoice Date', 'date.invalid'],
    ]);
  });

  it('reports an unclosed quote on the line it opens', () => {
    const f = parse(csv(H, 'A-1,Acme,2024-01-01,,1', 'A-2,"Acme,2024-01-01,,1', 'A-3,Acme,2024-01-01,,1'));
    expect(f.invoices.map((i) => i.number)).toEqual(['A-1']);
    expect(f.problems.map(brief)[0]).toEqual(['error', 3, null, 'import.unclosedQuote']);
  });
});

describe('parseInvoiceFile: files and mapping', () => {
  it('decodes GBK bytes with Chinese headers', () => {
    const f = parse(encodeGb18030(csv('发票号,客户名称,开票日期,到期日,价税合计', 'F-1,上海明远,2024-01-05,2024-02-05,"¥1,130.00"')));
    expect(f.encoding).toBe('gb18030');
    expect(f.invoices[0]).toMatchObject({ number: 'F-1', customerName: '上海明远', amount: 113000 });
  });

  it('warns when bytes do not fit the chosen encoding', () => {
    const f = parse(encodeGb18030(csv(H, 'A-1,上海明远,2024-01-05,,1')), { encoding: 'utf-8' });
    expect(f.problems.map(brief)).toEqual([['warning', 2, null, 'import.badBytes']]);
  });

  it('an unknown encoding or unusable delimiter is one error and no rows', () => {
    const f = parse(encodeUtf8(csv(H)), { encoding: 'nope' });
    expect(f.problems.map(brief)).toEqual([['error', 1, null, 'import.encoding']]);
    const g = parse(csv(H), { delimiter: '"' });
    expect(g.problems.map(brief)).toEqual([['error', 1, null, 'import.delimiter']]);
  });

  it('no header row is one error', () => {
    const f = parse(csv('foo,bar', '1,2'));
    expect(f.invoices).toEqual([]);
    expect(f.problems.map(brief)).toEqual([['error', 1, null, 'import.noHeader']]);
  });

  it('a required field without a column is one error', () => {
    const f = parse(csv('Invoice,Customer,Amount', 'A,x,1'));
    expect(f.problems.map(brief)).toEqual([['error', 1, null, 'import.unmapped']]);
    expect(f.problems[0]?.params).toEqual({ fields: 'issue_date' });
  });

  it('maps by the user\'s headers or column numbers, and a given header line', () => {
    const text = csv('title', 'Ref,Who,When,How much', '1,a,2024-01-01,5');
    const m = { number: 'Ref', customer: 'Who', issue_date: 'When', amount: 'How much' };
    expect(parse(text, { map: m }).invoices).toHaveLength(1);
    const byNumber = parse(text, { map: { number: '1', customer: '2', issue_date: '3', amount: '4' }, headerLine: 2 });
    expect(byNumber.headerLine).toBe(2);
    expect(byNumber.invoices.map((i) => i.amount)).toEqual([500]);
  });

  it('a mapped column the file lacks: an error for a required field, a warning otherwise', () => {
    const f = parse(csv(H, 'A,x,2024-01-01,,1'), { map: { description: 'Notes' } });
    expect(f.invoices).toHaveLength(1);
    expect(f.problems.map(brief)).toEqual([['warning', 1, 'Notes', 'import.mapColumnMissing']]);
    const g = parse(csv(H, 'A,x,2024-01-01,,1'), { map: { amount: 'Sum' } });
    expect(g.invoices).toEqual([]);
    expect(g.problems.map(brief)).toEqual([['error', 1, 'Sum', 'import.mapColumnMissing']]);
  });

  it('detects ; and tab files and comma decimals when asked', () => {
    const f = parse(csv('Invoice;Customer;Date;Amount', 'A;x;2024-01-01;1.234,56'), { commaDecimal: true });
    expect(f.delimiter).toBe(';');
    expect(f.invoices[0]?.amount).toBe(123456);
    expect(parse(csv('Invoice\tCustomer\tDate\tAmount', 'A\tx\t2024-01-01\t1,234.56')).invoices[0]?.amount).toBe(123456);
  });
});
