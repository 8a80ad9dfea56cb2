// Delimited text to rows, fed in chunks of any size, keeping the physical line each
// row starts on (a quoted cell may span lines, and problems must point at the line a
// spreadsheet user sees). Papaparse reports character offsets only and cannot be fed
// text piece by piece, so this small reader does the tokenising. Quotes follow RFC
// 4180 ("" inside a quoted cell is one quote); text after a closing quote is kept
// as is, the way spreadsheets read it. Line ends: CRLF, LF or a lone CR.

export interface CsvRow {
  cells: string[];
  /** 1-based physical line the row starts on. */
  line: number;
  /** The row's text as written, without its line end (identical rows have identical text). */
  text: string;
  /** The row ran to the end of the text inside a quoted cell that never closed. */
  unclosedQuote?: true;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Line breaks in text[from, to): CRLF counts once. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

export class CsvReader {
  private buf = '';
  private pos = 0;
  /** Physical line of buf[pos]. */
  private line = 1;
  private readonly delim: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`One-character delimiter expected: ${JSON.stringify(delimiter)}`);
    }
    this.delim = delimiter.charCodeAt(0);
  }

  /** Add text; rows may continue across pushes. */
  push(text: string): void {
    this.buf = this.pos === 0 ? this.buf + text : this.buf.slice(this.pos) + text;
    this.pos = 0;
  }

  /** Rows complete so far; with `final`, also the last row that has no line end. */
  read(final: boolean): CsvRow[] {
    const rows: CsvRow[] = [];
    this.each(final, (row) => rows.push(row));
    return rows;
  }

  /**
   * Hand each complete row to `onRow` as it is read, so a big chunk's rows need not
   * all be alive at once.
   */
  each(final: boolean, onRow: (row: CsvRow) => void): void {
    while (this.pos < this.buf.length) {
      const row = this.readRow(final);
      if (row === null) break;
      onRow(row);
    }
    if (final) {
      this.buf = '';
      this.pos = 0;
    }
  }

  /** One row from `pos`, or null when it may continue in text not pushed yet. */
  private readRow(final: boolean): CsvRow | null {
    const buf = this.buf;
    const len = buf.length;
    const d = this.delim;
    const cells: string[] = [];
    const startLine = this.line;
    const start0 = this.pos;
    let i = this.pos;
    let breaksInQuotes = 0;
    for (;;) {
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        const start = i;
        i++;
        let value = '';
        let seg = i;
        let closed = false;
        while (!closed) {
          const q = buf.indexOf('"', i);
          if (q < 0) {
            if (!final) return null;
            cells.push(value + buf.slice(seg));
            breaksInQuotes += countBreaks(buf, start, len);
            this.finishRow(len, breaksInQuotes);
            return { cells, line: startLine, text: buf.slice(start0, len), unclosedQuote: true };
          }
          if (q + 1 >= len && !final) return null; // a "" may be split across pushes
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(seg, q + 1);
            i = q + 2;
            seg = i;
          } else {
            value += buf.slice(seg, q);
            i = q + 1;
            closed = true;
          }
        }
        breaksInQuotes += countBreaks(buf, start, i);
        let j = i;
        for (let c = buf.charCodeAt(j); j < len && c !== d && c !== LF && c !== CR; c = buf.charCodeAt(++j));
        cells.push(j > i ? value + buf.slice(i, j) : value);
        i = j;
      } else {
        let j = i;
        for (let c = buf.charCodeAt(j); j < len && c !== d && c !== LF && c !== CR; c = buf.charCodeAt(++j));
        cells.push(buf.slice(i, j));
        i = j;
      }
      if (i >= len) {
        if (!final) return null;
        this.finishRow(len, breaksInQuotes);
        return { cells, line: startLine, text: buf.slice(start0, len) };
      }
      const c = buf.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      // Line end.
      const end = i;
      if (c === CR) {
        if (i + 1 >= len && !final) return null; // CR now, LF in the next push?
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i++;
      }
      this.finishRow(i, breaksInQuotes + 1);
      return { cells, line: startLine, text: buf.slice(start0, end) };
    }
  }

  private finishRow(next: number, lines: number): void {
    this.pos = next;
    this.line += lines;
  }
}

/** All rows of a whole text. */
export function readCsv(text: string, delimiter: string): CsvRow[] {
  const reader = new CsvReader(delimiter);
  reader.push(text);
  return reader.read(true);
}

/** A row with no content (a blank line, or only empty cells). */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}
