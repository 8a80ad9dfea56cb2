import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../src/demo/uscc';

describe('usccCheckChar', () => {
  it('computes the check character of a published code', () => {
    // 91350100M000100Y43: a commonly cited valid example; its check character is 3.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('follows the weighted sum mod 31 rule', () => {
    // All zeros: sum 0, check index (31 - 0) mod 31 = 0.
    expect(usccCheckChar('00000000000000000')).toBe('0');
    // A single 1 in the first position: sum 1, index 30 = 'Y'.
    expect(usccCheckChar('10000000000000000')).toBe('Y');
    // A single 1 in the second position (weight 3): index 28 = 'W'.
    expect(usccCheckChar('01000000000000000')).toBe('W');
  });

  it('rejects bodies of the wrong length or with letters outside the set', () => {
    expect(() => usccCheckChar('123')).toThrow(RangeError);
    expect(() => usccCheckChar('9135010IM000100Y4')).toThrow(RangeError);
  });
});
