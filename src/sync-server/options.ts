// Command-line options of the sync server. Every option is optional so
// `npm run sync-server` alone serves ./sync-data on port 8787 for the dev app.

export interface SyncServerOptions {
  port: number;
  /** Host to listen on; 127.0.0.1 unless asked, so a laptop does not expose its books by accident. */
  host: string;
  dir: string;
  /** Bearer token; undefined = no auth (a warning is printed). */
  token?: string;
  /** Origins allowed by CORS; '*' allows any. */
  origins: string[];
  maxBytes: number;
  /** Honour the X-Overdue-Fault request header and the /.faults queue (tests only). */
  faults: boolean;
  quiet: boolean;
}

export const DEFAULT_OPTIONS: SyncServerOptions = {
  port: 8787,
  host: '127.0.0.1',
  dir: './sync-data',
  origins: ['http://localhost:4321'],
  maxBytes: 16 * 1024 * 1024,
  faults: false,
  quiet: false,
};

export const USAGE = `Usage: npm run sync-server -- [options]
  --port N          port to listen on (default 8787; 0 = any free port)
  --host H          address to listen on (default 127.0.0.1; 0.0.0.0 for the network)
  --dir PATH        where the files are kept (default ./sync-data)
  --token SECRET    require "Authorization: Bearer SECRET" (default: no auth, with a warning)
  --origin URL      an origin the app is served from, for CORS; repeat or comma-separate;
                    '*' for any (default http://localhost:4321)
  --max-bytes N     largest request body accepted (default 16777216 = 16 MB)
  --faults          honour the X-Overdue-Fault test header (never in real use)
  --quiet           no request log`;

export class OptionsError extends Error {}

function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || n < min || n > max) {
    throw new OptionsError(`${flag} needs a whole number from ${min} to ${max}, got ${text ?? 'nothing'}`);
  }
  return n;
}

export function parseOptions(argv: readonly string[]): SyncServerOptions {
  const options: SyncServerOptions = { ...DEFAULT_OPTIONS, origins: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new OptionsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': options.port = wholeNumber(flag, value(), 0, 65535); break;
      case '--host': options.host = value(); break;
      case '--dir': options.dir = value(); break;
      case '--token': options.token = value(); break;
      case '--origin': options.origins.push(...value().split(',').map((o) => o.trim()).filter(Boolean)); break;
      case '--max-bytes': options.maxBytes = wholeNumber(flag, value(), 1, 2 ** 31); break;
      case '--faults': options.faults = true; break;
      case '--quiet': options.quiet = true; break;
      default: throw new OptionsError(`unknown option ${arg}`);
    }
  }
  if (options.origins.length === 0) options.origins = [...DEFAULT_OPTIONS.origins];
  return options;
}
