// Starts the page: opens storage through the worker, then loads the books.
// Runs once per page load; every island waits for it before showing data.
import { createSignal } from 'solid-js';
import { api } from '../client';
import { refreshBooks } from './book';
import { setStorageStatus } from './storage';

export type SessionState = 'starting' | 'ready' | 'failed';

const [sessionState, setSessionState] = createSignal<SessionState>('starting');
const [sessionError, setSessionError] = createSignal<string>('');

export { sessionState, sessionError };

let started: Promise<void> | null = null;

export function startSession(): Promise<void> {
  if (!started) started = run();
  return started;
}

async function run(): Promise<void> {
  try {
    const status = await api().open();
    setStorageStatus(status);
    if (status.state !== 'ok') {
      setSessionState('failed');
      return;
    }
    await refreshBooks();
    setSessionState('ready');
  } catch (e) {
    // The worker itself failed (script error, unsupported browser): report it plainly.
    setStorageStatus({ state: 'error', code: 'storage.failed', detail: e instanceof Error ? e.message : String(e) });
    setSessionError(e instanceof Error ? e.message : String(e));
    setSessionState('failed');
  }
}
