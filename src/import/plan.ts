// What an import will write, given what the book already holds: pure, so the worker
// can compute it for the preview and again inside the commit's transaction (where
// it is authoritative: another tab may have written in between).
//
// Idempotency: an invoice already in the book with the same customer and number is
// left as it is (with its payments), so importing the same file twice writes nothing
// the second time. Customers match on a code the file gives (kept on the customer as
// the tag `import:<code>`), else on the name ignoring case, width and spacing.
import type { Allocation, Customer, Id, Invoice, IsoDate, Minor, Payment } from '../domain/types';
import type { ImportProblem, ParsedInvoice } from './types';

/** Tag prefix that remembers the customer id/code a file gave. */
export const CUSTOMER_CODE_TAG = 'import:';

/** Problem codes the plan adds to the core's (translated by the UI like the others). */
export const PLAN_CODES = ['invoice.duplicateNumber', 'money.currencyMismatch', 'money.zero'] as const;

export interface ExistingRecords {
  customers: readonly Pick<Customer, 'id' | 'name' | 'tags' | 'deleted'>[];
  invoices: readonly Pick<Invoice, 'id' | 'customerId' | 'number' | 'deleted'>[];
}

export interface PlanOptions {
  currency: string;
  termsDays: number;
  newId: () => Id;
}

export interface ImportPlan {
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
  allocations: Allocation[];
  /** Invoices already in the book (same customer and number): left unchanged. */
  existing: number;
  /** Problems about individual invoices found against the book (their invoices are left out). */
  problems: ImportProblem[];
}

/** Name as compared: Unicode-normalised (full-width to ASCII), case and spacing ignored. */
export function customerNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const STAMP_PLACEHOLDER = '';

export function planImport(parsed: readonly ParsedInvoice[], book: ExistingRecords, options: PlanOptions): ImportPlan {
  const byCode = new Map<string, Id>();
  const byName = new Map<string, Id>();
  for (const c of book.customers) {
    if (c.deleted !== 0) continue;
    for (const tag of c.tags) if (tag.startsWith(CUSTOMER_CODE_TAG)) byCode.set(tag.slice(CUSTOMER_CODE_TAG.length), c.id);
    const key = customerNameKey(c.name);
    if (!byName.has(key)) byName.set(key, c.id);
  }
  const numbers = new Map<string, Id>(); // number -> customer id of the live invoice holding it
  for (const inv of book.invoices) if (inv.deleted === 0) numbers.set(inv.number.trim(), inv.customerId);

  const plan: ImportPlan = { customers: [], invoices: [], payments: [], allocations: [], existing: 0, problems: [] };
  const base = { bookId: '', updatedAt: STAMP_PLACEHOLDER, deleted: 0 as const };

  function customerFor(inv: ParsedInvoice): Id {
    const hasCode = inv.customerKey !== inv.customerName;
    const nameKey = customerNameKey(inv.customerName);
    const found = (hasCode ? byCode.get(inv.customerKey) : undefined) ?? byName.get(nameKey);
    if (found !== undefined) {
      if (hasCode && !byCode.has(inv.customerKey)) byCode.set(inv.customerKey, found);
      return found;
    }
    const customer: Customer = {
      ...base,
      id: options.newId(),
      name: inv.customerName.trim(),
      uscc: '',
      termsDays: options.termsDays,
      creditLimit: null,
      contacts: [],
      tags: hasCode ? [CUSTOMER_CODE_TAG + inv.customerKey] : [],
      notes: '',
    };
    plan.customers.push(customer);
    byName.set(nameKey, customer.id);
    if (hasCode) byCode.set(inv.customerKey, customer.id);
    return customer.id;
  }

  function leaveOut(inv: ParsedInvoice, column: string | null, code: string, message: string, params: Record<string, string | number>): void {
    plan.problems.push({ severity: 'error', line: inv.line, column, code, params, message });
  }

  for (const inv of parsed) {
    const number = inv.number.trim();
    if (inv.currency !== options.currency) {
      leaveOut(inv, null, 'money.currencyMismatch', `Invoice ${number} is in ${inv.currency}; the book keeps ${options.currency}.`, { number, currency: inv.currency, expected: options.currency });
      continue;
    }
    if (inv.amount <= 0) {
      leaveOut(inv, null, 'money.zero', `Invoice ${number} has no positive amount.`, { number });
      continue;
    }
    const holder = numbers.get(number);
    // Resolve the customer only when the invoice is (or may be) the same one, so a
    // number clash does not create a customer for nothing.
    if (holder !== undefined) {
      const nameKey = customerNameKey(inv.customerName);
      const codeMatch = inv.customerKey !== inv.customerName ? byCode.get(inv.customerKey) : undefined;
      if (holder === codeMatch || holder === byName.get(nameKey)) {
        plan.existing++;
      } else {
        leaveOut(inv, null, 'invoice.duplicateNumber', `Invoice number ${number} belongs to another customer in this book.`, { number });
      }
      continue;
    }
    const customerId = customerFor(inv);
    numbers.set(number, customerId);
    // Due before issue was warned about by the core; the book needs due >= issue.
    const dueDate: IsoDate = inv.dueDate < inv.issueDate ? inv.issueDate : inv.dueDate;
    const invoice: Invoice = {
      ...base,
      id: options.newId(),
      customerId,
      number,
      issueDate: inv.issueDate,
      dueDate,
      amount: inv.amount,
      currency: inv.currency,
      description: inv.description,
      disputed: inv.disputed ? 1 : 0,
      disputeReason: '',
    };
    plan.invoices.push(invoice);
    // Paid parts in date order, each allocated up to what is still owed; any excess
    // stays on the payment as the customer's unapplied credit (no cent is dropped).
    let owed: Minor = inv.amount;
    const payments = [...inv.payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const p of payments) {
      if (p.amount <= 0) continue;
      const payment: Payment = {
        ...base, id: options.newId(), customerId, date: p.date, amount: p.amount, method: 'import', reference: number,
      };
      plan.payments.push(payment);
      const applied = Math.min(p.amount, owed);
      if (applied <= 0) continue;
      owed -= applied;
      plan.allocations.push({
        ...base,
        id: options.newId(),
        paymentId: payment.id,
        invoiceId: invoice.id,
        customerId,
        // A payment dated before the invoice counts from the issue date (as applied credit does).
        date: p.date < inv.issueDate ? inv.issueDate : p.date,
        amount: applied,
      });
    }
  }
  return plan;
}
