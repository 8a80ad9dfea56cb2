// The sync server: any path is a JSON file under the data directory, read and
// written with ETags and conditional requests. node:http only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBearer } from './auth';
import { ALLOWED_METHODS, corsHeaders, preflightHeaders } from './cors';
import { etagOf, parseEtagList, strongMatch, weakMatch } from './etag';
import { FAULT_HEADER, FaultQueue, isFaultMode, parseFaultQueue, sendFault, type FaultMode } from './faults';
import { deleteStored, PathConflictError, readStored, writeAtomically } from './file-store';
import type { SyncServerOptions } from './options';
import { PathLocks } from './path-lock';
import { resolveRequestPath } from './paths';

export interface RunningSyncServer {
  /** 'http://HOST:PORT' without a trailing slash. */
  url: string;
  port: number;
  /** Stops listening and drops open connections (including requests held by the 'timeout' fault). */
  stop(): Promise<void>;
}

const FAULTS_PATH = '/.faults';
const utf8 = new TextDecoder('utf-8', { fatal: true });

class TooLarge extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new TooLarge());
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function isJsonType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

export function createSyncHandler(options: SyncServerOptions, log: (line: string) => void) {
  const locks = new PathLocks();
  const faultQueue = new FaultQueue();

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const pathname = (req.url ?? '/').split('?')[0]!;
    let note = '';
    res.on('close', () => {
      const ms = (performance.now() - started).toFixed(1);
      log(`${new Date().toISOString()} ${method} ${pathname} ${res.headersSent ? res.statusCode : '-'} ${ms}ms${note ? ` ${note}` : ''}`);
    });

    const cors = corsHeaders(req, options.origins);
    // The 'lost' fault: the request is carried out, then the connection drops before the answer.
    let loseAnswer = false;
    const send = (status: number, headers: Record<string, string> = {}, body?: string | Buffer) => {
      if (loseAnswer) {
        note = `${note} (answer ${status} lost)`.trim();
        req.socket.destroy();
        return;
      }
      const plain = typeof body === 'string' ? { 'Content-Type': 'text/plain; charset=utf-8' } : {};
      res.writeHead(status, { ...plain, ...(cors ?? {}), ...headers });
      res.end(method === 'HEAD' ? undefined : body);
    };
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
      note = reason;
      send(status, headers, `${reason}\n`);
    };

    if (method === 'OPTIONS') {
      if (cors === undefined) return refuse(403, `origin ${req.headers.origin} not allowed`);
      return send(204, { ...preflightHeaders(options.faults), Allow: ALLOWED_METHODS });
    }
    if (cors === undefined) return refuse(403, `origin ${req.headers.origin} not allowed`);

    const auth = checkBearer(req.headers.authorization, options.token);
    if (auth === 'missing') return refuse(401, 'bearer token required', { 'WWW-Authenticate': 'Bearer realm="overdue-sync"' });
    if (auth === 'wrong') return refuse(403, 'wrong token');

    if (options.faults && pathname === FAULTS_PATH) return handleFaultControl();

    const target = resolveRequestPath(options.dir, pathname);

    if (options.faults) {
      const header = req.headers[FAULT_HEADER];
      const named = typeof header === 'string' ? header.trim() : undefined;
      if (named !== undefined && !isFaultMode(named)) return refuse(400, `unknown fault ${named}`);
      const fault: FaultMode | undefined = named ?? faultQueue.take(method, pathname);
      if (fault === 'lost') {
        note = 'fault lost';
        loseAnswer = true;
      } else if (fault !== undefined) {
        note = `fault ${fault}`;
        const stored = fault === 'truncate' && target.ok ? (await readStored(target.file))?.bytes : undefined;
        res.setHeader('Vary', 'Origin');
        for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
        return sendFault(fault, req, res, stored);
      }
    }

    if (!target.ok) return refuse(400, target.reason);

    if (method === 'GET' || method === 'HEAD') {
      const stored = await readStored(target.file);
      if (!stored) return refuse(404, 'no such file');
      const noneMatch = parseEtagList(req.headers['if-none-match']);
      if (noneMatch && weakMatch(noneMatch, stored.etag)) return send(304, { ETag: stored.etag, 'Cache-Control': 'no-cache' });
      return send(
        200,
        {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(stored.bytes.length),
          ETag: stored.etag,
          'Cache-Control': 'no-cache',
        },
        stored.bytes,
      );
    }

    if (method === 'PUT') {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > options.maxBytes) return tooLarge();
      if (!isJsonType(req.headers['content-type'])) {
        return refuse(415, `content type must be application/json, not ${req.headers['content-type'] ?? 'none'}`);
      }
      let body: Buffer;
      try {
        body = await readBody(req, options.maxBytes);
      } catch (error) {
        if (error instanceof TooLarge) return tooLarge();
        throw error;
      }
      try {
        JSON.parse(utf8.decode(body));
      } catch {
        return refuse(400, 'body is not JSON');
      }
      const ifMatch = parseEtagList(req.headers['if-match']);
      const ifNoneMatch = parseEtagList(req.headers['if-none-match']);
      return locks.run(target.file, async () => {
        const current = await readStored(target.file);
        if (ifMatch && !strongMatch(ifMatch, current?.etag)) return refuse(412, current ? 'ETag differs' : 'no such file');
        if (ifNoneMatch && weakMatch(ifNoneMatch, current?.etag)) return refuse(412, 'file exists');
        try {
          await writeAtomically(target.file, body);
        } catch (error) {
          if (error instanceof PathConflictError) return refuse(409, error.message);
          throw error;
        }
        note = `${body.length}B`;
        send(current ? 204 : 201, { ETag: etagOf(body) });
      });
    }

    if (method === 'DELETE') {
      const ifMatch = parseEtagList(req.headers['if-match']);
      return locks.run(target.file, async () => {
        const current = await readStored(target.file);
        if (!current) return refuse(404, 'no such file');
        if (ifMatch && !strongMatch(ifMatch, current.etag)) return refuse(412, 'ETag differs');
        await deleteStored(target.file);
        send(204);
      });
    }

    return refuse(405, `method ${method} not supported`, { Allow: ALLOWED_METHODS });

    function tooLarge(): void {
      // Close the connection: the client may still be sending a body we will not read.
      note = `over ${options.maxBytes} bytes`;
      res.shouldKeepAlive = false;
      send(413, { Connection: 'close' }, `request body over ${options.maxBytes} bytes\n`);
      req.resume();
    }

    async function handleFaultControl(): Promise<void> {
      if (method === 'GET') return send(200, { 'Content-Type': 'application/json' }, JSON.stringify({ pending: faultQueue.pending }));
      if (method === 'DELETE') {
        faultQueue.replace([]);
        return send(204);
      }
      if (method !== 'PUT') return refuse(405, 'use PUT, GET or DELETE on /.faults');
      let parsed: unknown;
      try {
        parsed = JSON.parse(utf8.decode(await readBody(req, 64 * 1024)));
      } catch {
        return refuse(400, 'body is not JSON');
      }
      const faults = parseFaultQueue(parsed);
      if (typeof faults === 'string') return refuse(400, faults);
      faultQueue.replace(faults);
      return send(204);
    }
  };
}

export async function startSyncServer(options: SyncServerOptions, log: (line: string) => void = () => {}): Promise<RunningSyncServer> {
  const handle = createSyncHandler(options, log);
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`${new Date().toISOString()} error ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('internal error\n');
      } else {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
