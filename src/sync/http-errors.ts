// What can go wrong talking to a sync endpoint, as one typed error the sync core
// can turn into a status ("offline", "wrong password", ...) and a retry decision.
// A 412 is not here: the endpoint client reports it as { status: 'conflict' }.

export type SyncHttpErrorKind =
  /** 401: no or wrong credentials (Apache answers a wrong password with 401 too). */
  | 'auth'
  /** 403: credentials accepted but not allowed (the sync server's answer to a wrong token). */
  | 'forbidden'
  /** 5xx or 429. */
  | 'server'
  /** No answer within timeoutMs. */
  | 'timeout'
  /** No connection: offline, DNS, refused, CORS refused. */
  | 'network'
  /** A body that is cut short, not JSON, or of the wrong content type (a login page). */
  | 'corrupt'
  /** 413: the request body is over the server's limit. */
  | 'tooLarge'
  /** A conditional write with a weak ETag that could not be confirmed yet (Apache, < 1 s after a change). */
  | 'weakEtag'
  /** Any other answer (400, 405, 415, a missing ETag...): a client or server setup problem. */
  | 'unexpected';

const RETRYABLE: Record<SyncHttpErrorKind, boolean> = {
  auth: false,
  forbidden: false,
  server: true,
  timeout: true,
  network: true,
  corrupt: true,
  tooLarge: false,
  weakEtag: true,
  unexpected: false,
};

export type CorruptDetail = 'truncated' | 'notJson' | 'contentType';

export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  readonly kind: SyncHttpErrorKind;
  /** The endpoint-relative path of the file concerned, e.g. 'book-1/manifest.json'. */
  readonly path: string;
  readonly status: number | undefined;
  /** Whether trying again later (with backoff) can help; auth and setup problems need the user. */
  readonly retryable: boolean;
  /** The server's Retry-After, or the wait a weak ETag needs. */
  readonly retryAfterMs: number | undefined;
  readonly detail: CorruptDetail | undefined;

  constructor(init: {
    kind: SyncHttpErrorKind;
    path: string;
    message: string;
    status?: number;
    retryAfterMs?: number;
    detail?: CorruptDetail;
    cause?: unknown;
  }) {
    super(`${init.message} (${init.path})`, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.path = init.path;
    this.status = init.status;
    // A corrupt file stays corrupt, but most corrupt answers are a proxy or a cut connection: retry, with backoff.
    this.retryable = RETRYABLE[init.kind];
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
  }
}

export function isSyncHttpError(error: unknown): error is SyncHttpError {
  return error instanceof SyncHttpError;
}

/** The error for an HTTP status the client has no outcome for. */
export function errorForStatus(status: number, path: string, retryAfter: string | null): SyncHttpError {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : undefined;
  const retryAfterMs = seconds === undefined ? {} : { retryAfterMs: seconds };
  if (status === 401) return new SyncHttpError({ kind: 'auth', path, status, message: 'the endpoint asks for valid credentials (401)' });
  if (status === 403) return new SyncHttpError({ kind: 'forbidden', path, status, message: 'the endpoint refuses access (403)' });
  if (status === 413) return new SyncHttpError({ kind: 'tooLarge', path, status, message: 'the file is over the endpoint\'s size limit (413)' });
  if (status >= 500 || status === 429) {
    return new SyncHttpError({ kind: 'server', path, status, message: `the endpoint failed (${status})`, ...retryAfterMs });
  }
  return new SyncHttpError({ kind: 'unexpected', path, status, message: `unexpected answer ${status}` });
}
