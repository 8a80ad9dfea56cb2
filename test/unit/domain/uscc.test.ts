import { describe, expect, it } from 'vitest';
import { checkUscc, normalizeUscc, usccCheckChar } from '../../../src/domain/uscc';

describe('checkUscc', () => {
  it('accepts real codes', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({ valid: true });
    expect(checkUscc('91110000802100433B')).toEqual({ valid: true });
  });

  it('computes the check character from the DOMAIN.md weights', () => {
    // 9*1 + 1*3 + 3*9 + 5*27 + 0*19 + 1*26 + 0*16 + 0*17 + M(21)*20 + 0*29 + 0*25 + 0*13
    // + 1*8 + 0*24 + 0*10 + Y(30)*30 + 4*28 = 1640; 1640 mod 31 = 28; (31 - 28) mod 31 = 3
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    // a sum that is a multiple of 31 gives index 0, not 31
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('reports the expected check character on a mismatch', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ valid: false, reason: 'uscc.checksum', expected: '3' });
    expect(checkUscc('91350100M000100Y53')).toMatchObject({ valid: false, reason: 'uscc.checksum' });
    expect(checkUscc('91110000802100433C')).toEqual({ valid: false, reason: 'uscc.checksum', expected: 'B' });
  });

  it('accepts lower case, spaces and full-width input', () => {
    expect(checkUscc('  91350100m000100y43 ')).toEqual({ valid: true });
    expect(checkUscc('9135 0100 M000 100Y 43')).toEqual({ valid: true });
    expect(checkUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ valid: true });
    expect(normalizeUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('rejects wrong length and characters outside the charset as a format problem', () => {
    for (const bad of ['', '91350100M000100Y4', '91350100M000100Y433', '91350100I000100Y43', '91350100O000100Y43',
      '91350100Z000100Y43', '91350100S000100Y43', '91350100V000100Y43', '91350100-000100Y43']) {
      expect(checkUscc(bad), bad).toEqual({ valid: false, reason: 'uscc.format' });
    }
  });
});
