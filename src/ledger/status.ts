// An invoice's status as of a date, from its balance, dates and flags.
// An invoice is open while its balance is above zero.

import type { InvoiceStatus } from '../api/contract';
import type { DayNumber } from '../domain/types';

export function invoiceStatus(
  asOfDay: DayNumber,
  issueDay: DayNumber,
  dueDay: DayNumber,
  balance: number,
  disputed: boolean,
  writtenOff: boolean,
): InvoiceStatus {
  if (issueDay > asOfDay) return 'notYetIssued';
  if (balance <= 0) return writtenOff ? 'writtenOff' : 'paid';
  if (disputed) return 'disputed';
  return asOfDay > dueDay ? 'overdue' : 'open';
}

/** Days past due of an open invoice; 0 when not yet due or nothing is open. */
export function daysOverdue(asOfDay: DayNumber, dueDay: DayNumber, balance: number): number {
  return balance > 0 && asOfDay > dueDay ? asOfDay - dueDay : 0;
}
