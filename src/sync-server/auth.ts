// Bearer-token check: no header = 401 (ask for credentials), a wrong token = 403.
// The comparison hashes both sides so its time does not reveal the token.
import { createHash, timingSafeEqual } from 'node:crypto';

export type AuthOutcome = 'ok' | 'missing' | 'wrong';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function checkBearer(header: string | undefined, token: string | undefined): AuthOutcome {
  if (token === undefined) return 'ok';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return 'missing';
  return timingSafeEqual(digest(match[1]!), digest(token)) ? 'ok' : 'wrong';
}
