// Storage health as the worker reports it; the shell shows a banner when not ok.
import { createSignal } from 'solid-js';
import type { StorageStatus } from '../../api/contract';

const [storageStatus, setStorageStatus] = createSignal<StorageStatus>({ state: 'ok' });

export { storageStatus, setStorageStatus };

/** A write failed for a storage reason: surface it in the banner as well as at the form. */
export function noteStorageError(code: string, detail?: string): void {
  if (code === 'storage.quota' || code === 'storage.blocked' || code === 'storage.failed') {
    setStorageStatus({ state: code === 'storage.blocked' ? 'blocked' : 'error', code, ...(detail ? { detail } : {}) });
  }
}
