// Posting late charges: for each overdue, undisputed invoice of the customer, what
// the book's rule has accrued up to the date (on the principal still open, never
// on earlier charges) less what was posted before for the same kind. Stage fees
// are charged when a stage is done and only count towards the cap here.

import type { ChargesApi } from '../src/api/charges';
import type { Repository } from '../src/db/repository';
import type { OverdueDb } from '../src/db/schema';
import type { ChargeDraft } from '../src/db/write-charges';
import { accruedCharges, describeBasis } from '../src/domain/charges';
import { fail, ok, type Result } from '../src/domain/errors';
import { currencyDigits } from '../src/domain/money';
import type { Adjustment, Id } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import { chargeRuleOf } from './notice-data';

/** Reason of an accrued charge of this kind ('interest', 'daily', 'percent'). */
const accrualReason = (kind: string): string => `accrual:${kind}`;

export function createChargesApi(
  db: OverdueDb,
  write: <T>(run: (repo: Repository) => Promise<Result<T>>) => Promise<Result<T>>,
  ledgerOf: (bookId: Id) => Promise<Ledger>,
): ChargesApi {
  return {
    async postCharges(bookId, customerId, asOf) {
      const [book, ledger] = await Promise.all([db.books.get(bookId), ledgerOf(bookId)]);
      if (!book || book.deleted === 1) return fail('', 'book.notFound');
      const chase = ledger.chaseCustomers(asOf, asOf).find((c) => c.customerId === customerId);
      const overdue = (chase?.invoices ?? []).filter((i) => i.dueDate < asOf);
      const adjustments = (await db.adjustments.where('customerId').equals(customerId).filter((a) => a.deleted === 0 && a.bookId === bookId).toArray())
        .filter((a) => a.date <= asOf);
      const rule = await chargeRuleOf(db, bookId);
      const digits = currencyDigits(book.currency);
      const drafts: ChargeDraft[] = [];
      for (const inv of overdue) {
        const charges = adjustments.filter((a) => a.invoiceId === inv.id && a.kind === 'charge');
        const charged = charges.reduce((s, a) => s + a.amount, 0);
        // Accrual runs on the principal still open: the balance without its charges.
        const principal = inv.balance - charged;
        if (principal <= 0) continue;
        const stageFees = charges.filter((a) => !a.reason.startsWith('accrual:')).reduce((s, a) => s + a.amount, 0);
        const lines = accruedCharges({ principal, dueDate: inv.dueDate, asOf, rule: { ...rule, stageFees: false }, alreadyCharged: stageFees });
        for (const line of lines) {
          const posted = charges.filter((a) => a.reason === accrualReason(line.kind)).reduce((s, a) => s + a.amount, 0);
          const increment = line.amount - posted;
          if (increment <= 0) continue;
          drafts.push({
            invoiceId: inv.id, customerId, date: asOf, amount: increment, reason: accrualReason(line.kind),
            basis: describeBasis(line, digits, book.locale),
          });
        }
      }
      if (drafts.length === 0) return ok({ charges: [], total: 0 });
      const written = await write((repo) => repo.postCharges(bookId, drafts));
      if (!written.ok) return written;
      return ok({ charges: written.value, total: written.value.reduce((s: number, a: Adjustment) => s + a.amount, 0) });
    },

    waiveCharge(bookId, chargeId, date, reason) {
      return write((repo) => repo.waiveCharge(bookId, chargeId, date, reason));
    },
  };
}
