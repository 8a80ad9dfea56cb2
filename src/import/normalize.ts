// Text clean-up shared by header matching and cell reading.
import { toHalfWidth } from '../domain/calendar';

/**
 * A header reduced to what identifies it: half-width, lower case, '#' and '№' read as
 * "no", spaces and punctuation gone. 'Invoice No.', 'invoice_no', 'INVOICE #' and
 * 'Invoice#' all become 'invoiceno'; '发票号码：' becomes '发票号码'.
 */
export function normalizeHeader(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/[#№]/g, 'no')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The header without a bracketed unit or note: 'Amount (USD)' -> 'Amount', '账期（天）' -> '账期'. */
export function withoutBrackets(header: string): string {
  return toHalfWidth(header).replace(/\s*[([【][^)\]】]*[)\]】]\s*/g, ' ').trim();
}

/**
 * A data cell as the user means it: trimmed; Excel's ="00123" text-forcing wrapper
 * removed; the apostrophe that a formula-safe CSV export puts before text starting
 * with = + - @ (or a tab or CR) removed again.
 */
export function cleanCell(raw: string): string {
  let s = raw.trim();
  if (s.length >= 3 && s.charCodeAt(0) === 0x3d /* = */ && s.charCodeAt(1) === 0x22 && s.endsWith('"')) {
    s = s.slice(2, -1).replace(/""/g, '"');
  } else if (s.length >= 2 && s.charCodeAt(0) === 0x27 /* ' */ && '=+-@\t\r'.includes(s[1] ?? '')) {
    s = s.slice(1).trim();
  }
  return s;
}

/** A status-like value for comparisons: case, width and spacing ignored. */
export function normalizeValue(value: string): string {
  return toHalfWidth(value).toLowerCase().replace(/\s+/g, ' ');
}
