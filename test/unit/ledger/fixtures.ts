// Shared by the ledger tests: generated books as stored records, and a
// straightforward reference computation with the domain functions.

import type { DebtorRow } from '../../../src/api/contract';
import { generateBook } from '../../../src/demo/generate';
import { agingOf, bucketRanges } from '../../../src/domain/aging';
import { ledgerEntries, openBalance, type LedgerEntry } from '../../../src/domain/balance';
import { toDayNumber } from '../../../src/domain/calendar';
import type { Book, IsoDate, Locale } from '../../../src/domain/types';
import type { LedgerRecords } from '../../../src/ledger';

export const BOOK_ID = 'book-1';
export const END = '2025-06-30';

export function demoRecords(seed: number, customers: number, invoices: number, locale: Locale = 'zh-CN'): LedgerRecords {
  let n = 0;
  const generated = generateBook({ seed, customers, invoices, locale, endDate: END }, () => `r${seed}-${++n}`);
  const file = <T extends { bookId: string; updatedAt: string }>(rows: T[]): T[] =>
    rows.map((r) => ({ ...r, bookId: BOOK_ID, updatedAt: 'S0' }));
  const book: Book = { id: BOOK_ID, updatedAt: 'S0', deleted: 0, ...generated.book, createdAt: '2023-01-01' };
  return {
    book,
    customers: file(generated.customers),
    invoices: file(generated.invoices),
    payments: file(generated.payments),
    allocations: file(generated.allocations),
    adjustments: file(generated.adjustments),
  };
}

export interface ReferenceFigures {
  totalOpen: number;
  overdue: number;
  overdueCount: number;
  openCount: number;
  customersWithBalance: number;
  unappliedCredit: number;
  disputed: number;
  buckets: { from: number | null; to: number | null; amount: number; count: number }[];
  balances: Map<string, number>;
  perCustomer: Map<string, { open: number; overdue: number; credit: number; oldestDaysOverdue: number; invoiceCount: number }>;
}

/** Figures as of a date computed the plain way: per invoice openBalance over its entries, agingOf over the open ones. */
export function reference(records: LedgerRecords, asOf: IsoDate, basis = records.book.agingBasis, bounds = records.book.agingBounds): ReferenceFigures {
  const asOfDay = toDayNumber(asOf);
  const entries = new Map<string, LedgerEntry[]>();
  for (const e of ledgerEntries([...records.allocations], [...records.adjustments])) {
    const list = entries.get(e.invoiceId) ?? [];
    list.push(e);
    entries.set(e.invoiceId, list);
  }
  const perCustomer: ReferenceFigures['perCustomer'] = new Map();
  const customerOf = (id: string) => {
    let c = perCustomer.get(id);
    if (!c) { c = { open: 0, overdue: 0, credit: 0, oldestDaysOverdue: 0, invoiceCount: 0 }; perCustomer.set(id, c); }
    return c;
  };
  const balances = new Map<string, number>();
  const items: { basisDay: number; balance: number }[] = [];
  let totalOpen = 0, overdue = 0, overdueCount = 0, openCount = 0, disputed = 0;
  for (const inv of records.invoices) {
    if (inv.deleted === 1) continue;
    const balance = openBalance(inv, entries.get(inv.id) ?? [], asOf);
    balances.set(inv.id, balance);
    if (inv.issueDate > asOf) continue;
    const c = customerOf(inv.customerId);
    c.invoiceCount += 1;
    if (balance <= 0) continue;
    items.push({ basisDay: toDayNumber(basis === 'due' ? inv.dueDate : inv.issueDate), balance });
    totalOpen += balance;
    openCount += 1;
    c.open += balance;
    if (inv.disputed === 1) disputed += balance;
    const late = asOfDay - toDayNumber(inv.dueDate);
    if (late > 0) {
      overdue += balance;
      overdueCount += 1;
      c.overdue += balance;
      c.oldestDaysOverdue = Math.max(c.oldestDaysOverdue, late);
    }
  }
  let unappliedCredit = 0;
  for (const p of records.payments) {
    if (p.deleted === 0 && p.date <= asOf) { customerOf(p.customerId).credit += p.amount; unappliedCredit += p.amount; }
  }
  for (const a of records.allocations) {
    if (a.deleted === 0 && a.date <= asOf) { customerOf(a.customerId).credit -= a.amount; unappliedCredit -= a.amount; }
  }
  const amounts = agingOf(items, asOfDay, bounds, basis);
  const buckets = bucketRanges(bounds, basis).map((r, i) => ({ ...r, amount: amounts[i]?.amount ?? 0, count: amounts[i]?.count ?? 0 }));
  let customersWithBalance = 0;
  for (const c of perCustomer.values()) if (c.open > 0) customersWithBalance++;
  return { totalOpen, overdue, overdueCount, openCount, customersWithBalance, unappliedCredit, disputed, buckets, balances, perCustomer };
}

/** Top debtors as the reference sees them: open amounts in descending order. */
export function referenceTopOpen(ref: ReferenceFigures, limit: number): number[] {
  return [...ref.perCustomer.values()].map((c) => c.open).filter((o) => o > 0).sort((a, b) => b - a).slice(0, limit);
}

export function debtorMatchesReference(row: DebtorRow, ref: ReferenceFigures): boolean {
  const c = ref.perCustomer.get(row.customerId);
  return !!c && c.open === row.open && c.overdue === row.overdue && c.oldestDaysOverdue === row.oldestDaysOverdue;
}
