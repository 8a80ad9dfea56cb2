#!/usr/bin/env node
// `npx overdue`: runs the TypeScript CLI (src/cli/main.ts) through tsx's ESM loader,
// so the command line uses the very same import and domain code as the app, unbuilt.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = main(process.argv.slice(2));
