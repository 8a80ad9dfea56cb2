// Payments files: customer, date and a positive amount per row, with the date order
// read from the column and every problem at its line and column.
import { describe, expect, it } from 'vitest';
import { parsePaymentFile } from '../../../src/import/records';

const opts = { defaultCurrency: 'CNY' };

describe('parsePaymentFile', () => {
  it('maps English headers, reads day-first dates the column proves, and keeps code and name', () => {
    const f = parsePaymentFile([
      'Customer Code,Customer Name,Payment Date,Amount Received,Payment Method,Reference,Invoice Number',
      'C1,Acme Ltd,25/03/2025,"1,200.50",Bank,R1,INV-7',
      'C1,Acme Ltd,05/04/2025,10,Cash,R2,',
    ].join('\n'), opts);
    expect(f.mapping).toEqual({ customer: 0, customer_name: 1, date: 2, amount: 3, method: 4, reference: 5, invoice_number: 6 });
    expect(f.records).toEqual([
      { line: 2, customerKey: 'C1', customerName: 'Acme Ltd', date: '2025-03-25', amount: 120_050, method: 'Bank', reference: 'R1', invoiceNumber: 'INV-7' },
      { line: 3, customerKey: 'C1', customerName: 'Acme Ltd', date: '2025-04-05', amount: 1_000, method: 'Cash', reference: 'R2', invoiceNumber: '' },
    ]);
  });

  it('reports missing and bad values at their line and column and leaves those rows out', () => {
    const f = parsePaymentFile([
      '客户,日期,金额,备注',
      ',2025-01-02,10,a',
      '甲公司,,10,b',
      '甲公司,2025-13-45,10,c',
      '甲公司,2025-01-02,0,d',
      '甲公司,2025-01-02,abc,e',
      '甲公司,2025年1月3日,￥20.005,f',
    ].join('\n'), opts);
    const got = f.problems.map((p) => [p.line, p.severity, p.column, p.code]);
    expect(got).toEqual([
      [2, 'error', '客户', 'required'],
      [3, 'error', '日期', 'required'],
      [4, 'error', '日期', 'date.invalid'],
      [5, 'error', '金额', 'money.zero'],
      [6, 'error', '金额', 'money.invalid'],
      [7, 'warning', '金额', 'import.rounded'],
    ]);
    expect(f.records).toEqual([expect.objectContaining({ line: 7, customerKey: '甲公司', date: '2025-01-03', amount: 2_001, reference: 'f' })]);
  });

  it('needs a customer, a date and an amount column', () => {
    const f = parsePaymentFile('Customer,Amount\nAcme,10\n', opts);
    expect(f.records).toEqual([]);
    expect(f.problems).toEqual([expect.objectContaining({ line: 1, code: 'import.unmapped', params: { fields: 'date' } })]);
  });
});
