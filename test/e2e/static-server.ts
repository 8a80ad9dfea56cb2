// A small static server for the built site (dist/), for end-to-end tests and the
// screenshot script. Our own rather than `astro preview` so a test can stop it at
// any moment (the offline test) and so every response is predictable:
// directory index, redirect of '/customers' to '/customers/', real MIME types,
// no caching of HTML or the service worker.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** 'http://127.0.0.1:PORT' (no trailing slash). */
  url: string;
  port: number;
  /** Every request path served, for assertions ("no 404"). */
  log: { method: string; path: string; status: number }[];
  /** Bodies served instead of the file at a path, e.g. a changed '/sw.js' to simulate a new release. */
  overrides: Map<string, { body: string | Buffer; type: string }>;
  /** Stops listening and drops open keep-alive connections; safe to call twice. */
  stop(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function cacheControl(path: string): string {
  // Hashed build assets never change; everything else must be revalidated so the
  // service worker's update check and the tests always see the current build.
  return path.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  if (!(await isFile(join(base, 'index.html')))) {
    throw new Error(`${base}/index.html not found: build the site first (npx astro build)`);
  }
  const log: StaticServer['log'] = [];
  const overrides: StaticServer['overrides'] = new Map();

  const send = async (req: IncomingMessage, res: ServerResponse, file: string) => {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cacheControl(file),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return 405;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return 400;
    }
    const override = overrides.get(pathname);
    if (override) {
      res.writeHead(200, { 'Content-Type': override.type, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : override.body);
      return 200;
    }
    const target = normalize(join(base, pathname));
    if (target !== base && !target.startsWith(base + sep)) {
      res.writeHead(403).end();
      return 403;
    }
    if (await isDirectory(target)) {
      if (!pathname.endsWith('/')) {
        // Astro's directory output: '/customers' lives at '/customers/'.
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return 301;
      }
      const index = join(target, 'index.html');
      if (await isFile(index)) {
        await send(req, res, index);
        return 200;
      }
    } else if (await isFile(target)) {
      await send(req, res, target);
      return 200;
    }
    const notFound = join(base, '404.html');
    const body = (await isFile(notFound)) ? await readFile(notFound) : Buffer.from('Not found');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return 404;
  };

  const server = createServer((req, res) => {
    handle(req, res)
      .then((status) => log.push({ method: req.method ?? '', path: req.url ?? '', status }))
      .catch((err: unknown) => {
        log.push({ method: req.method ?? '', path: req.url ?? '', status: 500 });
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(err));
      });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actualPort = (server.address() as AddressInfo).port;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    log,
    overrides,
    stop() {
      stopped ??= new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
