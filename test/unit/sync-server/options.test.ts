// The command line of the sync server, and the real process started the way
// `npm run sync-server` does (node --import tsx).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, OptionsError, parseOptions } from '../../../src/sync-server/options';

describe('parseOptions', () => {
  it('has the documented defaults', () => {
    expect(parseOptions([])).toEqual({ ...DEFAULT_OPTIONS });
    expect(DEFAULT_OPTIONS).toMatchObject({ port: 8787, dir: './sync-data', origins: ['http://localhost:4321'], maxBytes: 16 * 1024 * 1024 });
    expect(parseOptions([]).token).toBeUndefined();
  });

  it('reads every option, in both --flag value and --flag=value forms', () => {
    expect(
      parseOptions(['--port', '9000', '--dir=/srv/sync', '--token', 'T', '--origin', 'https://a.example,https://b.example', '--origin=http://c', '--max-bytes', '1024', '--faults', '--quiet', '--host', '0.0.0.0']),
    ).toEqual({
      port: 9000, host: '0.0.0.0', dir: '/srv/sync', token: 'T', origins: ['https://a.example', 'https://b.example', 'http://c'],
      maxBytes: 1024, faults: true, quiet: true,
    });
  });

  it.each([[['--port', 'x']], [['--port', '70000']], [['--max-bytes', '0']], [['--token']], [['--bogus']], [['--dir', '']]])('refuses %j', (argv) => {
    expect(() => parseOptions(argv)).toThrow(OptionsError);
  });
});

describe('npm run sync-server', () => {
  it('starts, warns without a token, serves, logs each request and stops on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'overdue-sync-cli-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sync-server/main.ts', '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start: ${out} ${err}`)), 15_000);
        child.stdout.on('data', () => {
          const m = /at (http:\/\/\S+?)\/ /.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(err).toContain('WARNING no --token');
      const res = await fetch(`${url}/b/f.json`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
      expect(res.status).toBe(201);
      await new Promise((r) => setTimeout(r, 50));
      expect(out).toMatch(/PUT \/b\/f\.json 201/);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it('a bad option exits 2 with the usage', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sync-server/main.ts', '--port', 'many'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err).toContain('--port needs a whole number');
    expect(err).toContain('Usage: npm run sync-server');
  }, 20_000);
});
