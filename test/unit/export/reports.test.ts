import { describe, expect, it } from 'vitest';
import {
  activityRows, agingDetailRows, agingSummary, agingSummaryRows, bucketColumn, customerRows, invoiceRows, paymentRows,
} from '../../../src/export/reports';
import { toCsv } from '../../../src/export/csv';
import { DEFAULT_BOUNDS, bucketRanges } from '../../../src/domain/aging';
import type { Activity, Customer, Payment } from '../../../src/domain/types';
import type { InvoiceRow } from '../../../src/api/contract';

const stamped = { bookId: 'b', updatedAt: 's', deleted: 0 as const };

describe('bucketColumn', () => {
  it('names the default due-basis buckets', () => {
    expect(bucketRanges(DEFAULT_BOUNDS, 'due').map(bucketColumn)).toEqual(['not_due', '1-30', '31-60', '61-90', '91-180', '181-365', '>365']);
  });
  it('names issue-basis buckets', () => {
    expect(bucketRanges([365, 730, 1095], 'issue').map(bucketColumn)).toEqual(['0-365', '366-730', '731-1095', '>1095']);
  });
});

describe('aging summary by customer', () => {
  const ranges = bucketRanges([30, 60], 'due');
  const table = agingSummary(
    [
      { customer: 'Beta', buckets: [0, 500, 0, 0] },
      { customer: 'Paid up', buckets: [0, 0, 0, 0] },
      { customer: 'Alpha', buckets: [100, 0, 200, 200] },
      { customer: '=Evil', buckets: [0, 0, 0, 500] },
      { customer: 'Credit', buckets: [-300, 0, 0, 0] },
    ],
    ranges,
  );

  it('keeps customers with a balance, largest total first, ties by name, and totals every bucket', () => {
    expect(table.columns).toEqual(['customer', 'not_due', '1-30', '31-60', '>60', 'total']);
    expect(table.rows.map((r) => [r.customer, r.total])).toEqual([['=Evil', 500], ['Alpha', 500], ['Beta', 500], ['Credit', -300]]);
    expect(table.total).toEqual({ buckets: [-200, 500, 200, 700], total: 1200 });
  });

  it('writes plain decimals, a TOTAL row last, and neutralises a formula-like name', () => {
    expect(toCsv(agingSummaryRows(table, 2))).toBe(
      'customer,not_due,1-30,31-60,>60,total\r\n' +
      "'=Evil,0.00,0.00,0.00,5.00,5.00\r\n" +
      'Alpha,1.00,0.00,2.00,2.00,5.00\r\n' +
      'Beta,0.00,5.00,0.00,0.00,5.00\r\n' +
      'Credit,-3.00,0.00,0.00,0.00,-3.00\r\n' +
      'TOTAL,-2.00,5.00,2.00,7.00,12.00\r\n',
    );
  });

  it('refuses a customer whose buckets do not match the ranges', () => {
    expect(() => agingSummary([{ customer: 'x', buckets: [1] }], ranges)).toThrow(RangeError);
  });
});

const invoice = (over: Partial<InvoiceRow>): InvoiceRow => ({
  id: 'i', number: 'INV-1', customerId: 'c1', customerName: 'Alpha', customerSuspended: false, issueDate: '2024-01-01', dueDate: '2024-01-31',
  amount: 10_000, balance: 10_000, daysOverdue: 0, status: 'open', ...over,
});

describe('aging detail per invoice', () => {
  const invoices = [
    invoice({ number: 'A', dueDate: '2024-03-31', balance: 4_000 }),
    invoice({ number: 'B', dueDate: '2024-03-01' }),
    invoice({ number: 'paid', balance: 0 }),
    invoice({ number: 'C', issueDate: '2023-01-01', dueDate: '2023-01-31', balance: -50 }),
  ];

  it('ages each open invoice on the due basis', () => {
    expect(toCsv(agingDetailRows(invoices, '2024-03-31', DEFAULT_BOUNDS, 'due', 2))).toBe(
      'customer,invoice,issue_date,due_date,age_days,bucket,amount,balance\r\n' +
      'Alpha,A,2024-01-01,2024-03-31,0,not_due,100.00,40.00\r\n' +
      'Alpha,B,2024-01-01,2024-03-01,30,1-30,100.00,100.00\r\n' +
      'Alpha,C,2023-01-01,2023-01-31,425,>365,100.00,-0.50\r\n',
    );
  });

  it('ages on the issue basis', () => {
    const rows = agingDetailRows(invoices.slice(0, 1), '2024-03-31', DEFAULT_BOUNDS, 'issue', 2);
    expect(rows[1]).toEqual(['Alpha', 'A', '2024-01-01', '2024-03-31', 90, '61-90', { amount: 10_000, digits: 2 }, { amount: 4_000, digits: 2 }]);
  });
});

describe('list exports', () => {
  it('invoices', () => {
    expect(toCsv(invoiceRows([invoice({ number: '+86', balance: 2_500, daysOverdue: 12, status: 'overdue' })], 2))).toBe(
      'invoice,customer,issue_date,due_date,amount,balance,days_overdue,status\r\n' +
      "'+86,Alpha,2024-01-01,2024-01-31,100.00,25.00,12,overdue\r\n",
    );
  });

  it('customers, contacts joined, balances when known', () => {
    const customer: Customer = {
      ...stamped, id: 'c1', name: '上海某某贸易有限公司', uscc: '91310000MA1FL8TQ3X', termsDays: 30, creditLimit: 5_000_000,
      contacts: [
        { name: '王经理', phone: '13800000000', email: '', wechat: 'wang', address: '' },
        { name: 'Li', phone: '', email: 'li@example.com', wechat: '', address: '上海' },
      ],
      tags: ['VIP', '华东'], notes: 'pays late,\nbut pays',
    };
    const other: Customer = { ...customer, id: 'c2', name: '@home', creditLimit: null, contacts: [], tags: [], notes: '' };
    const csv = toCsv(customerRows([customer, other], 2, new Map([['c1', { open: 120_00, overdue: 20_00, credit: 0 }]])));
    expect(csv).toBe(
      'customer,uscc,terms_days,credit_limit,contact,phone,email,wechat,address,tags,notes,open,overdue,credit\r\n' +
      '上海某某贸易有限公司,91310000MA1FL8TQ3X,30,50000.00,王经理; Li,13800000000,li@example.com,wang,上海,VIP; 华东,"pays late,\nbut pays",120.00,20.00,0.00\r\n' +
      "'@home,91310000MA1FL8TQ3X,30,,,,,,,,,,,\r\n",
    );
  });

  it('payments', () => {
    const payment: Payment = { ...stamped, id: 'p1', customerId: 'c1', date: '2024-02-01', amount: 30_000, method: 'bank', reference: '-ref' };
    const rows = paymentRows([{ ...payment, unapplied: 5_00 }, { ...payment, customerId: 'gone' }], new Map([['c1', 'Alpha']]), 2);
    expect(toCsv(rows)).toBe(
      'date,customer,amount,method,reference,unapplied\r\n' +
      "2024-02-01,Alpha,300.00,bank,'-ref,5.00\r\n" +
      "2024-02-01,gone,300.00,bank,'-ref,\r\n",
    );
  });

  it('activities with promises', () => {
    const base: Activity = {
      ...stamped, id: 'a1', customerId: 'c1', invoiceId: 'i1', date: '2024-02-05', channel: 'phone', stage: 'first reminder',
      outcome: 'promised', note: 'will pay "next week"', nextActionDate: '2024-02-12', promiseAmount: 100_00, promiseDate: '2024-02-10',
    };
    const rows = activityRows(
      [base, { ...base, invoiceId: null, outcome: 'note', note: '=1+1', nextActionDate: null, promiseAmount: null, promiseDate: null }],
      new Map([['c1', 'Alpha']]), new Map([['i1', 'INV-9']]), 2,
    );
    expect(toCsv(rows)).toBe(
      'date,customer,invoice,channel,stage,outcome,note,next_action_date,promise_amount,promise_date\r\n' +
      '2024-02-05,Alpha,INV-9,phone,first reminder,promised,"will pay ""next week""",2024-02-12,100.00,2024-02-10\r\n' +
      "2024-02-05,Alpha,,phone,first reminder,note,'=1+1,,,\r\n",
    );
  });
});
