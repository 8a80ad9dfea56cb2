import { describe, expect, it } from 'vitest';
import { generateBook, type DemoBook } from '../../../src/demo/generate';
import { seededIds } from '../../../src/demo/random';
import { isIsoDate, toDayNumber } from '../../../src/domain/calendar';
import { openBalance, type LedgerEntry } from '../../../src/domain/balance';
import { checkUscc } from '../../../src/domain/uscc';
import type { DemoOptions } from '../../../src/api/contract';

const END = '2025-06-30';
const opts = (seed: number, customers: number, invoices: number, locale: DemoOptions['locale'] = 'zh-CN'): DemoOptions =>
  ({ seed, customers, invoices, locale, endDate: END });

/** Every entry that changes an invoice's balance, as the domain's balance rule reads them. */
function entriesByInvoice(book: DemoBook): Map<string, LedgerEntry[]> {
  const map = new Map<string, LedgerEntry[]>();
  const add = (e: LedgerEntry) => {
    const list = map.get(e.invoiceId);
    if (list) list.push(e);
    else map.set(e.invoiceId, [e]);
  };
  for (const a of book.allocations) add({ invoiceId: a.invoiceId, date: a.date, delta: -a.amount });
  for (const j of book.adjustments) add({ invoiceId: j.invoiceId, date: j.date, delta: j.kind === 'charge' ? j.amount : -j.amount });
  return map;
}

function checkInvariants(book: DemoBook, options: DemoOptions): void {
  // Collected rather than asserted one by one: tens of thousands of expect() calls are slow.
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => { if (!ok) problems.push(what); };
  const endDay = toDayNumber(options.endDate);
  const all = [...book.customers, ...book.invoices, ...book.payments, ...book.allocations, ...book.adjustments, ...book.activities];
  expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  expect(book.customers).toHaveLength(options.customers);
  expect(book.invoices).toHaveLength(options.invoices);
  expect(new Set(book.customers.map((c) => c.name)).size).toBe(book.customers.length);
  for (const r of all) check(r.deleted === 0, `${r.id} deleted`);
  const positive = (n: number) => Number.isSafeInteger(n) && n > 0;

  const customers = new Map(book.customers.map((c) => [c.id, c]));
  for (const c of book.customers) {
    check([15, 30, 45, 60].includes(c.termsDays), `customer ${c.id} terms ${c.termsDays}`);
    check(c.uscc === '' || checkUscc(c.uscc).valid, `customer ${c.id} uscc ${c.uscc}`);
    check(c.creditLimit === null || positive(c.creditLimit), `customer ${c.id} limit`);
  }

  const invoices = new Map(book.invoices.map((i) => [i.id, i]));
  expect(new Set(book.invoices.map((i) => i.number)).size).toBe(book.invoices.length);
  for (const inv of book.invoices) {
    const what = `invoice ${inv.number}`;
    check(customers.has(inv.customerId), `${what} customer`);
    check(isIsoDate(inv.issueDate) && isIsoDate(inv.dueDate), `${what} dates`);
    check(toDayNumber(inv.dueDate) >= toDayNumber(inv.issueDate), `${what} due before issue`);
    check(toDayNumber(inv.issueDate) <= endDay, `${what} issued after the end`);
    check(positive(inv.amount), `${what} amount`);
    check((inv.disputed === 1) === (inv.disputeReason !== ''), `${what} dispute reason`);
  }

  const payments = new Map(book.payments.map((p) => [p.id, p]));
  const appliedByPayment = new Map<string, number>();
  for (const p of book.payments) {
    check(positive(p.amount), `payment ${p.id} amount`);
    check(toDayNumber(p.date) <= endDay, `payment ${p.id} after the end`);
    check(customers.has(p.customerId), `payment ${p.id} customer`);
  }
  for (const a of book.allocations) {
    const p = payments.get(a.paymentId);
    const inv = invoices.get(a.invoiceId);
    check(!!p && !!inv, `allocation ${a.id} references`);
    if (!p || !inv) continue;
    check(positive(a.amount), `allocation ${a.id} amount`);
    check(a.date === p.date, `allocation ${a.id} date differs from its payment`);
    check(a.customerId === p.customerId && inv.customerId === p.customerId, `allocation ${a.id} customer`);
    check(toDayNumber(a.date) > toDayNumber(inv.issueDate), `allocation ${a.id} not after issue`);
    appliedByPayment.set(p.id, (appliedByPayment.get(p.id) ?? 0) + a.amount);
  }
  for (const [id, applied] of appliedByPayment) check(applied <= (payments.get(id)?.amount ?? 0), `payment ${id} over-applied`);
  for (const j of book.adjustments) {
    const inv = invoices.get(j.invoiceId);
    check(!!inv, `adjustment ${j.id} invoice`);
    if (!inv) continue;
    check(positive(j.amount), `adjustment ${j.id} amount`);
    check(j.customerId === inv.customerId, `adjustment ${j.id} customer`);
    check(toDayNumber(j.date) > toDayNumber(inv.issueDate) && toDayNumber(j.date) <= endDay, `adjustment ${j.id} date`);
    if (j.kind === 'writeoff') check(toDayNumber(j.date) - toDayNumber(inv.dueDate) > 365, `write-off ${j.id} not long overdue`);
    if (j.kind === 'charge') check(j.basis !== '', `charge ${j.id} without basis`);
  }

  // No balance ever below zero as of any event date: equivalently, no allocation,
  // credit note or write-off exceeds the balance as of its own date.
  for (const [invoiceId, entries] of entriesByInvoice(book)) {
    const inv = invoices.get(invoiceId);
    if (!inv) continue;
    for (const e of entries) check(openBalance(inv, entries, e.date) >= 0, `invoice ${inv.number} negative on ${e.date}`);
  }
  for (const a of book.activities) {
    check(customers.has(a.customerId) && isIsoDate(a.date) && toDayNumber(a.date) <= endDay, `activity ${a.id}`);
  }
  expect(problems.slice(0, 10)).toEqual([]);
}

describe('generateBook', () => {
  it.each([
    opts(1, 300, 5_000),
    opts(7, 40, 800, 'en'),
    opts(42, 3, 60),
    opts(99, 1, 0, 'en'),
    opts(2024, 120, 12_000),
  ])('keeps the repository rules (seed $seed, $customers customers, $invoices invoices)', (options) => {
    checkInvariants(generateBook(options), options);
  }, 30_000);

  it('is deterministic for a seed, including the ids', () => {
    const a = generateBook(opts(5, 50, 700));
    const b = generateBook(opts(5, 50, 700));
    expect(b).toEqual(a);
    const c = generateBook(opts(6, 50, 700));
    expect(c.invoices.map((i) => i.amount)).not.toEqual(a.invoices.map((i) => i.amount));
  });

  it('uses the given id source and otherwise produces the same book', () => {
    let n = 0;
    const own = generateBook(opts(5, 20, 200), () => `id-${++n}`);
    const seeded = generateBook(opts(5, 20, 200), seededIds(5));
    expect(own.customers[0]?.id).toBe('id-1');
    const strip = (book: DemoBook) => book.invoices.map(({ id: _id, customerId: _c, ...rest }) => rest);
    expect(strip(own)).toEqual(strip(seeded));
    expect(own.payments.map((p) => p.amount)).toEqual(seeded.payments.map((p) => p.amount));
  });

  it('has the variety a real book has', () => {
    const book = generateBook(opts(11, 300, 5_000));
    const kinds = new Set(book.adjustments.map((j) => j.kind));
    expect([...kinds].sort()).toEqual(['charge', 'credit', 'writeoff']);
    expect(book.invoices.some((i) => i.disputed === 1)).toBe(true);
    expect(book.activities.length).toBeGreaterThan(0);
    expect(book.customers.filter((c) => c.uscc !== '').length).toBeGreaterThan(10);
    expect(new Set(book.customers.map((c) => c.termsDays)).size).toBe(4);

    // Partial payments: an invoice paid by more than one allocation, or left partly open.
    const allocated = new Map<string, number>();
    for (const a of book.allocations) allocated.set(a.invoiceId, (allocated.get(a.invoiceId) ?? 0) + a.amount);
    const partly = book.invoices.filter((i) => {
      const paid = allocated.get(i.id) ?? 0;
      return paid > 0 && paid < i.amount;
    });
    expect(partly.length).toBeGreaterThan(20);
    // Some invoices fully paid, some still open.
    expect(book.invoices.some((i) => allocated.get(i.id) === i.amount)).toBe(true);
    expect(book.invoices.some((i) => !allocated.has(i.id))).toBe(true);

    // Unapplied credit: some payments carry more than they allocate.
    const applied = new Map<string, number>();
    for (const a of book.allocations) applied.set(a.paymentId, (applied.get(a.paymentId) ?? 0) + a.amount);
    expect(book.payments.some((p) => (applied.get(p.id) ?? 0) < p.amount)).toBe(true);
    // Payments covering several invoices at once.
    const perPayment = new Map<string, number>();
    for (const a of book.allocations) perPayment.set(a.paymentId, (perPayment.get(a.paymentId) ?? 0) + 1);
    expect([...perPayment.values()].some((n) => n > 1)).toBe(true);

    // Realistic amounts: bookkeeping fees 300-2,000 yuan, goods up to 200,000 yuan.
    for (const i of book.invoices) {
      expect(i.amount).toBeGreaterThanOrEqual(30_000);
      expect(i.amount).toBeLessThanOrEqual(20_000_000);
    }
  });

  it('names companies in the locale of the book', () => {
    const zh = generateBook(opts(3, 80, 10));
    for (const c of zh.customers) expect(c.name).toMatch(/有限公司/);
    expect(zh.book.locale).toBe('zh-CN');
    const en = generateBook(opts(3, 80, 10, 'en'));
    for (const c of en.customers) expect(c.name).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.book.agingBounds).toEqual([30, 60, 90, 180, 365]);
  });

  it('rejects impossible sizes', () => {
    expect(() => generateBook(opts(1, 0, 10))).toThrow(RangeError);
    expect(() => generateBook(opts(1, 5, -1))).toThrow(RangeError);
    expect(() => generateBook({ ...opts(1, 5, 5), endDate: '2025-02-30' })).toThrow(RangeError);
  });
});
