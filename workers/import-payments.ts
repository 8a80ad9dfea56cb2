// A payments file planned against the book, inside the caller's 'rw' transaction.
// Each payment is allocated by the repository's own planner (planAllocation): to
// the invoice it names, up to what that invoice can take on the payment date, else
// oldest due first; the rest stays as the customer's credit. The planner reads the
// book, so each planned allocation is staged in the transaction for the next
// payment to see, and taken out again before the one 'import' batch writes them all
// (the caller aborts the transaction for a preview, so staged rows never persist).
//
// Idempotency: a payment with the same customer, date, amount and reference as one
// already in the book (or earlier in the file) is skipped with 'import.duplicatePayment'.
import { computeAllocatableItems } from '../src/db/open-items';
import { planAllocation } from '../src/db/plan-allocation';
import type { OverdueDb } from '../src/db/schema';
import type { Allocation, Book, Id, Payment } from '../src/domain/types';
import { CUSTOMER_CODE_TAG, customerNameKey } from '../src/import/plan';
import type { ParsedPaymentRow } from '../src/import/records';
import type { ImportProblem } from '../src/import/types';

export interface PaymentPlan {
  payments: Payment[];
  allocations: Allocation[];
  /** Payments already in the book: skipped. */
  duplicates: number;
  /** Rows left out against the book (unknown customer or invoice). */
  problems: ImportProblem[];
}

const paymentKey = (customerId: Id, date: string, amount: number, reference: string): string =>
  `${customerId}\u001f${date}\u001f${amount}\u001f${reference.trim()}`;

/** Plans and stages the payments; call `unstage` before writing them for real. */
export async function planPayments(
  db: OverdueDb, book: Book, rows: readonly ParsedPaymentRow[], columns: { customer: string | null; invoice: string | null },
): Promise<PaymentPlan & { unstage: () => Promise<void> }> {
  const [customers, payments] = await Promise.all([
    db.customers.where('[bookId+deleted]').equals([book.id, 0]).toArray(),
    db.payments.where('[bookId+deleted]').equals([book.id, 0]).toArray(),
  ]);
  const byCode = new Map<string, Id>();
  const byName = new Map<string, Id>();
  for (const c of customers) {
    for (const tag of c.tags) if (tag.startsWith(CUSTOMER_CODE_TAG)) byCode.set(tag.slice(CUSTOMER_CODE_TAG.length), c.id);
    const key = customerNameKey(c.name);
    if (!byName.has(key)) byName.set(key, c.id);
  }
  const seen = new Set(payments.map((p) => paymentKey(p.customerId, p.date, p.amount, p.reference)));
  const plan: PaymentPlan = { payments: [], allocations: [], duplicates: 0, problems: [] };
  const problem = (severity: ImportProblem['severity'], row: ParsedPaymentRow, column: string | null, code: string, message: string, params: Record<string, string | number>) =>
    plan.problems.push({ severity, line: row.line, column, code, params, message });

  // Oldest first, so each payment finds the balances the earlier ones left.
  const ordered = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  for (const row of ordered) {
    const customerId = byCode.get(row.customerKey) ?? byName.get(customerNameKey(row.customerName)) ?? byName.get(customerNameKey(row.customerKey));
    if (customerId === undefined) {
      problem('error', row, columns.customer, 'customer.notFound', `No customer "${row.customerKey}" in this book.`, { value: row.customerKey });
      continue;
    }
    const key = paymentKey(customerId, row.date, row.amount, row.reference);
    if (seen.has(key)) {
      plan.duplicates++;
      problem('warning', row, null, 'import.duplicatePayment', 'The same payment (customer, date, amount and reference) is already in the book; skipped.', {
        date: row.date, reference: row.reference,
      });
      continue;
    }
    let allocation: 'auto' | { invoiceId: Id; amount: number }[] = 'auto';
    if (row.invoiceNumber !== '') {
      const invoice = await db.invoices.where('[bookId+number]').equals([book.id, row.invoiceNumber]).filter((i) => i.deleted === 0).first();
      if (!invoice) {
        problem('error', row, columns.invoice, 'invoice.notFound', `No invoice "${row.invoiceNumber}" in this book.`, { value: row.invoiceNumber });
        continue;
      }
      if (invoice.customerId !== customerId) {
        problem('error', row, columns.invoice, 'allocation.otherCustomer', `Invoice "${row.invoiceNumber}" belongs to another customer.`, { value: row.invoiceNumber });
        continue;
      }
      const open = await computeAllocatableItems(db, book.id, customerId, row.date, true);
      const available = open.find((o) => o.invoiceId === invoice.id)?.balance ?? 0;
      allocation = available > 0 ? [{ invoiceId: invoice.id, amount: Math.min(available, row.amount) }] : [];
    }
    const planned = await planAllocation(db, book.id, customerId, row.amount, allocation, () => row.date);
    if (!planned.ok) throw new Error(`Allocation planning failed: ${JSON.stringify(planned.errors)}`); // capped above: cannot happen
    seen.add(key);
    const payment: Payment = {
      id: crypto.randomUUID(), bookId: book.id, updatedAt: '', deleted: 0,
      customerId, date: row.date, amount: row.amount, method: row.method, reference: row.reference,
    };
    const allocations = planned.value.lines.map((line): Allocation => ({
      id: crypto.randomUUID(), bookId: book.id, updatedAt: '', deleted: 0,
      paymentId: payment.id, invoiceId: line.invoiceId, customerId, date: line.date, amount: line.amount,
    }));
    plan.payments.push(payment);
    plan.allocations.push(...allocations);
    await db.allocations.bulkPut(allocations); // staged for the next payment's planning
  }
  const staged = plan.allocations.map((a) => a.id);
  return { ...plan, unstage: () => db.allocations.bulkDelete(staged) };
}
