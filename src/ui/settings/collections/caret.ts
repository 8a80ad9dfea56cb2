// Where a template error points: line and column (both from 1, columns in code
// points as checkTemplate counts them) as an offset into the text a textarea holds.

/** The UTF-16 offset of `line`:`column` in `text`, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const row = Math.min(Math.max(line, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < row; i += 1) offset += (lines[i] ?? '').length + 1;
  const points = Array.from(lines[row] ?? '').slice(0, Math.max(column, 1) - 1);
  return offset + points.join('').length;
}

/** `text` with `insert` put in place of the selection start..end; and where the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}
