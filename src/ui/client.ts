// The analytics worker, created on first use and wrapped with Comlink. Every
// screen talks to the data through api(); nothing in the UI touches IndexedDB.
import * as Comlink from 'comlink';
import type { OverdueApi } from '../api/contract';
import { setStorageStatus } from './state/storage';

let remote: Comlink.Remote<OverdueApi> | null = null;

export function api(): Comlink.Remote<OverdueApi> {
  if (!remote) {
    const worker = new Worker(new URL('../../workers/analytics.ts', import.meta.url), { type: 'module' });
    // A worker that fails to load never answers: say so instead of spinning forever.
    worker.addEventListener('error', (e) => {
      setStorageStatus({ state: 'error', code: 'storage.failed', detail: e.message || 'worker failed to start' });
    });
    remote = Comlink.wrap<OverdueApi>(worker);
  }
  return remote;
}

/** Wraps a callback so the worker can call it back across the thread boundary. */
export function proxy<T extends object>(fn: T): T & Comlink.ProxyMarked {
  return Comlink.proxy(fn);
}
