import { describe, expect, it } from 'vitest';
import type { InvoiceQuery, InvoiceRow } from '../../../src/api/contract';
import { addDays } from '../../../src/domain/calendar';
import type { Adjustment, Change, Customer, Invoice } from '../../../src/domain/types';
import { Ledger } from '../../../src/ledger';
import { BOOK_ID, demoRecords, END } from './fixtures';

const records = demoRecords(21, 120, 2_500);
const ledger = Ledger.fromRecords(records);
const PAST = addDays(END, -200);

function all(q: Omit<InvoiceQuery, 'offset' | 'limit'>): InvoiceRow[] {
  return ledger.listInvoices({ ...q, offset: 0, limit: 1_000_000 }).rows;
}

const put = (table: Change['table'], after: unknown, seq: number): Change => ({
  seq, bookId: BOOK_ID, table, recordId: (after as { id: string }).id, before: null, after,
  stamp: `S${seq}`, batch: `b${seq}`, action: 'test', undone: 0,
});

describe('invoice status', () => {
  it('follows write-offs, payments, disputes and the issue date', () => {
    const customer: Customer = { id: 'c-s', bookId: BOOK_ID, updatedAt: 'S', deleted: 0, name: '状态测试有限公司', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' };
    const inv: Invoice = { id: 'i-s', bookId: BOOK_ID, updatedAt: 'S', deleted: 0, customerId: 'c-s', number: 'S-1', issueDate: '2025-01-10', dueDate: '2025-02-09', amount: 10_000, currency: 'CNY', description: '', disputed: 0, disputeReason: '' };
    const wo: Adjustment = { id: 'w-s', bookId: BOOK_ID, updatedAt: 'S', deleted: 0, kind: 'writeoff', invoiceId: 'i-s', customerId: 'c-s', date: '2025-05-01', amount: 10_000, reason: '', basis: '' };
    const l = Ledger.fromRecords({ book: records.book, customers: [customer], invoices: [inv], payments: [], allocations: [], adjustments: [] });
    expect(l.invoiceFigures('i-s', '2025-01-09')).toEqual({ balance: 0, daysOverdue: 0, status: 'notYetIssued' });
    expect(l.invoiceFigures('i-s', '2025-02-09')).toEqual({ balance: 10_000, daysOverdue: 0, status: 'open' });
    expect(l.invoiceFigures('i-s', '2025-02-19')).toEqual({ balance: 10_000, daysOverdue: 10, status: 'overdue' });
    l.apply([put('adjustments', wo, 1)]);
    expect(l.invoiceFigures('i-s', '2025-05-01')?.status).toBe('writtenOff');
    expect(l.invoiceFigures('i-s', '2025-04-30')?.status).toBe('overdue');
    l.apply([put('adjustments', { ...wo, deleted: 1 }, 2), put('invoices', { ...inv, disputed: 1, disputeReason: 'x' }, 3)]);
    expect(l.invoiceFigures('i-s', '2025-05-01')).toEqual({ balance: 10_000, daysOverdue: 81, status: 'disputed' });
    l.apply([
      put('payments', { id: 'p-s', bookId: BOOK_ID, updatedAt: 'S', deleted: 0, customerId: 'c-s', date: '2025-03-01', amount: 10_000, method: 'bank', reference: '' }, 4),
      put('allocations', { id: 'a-s', bookId: BOOK_ID, updatedAt: 'S', deleted: 0, paymentId: 'p-s', invoiceId: 'i-s', customerId: 'c-s', date: '2025-03-01', amount: 10_000 }, 5),
    ]);
    expect(l.invoiceFigures('i-s', '2025-05-01')).toEqual({ balance: 0, daysOverdue: 0, status: 'paid' });
    l.apply([put('invoices', { ...inv, deleted: 1 }, 6)]);
    expect(l.invoiceFigures('i-s', '2025-05-01')).toBeNull();
  });
});

describe('listInvoices', () => {
  it.each([END, PAST])('filters by status consistently with the dashboard (as of %s)', (asOf) => {
    const d = ledger.dashboard(asOf);
    const overdue = all({ asOf, status: 'overdue' });
    expect(overdue.length).toBe(d.overdueCount);
    expect(overdue.reduce((s, r) => s + r.balance, 0)).toBe(d.overdue);
    for (const r of overdue) expect(r.daysOverdue).toBeGreaterThan(0);
    const open = all({ asOf, status: 'open' });
    expect(open.length).toBe(d.openCount);
    expect(open.reduce((s, r) => s + r.balance, 0)).toBe(d.totalOpen);
    for (const r of all({ asOf, status: 'paid' })) expect(r.status).toBe('paid');
    for (const r of all({ asOf, status: 'writtenOff' })) expect(r.status).toBe('writtenOff');
    for (const r of all({ asOf, status: 'disputed' })) expect(r.status).toBe('disputed');
    expect(all({ asOf, status: 'writtenOff' }).length).toBeGreaterThan(0);
    const everything = all({ asOf });
    expect(everything.length).toBe(asOf === END ? 2_500 : records.invoices.length);
    if (asOf === PAST) expect(everything.some((r) => r.status === 'notYetIssued')).toBe(true);
  });

  it('filters by aging bucket: each bucket list adds up to the bucket', () => {
    for (const asOf of [END, PAST]) {
      const aging = ledger.dashboard(asOf).aging;
      aging.buckets.forEach((bucket, i) => {
        const rows = all({ asOf, bucket: i });
        expect(rows.length).toBe(bucket.count);
        expect(rows.reduce((s, r) => s + r.balance, 0)).toBe(bucket.amount);
      });
    }
  });

  it('filters by customer, issue-date range and text', () => {
    const customer = records.customers[5] as Customer;
    const mine = all({ asOf: END, customerId: customer.id });
    expect(mine.length).toBe(records.invoices.filter((i) => i.customerId === customer.id).length);
    for (const r of mine) expect(r.customerName).toBe(customer.name);
    expect(all({ asOf: END, customerId: 'nobody' })).toEqual([]);

    const from = '2024-03-01';
    const to = '2024-03-31';
    const march = all({ asOf: END, from, to });
    expect(march.length).toBe(records.invoices.filter((i) => i.issueDate >= from && i.issueDate <= to).length);

    const target = records.invoices[1234] as Invoice;
    expect(all({ asOf: END, text: target.number.toLowerCase() }).map((r) => r.id)).toContain(target.id);
    const byName = all({ asOf: END, text: customer.name.slice(2, 6) });
    expect(byName.map((r) => r.id)).toEqual(expect.arrayContaining(mine.map((r) => r.id)));
    const byDescription = all({ asOf: END, text: 'HT' });
    expect(byDescription.length).toBe(records.invoices.filter((i) => i.description.includes('HT')).length);
  });

  it('sorts by each key, both ways, and pages without gaps or repeats', () => {
    const keys: [NonNullable<InvoiceQuery['sort']>, (r: InvoiceRow) => string | number][] = [
      ['due', (r) => r.dueDate], ['issue', (r) => r.issueDate], ['number', (r) => r.number], ['balance', (r) => r.balance],
    ];
    for (const [sort, key] of keys) {
      for (const desc of [false, true]) {
        const rows = all({ asOf: END, status: 'all', sort, desc });
        for (let k = 1; k < rows.length; k++) {
          const a = key(rows[k - 1] as InvoiceRow);
          const b = key(rows[k] as InvoiceRow);
          expect(desc ? a >= b : a <= b).toBe(true);
        }
      }
    }
    const whole = all({ asOf: END, sort: 'customer' });
    const paged: InvoiceRow[] = [];
    for (let offset = 0; offset < whole.length; offset += 100) {
      const page = ledger.listInvoices({ asOf: END, sort: 'customer', offset, limit: 100 });
      expect(page.total).toBe(whole.length);
      expect(page.offset).toBe(offset);
      paged.push(...page.rows);
    }
    expect(paged).toEqual(whole);
    const beyond = ledger.listInvoices({ asOf: END, offset: 10_000, limit: 50 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(2_500);
  });
});

describe('customers', () => {
  it('lists customers with their figures, sorted and filtered', () => {
    const page = ledger.listCustomers({ asOf: END, sort: 'open', desc: true, offset: 0, limit: 1_000 });
    expect(page.total).toBe(120);
    for (let k = 1; k < page.rows.length; k++) expect((page.rows[k - 1]?.open ?? 0) >= (page.rows[k]?.open ?? 0)).toBe(true);
    for (const row of page.rows) {
      const f = ledger.customerFigures(row.id, END);
      expect(f && [f.open, f.overdue, f.credit]).toEqual([row.open, row.overdue, row.credit]);
      expect(row.invoiceCount).toBe(records.invoices.filter((i) => i.customerId === row.id).length);
    }
    const withBalance = ledger.listCustomers({ asOf: END, onlyWithBalance: true, offset: 0, limit: 1_000 });
    expect(withBalance.rows.every((r) => r.open > 0 || r.credit > 0)).toBe(true);
    expect(withBalance.total).toBe(page.rows.filter((r) => r.open > 0 || r.credit > 0).length);

    const byName = ledger.listCustomers({ asOf: END, sort: 'name', offset: 0, limit: 1_000 }).rows.map((r) => r.name);
    const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });
    expect(byName).toEqual([...byName].sort(collator.compare));
  });

  it('finds customers by name, prefix matches first', () => {
    const name = (records.customers[0] as Customer).name;
    const found = ledger.findCustomers(name.slice(0, 2), 50);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.name.startsWith(name.slice(0, 2))).toBe(true);
    expect(found.map((f) => f.id)).toContain((records.customers[0] as Customer).id);
    expect(ledger.findCustomers('', 5)).toHaveLength(5);
    expect(ledger.findCustomers('没有这个名字', 5)).toEqual([]);
  });

  it('offers open invoices in allocation order, adding up to the open balance', () => {
    for (const c of records.customers.slice(0, 40)) {
      for (const asOf of [END, PAST]) {
        const items = ledger.openInvoices(c.id, asOf);
        const figures = ledger.customerFigures(c.id, asOf);
        expect(items.reduce((s, i) => s + i.balance, 0)).toBe(figures?.open);
        for (let k = 1; k < items.length; k++) {
          const a = items[k - 1];
          const b = items[k];
          if (!a || !b) continue;
          expect(a.dueDate < b.dueDate || (a.dueDate === b.dueDate && (a.issueDate < b.issueDate || (a.issueDate === b.issueDate && a.number < b.number)))).toBe(true);
        }
        for (const i of items) expect(i.issueDate <= asOf && i.balance > 0).toBe(true);
      }
    }
    expect(ledger.openInvoices('nobody', END)).toEqual([]);
  });
});
