// PRC Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters, the
// last a check character over the first 17. A mismatch warns, never blocks.
import { toHalfWidth } from './calendar';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT_RE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** Upper-case, half-width, without spaces: the form to store and check. */
export function normalizeUscc(code: string): string {
  return toHalfWidth(code).replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (assumed to be from the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function checkUscc(code: string): { valid: boolean; reason?: 'uscc.format' | 'uscc.checksum'; expected?: string } {
  const c = normalizeUscc(code);
  if (!FORMAT_RE.test(c)) return { valid: false, reason: 'uscc.format' };
  const expected = usccCheckChar(c);
  return c.charAt(17) === expected ? { valid: true } : { valid: false, reason: 'uscc.checksum', expected };
}
