import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { amountCell, cellText, csvField, encodeCsv, neutralise, toCsv, writeCsv, type CsvCell } from '../../../src/export/csv';
import { formatPlain } from '../../../src/domain/money';

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('RFC 4180 quoting and CRLF', () => {
  it('quotes fields holding a comma, quote, CR or LF, doubling quotes', () => {
    expect(toCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'crlf\r\nhere']])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere","crlf\r\nhere"\r\n',
    );
  });

  it('leaves other text alone, spaces, tabs inside and Chinese included', () => {
    expect(toCsv([[' padded ', 'in\tside', '上海某某贸易有限公司', '']])).toBe(' padded ,in\tside,上海某某贸易有限公司,\r\n');
  });

  it('ends every record with CRLF, the last one too', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
    expect(toCsv([])).toBe('');
  });

  it('can end records with LF for terminal output', () => {
    expect(toCsv([['a'], ['b,c']], '\n')).toBe('a\n"b,c"\n');
  });

  it('writes null and undefined as empty fields', () => {
    expect(toCsv([[null, 'x', undefined]])).toBe(',x,\r\n');
  });
});

describe('formula neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")', '-', '='])(
    'puts an apostrophe before text starting like a formula: %j', (text) => {
      expect(neutralise(text)).toBe(`'${text}`);
      expect(cellText(text)).toBe(`'${text}`);
    },
  );

  it('quotes a neutralised cell that needs quotes, apostrophe inside the quotes', () => {
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('=A1&"x"')).toBe('"\'=A1&""x"""');
  });

  it('leaves text starting elsewhere alone, even with a dangerous character later', () => {
    for (const text of ['a=1', ' =1', "'=1", '1-2', 'INV-001', '上海=', '']) expect(cellText(text)).toBe(text);
  });

  it('keeps numbers and amounts as numbers, negative ones included', () => {
    expect(toCsv([[-400, 0, 3.5, -0.25, 1e21, -0]])).toBe('-400,0,3.5,-0.25,1e+21,0\r\n');
    expect(toCsv([[amountCell(-40000, 2), amountCell(123456, 2), amountCell(-5, 0), amountCell(7, 3)]])).toBe(
      '-400.00,1234.56,-5,0.007\r\n',
    );
  });

  it('treats a number typed as text as text: "-400" as a string is neutralised', () => {
    expect(cellText('-400')).toBe("'-400");
    expect(cellText(-400)).toBe('-400');
  });

  it('refuses non-finite numbers rather than writing "NaN"', () => {
    expect(() => toCsv([[NaN]])).toThrow(RangeError);
    expect(() => toCsv([[Infinity]])).toThrow(RangeError);
  });
});

describe('encoding', () => {
  it('writes UTF-8 with a BOM by default', () => {
    const bytes = writeCsv([['客户', 'total'], ['上海', amountCell(100, 2)]]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8(bytes.slice(3))).toBe('客户,total\r\n上海,1.00\r\n');
    expect(new TextDecoder().decode(bytes)).toBe('客户,total\r\n上海,1.00\r\n');
  });

  it('leaves the BOM out on request', () => {
    expect([...encodeCsv('a\r\n', { bom: false })]).toEqual([0x61, 0x0d, 0x0a]);
  });

  it('writes GBK without a BOM that Chinese Excel decodes', () => {
    const rows = [['客户名称', '应收金额'], ['北京某某科技有限公司', amountCell(-123456, 2)], ['=cmd', '€']];
    const bytes = writeCsv(rows, { encoding: 'gbk' });
    expect([...bytes.slice(0, 4)]).toEqual([0xbf, 0xcd, 0xbb, 0xa7]); // 客户 in GBK
    const text = '客户名称,应收金额\r\n北京某某科技有限公司,-1234.56\r\n\'=cmd,€\r\n';
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
    expect(bytes.at(-3)).toBe(0x80); // the euro sign as code page 936 has it
  });

  it('writes GB18030 when asked', () => {
    const bytes = writeCsv([['€', '𠮷']], { encoding: 'gb18030' });
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('€,𠮷\r\n');
    expect([...bytes.slice(0, 2)]).toEqual([0xa2, 0xe3]);
  });
});

/** What a cell reads back as after a round trip through a CSV reader. */
function expectedText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return formatPlain(cell.amount, cell.digits);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const awkwardText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', '客', '€', '😀'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  awkwardText,
  awkwardText,
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.record({ amount: fc.maxSafeInteger().map((n) => n % 1e15), digits: fc.integer({ min: 0, max: 3 }) }),
  fc.constant(null),
);

describe('round trip through papaparse', () => {
  it('any cells written then parsed give the same cells (apostrophe rule applied)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('utf-8', 'gbk'), (rows, encoding) => {
        const bytes = writeCsv(rows, { encoding: encoding as 'utf-8' | 'gbk' });
        const text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'gb18030').decode(bytes);
        const parsed = Papa.parse<string[]>(text, { newline: '\r\n', delimiter: ',', quoteChar: '"' });
        expect(parsed.errors).toEqual([]);
        // The CRLF after the last record leaves one empty line at the end.
        expect(parsed.data.at(-1)).toEqual(['']);
        expect(parsed.data.slice(0, -1)).toEqual(rows.map((r) => r.map(expectedText)));
      }),
      { numRuns: 300 },
    );
  });
});
