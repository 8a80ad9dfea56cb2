import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseImportAmount } from '../../../src/import/amount';
import { addEvidence, decideOrder, needsOrder, newEvidence, normalizeDateText } from '../../../src/import/dates';
import { cleanCell } from '../../../src/import/normalize';
import { readCurrency, readDisputed, readTermsDays } from '../../../src/import/values';

const amount = (text: string, digits = 2, commaDecimal = false) => {
  const r = parseImportAmount(text, digits, commaDecimal);
  return r.ok ? [r.value, r.rounded] : r.code;
};

describe('parseImportAmount', () => {
  it('reads what parseMoney reads, unrounded', () => {
    expect(amount('¥1,234.56')).toEqual([123456, false]);
    expect(amount('(400.00)')).toEqual([-40000, false]);
    expect(amount('1.234,5', 2, true)).toEqual([123450, false]);
    expect(amount('12', 0)).toEqual([12, false]);
  });

  it('rounds extra decimals half away from zero, exactly', () => {
    expect(amount('1.005')).toEqual([101, true]);
    expect(amount('1.0049999999')).toEqual([100, true]);
    expect(amount('-1.005')).toEqual([-101, true]);
    expect(amount('(2.675)')).toEqual([-268, true]);
    expect(amount('0.30000000000000004')).toEqual([30, true]);
    expect(amount('-0.004')).toEqual([0, true]);
    expect(amount('¥1,234.565')).toEqual([123457, true]);
    expect(amount('1,234.565元')).toEqual([123457, true]);
    expect(amount('1.234,565', 2, true)).toEqual([123457, true]);
    expect(amount('1234.5', 0)).toEqual([1235, true]);
    expect(amount('9007199254740.9915')).toEqual([900719925474099, true]);
  });

  it('keeps parseMoney\'s errors', () => {
    expect(amount('abc')).toBe('money.invalid');
    expect(amount('1.234,56')).toBe('money.ambiguous');
    expect(amount('1.234,565')).toBe('money.ambiguous');
    expect(amount('99999999999999999999')).toBe('money.tooLarge');
  });

  it('matches exact decimal rounding on generated amounts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 3, max: 9 }), (scaled, decimals) => {
        // scaled / 10^decimals, written out; expected: round half away from zero to 2 decimals with bigints.
        const neg = scaled < 0n;
        const abs = neg ? -scaled : scaled;
        const s = abs.toString().padStart(decimals + 1, '0');
        const text = `${neg ? '-' : ''}${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
        const div = 10n ** BigInt(decimals - 2);
        const q = abs / div;
        const r = abs % div;
        const mag = 2n * r >= div ? q + 1n : q;
        const expected = Number(neg ? -mag : mag) || 0;
        const got = parseImportAmount(text, 2);
        expect(got.ok && got.value).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('dates', () => {
  it('normalises export date forms', () => {
    expect(normalizeDateText('2024-01-05')).toBe('2024-01-05');
    expect(normalizeDateText('15 Jan 2024')).toBe('2024-01-15');
    expect(normalizeDateText('15-Jan-24')).toBe('2024-01-15');
    expect(normalizeDateText('Jan 15, 2024')).toBe('2024-01-15');
    expect(normalizeDateText('Monday, January 15, 2024')).toBe('2024-01-15');
    expect(normalizeDateText('1/5/2024 0:00')).toBe('1/5/2024');
    expect(normalizeDateText('01/05/2024 12:00:00 AM')).toBe('01/05/2024');
    expect(normalizeDateText('1/5/24')).toBe('1/5/2024');
    expect(normalizeDateText('1/5/45')).toBe('1/5/1945');
    expect(normalizeDateText('２０２４年１月５日')).toBe('2024年1月5日');
  });

  it('collects day/month evidence per column', () => {
    const ev = newEvidence();
    addEvidence(ev, '05/05/2024', '05/05/2024', 2); // same either way
    addEvidence(ev, '2024-01-05', '2024-01-05', 3);
    expect(decideOrder(ev)).toBeNull();
    expect(ev.needOrder).toBe(0);
    addEvidence(ev, '03/04/2024', '03/04/2024', 4);
    expect(decideOrder(ev)).toBeNull();
    expect(ev.ambiguous).toEqual({ value: '03/04/2024', line: 4 });
    addEvidence(ev, '25/12/2024', '25/12/2024', 5);
    expect(decideOrder(ev)).toBe('dmy');
    addEvidence(ev, '12/25/2024', '12/25/2024', 6);
    expect(decideOrder(ev)).toBe('conflict');
    expect(needsOrder('3/4/2024')).toBe(true);
    expect(needsOrder('03/3/2024')).toBe(false);
  });
});

describe('small cells', () => {
  it('cleans Excel text wrappers and formula-neutralising apostrophes', () => {
    expect(cleanCell('  ="00123"  ')).toBe('00123');
    expect(cleanCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cleanCell("'-400")).toBe('-400');
    expect(cleanCell("O'Brien")).toBe("O'Brien");
  });

  it('reads currencies, terms and the disputed flag', () => {
    expect(readCurrency('usd')).toBe('USD');
    expect(readCurrency('人民币')).toBe('CNY');
    expect(readCurrency('RMB')).toBe('CNY');
    expect(readCurrency('')).toBe('');
    expect(readCurrency('XYZ1')).toBeNull();
    expect(readTermsDays('30')).toBe(30);
    expect(readTermsDays('30.0')).toBe(30);
    expect(readTermsDays('Net 45')).toBe(45);
    expect(readTermsDays('2/10 Net 30')).toBe(30);
    expect(readTermsDays('月结60天')).toBe(60);
    expect(readTermsDays('Due on receipt')).toBe(0);
    expect(readTermsDays('soon')).toBeNull();
    for (const t of ['yes', 'Y', 'TRUE', '1', '是', '争议', '有争议']) expect(readDisputed(t), t).toBe(true);
    for (const f of ['', 'no', 'N', 'false', '0', '否']) expect(readDisputed(f), f).toBe(false);
    expect(readDisputed('maybe')).toBeNull();
  });
});
