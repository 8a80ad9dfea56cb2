// The endpoint client against the real sync server (free port, temp dir), with
// faults queued on the server through /.faults.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay, createEndpoint, type Endpoint } from '../../../src/sync/endpoint';
import { SyncHttpError, type SyncHttpErrorKind } from '../../../src/sync/http-errors';
import { DEFAULT_OPTIONS } from '../../../src/sync-server/options';
import { startSyncServer, type RunningSyncServer } from '../../../src/sync-server/server';
import type { FaultMode } from '../../../src/sync-server/faults';

const TOKEN = 'tok-123';
let dir: string;
let server: RunningSyncServer;
let client: Endpoint;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overdue-endpoint-'));
  server = await startSyncServer({ ...DEFAULT_OPTIONS, port: 0, dir, token: TOKEN, faults: true, maxBytes: 2048 });
  client = createEndpoint({ url: `${server.url}/`, auth: { token: TOKEN }, timeoutMs: 400 });
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function queueFault(fault: FaultMode, method?: string): Promise<void> {
  const res = await fetch(`${server.url}/.faults`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ faults: [{ fault, ...(method ? { method } : {}) }] }),
  });
  expect(res.status).toBe(204);
}

async function errorOf(promise: Promise<unknown>): Promise<SyncHttpError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a SyncHttpError, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(SyncHttpError);
  return outcome.error as SyncHttpError;
}

describe('outcomes', () => {
  it('missing, created once with If-None-Match: *, read, not modified, replaced with If-Match, conflict on a stale tag', async () => {
    expect(await client.get('book-a/manifest.json')).toEqual({ status: 'missing' });
    const created = await client.put('book-a/manifest.json', { format: 1, devices: {} }, { ifNoneMatch: '*' });
    expect(created.status).toBe('ok');
    const etag1 = created.status === 'ok' ? created.etag! : '';
    expect(await client.put('book-a/manifest.json', { format: 1 }, { ifNoneMatch: '*' })).toEqual({ status: 'conflict' });

    expect(await client.get('book-a/manifest.json')).toEqual({ status: 'ok', etag: etag1, body: { format: 1, devices: {} } });
    expect(await client.get('book-a/manifest.json', { ifNoneMatch: etag1 })).toEqual({ status: 'notModified' });

    const replaced = await client.put('book-a/manifest.json', { format: 1, devices: { d1: {} } }, { ifMatch: etag1 });
    expect(replaced.status).toBe('ok');
    const etag2 = replaced.status === 'ok' ? replaced.etag! : '';
    expect(etag2).not.toBe(etag1);
    expect(await client.put('book-a/manifest.json', { lost: true }, { ifMatch: etag1 })).toEqual({ status: 'conflict' });
    expect(await client.get('book-a/manifest.json', { ifNoneMatch: etag1 })).toMatchObject({ status: 'ok', etag: etag2 });
  });

  it('delete: conflict on a stale tag, ok on the current one, then missing', async () => {
    const put = await client.put('book-a/log/d1/1.json', { ops: [] });
    const etag = put.status === 'ok' ? put.etag! : '';
    expect(await client.delete('book-a/log/d1/1.json', { ifMatch: '"stale"' })).toEqual({ status: 'conflict' });
    expect(await client.delete('book-a/log/d1/1.json', { ifMatch: etag })).toEqual({ status: 'ok' });
    expect(await client.delete('book-a/log/d1/1.json')).toEqual({ status: 'missing' });
  });

  it('names with spaces and non-ASCII round-trip; a path with .. is refused before any request', async () => {
    expect((await client.put('book b/客户.json', { ok: 1 })).status).toBe('ok');
    expect(await client.get('book b/客户.json')).toMatchObject({ status: 'ok', body: { ok: 1 } });
    const error = await errorOf(client.get('book-a/../secret.json'));
    expect(error.kind).toBe('unexpected');
  });

  it('two clients racing on one manifest: exactly one conditional PUT wins', async () => {
    const first = await client.put('race/manifest.json', { v: 0 });
    const etag = first.status === 'ok' ? first.etag! : '';
    const other = createEndpoint({ url: server.url, auth: { token: TOKEN } });
    const results = await Promise.all([1, 2, 3, 4].map((v) => (v % 2 ? client : other).put('race/manifest.json', { v }, { ifMatch: etag })));
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(3);
  });
});

describe('errors', () => {
  it('no token: auth, not retryable; wrong token: forbidden', async () => {
    const anonymous = createEndpoint({ url: server.url });
    const noAuth = await errorOf(anonymous.get('book-a/manifest.json'));
    expect([noAuth.kind, noAuth.status, noAuth.retryable]).toEqual(['auth', 401, false]);
    const wrong = createEndpoint({ url: server.url, auth: { token: 'nope' } });
    const forbidden = await errorOf(wrong.put('book-a/manifest.json', {}));
    expect([forbidden.kind, forbidden.status, forbidden.retryable]).toEqual(['forbidden', 403, false]);
    expect(forbidden.message).toContain('book-a/manifest.json');
  });

  it('a body over the server limit: tooLarge, not retryable', async () => {
    const error = await errorOf(client.put('book-a/big.json', { fill: 'x'.repeat(3000) }));
    expect([error.kind, error.status, error.retryable]).toEqual(['tooLarge', 413, false]);
  });

  it('nobody listening: network, retryable', async () => {
    const gone = await startSyncServer({ ...DEFAULT_OPTIONS, port: 0, dir });
    await gone.stop();
    const error = await errorOf(createEndpoint({ url: gone.url }).get('x.json'));
    expect([error.kind, error.retryable]).toEqual(['network', true]);
  });

  const cases: [FaultMode, 'GET' | 'PUT', SyncHttpErrorKind, boolean, string?][] = [
    ['500', 'GET', 'server', true],
    ['503', 'PUT', 'server', true],
    ['timeout', 'GET', 'timeout', true],
    ['timeout', 'PUT', 'timeout', true],
    ['truncate', 'GET', 'corrupt', true, 'truncated'],
    ['truncate', 'PUT', 'corrupt', true, 'truncated'],
    ['html', 'GET', 'corrupt', true, 'contentType'],
    ['nonjson', 'GET', 'corrupt', true, 'notJson'],
    ['401', 'GET', 'auth', false],
    ['403', 'PUT', 'forbidden', false],
    ['413', 'PUT', 'tooLarge', false],
  ];
  it.each(cases)('fault %s on %s -> %s (retryable %s)', async (fault, method, kind, retryable, detail) => {
    await queueFault(fault, method);
    const call = method === 'GET' ? client.get('book-a/manifest.json') : client.put('book-a/other.json', { v: 1 });
    const error = await errorOf(call);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.path).toBe(method === 'GET' ? 'book-a/manifest.json' : 'book-a/other.json');
    if (detail) expect(error.detail).toBe(detail);
    if (fault === '503') expect(error.retryAfterMs).toBe(1000);
    // The fault changed nothing: the file was not written.
    if (method === 'PUT') expect(await client.get('book-a/other.json')).toEqual({ status: 'missing' });
  });

  it('fault 412 on a PUT is a conflict, not an error', async () => {
    await queueFault('412', 'PUT');
    expect(await client.put('book-a/third.json', { v: 1 }, { ifNoneMatch: '*' })).toEqual({ status: 'conflict' });
    expect((await client.put('book-a/third.json', { v: 1 }, { ifNoneMatch: '*' })).status).toBe('ok');
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s up to 60 s', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((a) => backoffDelay(a, middle))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('jitters by +-25 % and never over 60 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(750);
    expect(backoffDelay(0, () => 0.999999)).toBe(1250);
    expect(backoffDelay(3, () => 0)).toBe(6000);
    expect(backoffDelay(6, () => 0)).toBe(45000);
    expect(backoffDelay(6, () => 1)).toBe(60000);
    const seen = new Set(Array.from({ length: 50 }, (_, i) => backoffDelay(2, () => i / 50)));
    expect(seen.size).toBeGreaterThan(40);
  });
});
