// Files of customers and of payments: read with the invoice import's machinery
// (decoding, delimiter and header detection, synonym mapping, problems tied to a
// line and a column), one record per row. These files are small next to invoice
// ledgers, so they are read whole rather than in chunks.
import { parseDate, type DateOrder } from '../domain/calendar';
import { currencyDigits } from '../domain/money';
import type { Contact, IsoDate, Minor } from '../domain/types';
import { checkUscc, normalizeUscc } from '../domain/uscc';
import { parseImportAmount } from './amount';
import { isBlankRow, readCsv, type CsvRow } from './csv';
import { addEvidence, decideOrder, newEvidence, normalizeDateText } from './dates';
import { detectDelimiter } from './delimiter';
import { findHeaderRow, HEADER_SEARCH_ROWS } from './header';
import { decodeInput, delimiterOption } from './invoices';
import {
  customerHeaderScore, CUSTOMER_FIELDS, matchCustomerHeader, matchPaymentHeader, paymentHeaderScore, PAYMENT_FIELDS,
  type CustomerField, type PaymentField,
} from './kinds';
import { resolveFieldMapping } from './mapping';
import { cleanCell } from './normalize';
import { ProblemList } from './problems';
import type { ImportOptions, ImportProblem } from './types';
import { readTermsDays } from './values';

export interface ParsedCustomer {
  line: number;
  /** The file's customer id/code, '' when none. */
  code: string;
  name: string;
  /** Normalised (half-width, upper case); '' when none. */
  uscc: string;
  termsDays: number | null;
  creditLimit: Minor | null;
  contact: Contact | null;
  notes: string;
}

export interface ParsedPaymentRow {
  line: number;
  /** Code if the file gives one, else the name (as for invoices). */
  customerKey: string;
  customerName: string;
  date: IsoDate;
  amount: Minor;
  method: string;
  reference: string;
  /** '' when the payment names no invoice. */
  invoiceNumber: string;
}

export interface RecordFile<T> {
  encoding: string;
  delimiter: string;
  headerLine: number;
  headers: string[];
  /** Field -> 0-based column index. */
  mapping: Record<string, number>;
  rows: number;
  /** Rows without errors. */
  records: T[];
  problems: ImportProblem[];
}

export type RecordOptions = Pick<ImportOptions, 'encoding' | 'delimiter' | 'dateOrder' | 'commaDecimal' | 'defaultCurrency' | 'headerLine'> & {
  map?: Record<string, string>;
};

interface Spec<F extends string> {
  fields: readonly F[];
  match: (header: string) => { field: F; rank: number }[];
  score: (cells: readonly string[]) => number;
  /** Fields that must have a column (any one of a group). */
  required: readonly (readonly F[])[];
  needs: string;
}

/** What every kind shares: decode, split, find the header, map the columns. */
function readTable<F extends string>(input: Uint8Array | string, options: RecordOptions, spec: Spec<F>) {
  const decoded = decodeInput(input, options);
  const problems = decoded.problems;
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = delimiterOption(options.delimiter) ?? detectDelimiter(text.slice(0, 64 * 1024));
  const base = { encoding: decoded.encoding, delimiter, headerLine: 0, headers: [] as string[], mapping: {} as Partial<Record<F, number>>, rows: [] as CsvRow[], problems };
  if (!decoded.ok) return { ...base, ok: false as const };
  let rows: CsvRow[];
  try {
    rows = readCsv(text, delimiter);
  } catch {
    problems.error(1, null, 'import.delimiter', `${JSON.stringify(delimiter)} cannot be a delimiter.`, { value: delimiter });
    return { ...base, ok: false as const };
  }
  const map: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.map ?? {})) if ((spec.fields as readonly string[]).includes(k)) map[k] = v;
  const named = Object.values(map).filter((v) => v.trim() !== '' && !/^\s*\d+\s*$/.test(v));
  const index = options.headerLine !== undefined
    ? rows.findIndex((r) => r.line === options.headerLine)
    : findHeaderRow(rows, named, spec.score);
  if (index < 0) {
    problems.error(rows.find((r) => !isBlankRow(r.cells))?.line ?? 1, null, 'import.noHeader',
      `No header row found in the first ${HEADER_SEARCH_ROWS} rows: a row naming ${spec.needs}. Map the columns by hand.`);
    return { ...base, ok: false as const };
  }
  const header = rows[index] as CsvRow;
  const headers = header.cells.map((c) => c.trim());
  const { mapping, missing } = resolveFieldMapping(headers, map as Partial<Record<F, string>>, spec.fields, spec.match);
  for (const m of missing) {
    problems.warning(header.line, m.wanted, 'import.mapColumnMissing', `The file has no column "${m.wanted}" for ${m.field}; the field is left empty.`, { field: m.field, column: m.wanted });
  }
  const unmapped = spec.required.filter((group) => group.every((f) => mapping[f] === undefined)).map((g) => g[0] as F);
  const result = { ...base, headerLine: header.line, headers, mapping, rows: rows.slice(index + 1).filter((r) => !isBlankRow(r.cells)) };
  if (unmapped.length > 0) {
    problems.error(header.line, null, 'import.unmapped', `No column found for: ${unmapped.join(', ')}. Map them by hand.`, { fields: unmapped.join(',') });
    return { ...result, ok: false as const };
  }
  return { ...result, ok: true as const };
}

/** Reads one row's cells by field, and reports against the field's column. */
class Cells<F extends string> {
  failed = false;
  constructor(
    private readonly row: CsvRow,
    private readonly headers: readonly string[],
    private readonly mapping: Partial<Record<F, number>>,
    private readonly problems: ProblemList,
  ) {}

  get(field: F): string {
    const i = this.mapping[field];
    return i === undefined ? '' : cleanCell(this.row.cells[i] ?? '');
  }

  column(field: F): string | null {
    const i = this.mapping[field];
    return i === undefined ? null : (this.headers[i] ?? null);
  }

  error(field: F | null, code: string, message: string, params?: Record<string, string | number>): void {
    this.problems.error(this.row.line, field === null ? null : this.column(field), code, message, params);
    this.failed = true;
  }

  warning(field: F, code: string, message: string, params?: Record<string, string | number>): void {
    this.problems.warning(this.row.line, this.column(field), code, message, params);
  }

  /** Minor units of a money cell, null when empty or wrong (an error is reported). */
  money(field: F, digits: number, commaDecimal: boolean, currency: string): Minor | null {
    const text = this.get(field);
    if (text === '') return null;
    const r = parseImportAmount(text, digits, commaDecimal);
    if (!r.ok) {
      this.error(field, r.code, `"${text}" is not an amount this import can read (${r.code}).`, { value: text, ...r.params });
      return null;
    }
    if (r.value < 0) {
      this.error(field, 'money.negative', `"${text}" is negative.`, { value: text });
      return null;
    }
    if (r.rounded) this.warning(field, 'import.rounded', `"${text}" has more decimals than ${currency} has; rounded to ${digits} (half away from zero).`, { value: text, digits });
    return r.value;
  }
}

function fileOf<T, F extends string>(t: ReturnType<typeof readTable<F>>, records: T[]): RecordFile<T> {
  return {
    encoding: t.encoding, delimiter: t.delimiter, headerLine: t.headerLine, headers: t.headers,
    mapping: { ...t.mapping } as Record<string, number>, rows: t.rows.length, records, problems: t.problems.sorted(),
  };
}

/** A file of customers: one customer per row, name required. */
export function parseCustomerFile(input: Uint8Array | string, options: RecordOptions): RecordFile<ParsedCustomer> {
  const t = readTable<CustomerField>(input, options, {
    fields: CUSTOMER_FIELDS, match: matchCustomerHeader, score: customerHeaderScore, required: [['name']], needs: 'a customer name',
  });
  if (!t.ok) return fileOf(t, []);
  const digits = currencyDigits(options.defaultCurrency);
  const records: ParsedCustomer[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const c = new Cells(row, t.headers, t.mapping, t.problems);
    const name = c.get('name');
    if (name === '') c.error('name', 'required', 'The customer name is missing.');
    const code = c.get('code');
    const usccCell = c.get('uscc');
    const uscc = usccCell === '' ? '' : normalizeUscc(usccCell);
    if (uscc !== '') {
      const check = checkUscc(uscc);
      if (!check.valid) {
        c.warning('uscc', check.reason ?? 'uscc.format', `"${usccCell}" is not a valid Unified Social Credit Code; kept as written.`, {
          value: usccCell, ...(check.expected ? { expected: check.expected } : {}),
        });
      }
    }
    const termsCell = c.get('terms_days');
    const termsDays = termsCell === '' ? null : readTermsDays(termsCell);
    if (termsCell !== '' && termsDays === null) c.error('terms_days', 'import.terms', `"${termsCell}" is not a number of days.`, { value: termsCell });
    const creditLimit = c.money('credit_limit', digits, options.commaDecimal ?? false, options.defaultCurrency);
    const contact: Contact = { name: c.get('contact'), phone: c.get('phone'), email: c.get('email'), wechat: c.get('wechat'), address: c.get('address') };
    if (c.failed) continue;
    const key = code !== '' ? `code:${code}` : `name:${name.normalize('NFKC').trim().toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      t.problems.warning(row.line, null, 'import.duplicateCustomer', `This customer is already on line ${first}; this row is left out.`, { line: first });
      continue;
    }
    seen.set(key, row.line);
    records.push({
      line: row.line, code, name, uscc, termsDays, creditLimit,
      contact: Object.values(contact).some((v) => v !== '') ? contact : null,
      notes: c.get('notes'),
    });
  }
  return fileOf(t, records);
}

/** A file of payments: customer, date and a positive amount required. */
export function parsePaymentFile(input: Uint8Array | string, options: RecordOptions): RecordFile<ParsedPaymentRow> {
  const t = readTable<PaymentField>(input, options, {
    fields: PAYMENT_FIELDS, match: matchPaymentHeader, score: paymentHeaderScore,
    required: [['customer', 'customer_name'], ['date'], ['amount']], needs: 'at least an amount and a customer',
  });
  if (!t.ok) return fileOf(t, []);
  // The day/month order: given, else what the column's values prove.
  let order: DateOrder | undefined = options.dateOrder;
  if (order === undefined && t.mapping.date !== undefined) {
    const ev = newEvidence();
    const at = t.mapping.date;
    for (const row of t.rows) {
      const raw = cleanCell(row.cells[at] ?? '');
      if (raw !== '') addEvidence(ev, normalizeDateText(raw), raw, row.line);
    }
    const d = decideOrder(ev);
    if (d !== null && d !== 'conflict') order = d;
  }
  const digits = currencyDigits(options.defaultCurrency);
  const records: ParsedPaymentRow[] = [];
  for (const row of t.rows) {
    const c = new Cells(row, t.headers, t.mapping, t.problems);
    const code = c.get('customer');
    const name = c.get('customer_name');
    const customerKey = code !== '' ? code : name;
    if (customerKey === '') c.error(t.mapping.customer !== undefined ? 'customer' : 'customer_name', 'required', 'The customer is missing.');
    const dateCell = c.get('date');
    let date = '';
    if (dateCell === '') c.error('date', 'required', 'The payment date is missing.');
    else {
      const r = parseDate(normalizeDateText(dateCell), order ? { order } : {});
      if (r.ok) date = r.value;
      else {
        const code = r.errors[0]?.code ?? 'date.invalid';
        c.error('date', code, `"${dateCell}" is not a date this import can read (${code}).`, { value: dateCell });
      }
    }
    const amountCell = c.get('amount');
    let amount: Minor = 0;
    if (amountCell === '') c.error('amount', 'required', 'The amount is missing.');
    else {
      amount = c.money('amount', digits, options.commaDecimal ?? false, options.defaultCurrency) ?? 0;
      if (!c.failed && amount === 0) c.error('amount', 'money.zero', `"${amountCell}" is not a positive amount.`, { value: amountCell });
    }
    if (c.failed) continue;
    records.push({
      line: row.line, customerKey, customerName: name !== '' ? name : code, date, amount,
      method: c.get('method'), reference: c.get('reference'), invoiceNumber: c.get('invoice_number'),
    });
  }
  return fileOf(t, records);
}
