import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/demo/random';
import { demoUscc } from '../../../src/demo/uscc';
import { checkUscc } from '../../../src/domain/uscc';

describe('demoUscc', () => {
  it('builds valid enterprise codes in the given division', () => {
    const random = Random.seeded(8);
    for (let i = 0; i < 200; i++) {
      const code = demoUscc(random, '310115');
      expect(code).toMatch(/^91310115[0-9A-HJ-NP-RTUW-Y]{10}$/);
      expect(checkUscc(code)).toEqual({ valid: true });
    }
  });
});
