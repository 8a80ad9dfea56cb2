// Which character separates the cells. The right one splits the rows below any
// preamble into the same number of cells again and again (quotes respected, so
// "Beijing, China" stays one cell); wrong ones give one cell or counts that vary.
import { isBlankRow, readCsv } from './csv';

/** Candidates, in the order that wins a tie. */
export const DELIMITERS: readonly string[] = [',', '\t', ';', '|'];

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 30;

/** Excel's "sep=;" first line names the delimiter outright. */
export function excelSepLine(text: string): string | null {
  const m = /^\uFEFF?sep=(.)\r?\n/i.exec(text.slice(0, 8));
  return m?.[1] ?? null;
}

/** The text's first SAMPLE_CHARS, cut at a line end so no row is torn. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = Math.max(text.lastIndexOf('\n', SAMPLE_CHARS), text.lastIndexOf('\r', SAMPLE_CHARS));
  return cut > 0 ? text.slice(0, cut + 1) : text.slice(0, SAMPLE_CHARS);
}

interface Score {
  /** Rows having the most common cell count (of those with 2 cells or more). */
  rows: number;
  /** That cell count. */
  cells: number;
}

function score(text: string, delimiter: string): Score {
  const counts = new Map<number, number>();
  let seen = 0;
  for (const row of readCsv(text, delimiter)) {
    if (row.unclosedQuote) break; // a quote left open by the sample cut, or junk
    if (isBlankRow(row.cells)) continue;
    if (++seen > SAMPLE_ROWS) break;
    const n = row.cells.length;
    if (n >= 2) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: Score = { rows: 0, cells: 0 };
  for (const [cells, rows] of counts) {
    if (rows > best.rows || (rows === best.rows && cells > best.cells)) best = { rows, cells };
  }
  return best;
}

/**
 * Cells the candidate splits consistently: rows of the common count times that count.
 * Rows alone mislead: a wrong delimiter misreads quotes, so a quoted cell holding a
 * line break ends a row early and the broken pieces count as extra two-cell rows.
 */
function weight(sc: Score): number {
  return sc.rows * sc.cells;
}

/** The delimiter among , \t ; | that splits the first rows most consistently (',' if none does). */
export function detectDelimiter(text: string): string {
  const sep = excelSepLine(text);
  if (sep !== null) return sep;
  const s = sample(text);
  let best = DELIMITERS[0] ?? ',';
  let bestScore: Score = { rows: 0, cells: 0 };
  for (const d of DELIMITERS) {
    const sc = score(s, d);
    if (weight(sc) > weight(bestScore) || (weight(sc) === weight(bestScore) && sc.rows > bestScore.rows)) {
      best = d;
      bestScore = sc;
    }
  }
  return best;
}
