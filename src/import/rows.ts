// One data row to a record: money read now (the currency is on the row), dates kept as
// normalised text until the whole column has been seen, because a column's day/month
// order may only show in its last rows.
import { currencyDigits } from '../domain/money';
import type { Minor } from '../domain/types';
import { parseImportAmount } from './amount';
import type { CsvRow } from './csv';
import { isBlankRow } from './csv';
import { addEvidence, newEvidence, normalizeDateText, type OrderEvidence } from './dates';
import type { DateField, ImportField } from './fields';
import type { Mapping } from './mapping';
import { cleanCell, normalizeValue } from './normalize';
import type { ProblemList } from './problems';
import type { ImportOptions } from './types';
import { readCurrency, readDisputed, readTermsDays } from './values';

export interface RowRecord {
  line: number;
  /** An error was reported for this row; it is left out (and so is its invoice). */
  failed: boolean;
  number: string;
  customerKey: string;
  customerName: string;
  /** Normalised date texts ('' when empty); see dateText(). */
  issueText: string;
  dueText: string;
  paidText: string;
  /** The date cells as written, for messages. */
  issueRaw: string;
  dueRaw: string;
  paidRaw: string;
  terms: number | null;
  amount: Minor;
  paid: Minor | null;
  balance: Minor | null;
  currency: string;
  disputed: boolean;
  description: string;
}

/** A record's normalised date text for a date column, and the cell as written. */
export function dateText(rec: RowRecord, field: DateField): [text: string, raw: string] {
  if (field === 'issue_date') return [rec.issueText, rec.issueRaw];
  return field === 'due_date' ? [rec.dueText, rec.dueRaw] : [rec.paidText, rec.paidRaw];
}

/** Excel's accounting format writes a zero amount as a lone dash. */
const DASH_ZERO = /^[-\u2012-\u2015]$/;
/** A report's total line starts with one of these words... */
const TOTAL_LINE = /^(?:(?:grand )?totals?|sum)(?![a-z])|^[合总小共]\s*计/i;
/** ...and when it stands in the invoice-number column it is the whole cell. */
const TOTAL_CELL = /^(?:(?:grand )?totals?|sum|[合总小共]\s*计)\s*[:：]?$/i;

/** Reads data rows against one header and mapping, collecting problems and date evidence. */
export class RowReader {
  /** Non-blank rows below the header. */
  rowsRead = 0;
  readonly evidence: Record<DateField, OrderEvidence> = {
    issue_date: newEvidence(),
    due_date: newEvidence(),
    paid_date: newEvidence(),
  };
  private readonly seen = new Map<string, number>();
  private readonly filters: { index: number; column: string; skip: Set<string> }[];
  private readonly filtered = new Map<string, { line: number; count: number; column: string; value: string }>();
  private readonly defaultDigits: number;
  private readonly digitsByCurrency = new Map<string, number>();

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: Mapping,
    private readonly options: ImportOptions,
    private readonly problems: ProblemList,
    filterColumns: { index: number; column: string; skip: string[] }[],
  ) {
    this.filters = filterColumns.map((f) => ({ ...f, skip: new Set(f.skip.map(normalizeValue)) }));
    this.defaultDigits = currencyDigits(options.defaultCurrency);
  }

  /** Header text of a field's column (null when unmapped). */
  column(field: ImportField): string | null {
    const i = this.mapping[field];
    return i === undefined ? null : (this.headers[i] ?? `Column ${i + 1}`);
  }

  private cell(cells: readonly string[], field: ImportField): string {
    const i = this.mapping[field];
    return i === undefined ? '' : cleanCell(cells[i] ?? '');
  }

  private digits(currency: string): number {
    if (currency === this.options.defaultCurrency) return this.defaultDigits;
    let d = this.digitsByCurrency.get(currency);
    if (d === undefined) {
      d = currencyDigits(currency);
      this.digitsByCurrency.set(currency, d);
    }
    return d;
  }

  /** The record of a data row, or null for rows that are not invoices (blank, duplicate, filtered, totals). */
  read(row: CsvRow): RowRecord | null {
    const { cells, line } = row;
    if (isBlankRow(cells)) return null;
    this.rowsRead++;
    const p = this.problems;

    // Identical text is an identical row; the row's own text is a cheap exact key.
    const first = this.seen.get(row.text);
    if (first !== undefined) {
      p.warning(line, null, 'import.duplicateRow', `This row repeats line ${first} exactly; it is read once.`, { first });
      return null;
    }
    this.seen.set(row.text, line);

    if (this.filters.length > 0 && this.filteredOut(cells, line)) return null;

    const number = this.cell(cells, 'number');
    let firstText = '';
    let filled = 0;
    for (const c of cells) {
      if (c.trim() === '') continue;
      if (filled++ === 0) firstText = c.trim();
    }
    const totalLine = number === '' ? TOTAL_LINE.test(firstText) : TOTAL_CELL.test(number);
    if (totalLine || filled === 1) {
      p.warning(line, null, 'import.rowSkipped', `Not an invoice row ("${firstText.slice(0, 40)}"); left out.`, { text: firstText.slice(0, 40) });
      return null;
    }

    const id = this.cell(cells, 'customer');
    const name = this.cell(cells, 'customer_name');
    const rec: RowRecord = {
      line,
      failed: false,
      number,
      customerKey: id !== '' ? id : name,
      customerName: name !== '' ? name : id,
      issueText: '',
      dueText: '',
      paidText: '',
      issueRaw: this.cell(cells, 'issue_date'),
      dueRaw: this.cell(cells, 'due_date'),
      paidRaw: this.cell(cells, 'paid_date'),
      terms: null,
      amount: 0,
      paid: null,
      balance: null,
      currency: this.options.defaultCurrency,
      disputed: false,
      description: this.cell(cells, 'description'),
    };

    if (row.unclosedQuote) {
      this.fail(rec, null, 'import.unclosedQuote', 'A quoted cell that starts on this line is never closed; everything after it was read as one cell.');
    }
    if (number === '') this.fail(rec, 'number', 'required', 'The invoice number is missing.');
    if (rec.customerKey === '') {
      this.fail(rec, this.mapping.customer !== undefined ? 'customer' : 'customer_name', 'required', 'The customer is missing.');
    }

    const currencyCell = this.cell(cells, 'currency');
    if (currencyCell !== '') {
      const currency = readCurrency(currencyCell);
      if (currency === null) this.fail(rec, 'currency', 'import.currency', `Unknown currency "${currencyCell}".`, { value: currencyCell });
      else if (currency !== '') rec.currency = currency;
    }
    const digits = this.digits(rec.currency);
    rec.amount = this.money(rec, cells, 'amount', digits) ?? 0;
    rec.paid = this.money(rec, cells, 'paid_amount', digits);
    rec.balance = this.money(rec, cells, 'balance', digits);

    rec.issueText = this.date(rec.issueRaw, 'issue_date', line);
    rec.dueText = this.date(rec.dueRaw, 'due_date', line);
    rec.paidText = this.date(rec.paidRaw, 'paid_date', line);
    if (rec.issueText === '') this.fail(rec, 'issue_date', 'required', 'The issue date is missing.');

    const termsCell = this.cell(cells, 'terms_days');
    if (termsCell !== '') {
      rec.terms = readTermsDays(termsCell);
      // Terms only matter without a due date.
      if (rec.terms === null && rec.dueText === '') {
        this.fail(rec, 'terms_days', 'import.terms', `"${termsCell}" is not a number of days.`, { value: termsCell });
      }
    }

    const disputedCell = this.cell(cells, 'disputed');
    if (disputedCell !== '') {
      const disputed = readDisputed(disputedCell);
      if (disputed === null) {
        p.warning(line, this.column('disputed'), 'import.disputedValue', `"${disputedCell}" is not yes or no; read as not disputed.`, { value: disputedCell });
      }
      rec.disputed = disputed === true;
    }
    return rec;
  }

  private fail(rec: RowRecord, field: ImportField | null, code: string, message: string, params?: Record<string, string | number>): void {
    this.problems.error(rec.line, field ? this.column(field) : null, code, message, params);
    rec.failed = true;
  }

  /** Minor units of a money cell; null when empty or wrong (the error is reported). */
  private money(rec: RowRecord, cells: readonly string[], field: 'amount' | 'paid_amount' | 'balance', digits: number): Minor | null {
    const text = this.cell(cells, field);
    if (text === '') {
      if (field === 'amount') this.fail(rec, field, 'required', 'The amount is missing.');
      return null;
    }
    if (DASH_ZERO.test(text)) return 0;
    const r = parseImportAmount(text, digits, this.options.commaDecimal ?? false);
    if (!r.ok) {
      this.fail(rec, field, r.code, `"${text}" is not an amount this import can read (${r.code}).`, { value: text, ...r.params });
      return null;
    }
    if (field !== 'amount' && r.value < 0) {
      this.fail(rec, field, 'money.negative', `"${text}" is negative.`, { value: text });
      return null;
    }
    if (r.rounded) {
      this.problems.warning(rec.line, this.column(field), 'import.rounded',
        `"${text}" has more decimals than ${rec.currency} has; rounded to ${digits} (half away from zero).`, { value: text, digits });
    }
    return r.value;
  }

  /** A date cell normalised, with its day/month evidence recorded; '' when empty. */
  private date(raw: string, field: DateField, line: number): string {
    if (raw === '') return '';
    const normalized = normalizeDateText(raw);
    addEvidence(this.evidence[field], normalized, raw, line);
    return normalized;
  }

  private filteredOut(cells: readonly string[], line: number): boolean {
    for (const f of this.filters) {
      const value = cleanCell(cells[f.index] ?? '');
      const norm = normalizeValue(value);
      if (!f.skip.has(norm)) continue;
      const k = `${f.index}\u001f${norm}`;
      const entry = this.filtered.get(k);
      if (entry) entry.count++;
      else this.filtered.set(k, { line, count: 1, column: f.column, value });
      return true;
    }
    return false;
  }

  /** One warning per filtered value, at its first line. */
  reportFiltered(): void {
    for (const f of this.filtered.values()) {
      this.problems.warning(f.line, f.column, 'import.filtered', `${f.count} row(s) with ${f.column} "${f.value}" left out.`, {
        value: f.value,
        count: f.count,
      });
    }
  }
}
