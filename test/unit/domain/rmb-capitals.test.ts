import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RMB_CAPITALS_LIMIT, rmbCapitals } from '../../../src/domain/rmb-capitals';

const ALLOWED = /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/;

/**
 * An independent reader of capitals back to fen, to check that every output means the
 * amount it was made from. It multiplies out digits and units the way a person reads.
 */
function readCapitals(text: string): number {
  const DIGIT = '零壹贰叁肆伍陆柒捌玖';
  const PLACE: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let total = 0;
  let section = 0;
  let digit = 0;
  let jiao = 0;
  let fen = 0;
  for (const ch of text) {
    const d = DIGIT.indexOf(ch);
    if (d >= 0) digit = d;
    else if (ch in PLACE) {
      section += digit * (PLACE[ch] ?? 0);
      digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === '元') {
      total += section + digit;
      section = digit = 0;
    } else if (ch === '角') {
      jiao = digit;
      digit = 0;
    } else if (ch === '分') {
      fen = digit;
      digit = 0;
    } else if (ch !== '整') throw new Error(`unexpected ${ch}`);
  }
  return total * 100 + jiao * 10 + fen;
}

describe('rmbCapitals: the DOMAIN.md examples', () => {
  it.each([
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100000, '壹仟元整'],
    [1000500, '壹万零伍元整'],
    [10000010, '壹拾万元零壹角'],
    [50, '伍角'],
  ])('%i fen -> %s', (fen, text) => {
    expect(rmbCapitals(fen)).toBe(text);
  });
});

describe('rmbCapitals: zero rules', () => {
  it.each([
    // zero, fen only, jiao only
    [0, '零元整'],
    [5, '伍分'],
    [1, '壹分'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    // a zero 角 between 元 and 分 is one 零
    [105, '壹元零伍分'],
    [150, '壹元伍角'],
    [1005, '壹拾元零伍分'],
    [1050, '壹拾元零伍角'],
    // zeros inside a section: one 零 per run, none at the end
    [100500, '壹仟零伍元整'],
    [100005, '壹仟元零伍分'],
    [101000, '壹仟零壹拾元整'],
    [110000, '壹仟壹佰元整'],
    [100100, '壹仟零壹元整'],
    [108032, '壹仟零捌拾元零叁角贰分'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    // across 万 and 亿 sections
    [10000000100, '壹亿零壹元整'],
    [100001000, '壹佰万零壹拾元整'],
    [1000000000, '壹仟万元整'],
    [10500000, '壹拾万伍仟元整'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [100500000, '壹佰万伍仟元整'],
    [1000500000, '壹仟万伍仟元整'],
    [1050000, '壹万零伍佰元整'],
    [10000500000, '壹亿零伍仟元整'],
    [105000000000, '壹拾亿伍仟万元整'],
    [100500000000, '壹拾亿零伍佰万元整'],
    [10500000000, '壹亿零伍佰万元整'],
    [10050000000, '壹亿零伍拾万元整'],
    [15000000000, '壹亿伍仟万元整'],
    [100000000000, '壹拾亿元整'],
    [10000000000, '壹亿元整'],
    [10001000000, '壹亿零壹万元整'],
    [10010000000, '壹亿零壹拾万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [10000000001, '壹亿元零壹分'],
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [1001000, '壹万零壹拾元整'],
    [1010000, '壹万零壹佰元整'],
    [1100000, '壹万壹仟元整'],
    [12345678900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [9999999999999, '玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    [RMB_CAPITALS_LIMIT - 1, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    [100000000000000 / 10, '壹仟亿元整'],
    [100000000000000 / 10 + 100, '壹仟亿零壹元整'],
  ])('%i fen -> %s', (fen, text) => {
    expect(rmbCapitals(fen)).toBe(text);
  });

  it('writes a leading ten as 壹拾 in every section', () => {
    expect(rmbCapitals(1000)).toBe('壹拾元整');
    expect(rmbCapitals(1500)).toBe('壹拾伍元整');
    expect(rmbCapitals(10000000)).toBe('壹拾万元整');
    expect(rmbCapitals(1000000000000)).toBe('壹佰亿元整');
    expect(rmbCapitals(150000000000)).toBe('壹拾伍亿元整');
    // ...but a ten inside the number is 壹拾 too, never a bare 拾
    expect(rmbCapitals(11000)).toBe('壹佰壹拾元整');
  });
});

describe('rmbCapitals: refused amounts', () => {
  it.each([-1, -100, 0.5, 12.34, Number.NaN, Number.POSITIVE_INFINITY, RMB_CAPITALS_LIMIT, Number.MAX_SAFE_INTEGER, 2 ** 53])(
    '%s throws RangeError',
    (amount) => {
      expect(() => rmbCapitals(amount)).toThrow(RangeError);
    },
  );
});

describe('rmbCapitals: properties', () => {
  const amountArb = fc.oneof(
    fc.integer({ min: 0, max: RMB_CAPITALS_LIMIT - 1 }),
    fc.integer({ min: 0, max: 10_000_000 }),
    // Sparse digits: zero runs across section boundaries are where the rules bite.
    fc.array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 14 }).map((ds) => Number(ds.join(''))),
  );

  it('uses only the allowed characters, is never empty, and reads back to the amount', () => {
    fc.assert(
      fc.property(amountArb, (amount) => {
        const text = rmbCapitals(amount);
        expect(text).toMatch(ALLOWED);
        expect(readCapitals(text)).toBe(amount);
      }),
      { numRuns: 5000 },
    );
  });

  /**
   * The 零 the file header promises, counted on the digits: one per run of zeros between
   * non-zero digits, less the runs that end at 万位/亿位 of a section with a non-zero digit.
   */
  function expectedZeros(amount: number): number {
    const digits = String(amount);
    const at = (pos: number): number => Number(digits[digits.length - 1 - pos] ?? '0'); // pos 0 = fen, 2 = 元位
    let count = 0;
    let seenNonZero = false;
    for (let pos = digits.length - 1; pos >= 0; pos--) {
      if (at(pos) !== 0) {
        seenNonZero = true;
        continue;
      }
      const runEnds = pos === 0 || at(pos - 1) !== 0;
      if (!seenNonZero || !runEnds) continue; // leading zeros, or not the run's last zero
      const lowerNonZero = /[1-9]/.test(digits.slice(digits.length - pos));
      if (!lowerNonZero) continue; // trailing zeros
      const yuanPlace = pos - 2;
      const sectionAbove = [0, 1, 2, 3].some((k) => at(pos + k) !== 0);
      if (yuanPlace >= 4 && yuanPlace % 4 === 0 && sectionAbove) continue;
      count++;
    }
    return count;
  }

  it('one 零 per run of zero digits between non-zero digits (less the 万/亿 exception), none at either end', () => {
    expect(expectedZeros(10700053)).toBe(1); // the header's own examples
    expect(expectedZeros(10000500000)).toBe(1);
    expect(expectedZeros(10500000)).toBe(0);
    fc.assert(
      fc.property(amountArb.filter((a) => a > 0), (amount) => {
        const text = rmbCapitals(amount);
        expect((text.match(/零/g) ?? []).length).toBe(expectedZeros(amount));
        expect(text.startsWith('零')).toBe(false);
        expect(text).not.toMatch(/零零|零[元万亿整]|零$/);
      }),
      { numRuns: 5000 },
    );
  });

  it('ends in 整 exactly when there are neither 角 nor 分, and in 分 when there are fen', () => {
    fc.assert(
      fc.property(amountArb, (amount) => {
        const text = rmbCapitals(amount);
        expect(text.endsWith('整')).toBe(amount % 100 === 0);
        expect(text.endsWith('分')).toBe(amount % 10 !== 0);
        expect(text.includes('元')).toBe(amount >= 100 || amount === 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('distinct amounts give distinct strings (every amount up to 2,000.00, then at random)', () => {
    const seen = new Map<string, number>();
    for (let a = 0; a <= 200_000; a++) {
      const text = rmbCapitals(a);
      const earlier = seen.get(text);
      if (earlier !== undefined) expect.fail(`${earlier} and ${a} both give ${text}`);
      seen.set(text, a);
    }
    expect(seen.size).toBe(200_001);
    fc.assert(
      fc.property(amountArb, amountArb, (a, b) => {
        fc.pre(a !== b);
        expect(rmbCapitals(a)).not.toBe(rmbCapitals(b));
      }),
      { numRuns: 5000 },
    );
  });
});
