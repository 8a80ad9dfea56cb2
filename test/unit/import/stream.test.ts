import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInvoiceParser, parseInvoiceFile, parseInvoiceFileAsync, parsePastedRows } from '../../../src/import/invoices';
import type { ImportOptions } from '../../../src/import/types';
import { encodeUtf8 } from './helpers/encode';

const base: ImportOptions = { defaultCurrency: 'CNY', defaultTermsDays: 30, importDate: '2024-06-30' };

function bigFile(n: number): string {
  const lines = ['Report title', '', 'Invoice No,Customer,Invoice Date,Amount,Memo'];
  for (let i = 0; i < n; i++) {
    const memo = i % 7 === 0 ? `"note ${i}\nsecond line"` : `m${i}`;
    const date = i % 11 === 0 ? '13/01/2024' : `0${1 + (i % 9)}/01/2024`;
    lines.push(`N-${i},"Cust, ${i % 50}",${date},${(i % 1000) + 1}.${String(i % 100).padStart(2, '0')},${memo}`);
  }
  return lines.join('\r\n') + '\r\n';
}

describe('createInvoiceParser: text in chunks', () => {
  const text = bigFile(400);
  const whole = parseInvoiceFile(text, base);

  it('the sample file parses, with day-first dates detected late in the column', () => {
    expect(whole.invoices).toHaveLength(400);
    expect(whole.dateOrders.issue_date).toBe('dmy');
    expect(whole.problems).toEqual([]);
  });

  it('gives the same result however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const p = createInvoiceParser(base);
        let at = 0;
        for (let i = 0; at < text.length; i++) {
          const size = sizes[i % sizes.length] ?? 1;
          p.push(text.slice(at, at + size));
          at += size;
        }
        const r = p.finish();
        expect({ ...r, encoding: 'text' }).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('counts rows as they are read, for progress', () => {
    const p = createInvoiceParser(base);
    p.push(text.slice(0, text.length / 2));
    const half = p.rowsRead;
    expect(half).toBeGreaterThan(100);
    expect(half).toBeLessThan(400);
    p.push(text.slice(text.length / 2));
    expect(p.finish().rows).toBe(400);
    expect(() => p.push('x')).toThrow();
  });
});

describe('parseInvoiceFileAsync', () => {
  const bytes = encodeUtf8(bigFile(3000), true);

  it('reports progress up to the total and returns what the synchronous parse returns', async () => {
    const seen: [number, number][] = [];
    const r = await parseInvoiceFileAsync(bytes, base, { chunkChars: 8192, onProgress: (done, total) => seen.push([done, total]) });
    expect(r).toEqual(parseInvoiceFile(bytes, base));
    expect(seen.length).toBeGreaterThan(10);
    const total = seen[0]?.[1] ?? 0;
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toEqual([total, total]);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = parseInvoiceFileAsync(bytes, base, {
      chunkChars: 4096,
      signal: controller.signal,
      onProgress: () => {
        if (++calls === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(3);
  });

  it('refuses to start when already aborted', async () => {
    await expect(parseInvoiceFileAsync(bytes, base, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('parsePastedRows', () => {
  it('reads tab-separated cells copied from Excel, quoted multi-line cells included', () => {
    const text = '发票号\t客户名称\t开票日期\t金额\t备注\r\nF-1\t上海明远\t2024/1/5\t"1,130.00"\t"两行\r\n备注"\r\nF-2\t青禾\t2024/1/6\t50\t\r\n';
    const r = parsePastedRows(text, base);
    expect(r.delimiter).toBe('\t');
    expect(r.problems).toEqual([]);
    expect(r.invoices.map((i) => [i.line, i.number, i.customerName, i.amount, i.description])).toEqual([
      [2, 'F-1', '上海明远', 113000, '两行\r\n备注'],
      [4, 'F-2', '青禾', 5000, ''],
    ]);
  });

  it('rows without a header are mapped by column number', () => {
    const text = 'A-1\tAcme\t2024-01-05\t12.50\nA-2\tBeta\t2024-01-06\t7\n';
    const r = parsePastedRows(text, { ...base, map: { number: '1', customer: '2', issue_date: '3', amount: '4' } });
    expect(r.headerLine).toBe(0);
    expect(r.headers).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4']);
    expect(r.invoices.map((i) => [i.line, i.number, i.amount])).toEqual([[1, 'A-1', 1250], [2, 'A-2', 700]]);
  });

  it('without a header or a map it asks for one', () => {
    const r = parsePastedRows('A-1\tAcme\t2024-01-05\t12.50\n', base);
    expect(r.problems.map((p) => p.code)).toEqual(['import.noHeader']);
  });
});
