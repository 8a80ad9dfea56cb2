// Generated files with awkward content: the import must find the header, the delimiter
// and the encoding, and give back exactly the invoices that were written, to the cent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber, type DateOrder } from '../../../src/domain/calendar';
import { currencyDigits, formatPlain } from '../../../src/domain/money';
import { readCsv } from '../../../src/import/csv';
import { cleanCell } from '../../../src/import/normalize';
import { detectDelimiter } from '../../../src/import/delimiter';
import { parseInvoiceFile } from '../../../src/import/invoices';
import type { ImportField } from '../../../src/import/fields';
import type { ImportOptions, ParsedInvoice } from '../../../src/import/types';
import { DECODED_NAME, encodeAs, type TestEncoding } from './helpers/encode';

const IMPORT_DATE = '2024-06-30';
const DELIMS = [',', ';', '\t', '|'] as const;
const EOLS = ['\n', '\r\n', '\r'] as const;
const ENCODINGS: TestEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'];
const CURRENCIES = ['CNY', 'USD', 'JPY', 'KWD'];

/** Text that exercises quoting and decoding: delimiters, quotes, line breaks, CJK, full-width, emoji. */
const awkwardChar = fc.constantFrom(...'abcXYZ 0123,;|\t"\'\n\r中文客户公司有限责任（）：「」，。、￥€é😀\uFEFF'.split(/(?:)/u));
const awkwardText = (max: number) => fc.string({ unit: awkwardChar, maxLength: max });

const HEADERS: Record<string, { en: string[]; zh: string[] }> = {
  number: { en: ['Invoice No.', 'InvoiceNumber', 'Invoice #'], zh: ['发票号', '单据编号', '发票号码'] },
  customer_name: { en: ['Customer Name', 'ContactName', 'Client Name'], zh: ['客户名称', '单位名称'] },
  issue_date: { en: ['Invoice Date', 'Date Issued', 'InvoiceDate'], zh: ['开票日期', '单据日期'] },
  due_date: { en: ['Due Date', 'DueDate'], zh: ['到期日', '到期日期'] },
  amount: { en: ['Amount', 'Invoice Total', 'Total'], zh: ['价税合计', '应收金额', '金额'] },
  paid_amount: { en: ['Amount Paid', 'Paid to Date'], zh: ['已收金额', '收款金额'] },
  paid_date: { en: ['Date Paid', 'Paid Date', 'Clear Date'], zh: ['收款日期', '回款日期'] },
  currency: { en: ['Currency', 'Currency Code'], zh: ['币种'] },
  disputed: { en: ['Disputed'], zh: ['争议', '是否争议'] },
  description: { en: ['Description', 'Memo'], zh: ['摘要', '说明'] },
};
const COLUMNS = Object.keys(HEADERS) as (keyof typeof HEADERS & ImportField)[];

interface GenInvoice {
  number: string;
  customer: string;
  issueDay: number;
  dueOffset: number | null;
  currency: string;
  lines: { amount: number; description: string }[];
  payments: { dayOffset: number; amount: number }[];
  disputed: boolean;
}

/** An invoice with 1-3 line items and up to as many payments (never more than its amount). */
const invoiceArb = (index: number) =>
  fc
    .record({
      suffix: awkwardText(6),
      customer: awkwardText(12),
      issueDay: fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2028-12-31') }),
      dueOffset: fc.option(fc.integer({ min: 0, max: 120 })),
      currency: fc.constantFrom(...CURRENCIES),
      lines: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 5_000_000_000 }), description: awkwardText(10) }), { minLength: 1, maxLength: 3 }),
      payFractions: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }),
      payDays: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }),
      disputed: fc.boolean(),
    })
    .map((g): GenInvoice => {
      const total = g.lines.reduce((s, l) => s + l.amount, 0);
      // Payments: fractions of what is left, on distinct days, at most one per line item row.
      let left = total;
      const payments: GenInvoice['payments'] = [];
      g.payFractions.slice(0, g.lines.length).forEach((pct, i) => {
        const amount = Math.floor((left * pct) / 100);
        if (amount > 0) {
          payments.push({ dayOffset: g.payDays[i] ?? i, amount });
          left -= amount;
        }
      });
      return {
        // A leading letter keeps numbers and names clear of what the import deliberately reads
        // specially (total lines, ="..." wrappers, formula apostrophes); the index keeps numbers unique.
        number: `N${index}_${g.suffix}`.trim(),
        customer: `客${g.customer}`.trim(),
        issueDay: g.issueDay,
        dueOffset: g.dueOffset,
        currency: g.currency,
        lines: g.lines.map((l, j) => ({ amount: l.amount, description: `d${l.description.trim()}#${j}` })),
        payments,
        disputed: g.disputed,
      };
    });

const invoicesArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => invoiceArb(i))));

type DateStyle = 'iso' | 'slash' | 'cjk' | 'compact' | 'dmy' | 'mdy';
type AmountStyle = 'plain' | 'grouped' | 'symbol' | 'fullwidth' | 'padded';

interface FileStyle {
  delimiter: (typeof DELIMS)[number];
  eol: (typeof EOLS)[number];
  encoding: TestEncoding;
  chinese: boolean;
  headerPick: number;
  columnOrder: number[];
  preamble: string[];
  blankEvery: number;
  quoteAll: boolean;
  dateStyle: DateStyle;
  amountStyle: AmountStyle;
  shuffleSeed: number;
}

const styleArb = fc.record({
  delimiter: fc.constantFrom(...DELIMS),
  eol: fc.constantFrom(...EOLS),
  encoding: fc.constantFrom(...ENCODINGS),
  chinese: fc.boolean(),
  headerPick: fc.nat(),
  columnOrder: fc.shuffledSubarray([...COLUMNS.keys()], { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  preamble: fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/), { maxLength: 4 }),
  blankEvery: fc.integer({ min: 0, max: 4 }),
  quoteAll: fc.boolean(),
  dateStyle: fc.constantFrom<DateStyle>('iso', 'slash', 'cjk', 'compact', 'dmy', 'mdy'),
  amountStyle: fc.constantFrom<AmountStyle>('plain', 'grouped', 'symbol', 'fullwidth', 'padded'),
  shuffleSeed: fc.nat(),
});

function writeDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-');
  const [mm, dd] = [String(Number(m)), String(Number(d))];
  switch (style) {
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${mm}/${dd}`;
    case 'cjk':
      return `${y}年${mm}月${dd}日`;
    case 'compact':
      return `${y}${m}${d}`;
    case 'dmy':
      return `${d}/${m}/${y}`;
    case 'mdy':
      return `${mm}/${dd}/${y}`;
  }
}

function writeAmount(minor: number, currency: string, style: AmountStyle): string {
  const digits = currencyDigits(currency);
  const plain = formatPlain(minor, digits);
  switch (style) {
    case 'plain':
      return plain;
    case 'grouped': {
      const [int, frac] = plain.split('.');
      const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return frac === undefined ? grouped : `${grouped}.${frac}`;
    }
    case 'symbol':
      return currency === 'CNY' ? `¥${plain}` : `${plain} ${currency}`;
    case 'fullwidth':
      return plain.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'padded':
      return `${plain}${digits === 0 ? '.000' : '000'}`; // more decimals than the currency has, all zero
  }
}

function quoteCell(cell: string, delimiter: string, all: boolean): string {
  return all || cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim()
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** A tiny deterministic shuffle so the row order is part of the generated case. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface Written {
  text: string;
  headerLine: number;
  expected: ParsedInvoice[];
  options: ImportOptions;
}

function writeFile(invoices: GenInvoice[], style: FileStyle): Written {
  const { delimiter, eol } = style;
  const fields = style.columnOrder.map((i) => COLUMNS[i] as (typeof COLUMNS)[number]);
  // GB18030 files carry Chinese headers, as Chinese Excel writes them (and as detection needs).
  const chinese = style.chinese || style.encoding === 'gb18030';
  const headers = fields.map((f) => {
    const names = chinese ? HEADERS[f]?.zh : HEADERS[f]?.en;
    return names?.[style.headerPick % names.length] ?? f;
  });
  const lines: string[] = [];
  let line = 1;
  const emit = (cells: string[]): number => {
    const at = line;
    const text = cells.map((c) => quoteCell(c, delimiter, style.quoteAll)).join(delimiter);
    lines.push(text);
    line += (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    return at;
  };
  for (const p of style.preamble) emit([p]);
  if (style.preamble.length > 0) emit(['']);
  const headerLine = emit(headers);

  // One row per line item, the payments spread over the first rows, rows shuffled across the file.
  const rows = invoices.flatMap((inv, k) =>
    inv.lines.map((l, j) => ({ inv, k, j, line: l, payment: inv.payments[j] ?? null })),
  );
  const firstLine = new Map<number, number>();
  const descriptions = new Map<number, string[]>();
  shuffle(rows, style.shuffleSeed).forEach((r, n) => {
    if (style.blankEvery > 0 && n % style.blankEvery === 0) emit(['']);
    const issue = fromDayNumber(r.inv.issueDay);
    const value: Record<string, string> = {
      number: r.inv.number,
      customer_name: r.inv.customer,
      issue_date: writeDate(issue, style.dateStyle),
      due_date: r.inv.dueOffset === null ? '' : writeDate(addDays(issue, r.inv.dueOffset), style.dateStyle),
      amount: writeAmount(r.line.amount, r.inv.currency, style.amountStyle),
      paid_amount: r.payment ? writeAmount(r.payment.amount, r.inv.currency, 'plain') : '',
      paid_date: r.payment ? writeDate(addDays(issue, r.payment.dayOffset), style.dateStyle) : '',
      currency: r.inv.currency,
      disputed: r.inv.disputed ? (chinese ? '是' : 'yes') : chinese ? '否' : '',
      description: r.line.description,
    };
    const at = emit(fields.map((f) => value[f] ?? ''));
    if (!firstLine.has(r.k)) firstLine.set(r.k, at);
    descriptions.set(r.k, [...(descriptions.get(r.k) ?? []), r.line.description]);
  });

  const expected = invoices
    .map((inv, k): ParsedInvoice => {
      const issue = fromDayNumber(inv.issueDay);
      const byDate = new Map<string, number>();
      for (const p of inv.payments) {
        const d = addDays(issue, p.dayOffset);
        byDate.set(d, (byDate.get(d) ?? 0) + p.amount);
      }
      return {
        line: firstLine.get(k) ?? 0,
        number: inv.number,
        customerKey: inv.customer,
        customerName: inv.customer,
        issueDate: issue,
        dueDate: addDays(issue, inv.dueOffset ?? 30),
        amount: inv.lines.reduce((s, l) => s + l.amount, 0),
        currency: inv.currency,
        description: (descriptions.get(k) ?? []).join('; '), // in file order
        disputed: inv.disputed,
        payments: [...byDate].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, amount]) => ({ date, amount })),
      };
    })
    .sort((a, b) => a.line - b.line);

  const options: ImportOptions = { defaultCurrency: 'CNY', defaultTermsDays: 30, importDate: IMPORT_DATE };
  if (style.dateStyle === 'dmy' || style.dateStyle === 'mdy') options.dateOrder = style.dateStyle as DateOrder;
  return { text: lines.join(eol) + eol, headerLine, expected, options };
}

describe('round trip: generated invoices written as a file and imported again', () => {
  it('gives back the same invoices, amounts and payments, in any encoding, delimiter and layout', () => {
    fc.assert(
      fc.property(invoicesArb, styleArb, (invoices, style) => {
        const { text, headerLine, expected, options } = writeFile(invoices, style);
        const f = parseInvoiceFile(encodeAs(text, style.encoding), options);
        expect(f.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(f.problems.every((p) => p.code === 'import.rounded')).toBe(true);
        expect(f.encoding).toBe(DECODED_NAME[style.encoding]);
        expect(f.delimiter).toBe(style.delimiter);
        expect(f.headerLine).toBe(headerLine);
        expect(f.invoices).toEqual(expected);
        // Not a cent lost or invented, in total either.
        const sum = (xs: ParsedInvoice[]) => xs.reduce((s, i) => s + i.amount - i.payments.reduce((t, p) => t + p.amount, 0), 0);
        expect(sum(f.invoices)).toBe(sum(expected));
      }),
      { numRuns: 150 },
    );
  });
});

describe('detection on generated files', () => {
  const cellArb = fc.string({ unit: fc.constantFrom(...'ab1 中文"\n,'.split('')), maxLength: 8 });

  it('finds the delimiter of a table whose cells hold quotes, line breaks and the delimiter itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMS),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.array(cellArb, { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 12 }),
        fc.boolean(),
        (delimiter, width, table, quoteAll) => {
          // Commas stand for "the delimiter" inside generated cells, so every file has to quote them.
          const text = table
            .map((r) => r.slice(0, width).map((c) => quoteCell(c.replace(/,/g, delimiter), delimiter, quoteAll)).join(delimiter))
            .join('\r\n');
          expect(detectDelimiter(text)).toBe(delimiter);
          expect(readCsv(text, delimiter).every((r) => r.cells.length === width)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the header below any preamble, with line numbers of rows after it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9 :-]{0,30}$/), fc.constant('Printed on 2024-06-30'), fc.constant('')), { maxLength: 12 }),
        fc.constantFrom(...DELIMS),
        (preamble, delimiter) => {
          const lines = [...preamble, ['Invoice No', 'Customer', 'Invoice Date', 'Amount'].join(delimiter), ['A-1', 'x', '2024-01-01', '5'].join(delimiter)];
          const f = parseInvoiceFile(lines.join('\n'), { defaultCurrency: 'CNY', defaultTermsDays: 30, importDate: IMPORT_DATE });
          expect(f.headerLine).toBe(preamble.length + 1);
          expect(f.invoices.map((i) => i.line)).toEqual([preamble.length + 2]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('garbage in: random cells never crash the import and problems point at real lines', () => {
  it('holds for random tables under a valid header', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(awkwardText(10), { minLength: 0, maxLength: 7 }), { maxLength: 15 }),
        fc.constantFrom(...DELIMS),
        fc.constantFrom(...EOLS),
        fc.boolean(),
        (table, delimiter, eol, bom) => {
          const header = ['Invoice No', 'Customer', 'Invoice Date', 'Due Date', 'Amount', 'Paid', 'Disputed'].join(delimiter);
          const body = table.map((r) => r.map((c) => quoteCell(c, delimiter, false)).join(delimiter));
          const text = (bom ? '\uFEFF' : '') + [header, ...body].join(eol) + eol;
          const f = parseInvoiceFile(text, { defaultCurrency: 'CNY', defaultTermsDays: 30, importDate: IMPORT_DATE });
          const lastLine = text.match(/\r\n|\r|\n/g)?.length ?? 0;
          for (const p of f.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lastLine);
            expect(p.message.length).toBeGreaterThan(0);
          }
          for (const inv of f.invoices) {
            expect(Number.isSafeInteger(inv.amount) && inv.amount > 0).toBe(true);
            const paid = inv.payments.reduce((s, p) => s + p.amount, 0);
            expect(paid).toBeLessThanOrEqual(inv.amount);
            expect(inv.dueDate >= '0001-01-01').toBe(true);
          }
          // Every row with an invoice that parsed starts on the line the invoice names.
          const rows = readCsv(text.replace(/^\uFEFF/, ''), delimiter);
          for (const inv of f.invoices) {
            const row = rows.find((r) => r.line === inv.line);
            expect(cleanCell(row?.cells[0] ?? '')).toBe(inv.number);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
