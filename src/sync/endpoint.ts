// A small fetch-based client for a JSON endpoint with ETags: the project's sync
// server, a WebDAV server (Apache mod_dav), or anything with conditional PUT.
// It turns HTTP into three outcomes per call and a typed SyncHttpError for the rest.
//
// WebDAV differences handled here, so the sync core does not see them:
// - A PUT into a missing folder is a 409 on WebDAV: the client creates the
//   folders (MKCOL) and puts again.
// - Apache's PUT answer has no ETag: the client reads the file back and takes
//   its ETag only if the bytes are the ones it wrote (else another device wrote
//   in between, and the etag is left undefined: re-read before the next If-Match).
// - Weak ETags: Apache tags a file changed within the last second W/"...", and
//   If-Match never matches a weak tag. The client sends the tag without W/ and, on
//   412, revalidates with HEAD + If-None-Match: changed (200/404) = a real conflict
//   at once; unchanged but still weak = wait a little over a second and ask again;
//   unchanged and strong = put again. If the tag is still weak after the wait the
//   call fails with kind 'weakEtag' (retryable, retryAfterMs 1000): never a merge
//   conflict, since nothing changed.
// - Apache's If-Match is not atomic (racing PUTs can all win): with
//   `webdavLocks: true` an If-Match write runs under an exclusive LOCK instead.
import { backoffDelay } from './endpoint-backoff';
import { errorForStatus, SyncHttpError } from './http-errors';

export { backoffDelay };

export type EndpointAuth = { token: string } | { user: string; password: string };

export interface EndpointOptions {
  /** Base URL, e.g. 'http://localhost:8787' or 'https://dav.example/remote.php/dav/files/me/overdue'. */
  url: string;
  auth?: EndpointAuth;
  /** Per request, including reading the body; default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** How long to let a weak ETag settle before revalidating (default 1100 ms; Apache's window is 1 s). */
  weakEtagWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * WebDAV targets: make If-Match writes atomic with a LOCK. Apache checks If-Match
   * and writes without a lock, so two racing PUTs can both succeed; under an
   * exclusive lock, with the ETag in the WebDAV If header, only one can. A file
   * locked by another writer (423) is reported as a conflict: it is being changed.
   */
  webdavLocks?: boolean;
}

export type GetResult = { status: 'ok'; etag: string; body: unknown } | { status: 'notModified' } | { status: 'missing' };
/** `etag` is undefined only when the server gave none and the file changed again before it could be read back. */
export type PutResult = { status: 'ok'; etag: string | undefined } | { status: 'conflict' };
export type DeleteResult = { status: 'ok' } | { status: 'conflict' } | { status: 'missing' };
export type PutCondition = { ifMatch: string; ifNoneMatch?: never } | { ifNoneMatch: '*'; ifMatch?: never } | Record<string, never>;

export interface Endpoint {
  get(path: string, options?: { ifNoneMatch?: string }): Promise<GetResult>;
  put(path: string, json: unknown, condition?: PutCondition): Promise<PutResult>;
  delete(path: string, options?: { ifMatch?: string }): Promise<DeleteResult>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const LOCK_BODY =
  '<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>' +
  '<D:locktype><D:write/></D:locktype></D:lockinfo>';

export const isWeakEtag = (etag: string): boolean => etag.startsWith('W/');
const strongForm = (etag: string): string => (isWeakEtag(etag) ? etag.slice(2) : etag);

function authorization(auth: EndpointAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if ('token' in auth) return { Authorization: `Bearer ${auth.token}` };
  const bytes = new TextEncoder().encode(`${auth.user}:${auth.password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { Authorization: `Basic ${btoa(binary)}` };
}

function isJsonType(header: string | null): boolean {
  if (header === null) return true; // some stores send none; the body must still parse
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/** Splits 'a/b/c.json' and encodes each part; refuses '..' and empty parts so a path cannot leave the base. */
function encodePath(path: string): string[] {
  const parts = path.replace(/^\/+/, '').split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new SyncHttpError({ kind: 'unexpected', path, message: 'invalid endpoint path' });
  }
  return parts.map(encodeURIComponent);
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export function createEndpoint(options: EndpointOptions): Endpoint {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const weakWait = options.weakEtagWaitMs ?? 1100;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const authHeaders = authorization(options.auth);

  const urlOf = (parts: string[]) => `${base}/${parts.join('/')}`;

  /** One request; the body is read inside the timeout. Throws SyncHttpError for timeout/network/truncation. */
  async function send(method: string, path: string, parts: string[], headers: Record<string, string>, body?: string): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let response: Response;
    try {
      response = await doFetch(urlOf(parts), {
        method,
        headers: { ...authHeaders, ...headers },
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
      });
    } catch (error) {
      clearTimeout(timer);
      if (timedOut) throw new SyncHttpError({ kind: 'timeout', path, message: `no answer within ${timeoutMs} ms`, cause: error });
      throw new SyncHttpError({ kind: 'network', path, message: 'cannot reach the endpoint', cause: error });
    }
    try {
      const text = method === 'HEAD' ? '' : await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (timedOut) throw new SyncHttpError({ kind: 'timeout', path, message: `no answer within ${timeoutMs} ms`, cause: error });
      throw new SyncHttpError({ kind: 'corrupt', detail: 'truncated', path, status: response.status, message: 'the answer was cut short', cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  const fail = (answer: Answer, path: string): never => {
    throw errorForStatus(answer.status, path, answer.headers.get('retry-after'));
  };

  function parseJson(answer: Answer, path: string): unknown {
    if (!isJsonType(answer.headers.get('content-type'))) {
      throw new SyncHttpError({
        kind: 'corrupt', detail: 'contentType', path, status: answer.status,
        message: `expected JSON, got ${answer.headers.get('content-type')}`,
      });
    }
    try {
      return JSON.parse(answer.text);
    } catch (error) {
      throw new SyncHttpError({ kind: 'corrupt', detail: 'notJson', path, status: answer.status, message: 'the file is not JSON', cause: error });
    }
  }

  async function get(path: string, getOptions: { ifNoneMatch?: string } = {}): Promise<GetResult> {
    const parts = encodePath(path);
    const headers: Record<string, string> = getOptions.ifNoneMatch ? { 'If-None-Match': getOptions.ifNoneMatch } : {};
    const answer = await send('GET', path, parts, headers);
    if (answer.status === 304) return { status: 'notModified' };
    if (answer.status === 404 || answer.status === 410) return { status: 'missing' };
    if (answer.status !== 200) return fail(answer, path);
    const body = parseJson(answer, path);
    const etag = answer.headers.get('etag');
    if (!etag) throw new SyncHttpError({ kind: 'unexpected', path, status: 200, message: 'the endpoint sends no ETag (conditional writes need one)' });
    return { status: 'ok', etag, body };
  }

  /** Creates each missing folder of a path (WebDAV); 405 = it exists already. */
  async function makeFolders(path: string, parts: string[]): Promise<void> {
    for (let i = 1; i < parts.length; i++) {
      const answer = await send('MKCOL', path, [...parts.slice(0, i), ''], {});
      if (answer.status === 201 || answer.status === 405 || answer.status === 301) continue;
      fail(answer, path);
    }
  }

  /** The ETag of the file we just wrote, when the PUT answer had none (WebDAV). */
  async function etagOfWritten(path: string, parts: string[], text: string): Promise<string | undefined> {
    const answer = await send('GET', path, parts, {});
    if (answer.status !== 200) return undefined;
    return answer.text === text ? (answer.headers.get('etag') ?? undefined) : undefined;
  }

  /**
   * After a 412 on a weak If-Match: has the file changed, or was its tag just too
   * fresh? Asks at once (a change is a conflict without waiting), and once more
   * after the weak window if the tag was still weak.
   */
  async function revalidateWeak(path: string, parts: string[], etag: string): Promise<'unchanged' | 'changed'> {
    for (let check = 0; ; check++) {
      const answer = await send('HEAD', path, parts, { 'If-None-Match': strongForm(etag) });
      if (answer.status === 200 || answer.status === 404) return 'changed';
      if (answer.status !== 304) return fail(answer, path);
      const now = answer.headers.get('etag');
      if (now === null || !isWeakEtag(now)) return 'unchanged';
      if (check === 1) {
        throw new SyncHttpError({ kind: 'weakEtag', path, status: 412, retryAfterMs: 1000, message: 'the file changed less than a second ago; its ETag is still weak' });
      }
      await sleep(weakWait);
    }
  }

  /**
   * LOCK, write with `If: <url> (<token> [etag])`, UNLOCK. While we hold the lock nobody
   * else can write, so a 412 that might be only a weak/strong difference is settled
   * by one HEAD: unchanged = write again with the tag as it reads now.
   */
  async function underLock(path: string, parts: string[], etag: string, method: 'PUT' | 'DELETE', text?: string): Promise<'ok' | 'conflict' | 'missing'> {
    const exists = await send('HEAD', path, parts, {});
    if (exists.status === 404 || exists.status === 410) return method === 'DELETE' ? 'missing' : 'conflict';
    if (exists.status !== 200) return fail(exists, path);
    const lock = await send('LOCK', path, parts, { 'Content-Type': 'application/xml; charset=utf-8', Timeout: 'Second-30', Depth: '0' }, LOCK_BODY);
    if (lock.status === 423) return 'conflict';
    const token = lock.headers.get('lock-token');
    if (lock.status === 201) {
      // The file went away between HEAD and LOCK and the LOCK created an empty one: remove it.
      if (token) await send('DELETE', path, parts, { If: `<${urlOf(parts)}> (${token})` }).catch(() => undefined);
      return method === 'DELETE' ? 'missing' : 'conflict';
    }
    if (lock.status !== 200) return fail(lock, path);
    if (!token) throw new SyncHttpError({ kind: 'unexpected', path, status: 200, message: 'LOCK answered without a Lock-Token' });
    try {
      const write = (tag: string) =>
        // A tagged If list (naming the file): untagged, mod_dav also applies it to the parent folder on DELETE.
        send(method, path, parts, { ...(text === undefined ? {} : { 'Content-Type': 'application/json' }), If: `<${urlOf(parts)}> (${token} [${tag}])` }, text);
      // mod_dav answers a failed If condition on DELETE with 424 (Failed Dependency) rather than 412.
      const failed = (status: number) => status === 412 || status === 424;
      let answer = await write(etag);
      if (failed(answer.status)) {
        const now = await send('HEAD', path, parts, { 'If-None-Match': strongForm(etag) });
        const current = now.headers.get('etag');
        if (now.status !== 304 || current === null) return 'conflict';
        answer = await write(current);
        if (failed(answer.status)) return 'conflict';
      }
      if (answer.status === 200 || answer.status === 201 || answer.status === 204) return 'ok';
      return fail(answer, path);
    } finally {
      await send('UNLOCK', path, parts, { 'Lock-Token': token }).catch(() => undefined);
    }
  }

  async function put(path: string, json: unknown, condition: PutCondition = {}): Promise<PutResult> {
    const parts = encodePath(path);
    const text = JSON.stringify(json);
    if (options.webdavLocks && condition.ifMatch !== undefined) {
      const outcome = await underLock(path, parts, condition.ifMatch, 'PUT', text);
      if (outcome === 'ok') return { status: 'ok', etag: await etagOfWritten(path, parts, text) };
      return { status: 'conflict' };
    }
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (condition.ifMatch !== undefined) headers['If-Match'] = strongForm(condition.ifMatch);
    if (condition.ifNoneMatch !== undefined) headers['If-None-Match'] = '*';
    let foldersMade = false;
    let revalidated = false;
    for (;;) {
      const answer = await send('PUT', path, parts, headers, text);
      if (answer.status === 200 || answer.status === 201 || answer.status === 204) {
        return { status: 'ok', etag: answer.headers.get('etag') ?? (await etagOfWritten(path, parts, text)) };
      }
      if (answer.status === 409 && !foldersMade) {
        foldersMade = true;
        await makeFolders(path, parts);
        continue;
      }
      if (answer.status === 412) {
        if (condition.ifMatch !== undefined && isWeakEtag(condition.ifMatch) && !revalidated) {
          revalidated = true;
          if ((await revalidateWeak(path, parts, condition.ifMatch)) === 'unchanged') continue;
        }
        return { status: 'conflict' };
      }
      return fail(answer, path);
    }
  }

  async function remove(path: string, removeOptions: { ifMatch?: string } = {}): Promise<DeleteResult> {
    const parts = encodePath(path);
    if (options.webdavLocks && removeOptions.ifMatch !== undefined) {
      const outcome = await underLock(path, parts, removeOptions.ifMatch, 'DELETE');
      return { status: outcome === 'ok' ? 'ok' : outcome === 'missing' ? 'missing' : 'conflict' };
    }
    const headers: Record<string, string> = removeOptions.ifMatch ? { 'If-Match': strongForm(removeOptions.ifMatch) } : {};
    let revalidated = false;
    for (;;) {
      const answer = await send('DELETE', path, parts, headers);
      if (answer.status === 200 || answer.status === 204) return { status: 'ok' };
      if (answer.status === 404 || answer.status === 410) return { status: 'missing' };
      if (answer.status === 412) {
        if (removeOptions.ifMatch !== undefined && isWeakEtag(removeOptions.ifMatch) && !revalidated) {
          revalidated = true;
          if ((await revalidateWeak(path, parts, removeOptions.ifMatch)) === 'unchanged') continue;
        }
        return { status: 'conflict' };
      }
      return fail(answer, path);
    }
  }

  return { get, put, delete: remove };
}
