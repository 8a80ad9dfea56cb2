// Builds plausible PRC Unified Social Credit Codes for demo customers, with the
// check character computed by the rule in DOMAIN.md (Identifiers).

import type { Random } from './random';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character for a 17-character body. */
export function usccCheckChar(body: string): string {
  if (body.length !== 17) throw new RangeError('USCC body must be 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(body.charAt(i));
    if (value < 0) throw new RangeError(`not a USCC character: ${body.charAt(i)}`);
    sum += value * (WEIGHTS[i] as number);
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * A code for an enterprise ('9' registered with market regulation, '1' company)
 * in the given 6-digit administrative division, with a random organisation part.
 */
export function demoUscc(random: Random, division: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CHARSET.charAt(random.int(0, i < 8 ? 9 : CHARSET.length - 1));
  const body = `91${division}${org}`;
  return body + usccCheckChar(body);
}
