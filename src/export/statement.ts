// A customer statement (对账单) as CSV rows, in three blocks separated by an empty
// record: who and which period; the account (opening row, the period's lines with
// the running balance, closing row with the totals); the aging line as of the end.
// Column names are English snake_case like the other exports; amounts are typed
// amount cells, so they stay numbers; text (references, notes, names) is neutralised
// by the CSV writer. The side of a line that does not apply is left empty.
import type { Statement } from '../domain/statement';
import type { IsoDate, Minor } from '../domain/types';
import { amountCell, type CsvRow } from './csv';
import { safeName } from './filename';
import { bucketColumn } from './reports';

export interface StatementHeading {
  creditor: string;
  debtor: string;
  currency: string;
}

export function statementRows(statement: Statement, heading: StatementHeading, digits: number): CsvRow[] {
  const money = (m: Minor) => amountCell(m, digits);
  const side = (m: Minor) => (m === 0 ? null : money(m));
  const s = statement;
  return [
    ['creditor', 'customer', 'currency', 'from', 'to'],
    [heading.creditor, heading.debtor, heading.currency, s.from, s.to],
    [],
    ['date', 'kind', 'reference', 'note', 'debit', 'credit', 'balance'],
    [s.from, 'opening', null, null, null, null, money(s.openingBalance)],
    ...s.lines.map((l): CsvRow => [l.date, l.kind, l.reference, l.note, side(l.debit), side(l.credit), money(l.balance)]),
    [s.to, 'closing', null, null, money(s.totalDebit), money(s.totalCredit), money(s.closingBalance)],
    [],
    ['aging_as_of', ...s.aging.map(bucketColumn), 'invoices_total', 'unapplied_credit', 'balance'],
    [s.to, ...s.aging.map((b) => money(b.amount)), money(s.agingTotal), money(s.unappliedCredit), money(s.closingBalance)],
  ];
}

/** '<book>-<customer>-statement-<from>-<to>.csv' */
export function statementFilename(bookName: string, customerName: string, from: IsoDate, to: IsoDate): string {
  return `${safeName(bookName)}-${safeName(customerName)}-statement-${from}-${to}.csv`;
}
