// Plausible PRC Unified Social Credit Codes for demo customers; the check
// character comes from the domain's rule (DOMAIN.md, Identifiers).

import { usccCheckChar } from '../domain/uscc';
import type { Random } from './random';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

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
