// The sync server over real HTTP on a free port, files in a temp dir.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type SyncServerOptions } from '../../../src/sync-server/options';
import { startSyncServer, type RunningSyncServer } from '../../../src/sync-server/server';

const ORIGIN = 'http://localhost:4321';
const TOKEN = 's3cret-token';

let dir: string;
let server: RunningSyncServer;
let open: RunningSyncServer;
const logLines: string[] = [];

async function start(extra: Partial<SyncServerOptions>): Promise<RunningSyncServer> {
  return startSyncServer({ ...DEFAULT_OPTIONS, port: 0, dir, ...extra }, (line) => logLines.push(line));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overdue-sync-server-'));
  server = await start({ token: TOKEN, maxBytes: 4096, faults: true });
  open = await start({ maxBytes: 4096 });
});
afterAll(async () => {
  await server.stop();
  await open.stop();
  await rm(dir, { recursive: true, force: true });
});

const auth = { Authorization: `Bearer ${TOKEN}` };
const json = { 'Content-Type': 'application/json' };

function put(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(server.url + path, { method: 'PUT', headers: { ...auth, ...json, ...headers }, body: JSON.stringify(body) });
}
function get(path: string, headers: Record<string, string> = {}) {
  return fetch(server.url + path, { headers: { ...auth, ...headers } });
}

/** A raw request, for paths fetch would normalise (`..`) and bodies it would not send. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(server.url + '/', { method, path, headers: { ...auth, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('GET and PUT with ETags', () => {
  it('creates (201), reads back with a strong ETag, replaces (204) with a new ETag', async () => {
    const created = await put('/book1/manifest.json', { format: 1 });
    expect(created.status).toBe(201);
    const etag1 = created.headers.get('etag')!;
    expect(etag1).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const read = await get('/book1/manifest.json');
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(read.headers.get('etag')).toBe(etag1);
    expect(await read.json()).toEqual({ format: 1 });

    const replaced = await put('/book1/manifest.json', { format: 1, devices: {} }, { 'If-Match': etag1 });
    expect(replaced.status).toBe(204);
    const etag2 = replaced.headers.get('etag')!;
    expect(etag2).not.toBe(etag1);
    expect((await get('/book1/manifest.json')).headers.get('etag')).toBe(etag2);
  });

  it('the ETag is a hash of the bytes: equal bodies, equal tags', async () => {
    const a = await put('/same/a.json', { x: [1, 2] });
    const b = await put('/same/b.json', { x: [1, 2] });
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });

  it('GET: 304 when If-None-Match matches (also in a list or weak form), 200 when not, 404 missing', async () => {
    const etag = (await put('/cond/f.json', { v: 1 })).headers.get('etag')!;
    const same = await get('/cond/f.json', { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect(same.headers.get('etag')).toBe(etag);
    expect((await get('/cond/f.json', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get('/cond/f.json', { 'If-None-Match': '"other"' })).status).toBe(200);
    expect((await get('/cond/missing.json')).status).toBe(404);
    expect((await get('/cond')).status).toBe(404); // a directory is not listed
  });

  it('PUT If-Match: 412 when the tag differs, is weak, or the file is absent; the file is unchanged', async () => {
    const etag = (await put('/im/f.json', { v: 1 })).headers.get('etag')!;
    expect((await put('/im/f.json', { v: 2 }, { 'If-Match': '"stale"' })).status).toBe(412);
    expect((await put('/im/f.json', { v: 2 }, { 'If-Match': `W/${etag}` })).status).toBe(412);
    expect((await put('/im/absent.json', { v: 2 }, { 'If-Match': etag })).status).toBe(412);
    expect((await put('/im/absent.json', { v: 2 }, { 'If-Match': '*' })).status).toBe(412);
    expect(await (await get('/im/f.json')).json()).toEqual({ v: 1 });
    expect((await get('/im/absent.json')).status).toBe(404);
    expect((await put('/im/f.json', { v: 3 }, { 'If-Match': '*' })).status).toBe(204);
  });

  it('PUT If-None-Match: * creates once, then 412', async () => {
    expect((await put('/inm/seg1.json', { n: 1 }, { 'If-None-Match': '*' })).status).toBe(201);
    expect((await put('/inm/seg1.json', { n: 2 }, { 'If-None-Match': '*' })).status).toBe(412);
    expect(await (await get('/inm/seg1.json')).json()).toEqual({ n: 1 });
  });

  it('PUT refuses other content types (415) and bodies that are not JSON (400)', async () => {
    const text = await fetch(server.url + '/ct/a.json', { method: 'PUT', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    const none = await raw('PUT', '/ct/a.json', {}, '{}');
    expect(none.status).toBe(415);
    const bad = await fetch(server.url + '/ct/a.json', { method: 'PUT', headers: { ...auth, ...json }, body: '{"a":' });
    expect(bad.status).toBe(400);
    const latin1 = await fetch(server.url + '/ct/a.json', { method: 'PUT', headers: { ...auth, ...json }, body: Buffer.from([0x22, 0xff, 0x22]) });
    expect(latin1.status).toBe(400);
    expect((await put('/ct/b.json', { ok: true }, { 'Content-Type': 'application/merge-patch+json; charset=utf-8' })).status).toBe(201);
    expect((await get('/ct/a.json')).status).toBe(404);
  });

  it('DELETE: 412 on a stale If-Match, 204 on a match, then 404', async () => {
    const etag = (await put('/del/f.json', { v: 1 })).headers.get('etag')!;
    expect((await fetch(server.url + '/del/f.json', { method: 'DELETE', headers: { ...auth, 'If-Match': '"stale"' } })).status).toBe(412);
    expect((await fetch(server.url + '/del/f.json', { method: 'DELETE', headers: { ...auth, 'If-Match': etag } })).status).toBe(204);
    expect((await get('/del/f.json')).status).toBe(404);
    expect((await fetch(server.url + '/del/f.json', { method: 'DELETE', headers: auth })).status).toBe(404);
  });

  it('a file where a directory is needed, or the reverse, is a 409', async () => {
    await put('/clash/file.json', { v: 1 });
    expect((await put('/clash/file.json/inner.json', { v: 1 })).status).toBe(409);
    expect((await put('/clash', { v: 1 })).status).toBe(409);
  });

  it('other methods: 405 with Allow', async () => {
    const res = await fetch(server.url + '/x.json', { method: 'POST', headers: { ...auth, ...json }, body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('PUT');
  });
});

describe('paths', () => {
  it.each([
    ['/../etc/passwd', 'dot'],
    ['/a/../../x.json', 'dot'],
    ['/%2e%2e/x.json', 'dot'],
    ['/a/%2Fetc%2Fpasswd', 'slash'],
    ['/a/..%5Cx.json', 'slash'],
    ['/a/%00.json', 'NUL'],
    ['/.faults2', 'dot'],
    ['/a//b.json', 'empty'],
    ['/', 'no file'],
    ['/%E0%A4%A', 'percent'],
    ['/C:/x.json', 'drive'],
    [`/${'a'.repeat(256)}.json`, 'too long'],
    [`/${'abc/'.repeat(300)}x.json`, 'too long'],
  ])('%s is refused with 400 (%s)', async (path, reason) => {
    const res = await raw('PUT', path, json, '{}');
    expect(res.status).toBe(400);
    expect(res.body).toContain(reason);
    expect((await raw('GET', path)).status).toBe(400);
  });

  it('nothing was written outside the data directory or as a hidden file', async () => {
    const names = await readdir(dir, { recursive: true });
    expect(names.filter((n) => n.split('/').some((s) => s.startsWith('.') || s === 'etc'))).toEqual([]);
  });

  it('percent-encoded names map to the decoded file name', async () => {
    expect((await put('/enc/a%20b%E4%B8%AD.json', { v: 1 })).status).toBe(201);
    expect(JSON.parse(await readFile(join(dir, 'enc', 'a b中.json'), 'utf8'))).toEqual({ v: 1 });
  });
});

describe('concurrency and atomic writes', () => {
  it('of 20 concurrent PUTs with the same If-Match exactly one wins', async () => {
    const etag = (await put('/race/manifest.json', { v: 0 })).headers.get('etag')!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => put('/race/manifest.json', { v: i + 1 }, { 'If-Match': etag })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = results.findIndex((r) => r.status === 204);
    expect(await (await get('/race/manifest.json')).json()).toEqual({ v: winner + 1 });
  });

  it('of 10 concurrent If-None-Match: * PUTs exactly one creates', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => put('/race/seg.json', { i }, { 'If-None-Match': '*' })));
    expect(results.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1);
  });

  it('readers see the old or the new bytes, never a mix, and no temp file is left', async () => {
    const big = (c: string) => ({ fill: c.repeat(1500) });
    await put('/atomic/f.json', big('a'));
    const reads: Promise<unknown>[] = [];
    const writes: Promise<Response>[] = [];
    for (let i = 0; i < 15; i++) {
      writes.push(put('/atomic/f.json', big(i % 2 ? 'a' : 'b')));
      reads.push(get('/atomic/f.json').then((r) => r.json()));
    }
    await Promise.all(writes);
    for (const body of (await Promise.all(reads)) as { fill: string }[]) {
      expect(body.fill === 'a'.repeat(1500) || body.fill === 'b'.repeat(1500)).toBe(true);
    }
    expect(await readdir(join(dir, 'atomic'))).toEqual(['f.json']);
  });
});

describe('limits and auth', () => {
  it('a body over --max-bytes is a 413, by Content-Length or while streaming, and nothing is stored', async () => {
    const res = await put('/big/f.json', { fill: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    const chunked = await fetch(server.url + '/big/g.json', {
      method: 'PUT',
      headers: { ...auth, ...json },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode(i === 0 ? '["' : 'y'.repeat(1000)));
          c.enqueue(new TextEncoder().encode('"]'));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await get('/big/f.json')).status).toBe(404);
    expect((await get('/big/g.json')).status).toBe(404);
    expect((await put('/big/ok.json', { fill: 'x'.repeat(3000) })).status).toBe(201);
  });

  it('no token: 401 with WWW-Authenticate; wrong token: 403; right token: through', async () => {
    const none = await fetch(server.url + '/auth/f.json');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const basic = await fetch(server.url + '/auth/f.json', { headers: { Authorization: 'Basic dTpw' } });
    expect(basic.status).toBe(401);
    const wrong = await fetch(server.url + '/auth/f.json', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(403);
    const wrongPut = await fetch(server.url + '/auth/f.json', { method: 'PUT', headers: { ...json, Authorization: 'Bearer nope' }, body: '{}' });
    expect(wrongPut.status).toBe(403);
    expect((await get('/auth/f.json')).status).toBe(404);
  });

  it('without --token no auth is asked', async () => {
    const res = await fetch(open.url + '/noauth/f.json', { method: 'PUT', headers: json, body: '{}' });
    expect(res.status).toBe(201);
  });
});

describe('CORS', () => {
  it('preflight from the app origin allows the conditional headers, without a token', async () => {
    const res = await fetch(server.url + '/book1/manifest.json', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,if-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const h of ['authorization', 'if-match', 'if-none-match', 'content-type']) expect(allowed).toContain(h);
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('responses to the app origin echo it and expose ETag; other origins are refused', async () => {
    const res = await get('/book1/manifest.json', { Origin: ORIGIN });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    const denied = await fetch(server.url + '/book1/manifest.json', { method: 'OPTIONS', headers: { Origin: 'http://evil.example' } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    expect((await get('/book1/manifest.json', { Origin: 'http://evil.example' })).status).toBe(403);
  });
});

describe('fault injection (--faults)', () => {
  it.each([
    ['500', 500],
    ['503', 503],
    ['401', 401],
    ['403', 403],
    ['412', 412],
    ['413', 413],
  ])('X-Overdue-Fault: %s answers %i and stores nothing', async (fault, status) => {
    const res = await put('/faults/f.json', { v: 1 }, { 'X-Overdue-Fault': fault });
    expect(res.status).toBe(status);
    expect((await get('/faults/f.json')).status).toBe(404);
  });

  it('html: a 200 HTML page', async () => {
    const res = await get('/book1/manifest.json', { 'X-Overdue-Fault': 'html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('nonjson: a 200 "JSON" body that does not parse', async () => {
    const res = await get('/book1/manifest.json', { 'X-Overdue-Fault': 'nonjson' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(res.json()).rejects.toThrow();
  });

  it('truncate: the body stops half-way through the declared length', async () => {
    const res = await get('/book1/manifest.json', { 'X-Overdue-Fault': 'truncate' });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('timeout: no answer until the client gives up', async () => {
    const started = Date.now();
    const outcome = await fetch(server.url + '/book1/manifest.json', {
      headers: { ...auth, 'X-Overdue-Fault': 'timeout' },
      signal: AbortSignal.timeout(300),
    }).then(
      (res) => `answered ${res.status}`,
      (error: Error) => error.name,
    );
    expect(outcome).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('an unknown fault name is a 400; without --faults the header is ignored', async () => {
    expect((await get('/book1/manifest.json', { 'X-Overdue-Fault': 'bogus' })).status).toBe(400);
    const res = await fetch(open.url + '/nofault/f.json', { method: 'PUT', headers: { ...json, 'X-Overdue-Fault': '500' }, body: '{}' });
    expect(res.status).toBe(201);
  });

  it('queued faults hit the next matching requests, then stop', async () => {
    const control = (method: string, body?: unknown) =>
      fetch(server.url + '/.faults', { method, headers: { ...auth, ...json }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await control('PUT', { faults: [{ fault: '503', method: 'get', pathPrefix: '/book1/', times: 2 }] })).status).toBe(204);
    expect((await get('/cond/f.json')).status).toBe(200);
    expect((await put('/book1/other.json', { v: 1 })).status).toBe(201);
    expect((await get('/book1/manifest.json')).status).toBe(503);
    expect((await get('/book1/manifest.json')).status).toBe(503);
    expect((await get('/book1/manifest.json')).status).toBe(200);
    expect((await control('PUT', { faults: [{ fault: 'nope' }] })).status).toBe(400);
    expect((await control('PUT', { faults: [{ fault: '500' }] })).status).toBe(204);
    expect(await (await control('GET')).json()).toEqual({ pending: 1 });
    expect((await control('DELETE')).status).toBe(204);
    expect((await get('/book1/manifest.json')).status).toBe(200);
  });
});

describe('log', () => {
  it('one line per request with method, path, status and time', async () => {
    const before = logLines.length;
    await get('/log/missing.json');
    await new Promise((r) => setTimeout(r, 20));
    const line = logLines.slice(before).find((l) => l.includes('/log/missing.json'));
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT\S+ GET \/log\/missing\.json 404 [\d.]+ms/);
  });
});

it('a pre-existing file on disk is served with its hash as ETag', async () => {
  await mkdir(join(dir, 'disk'), { recursive: true });
  await writeFile(join(dir, 'disk', 'f.json'), '{"from":"disk"}');
  const res = await get('/disk/f.json');
  expect(await res.json()).toEqual({ from: 'disk' });
});
