import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvReader, isBlankRow, readCsv } from '../../../src/import/csv';

const rows = (text: string, d = ',') => readCsv(text, d).map((r) => [r.line, ...r.cells]);

describe('readCsv: cells and physical lines', () => {
  it('splits plain rows with any line end', () => {
    expect(rows('a,b\nc,d')).toEqual([[1, 'a', 'b'], [2, 'c', 'd']]);
    expect(rows('a,b\r\nc,d\r\n')).toEqual([[1, 'a', 'b'], [2, 'c', 'd']]);
    expect(rows('a,b\rc,d\r')).toEqual([[1, 'a', 'b'], [2, 'c', 'd']]);
  });

  it('keeps delimiters, quotes and line breaks inside quoted cells, and counts their lines', () => {
    expect(rows('"a,b","say ""hi""",c\n"x\r\ny\nz",2\nlast,3')).toEqual([
      [1, 'a,b', 'say "hi"', 'c'],
      [2, 'x\r\ny\nz', '2'],
      [5, 'last', '3'],
    ]);
  });

  it('blank lines are rows of one empty cell and still count', () => {
    const r = readCsv('\n\na\n,,\nb', ',');
    expect(r.map((x) => x.line)).toEqual([1, 2, 3, 4, 5]);
    expect(r.map((x) => isBlankRow(x.cells))).toEqual([true, true, false, true, false]);
  });

  it('reads text after a closing quote as spreadsheets do, and quotes inside unquoted cells literally', () => {
    expect(rows('"ab"cd,e"f"\n')).toEqual([[1, 'abcd', 'e"f"']]);
  });

  it('marks a quote that never closes and keeps the rest as its cell', () => {
    const r = readCsv('a,b\n"open,\nc,d\n', ',');
    expect(r).toHaveLength(2);
    expect(r[1]).toEqual({ cells: ['open,\nc,d\n'], line: 2, text: '"open,\nc,d\n', unclosedQuote: true });
  });

  it('empty trailing cells are kept', () => {
    expect(rows('a,,\n')).toEqual([[1, 'a', '', '']]);
    expect(rows('a\tb\t\n', '\t')).toEqual([[1, 'a', 'b', '']]);
  });

  it('refuses a delimiter that cannot work', () => {
    expect(() => new CsvReader('"')).toThrow(RangeError);
    expect(() => new CsvReader(',,')).toThrow(RangeError);
  });
});

describe('CsvReader: text in chunks', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '中', ';'), maxLength: 6 }),
    fc.constant(''),
  );
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
  const quote = (c: string) => (/[",\n\r]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);

  it('gives the same rows and lines however the text is cut', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.nat(), { maxLength: 8 }), (t, eol, cuts) => {
        const text = t.map((r) => r.map(quote).join(',')).join(eol) + eol;
        const whole = readCsv(text, ',');
        const reader = new CsvReader(',');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const got = [];
        let at = 0;
        for (const p of [...points, text.length]) {
          reader.push(text.slice(at, p));
          got.push(...reader.read(false));
          at = p;
        }
        got.push(...reader.read(true));
        expect(got).toEqual(whole);
        // Cells come back as written, and each row starts on the line its text starts on.
        expect(whole.map((r) => r.cells)).toEqual(t);
        let line = 1;
        t.forEach((r, i) => {
          expect(whole[i]?.line).toBe(line);
          const written = r.map(quote).join(',');
          expect(whole[i]?.text).toBe(written);
          line += (written.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
        });
      }),
      { numRuns: 300 },
    );
  });
});
