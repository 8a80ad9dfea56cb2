// CSV for spreadsheets (RFC 4180): comma separated, CRLF after every record, a
// field quoted when it holds a comma, quote, CR or LF (quotes doubled). UTF-8 with a
// BOM by default, so Excel shows Chinese; GBK/GB18030 for older Chinese Excel.
//
// Formula neutralisation: a spreadsheet runs a text cell that starts with = + - @
// (or tab / CR, which some strip before looking) as a formula, so such TEXT cells get
// a leading apostrophe. Numbers and amounts are typed cells and stay numbers, negative
// ones included: the rule looks at the cell's type, not its text.
import type { Minor } from '../domain/types';
import { formatPlain } from '../domain/money';
import { encodeGb } from './gb18030';

/** An amount in minor units, written as a plain decimal with `digits` decimals ('-400.00'). */
export interface AmountCell {
  amount: Minor;
  digits: number;
}

/** Text, a number, an amount, or empty (null / undefined). */
export type CsvCell = string | number | AmountCell | null | undefined;
export type CsvRow = readonly CsvCell[];

export function amountCell(amount: Minor, digits: number): AmountCell {
  return { amount, digits };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text of one cell before quoting. Throws RangeError on a non-finite number. */
export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`CSV number must be finite: ${cell}`);
    return String(cell); // -0 prints as '0'
  }
  if (typeof cell === 'object') return formatPlain(cell.amount, cell.digits);
  return neutralise(cell);
}

/** One field as written: the cell's text, quoted when RFC 4180 requires it. */
export function csvField(cell: CsvCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type Newline = '\r\n' | '\n';

/** Records joined by `newline` (CRLF by default), each one terminated by it. */
export function toCsv(rows: readonly CsvRow[], newline: Newline = '\r\n'): string {
  let out = '';
  for (const row of rows) out += row.map(csvField).join(',') + newline;
  return out;
}

/** 'gbk' and 'gb18030' differ only in the euro sign (see gb18030.ts). */
export type CsvEncoding = 'utf-8' | 'gbk' | 'gb18030';

export interface EncodeOptions {
  /** Default 'utf-8'. */
  encoding?: CsvEncoding;
  /** UTF-8 byte-order mark, default true: Excel reads a UTF-8 file without one as the local code page. Ignored for GBK/GB18030. */
  bom?: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Bytes of CSV text in the chosen encoding. */
export function encodeCsv(text: string, options: EncodeOptions = {}): Uint8Array {
  const encoding = options.encoding ?? 'utf-8';
  if (encoding !== 'utf-8') return encodeGb(text, encoding);
  const body = new TextEncoder().encode(text);
  if (options.bom === false) return body;
  const out = new Uint8Array(body.length + UTF8_BOM.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}

/** A CSV file's bytes: CRLF records, UTF-8 with BOM unless told otherwise. */
export function writeCsv(rows: readonly CsvRow[], options: EncodeOptions = {}): Uint8Array {
  return encodeCsv(toCsv(rows), options);
}
