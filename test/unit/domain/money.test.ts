import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  currencyDigits, formatMoney, formatPlain, isCurrencyCode, parseMoney, roundHalfAwayFromZero, toMinor,
} from '../../../src/domain/money';

const parse = (input: string, digits = 2, commaDecimal = false) => {
  const r = parseMoney(input, { digits, commaDecimal });
  return r.ok ? r.value : r.errors[0];
};

describe('parseMoney: the input forms of DOMAIN.md', () => {
  it('reads symbols, codes, grouping and short fractions', () => {
    expect(parse('¥1,234.56')).toBe(123456);
    expect(parse('￥1,234.56')).toBe(123456); // full-width yen sign
    expect(parse('RMB 1,234.56')).toBe(123456);
    expect(parse('CNY1234.56')).toBe(123456);
    expect(parse('1234.56 CNY')).toBe(123456);
    expect(parse('1234.56元')).toBe(123456);
    expect(parse('1234.5')).toBe(123450);
    expect(parse('1234')).toBe(123400);
    expect(parse('.5')).toBe(50);
    expect(parse('0.01')).toBe(1);
    expect(parse('1,234,567.89')).toBe(123456789);
    expect(parse('1 234 567.89')).toBe(123456789);
    expect(parse('  42  ')).toBe(4200);
  });

  it('reads negatives in parentheses or with a minus', () => {
    expect(parse('(400.00)')).toBe(-40000);
    expect(parse('-400')).toBe(-40000);
    expect(parse('−400')).toBe(-40000); // U+2212 minus sign
    expect(parse('-¥400')).toBe(-40000);
    expect(parse('¥-400')).toBe(-40000);
    expect(parse('(¥400)')).toBe(-40000);
    expect(parse('+400')).toBe(40000);
    expect(Object.is(parse('-0'), 0)).toBe(true); // never -0
    expect(parse('(-400)')).toMatchObject({ code: 'money.invalid' });
  });

  it('reads full-width digits and punctuation', () => {
    expect(parse('１２３４．５６')).toBe(123456);
    expect(parse('１，２３４．５６')).toBe(123456);
    expect(parse('（４００）')).toBe(-40000);
  });

  it('reads comma decimals only in a comma-decimal locale', () => {
    expect(parse('1.234,56', 2, true)).toBe(123456);
    expect(parse('1234,5', 2, true)).toBe(123450);
    expect(parse('1.234', 2, true)).toBe(123400); // grouping there
    expect(parse('1 234,56', 2, true)).toBe(123456);
    expect(parse('€ -1.234,56', 2, true)).toBe(-123456);
  });

  it('treats a comma that could be a decimal mark as ambiguous, never a guess', () => {
    expect(parse('1.234,56')).toEqual({ field: '', code: 'money.ambiguous' });
    expect(parse('1,23')).toEqual({ field: '', code: 'money.ambiguous' });
    expect(parse('1234,5')).toMatchObject({ code: 'money.ambiguous' });
    expect(parse('1,234')).toBe(123400); // a comma before exactly three digits groups
    // and the mirror image in a comma-decimal locale
    expect(parse('1,234.56', 2, true)).toMatchObject({ code: 'money.ambiguous' });
    expect(parse('1234.5', 2, true)).toMatchObject({ code: 'money.ambiguous' });
  });

  it('rejects empty, garbage, too many decimals and amounts beyond safe integers', () => {
    expect(parse('')).toEqual({ field: '', code: 'required' });
    expect(parse('   ')).toEqual({ field: '', code: 'required' });
    for (const bad of ['abc', '12a', '1.2.3', '1,2,3', '12,34,567', '¥', '--1', '1-', '1e5', 'NaN', '1,234,', '12 34', '0x10', '¥¥1']) {
      expect(parse(bad), bad).toEqual({ field: '', code: 'money.invalid' });
    }
    expect(parse('1.234')).toEqual({ field: '', code: 'money.tooManyDecimals', params: { digits: 2 } });
    expect(parse('1.5', 0)).toEqual({ field: '', code: 'money.tooManyDecimals', params: { digits: 0 } });
    expect(parse('1.2345', 3)).toMatchObject({ code: 'money.tooManyDecimals', params: { digits: 3 } });
    expect(parse('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parse('-90071992547409.91')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(parse('90071992547409.92')).toEqual({ field: '', code: 'money.tooLarge' });
    expect(parse('9007199254740992', 0)).toMatchObject({ code: 'money.tooLarge' });
    expect(parse('00000000000000000000001.00')).toBe(100); // leading zeros don't count
  });

  it('takes only real ISO codes as currency marks, and refuses another currency than the field\'s', () => {
    expect(parseMoney('12abc', { digits: 2 })).toEqual({ ok: false, errors: [{ field: '', code: 'money.invalid' }] });
    expect(parseMoney('12 ABC', { digits: 2 }).ok).toBe(false);
    expect(parseMoney('12 USD', { digits: 2 })).toEqual({ ok: true, value: 1200 });
    expect(parseMoney('RMB 12', { digits: 2, currency: 'CNY' })).toEqual({ ok: true, value: 1200 });
    expect(parseMoney('¥12', { digits: 2, currency: 'CNY' })).toEqual({ ok: true, value: 1200 });
    expect(parseMoney('100 USD', { digits: 2, currency: 'CNY' })).toEqual({
      ok: false,
      errors: [{ field: '', code: 'money.currencyMismatch', params: { expected: 'CNY', found: 'USD' } }],
    });
  });

  it('respects the currency digits', () => {
    expect(parse('1,234', 0)).toBe(1234);
    expect(parse('1.234', 3)).toBe(1234);
    expect(parse('1.2', 3)).toBe(1200);
  });

  it('rejects nonsense digit settings as a programming error', () => {
    expect(() => parseMoney('1', { digits: -1 })).toThrow(RangeError);
    expect(() => parseMoney('1', { digits: 1.5 })).toThrow(RangeError);
  });
});

describe('formatPlain', () => {
  it('writes plain decimals without grouping', () => {
    expect(formatPlain(123456, 2)).toBe('1234.56');
    expect(formatPlain(-40000, 2)).toBe('-400.00');
    expect(formatPlain(5, 2)).toBe('0.05');
    expect(formatPlain(-5, 2)).toBe('-0.05');
    expect(formatPlain(0, 2)).toBe('0.00');
    expect(formatPlain(-0, 2)).toBe('0.00');
    expect(formatPlain(1234, 0)).toBe('1234');
    expect(formatPlain(1234, 3)).toBe('1.234');
    expect(formatPlain(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
    expect(() => formatPlain(1.5, 2)).toThrow(RangeError);
  });

  it('round-trips through parseMoney for any safe integer and 0..3 digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (amount, digits, commaDecimal) => {
          let text = formatPlain(amount, digits);
          if (commaDecimal) text = text.replace('.', ',');
          expect(parseMoney(text, { digits, commaDecimal })).toEqual({ ok: true, value: amount });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatMoney', () => {
  it('formats through Intl with the currency digits', () => {
    const zh = formatMoney(123456, 'CNY', 'zh-CN');
    expect(zh).toContain('1,234.56');
    expect(zh).toContain('¥');
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(-40000, 'USD', 'en')).toBe('-$400.00');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatMoney(1234, 'BHD', 'en')).toContain('1.234');
  });

  it('stays exact at the largest safe amount', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });
});

describe('currencyDigits', () => {
  it('comes from Intl', () => {
    expect(currencyDigits('CNY')).toBe(2);
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KRW')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(() => currencyDigits('C1')).toThrow(RangeError);
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('cny')).toBe(false);
    expect(isCurrencyCode('C1Y')).toBe(false);
  });
});

describe('rounding', () => {
  it('rounds halves away from zero', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(-2.4999)).toBe(-2);
    expect(roundHalfAwayFromZero(0.5)).toBe(1);
    expect(roundHalfAwayFromZero(-0.5)).toBe(-1);
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
  });

  it('converts major to minor units without binary-float drift', () => {
    expect(toMinor(1.005, 2)).toBe(101); // 1.005 * 100 = 100.49999... in binary
    expect(toMinor(-1.005, 2)).toBe(-101);
    expect(toMinor(1234.56, 2)).toBe(123456);
    expect(toMinor(0.125, 2)).toBe(13);
    expect(toMinor(1234.5, 0)).toBe(1235);
    expect(toMinor(1e-7, 2)).toBe(0);
    expect(toMinor(1.0005, 3)).toBe(1001);
    expect(() => toMinor(1e20, 2)).toThrow(RangeError);
    expect(() => toMinor(Number.NaN, 2)).toThrow(RangeError);
  });
});
