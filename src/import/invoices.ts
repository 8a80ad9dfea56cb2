// Invoice files in, invoices and problems out. Three entry points share one parser:
// parseInvoiceFile (a whole file at once), parseInvoiceFileAsync (in chunks, with
// progress and cancel, for a worker), parsePastedRows (cells copied from Excel). The
// parser itself takes text in chunks: it buffers the first rows to detect the
// delimiter and the header, then reads rows as they complete; dates are read at the
// end, once every column has shown its day/month order.
import type { DateOrder } from '../domain/calendar';
import { CsvReader, isBlankRow, type CsvRow } from './csv';
import { decideOrder } from './dates';
import { decodeBytes } from './decode';
import { detectDelimiter } from './delimiter';
import { DATE_FIELDS, type DateField, type ImportField } from './fields';
import { buildInvoices } from './group';
import { findHeaderRow, HEADER_SEARCH_ROWS } from './header';
import { findColumn, resolveMapping, type Mapping } from './mapping';
import { ProblemList } from './problems';
import { RowReader, type RowRecord } from './rows';
import { isLineAmountHeader } from './synonyms';
import type { ImportOptions, ParsedFile } from './types';

/** Text to look at before choosing the delimiter. */
const SNIFF_CHARS = 64 * 1024;
const SNIFF_LINES = 60;

/** Fields without which no invoice can be built ('customer' or 'customer_name' will do). */
const REQUIRED: readonly ImportField[] = ['number', 'amount', 'issue_date'];

export interface InvoiceParser {
  /** Add the next piece of text; a row may continue across pieces. */
  push(text: string): void;
  /** Read the rest and return the result. The parser cannot be used afterwards. */
  finish(): ParsedFile;
  /** Data rows read so far (for progress). */
  readonly rowsRead: number;
}

/** 'tab' and '\t' as typed on a command line mean the tab character. */
export function delimiterOption(d: string | undefined): string | undefined {
  if (d === undefined || d === '') return undefined;
  if (d === '\\t' || d.toLowerCase() === 'tab') return '\t';
  return d;
}

class Parser implements InvoiceParser {
  private pending = '';
  private pendingLines = 0;
  private started = false;
  private reader: CsvReader | null = null;
  private delimiter = ',';
  private early: CsvRow[] = [];
  private earlyNonBlank = 0;
  private headerDecided = false;
  private fatal = false;
  private headerLine = 0;
  private headers: string[] = [];
  private mapping: Mapping = {};
  private mode: 'sum' | 'same' = 'sum';
  private rowReader: RowReader | null = null;
  private readonly records: RowRecord[] = [];
  private finished = false;

  constructor(
    private readonly options: ImportOptions,
    private readonly encoding: string,
    private readonly problems: ProblemList,
  ) {}

  get rowsRead(): number {
    return this.rowReader?.rowsRead ?? 0;
  }

  push(text: string): void {
    if (this.finished) throw new Error('The parser has finished');
    if (!this.started && this.pending === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (this.reader === null) {
      this.pending += text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.pendingLines++;
      if (this.pending.length >= SNIFF_CHARS || this.pendingLines >= SNIFF_LINES) this.start();
      return;
    }
    this.reader.push(text);
    this.drain(false);
  }

  finish(): ParsedFile {
    if (this.finished) throw new Error('The parser has finished');
    if (this.reader === null) this.start();
    this.drain(true);
    if (!this.headerDecided) this.decideHeader(true);
    this.finished = true;
    return this.result();
  }

  private start(): void {
    this.started = true;
    const d = delimiterOption(this.options.delimiter) ?? detectDelimiter(this.pending);
    this.delimiter = d;
    try {
      this.reader = new CsvReader(d);
    } catch {
      this.problems.error(1, null, 'import.delimiter', `${JSON.stringify(d)} cannot be a delimiter; use one character other than a quote or line break.`, { value: d });
      this.fatal = true;
      this.headerDecided = true;
      this.pending = '';
      return;
    }
    this.reader.push(this.pending);
    this.pending = '';
    this.drain(false);
  }

  /** Read the rows the reader has complete (all of them when final). */
  private drain(final: boolean): void {
    const reader = this.reader;
    if (reader === null) return;
    // Rows go straight to the row reader once the header is known; before, they wait in `early`.
    reader.each(final, (row) => {
      if (this.headerDecided) this.dataRow(row);
      else {
        this.early.push(row);
        if (!isBlankRow(row.cells)) this.earlyNonBlank++;
        if (this.enoughForHeader()) this.decideHeader(false);
      }
    });
    if (final && !this.headerDecided) this.decideHeader(true);
  }

  private dataRow(row: CsvRow): void {
    if (this.fatal || this.rowReader === null) return;
    const rec = this.rowReader.read(row);
    if (rec) this.records.push(rec);
  }

  private enoughForHeader(): boolean {
    const wanted = this.options.headerLine;
    const last = this.early[this.early.length - 1];
    if (wanted !== undefined) return last !== undefined && last.line >= wanted;
    return this.earlyNonBlank >= HEADER_SEARCH_ROWS;
  }

  private decideHeader(final: boolean): void {
    if (this.headerDecided) return;
    if (!final && !this.enoughForHeader()) return;
    this.headerDecided = true;
    const rows = this.early;
    this.early = [];
    const map = this.options.map ?? {};
    const mapValues = Object.values(map).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    const byNumberOnly = mapValues.length > 0 && mapValues.every((v) => /^\s*\d+\s*$/.test(v));

    let index: number;
    if (this.options.headerLine !== undefined) {
      index = rows.findIndex((r) => r.line === this.options.headerLine);
    } else {
      index = findHeaderRow(rows, byNumberOnly ? [] : mapValues);
    }
    let dataRows: CsvRow[];
    if (index >= 0) {
      const header = rows[index] as CsvRow;
      this.headerLine = header.line;
      this.headers = header.cells.map((c) => c.trim());
      dataRows = rows.slice(index + 1);
    } else if (byNumberOnly && this.options.headerLine === undefined) {
      // Rows without a header (pasted cells), mapped by column number.
      const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
      this.headers = Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
      this.headerLine = 0;
      dataRows = rows;
    } else {
      const first = rows.find((r) => !isBlankRow(r.cells));
      const where = this.options.headerLine !== undefined ? `on line ${this.options.headerLine}` : `in the first ${HEADER_SEARCH_ROWS} rows`;
      this.problems.error(first?.line ?? 1, null, 'import.noHeader',
        `No header row found ${where}: a row naming at least an amount and an invoice number or customer column. Map the columns by hand.`);
      this.fatal = true;
      return;
    }
    if (!this.setUpMapping()) {
      this.fatal = true;
      return;
    }
    for (const row of dataRows) this.dataRow(row);
  }

  /** Resolve the mapping and filters; false when a required field has no column. */
  private setUpMapping(): boolean {
    const p = this.problems;
    const line = this.headerLine || 1;
    const { mapping, missing } = resolveMapping(this.headers, this.options.map);
    this.mapping = mapping;
    let ok = true;
    for (const m of missing) {
      const required = REQUIRED.includes(m.field) || m.field === 'customer' || m.field === 'customer_name';
      const hasOtherCustomer = (m.field === 'customer' && mapping.customer_name !== undefined) || (m.field === 'customer_name' && mapping.customer !== undefined);
      const fatal = required && !hasOtherCustomer;
      p.add(fatal ? 'error' : 'warning', line, m.wanted, 'import.mapColumnMissing',
        `The file has no column "${m.wanted}" for ${m.field}${fatal ? '' : '; the field is left empty'}.`, { field: m.field, column: m.wanted });
      if (fatal) ok = false;
    }
    if (!ok) return false;
    const unmapped = REQUIRED.filter((f) => mapping[f] === undefined);
    if (mapping.customer === undefined && mapping.customer_name === undefined) unmapped.push('customer');
    if (unmapped.length > 0) {
      p.error(line, null, 'import.unmapped', `No column found for: ${unmapped.join(', ')}. Map them by hand.`, { fields: unmapped.join(',') });
      return false;
    }

    const filters: { index: number; column: string; skip: string[] }[] = [];
    for (const f of this.options.filters ?? []) {
      const index = findColumn(this.headers, f.column);
      if (index < 0) continue; // a preset's status filter on a file without that column: nothing to filter
      filters.push({ index, column: this.headers[index] ?? f.column, skip: f.skip });
    }

    const want = this.options.groupAmounts ?? 'auto';
    if (want === 'auto') {
      const amountHeader = this.headers[mapping.amount ?? -1] ?? '';
      const lineColumn = this.headers.some((h, i) => i !== mapping.amount && isLineAmountHeader(h));
      this.mode = !isLineAmountHeader(amountHeader) && lineColumn ? 'same' : 'sum';
    } else {
      this.mode = want;
    }
    this.rowReader = new RowReader(this.headers, mapping, this.options, p, filters);
    return true;
  }

  /** Day/month order per date column: given, detected from the column, or borrowed from the file's other date columns. */
  private resolveOrders(reader: RowReader): Partial<Record<DateField, DateOrder>> {
    const orders: Partial<Record<DateField, DateOrder>> = {};
    if (this.options.dateOrder) {
      for (const f of DATE_FIELDS) if (this.mapping[f] !== undefined) orders[f] = this.options.dateOrder;
      return orders;
    }
    const undecided: DateField[] = [];
    for (const f of DATE_FIELDS) {
      const ev = reader.evidence[f];
      const d = decideOrder(ev);
      if (d === 'conflict' && ev.dayFirst && ev.monthFirst) {
        const [a, b] = ev.dayFirst.line <= ev.monthFirst.line ? [ev.dayFirst, ev.monthFirst] : [ev.monthFirst, ev.dayFirst];
        this.problems.error(a.line, reader.column(f), 'date.ambiguous',
          `This column has day-first dates (${ev.dayFirst.value}) and month-first dates (${ev.monthFirst.value}); choose the date order. ${ev.needOrder} row(s) need it and are left out.`, {
            example: a.value, example2: b.value, line2: b.line, count: ev.needOrder,
          });
      } else if (d !== null && d !== 'conflict') {
        orders[f] = d;
      } else if (ev.ambiguous) {
        undecided.push(f);
      }
    }
    // One export writes all its dates one way: a column that cannot tell takes the order its
    // neighbours show, else the caller's hint (a preset's usual order).
    const shown = new Set(Object.values(orders));
    const [only] = [...shown];
    const fallback = shown.size === 1 ? only : shown.size === 0 ? this.options.dateOrderHint : undefined;
    for (const f of undecided) {
      const ev = reader.evidence[f];
      if (fallback) {
        orders[f] = fallback;
      } else if (ev.ambiguous) {
        this.problems.error(ev.ambiguous.line, reader.column(f), 'date.ambiguous',
          `Dates like ${ev.ambiguous.value} could be day/month or month/day; choose the date order. ${ev.needOrder} row(s) need it and are left out.`, {
            example: ev.ambiguous.value, count: ev.needOrder,
          });
      }
    }
    return orders;
  }

  private result(): ParsedFile {
    const reader = this.rowReader;
    let invoices: ParsedFile['invoices'] = [];
    let dateOrders: ParsedFile['dateOrders'] = {};
    if (!this.fatal && reader) {
      reader.reportFiltered();
      const orders = this.resolveOrders(reader);
      dateOrders = orders;
      invoices = buildInvoices(this.records, {
        options: this.options,
        problems: this.problems,
        mode: this.mode,
        orders,
        column: (f) => reader.column(f),
      });
    }
    return {
      encoding: this.encoding,
      delimiter: this.delimiter,
      headerLine: this.headerLine,
      headers: this.headers,
      mapping: this.fatal ? {} : this.mapping,
      rows: this.rowsRead,
      invoices,
      problems: this.problems.sorted(),
      groupAmounts: this.mode,
      dateOrders,
    };
  }
}

/** A parser fed text in chunks (already decoded); `encoding` is reported as given. */
export function createInvoiceParser(options: ImportOptions, encoding = 'text'): InvoiceParser {
  return new Parser(options, encoding, new ProblemList());
}

export interface Decoding {
  text: string;
  encoding: string;
  problems: ProblemList;
  ok: boolean;
}

/** Bytes decoded (encoding detected or given) with a warning for unreadable bytes; text passes through. */
export function decodeInput(input: Uint8Array | string, options: Pick<ImportOptions, 'encoding'>): Decoding {
  const problems = new ProblemList();
  if (typeof input === 'string') return { text: input, encoding: 'text', problems, ok: true };
  let decoded;
  try {
    decoded = decodeBytes(input, options.encoding);
  } catch {
    problems.error(1, null, 'import.encoding', `Unknown encoding "${options.encoding ?? ''}".`, { value: options.encoding ?? '' });
    return { text: '', encoding: options.encoding ?? '', problems, ok: false };
  }
  const bad = decoded.text.indexOf('\uFFFD');
  if (bad >= 0) {
    let count = 0;
    for (let i = bad; i >= 0; i = decoded.text.indexOf('\uFFFD', i + 1)) count++;
    const line = 1 + (decoded.text.slice(0, bad).match(/\r\n|\r|\n/g)?.length ?? 0);
    problems.warning(line, null, 'import.badBytes',
      `${count} character(s) could not be read as ${decoded.encoding}; they show as \uFFFD. Try another encoding.`, { count, encoding: decoded.encoding });
  }
  return { ...decoded, problems, ok: true };
}

function failedFile(d: Decoding, options: ImportOptions): ParsedFile {
  return {
    encoding: d.encoding,
    delimiter: delimiterOption(options.delimiter) ?? ',',
    headerLine: 0,
    headers: [],
    mapping: {},
    rows: 0,
    invoices: [],
    problems: d.problems.sorted(),
    groupAmounts: 'sum',
    dateOrders: {},
  };
}

/** Parse a whole file: bytes (encoding detected or given) or text already decoded. */
export function parseInvoiceFile(input: Uint8Array | string, options: ImportOptions): ParsedFile {
  const d = decodeInput(input, options);
  if (!d.ok) return failedFile(d, options);
  const parser = new Parser(options, d.encoding, d.problems);
  parser.push(d.text);
  return parser.finish();
}

export interface ParseControl {
  /** Cancels the parse: the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Characters of decoded text read so far, and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Characters per chunk between yields (default 256 Ki). */
  chunkChars?: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The import was cancelled', 'AbortError');
}

/** Let the worker answer messages (progress requests, a cancel) between chunks. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Parse in chunks, yielding between them so a worker stays responsive: progress is
 * reported after each chunk and an aborted signal stops the parse.
 */
export async function parseInvoiceFileAsync(input: Uint8Array | string, options: ImportOptions, control: ParseControl = {}): Promise<ParsedFile> {
  const { signal, onProgress } = control;
  const chunk = Math.max(1024, control.chunkChars ?? 256 * 1024);
  if (signal?.aborted) throw abortReason(signal);
  const d = decodeInput(input, options);
  if (!d.ok) return failedFile(d, options);
  const parser = new Parser(options, d.encoding, d.problems);
  const total = d.text.length;
  for (let at = 0; at < total; at += chunk) {
    parser.push(d.text.slice(at, at + chunk));
    onProgress?.(Math.min(at + chunk, total), total);
    await yieldToEvents();
    if (signal?.aborted) throw abortReason(signal);
  }
  const result = parser.finish();
  onProgress?.(total, total);
  return result;
}

/**
 * Rows pasted from a spreadsheet: tab-separated text (Excel quotes cells with line
 * breaks). A header row is used when there is one; without it, map fields by column
 * number ({ amount: '3' }).
 */
export function parsePastedRows(text: string, options: ImportOptions): ParsedFile {
  const opts: ImportOptions = { ...options, delimiter: options.delimiter ?? '\t' };
  const parser = new Parser(opts, 'text', new ProblemList());
  parser.push(text);
  return parser.finish();
}
