// Starts the page: opens storage through the worker, then loads the books.
// Runs once per page load; every island waits for it before showing data.
import { createSignal } from 'solid-js';
import { api } from '../client';
import { refreshBooks } from './book';
import { setStorageStatus } from './storage';

export type SessionState = 'starting' | 'ready' | 'failed';

const [sessionState, setSessionState] = createSignal<SessionState>('starting');
const [sessionError, setSessionError] = createSignal<string>('');
/** Storage has not opened after a few seconds: most often another tab blocks an upgrade. */
const [slowOpen, setSlowOpen] = createSignal(false);

export { sessionState, sessionError, slowOpen };

const SLOW_OPEN_MS = 4000;

let started: Promise<void> | null = null;

export function startSession(): Promise<void> {
  if (!started) started = run();
  return started;
}

async function run(): Promise<void> {
  const timer = window.setTimeout(() => setSlowOpen(true), SLOW_OPEN_MS);
  try {
    const status = await api().open();
    setStorageStatus(status);
    if (status.state === 'error') {
      setSessionState('failed');
      return;
    }
    // 'blocked': another tab holds an older version open. The banner says so; the
    // open carries on and the first query resolves once that tab lets go.
    await refreshBooks();
    if (status.state === 'blocked') setStorageStatus({ state: 'ok' });
    setSessionState('ready');
  } catch (e) {
    // The worker itself failed (script error, unsupported browser): report it plainly.
    setStorageStatus({ state: 'error', code: 'storage.failed', detail: e instanceof Error ? e.message : String(e) });
    setSessionError(e instanceof Error ? e.message : String(e));
    setSessionState('failed');
  } finally {
    window.clearTimeout(timer);
    setSlowOpen(false);
  }
}
