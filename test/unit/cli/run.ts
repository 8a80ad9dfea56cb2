// Runs the real command line, `node bin/overdue.js ...`, as a child process.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../../bin/overdue.js', import.meta.url));
export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/cli/${name}`, import.meta.url));

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function overdue(args: string[], cwd: string = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (status === null) reject(error);
      else resolve({ status, stdout, stderr });
    });
  });
}
