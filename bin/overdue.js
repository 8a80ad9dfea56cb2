#!/usr/bin/env node
// `npx overdue`: runs the TypeScript CLI (src/cli/main.ts) through tsx's ESM loader,
// so the command line uses the very same import and domain code as the app, unbuilt.
import { register } from 'tsx/esm/api';

register();
// `overdue ... | head` closes the pipe early: stop quietly instead of an EPIPE trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = main(process.argv.slice(2));
