// The import core's contract (see /work/brief/IMPORT.md). Fields marked "extension"
// are optional additions beyond that contract; callers that ignore them keep working.
import type { DateOrder } from '../domain/calendar';
import type { IsoDate, Minor } from '../domain/types';
import type { ImportField } from './fields';

/**
 * How a file with several rows per invoice number carries the amount (extension):
 * 'sum'  one row per line item, each with its own amount (added up);
 * 'same' each line item row repeats the invoice's total, paid and balance (taken once,
 *        e.g. Xero's Total next to LineAmount);
 * 'auto' (default) 'same' when the amount column is an invoice total and the file also
 *        has a line-amount column, else 'sum'.
 */
export type GroupAmounts = 'auto' | 'sum' | 'same';

/** Leave out rows whose cell in `column` is one of `skip` (extension), e.g. Status = Voided. */
export interface RowFilter {
  column: string;
  skip: string[];
}

export interface ImportOptions {
  /** Override: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk' ...; default detect. */
  encoding?: string;
  /** Override; default detect among , ; \t | */
  delimiter?: string;
  /** Needed for 5/1/2024-style dates, else detected per column from the data. */
  dateOrder?: DateOrder;
  /**
   * Extension: the order to assume for a column whose values cannot tell (all parts
   * 12 or less), e.g. the order a preset's tool usually writes. Unlike `dateOrder` it
   * never overrides what the data proves.
   */
  dateOrderHint?: DateOrder;
  /** Field -> header text (or 1-based column number as a string); '' unmaps the field. */
  map?: Partial<Record<ImportField, string>>;
  commaDecimal?: boolean;
  /** Book currency, e.g. 'CNY'. */
  defaultCurrency: string;
  /** Due date when neither a due date nor terms are given. */
  defaultTermsDays: number;
  /** "Today": date of payments whose paid date is missing. */
  importDate: IsoDate;
  /** Extension: 1-based physical line of the header row, when the user corrected the guess. */
  headerLine?: number;
  /** Extension: see GroupAmounts. */
  groupAmounts?: GroupAmounts;
  /** Extension: rows to leave out by a status-like column. */
  filters?: RowFilter[];
}

export interface ImportProblem {
  severity: 'error' | 'warning';
  /** 1-based physical line in the file (a quoted multi-line cell counts its lines). */
  line: number;
  /** Header text of the column, or null for the whole row. */
  column: string | null;
  /** 'import.<name>' or a domain ErrorCode such as 'date.invalid'. */
  code: string;
  params?: Record<string, string | number>;
  /** Plain English sentence (the CLI prints it; the UI translates `code`). */
  message: string;
}

export interface ParsedPayment {
  date: IsoDate;
  amount: Minor;
}

export interface ParsedInvoice {
  /** First line of the invoice in the file. */
  line: number;
  number: string;
  /** Customer id/code if given, else the name. */
  customerKey: string;
  customerName: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Sum of line items when grouped. */
  amount: Minor;
  currency: string;
  description: string;
  disputed: boolean;
  payments: ParsedPayment[];
}

export interface ParsedFile {
  encoding: string;
  delimiter: string;
  /** 1-based line of the header row; 0 when the rows have no header (pasted data mapped by column number). */
  headerLine: number;
  headers: string[];
  /** Field -> 0-based column index. */
  mapping: Partial<Record<ImportField, number>>;
  /** Data rows read (non-blank rows below the header). */
  rows: number;
  /** Rows with errors are left out. */
  invoices: ParsedInvoice[];
  problems: ImportProblem[];
  /** Extension: how rows sharing an invoice number were combined. */
  groupAmounts: 'sum' | 'same';
  /** Extension: the day/month order used per date column (given or detected). */
  dateOrders: Partial<Record<ImportField, DateOrder>>;
}
