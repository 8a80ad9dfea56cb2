// CORS for the app's origin: the app (served elsewhere, e.g. localhost:4321)
// calls the sync server from the browser, so the allowed origin is echoed,
// the conditional-request headers are allowed and the ETag is exposed.
import type { IncomingMessage } from 'node:http';

export const ALLOWED_METHODS = 'GET, HEAD, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = ['Authorization', 'If-Match', 'If-None-Match', 'Content-Type'];

export function corsHeaders(req: IncomingMessage, origins: readonly string[]): Record<string, string> | undefined {
  const origin = req.headers.origin;
  if (origin === undefined) return {};
  if (!origins.includes('*') && !origins.includes(origin)) return undefined;
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'ETag', Vary: 'Origin' };
}

export function preflightHeaders(faults: boolean): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': [...ALLOWED_HEADERS, ...(faults ? ['X-Overdue-Fault'] : [])].join(', '),
    'Access-Control-Max-Age': '600',
  };
}
