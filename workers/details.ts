// Customer and invoice detail: the few records one screen shows, read from the
// database by id or index; the customer's figures and invoice page come from the ledger.

import type { CustomerDetail, InvoiceDetail } from '../src/api/contract';
import type { OverdueDb } from '../src/db/schema';
import { ledgerEntries, openBalance } from '../src/domain/balance';
import { toDayNumber } from '../src/domain/calendar';
import type { Id, IsoDate, Payment } from '../src/domain/types';
import { daysOverdue, invoiceStatus, type Ledger } from '../src/ledger';

/** Invoices per page on the customer screen. */
export const CUSTOMER_INVOICE_PAGE = 50;
/** Newest payments shown on the customer screen. */
export const CUSTOMER_PAYMENT_LIMIT = 100;

const liveIn = (bookId: Id) => (r: { bookId: Id; deleted: 0 | 1 }) => r.bookId === bookId && r.deleted === 0;

export async function customerDetail(
  db: OverdueDb, ledger: Ledger, bookId: Id, customerId: Id, asOf: IsoDate, invoiceOffset: number,
): Promise<CustomerDetail | null> {
  const customer = await db.customers.get(customerId);
  if (!customer || !liveIn(bookId)(customer)) return null;
  const figures = ledger.customerFigures(customerId, asOf);
  if (!figures) return null;
  const invoices = ledger.listInvoices({
    asOf, customerId, status: 'all', sort: 'due', desc: true, offset: invoiceOffset, limit: CUSTOMER_INVOICE_PAGE,
  });
  const [payments, allocations] = await Promise.all([
    db.payments.where('customerId').equals(customerId).filter(liveIn(bookId)).toArray(),
    db.allocations.where('customerId').equals(customerId).filter(liveIn(bookId)).toArray(),
  ]);
  const applied = new Map<Id, number>();
  for (const a of allocations) applied.set(a.paymentId, (applied.get(a.paymentId) ?? 0) + a.amount);
  const newest = payments
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.updatedAt < b.updatedAt ? 1 : -1))
    .slice(0, CUSTOMER_PAYMENT_LIMIT)
    .map((p): Payment & { unapplied: number } => ({ ...p, unapplied: p.amount - (applied.get(p.id) ?? 0) }));
  return {
    customer,
    open: figures.open,
    overdue: figures.overdue,
    credit: figures.credit,
    aging: figures.aging,
    invoices,
    payments: newest,
  };
}

/** Needs no ledger: an invoice's screen is a handful of records, read fresh. */
export async function invoiceDetail(
  db: OverdueDb, bookId: Id, invoiceId: Id, asOf: IsoDate,
): Promise<InvoiceDetail | null> {
  const invoice = await db.invoices.get(invoiceId);
  if (!invoice || !liveIn(bookId)(invoice)) return null;
  const live = liveIn(bookId);
  const [allocations, adjustments, activities, customer] = await Promise.all([
    db.allocations.where('invoiceId').equals(invoiceId).filter(live).toArray(),
    db.adjustments.where('invoiceId').equals(invoiceId).filter(live).toArray(),
    db.activities.where('customerId').equals(invoice.customerId).filter((a) => live(a) && a.invoiceId === invoiceId).toArray(),
    db.customers.get(invoice.customerId),
  ]);
  const paymentList = await db.payments.bulkGet([...new Set(allocations.map((a) => a.paymentId))]);
  const payments = new Map(paymentList.filter((p) => p !== undefined).map((p) => [p.id, p]));
  const byDate = <T extends { date: IsoDate; updatedAt: string }>(a: T, b: T) =>
    (a.date < b.date ? -1 : a.date > b.date ? 1 : a.updatedAt < b.updatedAt ? -1 : 1);

  // Figures from the records just read, by the same rules as the ledger.
  const asOfDay = toDayNumber(asOf);
  const dueDay = toDayNumber(invoice.dueDate);
  const balance = openBalance(invoice, ledgerEntries(allocations, adjustments), asOf);
  const writtenOff = adjustments.some((j) => j.kind === 'writeoff' && j.date <= asOf);
  return {
    invoice,
    customerName: customer?.name ?? '',
    balance,
    daysOverdue: daysOverdue(asOfDay, dueDay, balance),
    status: invoiceStatus(asOfDay, toDayNumber(invoice.issueDate), dueDay, balance, invoice.disputed === 1, writtenOff),
    allocations: allocations.sort(byDate).map((a) => ({
      ...a,
      paymentReference: payments.get(a.paymentId)?.reference ?? '',
      paymentMethod: payments.get(a.paymentId)?.method ?? '',
    })),
    adjustments: adjustments.sort(byDate),
    activities: activities.sort((a, b) => byDate(b, a)),
  };
}
