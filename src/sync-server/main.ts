// `npm run sync-server -- --port 8787 --dir ./sync-data --token SECRET`
import { resolve } from 'node:path';
import { OptionsError, parseOptions, USAGE } from './options';
import { startSyncServer } from './server';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    console.error(`sync-server: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  options.dir = resolve(options.dir);
  if (options.token === undefined) {
    console.warn('sync-server: WARNING no --token given: anyone who can reach this port can read and change the books');
  }
  if (options.faults) console.warn('sync-server: fault injection is ON (X-Overdue-Fault header, /.faults): for tests only');
  const server = await startSyncServer(options, options.quiet ? () => {} : (line) => console.log(line));
  console.log(`sync-server: serving ${options.dir} at ${server.url}/ (CORS: ${options.origins.join(', ')}; max ${options.maxBytes} bytes)`);
  const stop = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`sync-server: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  },
);
