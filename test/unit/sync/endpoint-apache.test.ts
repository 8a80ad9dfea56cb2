// The endpoint client against a stock WebDAV server: Debian's Apache httpd with
// mod_dav, started by the test (apt-get install apache2; .ci/run does it).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpoint, isWeakEtag, type Endpoint } from '../../../src/sync/endpoint';
import { SyncHttpError } from '../../../src/sync/http-errors';
import { startApacheDav, type ApacheDav } from '../../support/apache';

let apache: ApacheDav;
let client: Endpoint;

beforeAll(async () => {
  apache = await startApacheDav({ user: 'bücher', password: 'pässwort 1' });
  client = createEndpoint({ url: apache.url, auth: { user: apache.user, password: apache.password }, timeoutMs: 5000 });
}, 15_000);
afterAll(async () => {
  await apache?.stop();
});

const okEtag = (result: { status: string; etag?: string | undefined }): string => {
  expect(result.status).toBe('ok');
  expect(result.etag).toBeTruthy();
  return result.etag!;
};

describe('Apache mod_dav', () => {
  it('a PUT into missing folders creates them (MKCOL) and reports the ETag read back', async () => {
    const etag = okEtag(await client.put('book-1/log/dev-a/1.json', { device: 'dev-a', n: 1, ops: [] }, { ifNoneMatch: '*' }));
    expect(JSON.parse(await readFile(join(apache.root, 'book-1', 'log', 'dev-a', '1.json'), 'utf8'))).toEqual({ device: 'dev-a', n: 1, ops: [] });
    const read = await client.get('book-1/log/dev-a/1.json');
    expect(read).toMatchObject({ status: 'ok', body: { device: 'dev-a', n: 1, ops: [] } });
    expect(read.status === 'ok' && read.etag.replace(/^W\//, '')).toBe(etag.replace(/^W\//, ''));
  });

  it('If-None-Match: * on an existing file is a conflict; a GET with the current tag is notModified; missing is missing', async () => {
    expect(await client.put('book-1/log/dev-a/1.json', { other: true }, { ifNoneMatch: '*' })).toEqual({ status: 'conflict' });
    const read = await client.get('book-1/log/dev-a/1.json');
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(await client.get('book-1/log/dev-a/1.json', { ifNoneMatch: read.etag })).toEqual({ status: 'notModified' });
    expect(await client.get('book-1/nothing.json')).toEqual({ status: 'missing' });
  });

  it('a fresh (weak) ETag: If-Match succeeds after the client revalidates, without reporting a conflict', async () => {
    const etag = okEtag(await client.put('book-1/manifest.json', { format: 1, v: 1 }));
    expect(isWeakEtag(etag)).toBe(true); // written just now: Apache marks it weak
    const started = Date.now();
    const replaced = await client.put('book-1/manifest.json', { format: 1, v: 2 }, { ifMatch: etag });
    expect(replaced.status).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // it waited out Apache's one-second window
    expect(await client.get('book-1/manifest.json')).toMatchObject({ status: 'ok', body: { v: 2 } });
  });

  it('a stale ETag (another device wrote) is a conflict at once, weak or not', async () => {
    const mine = okEtag(await client.put('book-1/contended.json', { by: 'me' }));
    const other = createEndpoint({ url: apache.url, auth: { user: apache.user, password: apache.password } });
    await new Promise((r) => setTimeout(r, 5)); // a different mtime, so a different tag
    okEtag(await other.put('book-1/contended.json', { by: 'other', pad: 'xx' }));
    const started = Date.now();
    expect(await client.put('book-1/contended.json', { by: 'me again' }, { ifMatch: mine })).toEqual({ status: 'conflict' });
    expect(Date.now() - started).toBeLessThan(900);
    expect(await client.get('book-1/contended.json')).toMatchObject({ body: { by: 'other' } });
  });

  it('a tag still weak after the wait is a retryable weakEtag error, not a conflict, and nothing is written', async () => {
    const impatient = createEndpoint({
      url: apache.url,
      auth: { user: apache.user, password: apache.password },
      weakEtagWaitMs: 0,
      sleep: async () => {},
    });
    const etag = okEtag(await impatient.put('book-1/fresh.json', { v: 1 }));
    const error = await impatient.put('book-1/fresh.json', { v: 2 }, { ifMatch: etag }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncHttpError);
    expect(error).toMatchObject({ kind: 'weakEtag', retryable: true, retryAfterMs: 1000, path: 'book-1/fresh.json' });
    expect(await impatient.get('book-1/fresh.json')).toMatchObject({ body: { v: 1 } });
  });

  it('a strong ETag (file older than a second) matches directly; delete with If-Match', async () => {
    okEtag(await client.put('book-1/old.json', { v: 1 }));
    await new Promise((r) => setTimeout(r, 1100));
    const read = await client.get('book-1/old.json');
    expect(read.status === 'ok' && isWeakEtag(read.etag)).toBe(false);
    if (read.status !== 'ok') return;
    expect(await client.delete('book-1/old.json', { ifMatch: '"0-0"' })).toEqual({ status: 'conflict' });
    expect(await client.delete('book-1/old.json', { ifMatch: read.etag })).toEqual({ status: 'ok' });
    expect(await client.delete('book-1/old.json')).toEqual({ status: 'missing' });
  });

  it('a wrong password or none: auth (401), not retryable', async () => {
    const wrong = createEndpoint({ url: apache.url, auth: { user: apache.user, password: 'wrong' } });
    await expect(wrong.get('book-1/manifest.json')).rejects.toMatchObject({ kind: 'auth', status: 401, retryable: false });
    const none = createEndpoint({ url: apache.url });
    await expect(none.put('book-1/manifest.json', { v: 0 })).rejects.toMatchObject({ kind: 'auth', status: 401 });
    expect(await client.get('book-1/manifest.json')).toMatchObject({ body: { v: 2 } });
  });

  it('CORS: the preflight for a conditional PUT from the app origin is allowed and ETag is exposed', async () => {
    const res = await fetch(`${apache.url}/book-1/manifest.json`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4321', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,if-match,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-Match/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/MKCOL/);
    const get = await fetch(`${apache.url}/book-1/manifest.json`, { headers: { Origin: 'http://localhost:4321' } });
    expect(get.status).toBe(401);
    expect(get.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  describe('with WebDAV locks (webdavLocks: true)', () => {
    const locking = () => createEndpoint({ url: apache.url, auth: { user: apache.user, password: apache.password }, webdavLocks: true });

    it('of 8 racing If-Match PUTs from different clients exactly one wins, round after round', async () => {
      for (let round = 0; round < 2; round++) {
        okEtag(await client.put('book-2/manifest.json', { round, v: 0 }));
        // A strong tag, so every PUT goes straight to Apache's own If-Match check, which alone lets several win.
        await new Promise((r) => setTimeout(r, 1100));
        const read = await client.get('book-2/manifest.json');
        if (read.status !== 'ok' || isWeakEtag(read.etag)) throw new Error('expected a strong ETag');
        const etag = read.etag;
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => locking().put('book-2/manifest.json', { round, v: i + 1 }, { ifMatch: etag })));
        expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
        const winner = results.findIndex((r) => r.status === 'ok');
        expect(await client.get('book-2/manifest.json')).toMatchObject({ body: { round, v: winner + 1 } });
      }
    });

    it('a weak ETag matches at once under the lock, a stale one is a conflict, a missing file too; the lock is released', async () => {
      const etag = okEtag(await client.put('book-2/weak.json', { v: 1 }));
      expect(isWeakEtag(etag)).toBe(true);
      const started = Date.now();
      const first = await locking().put('book-2/weak.json', { v: 2 }, { ifMatch: etag });
      expect(first.status).toBe('ok');
      expect(Date.now() - started).toBeLessThan(900);
      expect(await locking().put('book-2/weak.json', { v: 3 }, { ifMatch: etag })).toEqual({ status: 'conflict' });
      expect(await locking().put('book-2/absent.json', { v: 3 }, { ifMatch: etag })).toEqual({ status: 'conflict' });
      expect(await client.get('book-2/absent.json')).toEqual({ status: 'missing' });
      // Unlocked: a plain write goes through.
      expect((await client.put('book-2/weak.json', { v: 4 })).status).toBe('ok');
    });

    it('a tag that turned strong since it was read still matches (revalidated under the lock)', async () => {
      okEtag(await client.put('book-2/aged.json', { v: 1 }));
      const read = await client.get('book-2/aged.json');
      if (read.status !== 'ok') throw new Error('not read');
      expect(isWeakEtag(read.etag)).toBe(true);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await locking().put('book-2/aged.json', { v: 2 }, { ifMatch: read.etag })).status).toBe('ok');
    });

    it('delete under the lock: conflict on a stale tag, ok on the current one, missing after', async () => {
      const etag = okEtag(await client.put('book-2/gone.json', { v: 1 }));
      expect(await locking().delete('book-2/gone.json', { ifMatch: '"0-0"' })).toEqual({ status: 'conflict' });
      expect(await locking().delete('book-2/gone.json', { ifMatch: etag })).toEqual({ status: 'ok' });
      expect(await locking().delete('book-2/gone.json', { ifMatch: etag })).toEqual({ status: 'missing' });
    });
  });
});
