// The project's sync server for a test file: started before its tests on a free
// port in a temporary folder, with fault injection, stopped and removed after.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_OPTIONS, type SyncServerOptions } from '../../src/sync-server/options';
import { startSyncServer, type RunningSyncServer } from '../../src/sync-server/server';
import type { QueuedFault } from '../../src/sync-server/faults';

export interface TestSyncServer {
  readonly url: string;
  /** The folder the files are kept in. */
  readonly dir: string;
  /** Queues faults for the next matching requests. */
  queueFaults(faults: QueuedFault[]): Promise<void>;
  clearFaults(): Promise<void>;
}

export function useSyncServer(token: string, options: Partial<SyncServerOptions> = {}): TestSyncServer {
  let dir = '';
  let server: RunningSyncServer | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overdue-sync-test-'));
    server = await startSyncServer({ ...DEFAULT_OPTIONS, port: 0, dir, token, faults: true, quiet: true, ...options });
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const control = (method: string, body?: unknown) => fetch(`${server?.url}/.faults`, {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return {
    get url() {
      if (!server) throw new Error('the sync server is not started yet');
      return server.url;
    },
    get dir() {
      return dir;
    },
    async queueFaults(faults) {
      const res = await control('PUT', { faults });
      if (res.status !== 204) throw new Error(`queueing faults: ${res.status}`);
    },
    async clearFaults() {
      await control('DELETE');
    },
  };
}
