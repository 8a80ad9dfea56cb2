// Starts Debian's Apache httpd with mod_dav as the current user, for tests of the
// sync client against a stock WebDAV server: a generated config in a temp dir
// (its own ServerRoot, PidFile, logs, lock DB), a free port, Basic auth from a
// htpasswd file we write ourselves, CORS headers for the app's origin.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const APACHE_BIN = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

export interface ApacheDav {
  /** 'http://127.0.0.1:PORT/dav' (no trailing slash): the WebDAV collection. */
  url: string;
  user: string;
  password: string;
  /** The directory behind `url`, for looking at the files. */
  root: string;
  stop(): Promise<void>;
}

export function apacheInstalled(): boolean {
  return existsSync(APACHE_BIN) && existsSync(join(MODULES, 'mod_dav_fs.so'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** htpasswd's {SHA} form: base64 of SHA-1, which mod_authn_file accepts. */
function htpasswdLine(user: string, password: string): string {
  return `${user}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`;
}

const LOAD = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'authz_user', 'auth_basic', 'dav', 'dav_fs', 'headers', 'mime', 'dir', 'unixd', 'setenvif', 'rewrite', 'alias'];

export async function startApacheDav(options: { origin?: string; user?: string; password?: string } = {}): Promise<ApacheDav> {
  const origin = options.origin ?? 'http://localhost:4321';
  const user = options.user ?? 'bookkeeper';
  const password = options.password ?? randomBytes(9).toString('base64url');
  const base = await mkdtemp(join(tmpdir(), 'overdue-apache-'));
  const root = join(base, 'dav');
  await mkdir(root);
  await mkdir(join(base, 'logs'));
  await mkdir(join(base, 'lock'));
  await writeFile(join(base, 'htpasswd'), htpasswdLine(user, password));
  const port = await freePort();
  const me = userInfo();
  // Apache refuses to serve as root without User/Group; as root we drop to nobody and open the dirs to it.
  const asRoot = me.uid === 0;
  const runUser = asRoot ? 'nobody' : me.username;
  const runGroup = asRoot ? 'nogroup' : `#${me.gid}`;
  if (asRoot) for (const d of [base, root, join(base, 'lock'), join(base, 'logs')]) await chmod(d, 0o777);

  const conf = `
ServerRoot "${base}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${join(base, 'httpd.pid')}"
ErrorLog "${join(base, 'logs', 'error.log')}"
LogLevel warn
${LOAD.filter((m) => existsSync(join(MODULES, `mod_${m}.so`))).map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join('\n')}
User ${runUser}
Group ${runGroup}
TypesConfig /etc/mime.types
DocumentRoot "${base}"
DavLockDB "${join(base, 'lock', 'DavLock')}"
MaxRequestWorkers 16
ThreadsPerChild 16
ServerLimit 1
StartServers 1
<Directory />
  AllowOverride None
  Require all denied
</Directory>
Alias /dav "${root}"
<Directory "${root}">
  Dav On
  AuthType Basic
  AuthName "overdue-sync"
  AuthBasicProvider file
  AuthUserFile "${join(base, 'htpasswd')}"
  <LimitExcept OPTIONS>
    Require valid-user
  </LimitExcept>
  <Limit OPTIONS>
    Require all granted
  </Limit>
  Header always set Access-Control-Allow-Origin "${origin}"
  Header always set Access-Control-Allow-Credentials "true"
  Header always set Access-Control-Allow-Methods "GET, HEAD, PUT, DELETE, MKCOL, LOCK, UNLOCK, OPTIONS"
  Header always set Access-Control-Allow-Headers "Authorization, If-Match, If-None-Match, Content-Type, If, Lock-Token, Timeout, Depth"
  Header always set Access-Control-Expose-Headers "ETag, Lock-Token"
  Header always append Vary "Origin"
  # Answer a CORS preflight here: mod_dav would answer OPTIONS with its own DAV headers but a browser needs a 2xx.
  RewriteEngine On
  RewriteCond %{REQUEST_METHOD} OPTIONS
  RewriteRule ^ - [R=204,L]
</Directory>
`;
  const confFile = join(base, 'httpd.conf');
  await writeFile(confFile, conf);
  const child = spawn(APACHE_BIN, ['-f', confFile, '-DFOREGROUND'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}/dav`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = await fetch(`${url}/`, { method: 'OPTIONS' }).then((r) => r.status, () => 0);
    if (status > 0) break;
    const early = await Promise.race([exited, new Promise((r) => setTimeout(r, 50, 'running'))]);
    if (early !== 'running' || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = await readFile(join(base, 'logs', 'error.log'), 'utf8').catch(() => '');
      throw new Error(`apache2 did not start (${String(early)}): ${output}\n${log}`);
    }
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    user,
    password,
    root,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
          await exited;
          clearTimeout(killer);
        }
        await rm(base, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
