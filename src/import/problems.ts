// Problems found while reading a file, each tied to a physical line and a column.
import type { ImportProblem } from './types';

/** Problem codes the import core emits beside domain ErrorCodes (for the UI's translations). */
export const IMPORT_CODES = [
  'import.encoding', // the encoding override is unknown
  'import.delimiter', // the delimiter override is unusable
  'import.badBytes', // bytes invalid in the encoding became U+FFFD
  'import.noHeader', // no header row found
  'import.unmapped', // a required field has no column
  'import.mapColumnMissing', // the map names a column the file lacks
  'import.unclosedQuote', // a quoted cell never closes
  'import.duplicateRow', // identical to an earlier row; read once
  'import.filtered', // rows left out by a status filter (e.g. Voided)
  'import.rowSkipped', // a total or note line, not an invoice
  'import.rounded', // more decimals than the currency has
  'import.currency', // unknown currency
  'import.terms', // unreadable payment terms
  'import.disputedValue', // unreadable disputed flag, read as not disputed
  'import.dueBeforeIssue',
  'import.paidNoDate', // paid amount without a date: paid on the import date
  'import.overpaid', // paid more than the amount
  'import.balanceAboveAmount',
  'import.balanceMismatch', // paid + balance != amount; the balance is kept
  'import.groupConflict', // rows of one invoice disagree
  'import.groupIncomplete', // invoice left out because one of its rows has an error
  'import.duplicateCustomer', // a customers file names the same customer twice; read once
  'import.duplicatePayment', // a payment already in the book (customer, date, amount, reference); skipped
] as const;

export type ImportCode = (typeof IMPORT_CODES)[number];

export class ProblemList {
  readonly items: ImportProblem[] = [];
  add(
    severity: ImportProblem['severity'], line: number, column: string | null, code: string, message: string,
    params?: Record<string, string | number>,
  ): void {
    this.items.push(params ? { severity, line, column, code, params, message } : { severity, line, column, code, message });
  }

  error(line: number, column: string | null, code: string, message: string, params?: Record<string, string | number>): void {
    this.add('error', line, column, code, message, params);
  }

  warning(line: number, column: string | null, code: string, message: string, params?: Record<string, string | number>): void {
    this.add('warning', line, column, code, message, params);
  }

  /** Problems in line order, errors before warnings on the same line. */
  sorted(): ImportProblem[] {
    return this.items
      .map((p, i) => ({ p, i }))
      .sort((a, b) => a.p.line - b.p.line || (a.p.severity === b.p.severity ? a.i - b.i : a.p.severity === 'error' ? -1 : 1))
      .map((x) => x.p);
  }
}
