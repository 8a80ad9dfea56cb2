// The worker's open-invoice options in the shape the allocation rules take.
import type { OpenInvoiceOption } from '../../api/contract';
import type { OpenItem } from '../../domain/allocation';

export function toOpenItems(options: OpenInvoiceOption[]): OpenItem[] {
  return options.map((o) => ({ invoiceId: o.id, number: o.number, issueDate: o.issueDate, dueDate: o.dueDate, balance: o.balance }));
}
