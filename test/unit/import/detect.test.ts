import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/import/csv';
import { detectDelimiter } from '../../../src/import/delimiter';
import { findHeaderRow, headerScore } from '../../../src/import/header';
import { resolveMapping } from '../../../src/import/mapping';
import { isLineAmountHeader, matchHeader } from '../../../src/import/synonyms';

const best = (h: string) => matchHeader(h)[0]?.field ?? null;

describe('detectDelimiter', () => {
  it('picks the separator that splits rows consistently', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2,5;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(detectDelimiter('Invoice\tCustomer\tAmount\nA-1\tAcme, Inc\t1,234.50\nA-2\tBeta\t99\n')).toBe('\t');
  });

  it('ignores delimiters inside quoted cells', () => {
    expect(detectDelimiter('"a;x";"b,y,z"\n"1,2";"3,4,5"\n"5;6";"7"\n')).toBe(';');
    expect(detectDelimiter('name,note\n"Foo; Bar","a;b;c;d"\n"x","y;z"\n')).toBe(',');
  });

  it('is not misled by quoted cells holding commas and line breaks in a tab file', () => {
    // Read with ',' the quotes go wrong, the row breaks at the line break and its
    // pieces look like more two-cell rows than the real ten-cell rows (fast-check found it).
    const row = '"0.01"\t"d#1"\t"客,\n,"\t"N0_"\t"CNY"';
    const text = `"Amount"\t"Description"\t"Customer Name"\t"Invoice No."\t"Currency"\n${row}\n${row}\n`;
    expect(detectDelimiter(text)).toBe('\t');
  });

  it('is not misled by preamble lines', () => {
    expect(detectDelimiter('Report, printed 2024-01-05\n\nInv;Cust;Amt\n1;A;2\n2;B;3\n')).toBe(';');
  });

  it('honours Excel\'s sep= line', () => {
    expect(detectDelimiter('sep=;\na,b;c\n')).toBe(';');
  });

  it('defaults to comma for one-column text', () => {
    expect(detectDelimiter('just\none\ncolumn\n')).toBe(',');
  });
});

describe('synonyms', () => {
  it('matches English and Chinese names regardless of case, spacing, punctuation and width', () => {
    expect(best('Invoice No.')).toBe('number');
    expect(best('INVOICE #')).toBe('number');
    expect(best('invoice_number')).toBe('number');
    expect(best('InvoiceNumber')).toBe('number');
    expect(best('发票号码：')).toBe('number');
    expect(best('单据编号')).toBe('number');
    expect(best('Ｉｎｖｏｉｃｅ　Ｄａｔｅ')).toBe('issue_date');
    expect(best('开票日期')).toBe('issue_date');
    expect(best('到期日')).toBe('due_date');
    expect(best('Customer Name')).toBe('customer_name');
    expect(best('ContactName')).toBe('customer_name');
    expect(best('客户名称')).toBe('customer_name');
    expect(best('单位名称')).toBe('customer_name');
    expect(best('Customer ID')).toBe('customer');
    expect(best('Client')).toBe('customer');
    expect(best('价税合计')).toBe('amount');
    expect(best('Amount (CNY)')).toBe('amount');
    expect(best('金额（元）')).toBe('amount');
    expect(best('Paid to Date')).toBe('paid_amount');
    expect(best('已收金额')).toBe('paid_amount');
    expect(best('Date Paid')).toBe('paid_date');
    expect(best('Clear Date')).toBe('paid_date');
    expect(best('币种')).toBe('currency');
    expect(best('争议')).toBe('disputed');
    expect(best('账期(天)')).toBe('terms_days');
    expect(best('摘要')).toBe('description');
  });

  it('knows what owed-amount columns mean: a balance, never the amount or the paid part', () => {
    for (const h of ['Balance Due', 'Amount Due', 'Open Balance', 'InvoiceAmountDue', '未收金额', 'Balance']) {
      expect(matchHeader(h).map((m) => m.field), h).toEqual(['balance']);
    }
  });

  it('leaves look-alikes unmapped', () => {
    for (const h of ['Subtotal', 'TaxTotal', '税额', '序号', '单位', 'AccountCode', 'Days', 'Quantity', 'EmailAddress']) {
      expect(matchHeader(h), h).toEqual([]);
    }
  });

  it('tells line amounts from invoice totals', () => {
    expect(isLineAmountHeader('LineAmount')).toBe(true);
    expect(isLineAmountHeader('Item Total')).toBe(true);
    expect(isLineAmountHeader('Total')).toBe(false);
  });
});

describe('resolveMapping', () => {
  it('gives an id column the customer and a generic one the name', () => {
    const { mapping } = resolveMapping(['Customer', 'Customer ID', 'Invoice', 'Total', 'Date']);
    expect(mapping).toEqual({ customer: 1, customer_name: 0, number: 2, amount: 3, issue_date: 4 });
  });

  it('prefers the exact name over a generic one', () => {
    const { mapping } = resolveMapping(['Date', 'Due', 'Invoice Date', 'Due Date', 'No.', 'Invoice No', 'Amount']);
    expect(mapping.issue_date).toBe(2);
    expect(mapping.due_date).toBe(3);
    expect(mapping.number).toBe(5);
  });

  it('takes the user\'s map first, by header or 1-based column number, and reports missing columns', () => {
    const r = resolveMapping(['A', 'B', 'Amount', 'D'], { number: 'a', customer: '2', issue_date: '4', description: 'Nope', amount: '' });
    expect(r.mapping).toEqual({ number: 0, customer: 1, issue_date: 3 });
    expect(r.missing).toEqual([{ field: 'description', wanted: 'Nope' }]);
  });
});

describe('findHeaderRow', () => {
  it('finds the header below titles, blank lines and a printed-on line', () => {
    const rows = readCsv('ACME Ltd\nAged receivables\nPrinted on 2024-03-01\n\nInvoice No,Customer,Date,Amount\nA-1,X,2024-01-01,5\n', ',');
    expect(rows[findHeaderRow(rows)]?.line).toBe(5);
  });

  it('needs an amount and a number or customer column', () => {
    expect(headerScore(['Invoice', 'Date'])).toBe(0);
    expect(headerScore(['Amount', 'Date'])).toBe(0);
    expect(headerScore(['Amount', 'Customer', 'Date', 'Foo'])).toBe(3);
  });

  it('takes the row naming the most columns', () => {
    const rows = readCsv('Customer,Amount\nInvoice No,Customer,Invoice Date,Due Date,Amount\n', ',');
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('finds a header of the user\'s own names when the map names them', () => {
    const rows = readCsv('title\nRef,Who,When,How much\n1,a,2024-01-01,5\n', ',');
    expect(findHeaderRow(rows)).toBe(-1);
    expect(findHeaderRow(rows, ['Ref', 'How much'])).toBe(1);
  });

  it('gives up after 30 rows', () => {
    const pre = Array.from({ length: 31 }, (_, i) => `note ${i}`).join('\n');
    expect(findHeaderRow(readCsv(`${pre}\nInvoice,Amount\n`, ','))).toBe(-1);
  });
});
