// What a customers file adds to the book: customers match as in the invoice import
// (the file's code, kept as the tag `import:<code>`, first, then the name ignoring
// case, width and spacing). A customer already in the book is left exactly as it is,
// so importing the same file twice writes nothing the second time.
import type { Customer, Id } from '../domain/types';
import { CUSTOMER_CODE_TAG, customerNameKey, type ExistingRecords } from './plan';
import type { ParsedCustomer } from './records';

export interface CustomerPlan {
  customers: Customer[];
  /** Rows naming a customer already in the book: left unchanged. */
  existing: number;
}

export function planCustomers(
  parsed: readonly ParsedCustomer[], book: Pick<ExistingRecords, 'customers'>, options: { termsDays: number; newId: () => Id },
): CustomerPlan {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const c of book.customers) {
    if (c.deleted !== 0) continue;
    for (const tag of c.tags) if (tag.startsWith(CUSTOMER_CODE_TAG)) codes.add(tag.slice(CUSTOMER_CODE_TAG.length));
    names.add(customerNameKey(c.name));
  }
  const plan: CustomerPlan = { customers: [], existing: 0 };
  for (const p of parsed) {
    const nameKey = customerNameKey(p.name);
    if ((p.code !== '' && codes.has(p.code)) || names.has(nameKey)) {
      plan.existing++;
      continue;
    }
    plan.customers.push({
      id: options.newId(), bookId: '', updatedAt: '', deleted: 0,
      name: p.name.trim(),
      uscc: p.uscc,
      termsDays: p.termsDays ?? options.termsDays,
      creditLimit: p.creditLimit,
      contacts: p.contact ? [p.contact] : [],
      tags: p.code !== '' ? [CUSTOMER_CODE_TAG + p.code] : [],
      notes: p.notes,
    });
    names.add(nameKey);
    if (p.code !== '') codes.add(p.code);
  }
  return plan;
}
