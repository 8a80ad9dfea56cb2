// Fault injection for tests (only with --faults). A request names its fault in
// the X-Overdue-Fault header; a browser test that cannot add headers queues
// faults with PUT /.faults instead. The faulty request never touches storage.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FAULT_HEADER = 'x-overdue-fault';
/** 'lost': the request is carried out (a PUT is stored) but the connection drops before the answer. */
export const FAULT_MODES = ['500', '503', 'timeout', 'truncate', 'html', 'nonjson', '401', '403', '412', '413', 'lost'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export function isFaultMode(text: string): text is FaultMode {
  return (FAULT_MODES as readonly string[]).includes(text);
}

/** A queued fault: hits the next `times` requests whose method and path match. */
export interface QueuedFault {
  fault: FaultMode;
  method?: string;
  /** Applies to paths starting with this ('/' = every path). */
  pathPrefix?: string;
  times?: number;
}

export class FaultQueue {
  private queue: Required<QueuedFault>[] = [];

  replace(faults: QueuedFault[]): void {
    this.queue = faults.map((f) => ({ method: '', pathPrefix: '/', times: 1, ...f }));
  }

  /** The fault for this request, used up by taking it. */
  take(method: string, path: string): FaultMode | undefined {
    const hit = this.queue.find(
      (f) => (f.method === '' || f.method === method) && path.startsWith(f.pathPrefix) && f.times > 0,
    );
    if (!hit) return undefined;
    hit.times -= 1;
    this.queue = this.queue.filter((f) => f.times > 0);
    return hit.fault;
  }

  get pending(): number {
    return this.queue.length;
  }
}

/** Parses the body of PUT /.faults: { faults: QueuedFault[] }. */
export function parseFaultQueue(json: unknown): QueuedFault[] | string {
  const list = (json as { faults?: unknown } | null)?.faults;
  if (!Array.isArray(list)) return 'expected { "faults": [...] }';
  const out: QueuedFault[] = [];
  for (const item of list as unknown[]) {
    const f = item as Partial<Record<keyof QueuedFault, unknown>> | null;
    if (!f || typeof f.fault !== 'string' || !isFaultMode(f.fault)) return `fault must be one of ${FAULT_MODES.join(', ')}`;
    if (f.method !== undefined && typeof f.method !== 'string') return 'method must be a string';
    if (f.pathPrefix !== undefined && typeof f.pathPrefix !== 'string') return 'pathPrefix must be a string';
    if (f.times !== undefined && !(Number.isSafeInteger(f.times) && (f.times as number) > 0)) return 'times must be a positive whole number';
    out.push({
      fault: f.fault,
      ...(f.method !== undefined ? { method: (f.method as string).toUpperCase() } : {}),
      ...(f.pathPrefix !== undefined ? { pathPrefix: f.pathPrefix as string } : {}),
      ...(f.times !== undefined ? { times: f.times as number } : {}),
    });
  }
  return out;
}

const PLAUSIBLE_BODY = Buffer.from(JSON.stringify({ format: 1, note: 'this body is cut short by the fault injector' }));

/**
 * Answers the request the faulty way. 'timeout' answers nothing: the server
 * closes such sockets when it stops. 'truncate' promises a whole JSON body and
 * sends half, then drops the connection (no ETag, so a PUT cannot look done).
 */
export function sendFault(fault: FaultMode, req: IncomingMessage, res: ServerResponse, stored?: Buffer): void {
  const text = (status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (fault) {
    case '500': return text(500, 'injected fault: internal error\n');
    case '503': return text(503, 'injected fault: unavailable\n', { 'Retry-After': '1' });
    case '401': return text(401, 'injected fault: unauthorised\n', { 'WWW-Authenticate': 'Bearer realm="overdue-sync"' });
    case '403': return text(403, 'injected fault: forbidden\n');
    case '412': return text(412, 'injected fault: precondition failed\n');
    case '413': return text(413, 'injected fault: too large\n');
    case 'html':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><h1>Sign in to the Wi-Fi</h1></body></html>');
      return;
    case 'nonjson':
      res.writeHead(200, { 'Content-Type': 'application/json', ETag: '"not-json"' });
      res.end('{"format":1, this is not JSON');
      return;
    case 'truncate': {
      const body = stored && stored.length > 1 ? stored : PLAUSIBLE_BODY;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
      return;
    }
    case 'timeout':
      req.resume();
      return;
    case 'lost':
      // Handled by the server: it carries the request out and then drops the connection.
      req.socket.destroy();
      return;
  }
}
