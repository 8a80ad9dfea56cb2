// The saveInvoice input that reproduces an invoice as stored, for small edits
// (dispute on/off) that must not change anything else.
import type { InvoiceInput } from '../../api/contract';
import type { Invoice } from '../../domain/types';

export function inputOf(invoice: Invoice): InvoiceInput {
  return {
    customerId: invoice.customerId,
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amount: invoice.amount,
    currency: invoice.currency,
    description: invoice.description,
    disputed: invoice.disputed === 1,
    disputeReason: invoice.disputeReason,
  };
}
