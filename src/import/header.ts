// The header row: report exports put titles, a company name, a date range or a
// "Printed on" line above it, and some leave blank lines. Among the first rows, the
// header is the one whose cells name the most known columns, and it must name at
// least an amount and an invoice number or customer; the first such row wins a tie.
import type { CsvRow } from './csv';
import { isBlankRow } from './csv';
import type { ImportField } from './fields';
import { normalizeHeader } from './normalize';
import { matchHeader } from './synonyms';

/** Rows (non-blank) searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

const AMOUNT_LIKE: readonly ImportField[] = ['amount', 'balance', 'paid_amount'];
const KEY_LIKE: readonly ImportField[] = ['number', 'customer', 'customer_name'];

/** How many cells are known column names, or 0 if the row lacks an amount and a number/customer. */
export function headerScore(cells: readonly string[]): number {
  let known = 0;
  let amount = false;
  let key = false;
  for (const cell of cells) {
    const matches = matchHeader(cell);
    if (matches.length === 0) continue;
    known++;
    for (const m of matches) {
      if (AMOUNT_LIKE.includes(m.field)) amount = true;
      if (KEY_LIKE.includes(m.field)) key = true;
    }
  }
  return amount && key ? known : 0;
}

/**
 * Index into `rows` of the header row, or -1. `named` are header texts the caller
 * mapped by name: a row holding all of them is the header even if few cells are
 * known names (a user's own column titles).
 */
export function findHeaderRow(rows: readonly CsvRow[], named: readonly string[] = [], score: (cells: readonly string[]) => number = headerScore): number {
  const wanted = named.map(normalizeHeader);
  let best = -1;
  let bestScore = 0;
  let searched = 0;
  for (let i = 0; i < rows.length && searched < HEADER_SEARCH_ROWS; i++) {
    const cells = rows[i]?.cells ?? [];
    if (isBlankRow(cells)) continue;
    searched++;
    if (wanted.length > 0) {
      const have = new Set(cells.map(normalizeHeader));
      if (wanted.every((w) => have.has(w))) return i;
    }
    const rowScore = score(cells);
    if (rowScore > bestScore) {
      best = i;
      bestScore = rowScore;
    }
  }
  return best;
}
