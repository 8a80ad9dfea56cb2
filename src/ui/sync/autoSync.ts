// When the app syncs a book by itself: shortly after the page opens, when the
// browser comes back online, every `intervalMinutes` while open, and at the
// retry time after a retryable error. Never two runs at once, never while the
// browser says it is offline. Timers and the online flag are injected for tests.

export interface AutoSyncDeps {
  /** Runs one sync; resolves when it is over (whatever the outcome). */
  run: () => Promise<{ retryAt: number | null }>;
  online: () => boolean;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Subscribes to the browser's 'online' event; returns the unsubscribe. */
  onOnline: (fn: () => void) => () => void;
}

export interface AutoSync {
  /** Runs now (a button, a save): waits for a run already under way instead of starting a second. */
  now(): Promise<void>;
  stop(): void;
}

/** Delay before the first automatic run after the page opens (let the page settle first). */
export const FIRST_RUN_MS = 1500;

/**
 * Pages are separate documents here, so the loop starts on every page opened:
 * the first run waits FIRST_RUN_MS and is skipped when the last sync is recent.
 */
export const RECENT_MS = 60_000;

export function startAutoSync(intervalMinutes: number, deps: AutoSyncDeps, lastSyncAt: number | null = null): AutoSync {
  let running: Promise<void> | null = null;
  let timer: unknown = null;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = null;
      void attempt();
    }, Math.max(0, ms));
  };

  const next = (retryAt: number | null) => {
    const interval = intervalMinutes > 0 ? intervalMinutes * 60_000 : null;
    const retry = retryAt === null ? null : Math.max(0, retryAt - deps.now());
    const wait = retry === null ? interval : interval === null ? retry : Math.min(interval, retry);
    if (wait !== null) schedule(wait);
  };

  const attempt = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) return running;
    if (!deps.online()) return Promise.resolve(); // the 'online' event brings it back
    running = deps.run().then(
      (r) => next(r.retryAt),
      () => next(null),
    ).finally(() => {
      running = null;
    });
    return running;
  };

  const unsubscribe = deps.onOnline(() => void attempt());
  const sinceLast = lastSyncAt === null ? Infinity : deps.now() - lastSyncAt;
  if (sinceLast >= RECENT_MS) schedule(FIRST_RUN_MS);
  else next(null);

  return {
    now: attempt,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}
