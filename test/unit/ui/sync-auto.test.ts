// The automatic sync loop with a fake clock: first run after the page opens
// (skipped when the last sync is recent), on reconnect, on the interval, at the
// retry time, never two at once, never while offline.
import { describe, expect, it } from 'vitest';
import { FIRST_RUN_MS, RECENT_MS, startAutoSync, type AutoSyncDeps } from '../../../src/ui/sync/autoSync';

function fakeDeps(retryAt: () => number | null = () => null) {
  let now = 1_000_000;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const online = { value: true };
  const onlineListeners: (() => void)[] = [];
  let runs = 0;
  let active = 0;
  let maxActive = 0;
  let release: (() => void) | null = null;
  let hold = false;
  const deps: AutoSyncDeps = {
    run: async () => {
      runs += 1;
      active += 1;
      maxActive = Math.max(maxActive, active);
      if (hold) await new Promise<void>((r) => { release = r; });
      active -= 1;
      return { retryAt: retryAt() };
    },
    online: () => online.value,
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
    onOnline: (fn) => {
      onlineListeners.push(fn);
      return () => onlineListeners.splice(onlineListeners.indexOf(fn), 1);
    },
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    deps, online,
    get runs() { return runs; },
    get maxActive() { return maxActive; },
    holdRuns() { hold = true; },
    releaseRun() { hold = false; release?.(); },
    goOnline() { online.value = true; for (const fn of [...onlineListeners]) fn(); },
    pendingTimers: () => timers.map((t) => t.at - now),
    async advance(ms: number) {
      now += ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        due.fn();
        await flush();
      }
      await flush();
    },
  };
}

describe('automatic sync', () => {
  it('runs once shortly after the page opens, then every interval', async () => {
    const f = fakeDeps();
    const loop = startAutoSync(5, f.deps);
    await f.advance(FIRST_RUN_MS - 1);
    expect(f.runs).toBe(0);
    await f.advance(1);
    expect(f.runs).toBe(1);
    await f.advance(5 * 60_000);
    expect(f.runs).toBe(2);
    loop.stop();
    await f.advance(60 * 60_000);
    expect(f.runs).toBe(2);
  });

  it('skips the first run when the last sync was moments ago; interval 0 schedules nothing more', async () => {
    const f = fakeDeps();
    startAutoSync(0, f.deps, f.deps.now() - 10_000);
    await f.advance(RECENT_MS * 10);
    expect(f.runs).toBe(0);
    expect(f.pendingTimers()).toEqual([]);
  });

  it('does nothing while offline, and runs on the online event', async () => {
    const f = fakeDeps();
    f.online.value = false;
    startAutoSync(0, f.deps);
    await f.advance(FIRST_RUN_MS);
    expect(f.runs).toBe(0);
    f.goOnline();
    await f.advance(0);
    expect(f.runs).toBe(1);
  });

  it('retries at the retry time after a retryable failure, sooner than the interval', async () => {
    let retry: number | null = null;
    const f = fakeDeps(() => retry);
    retry = f.deps.now() + FIRST_RUN_MS + 4_000;
    startAutoSync(30, f.deps);
    await f.advance(FIRST_RUN_MS);
    expect(f.runs).toBe(1);
    retry = null;
    await f.advance(3_999);
    expect(f.runs).toBe(1);
    await f.advance(1);
    expect(f.runs).toBe(2);
  });

  it('never runs two at once: a button press during a run waits for it', async () => {
    const f = fakeDeps();
    const loop = startAutoSync(0, f.deps, f.deps.now());
    f.holdRuns();
    const first = loop.now();
    const second = loop.now();
    f.goOnline();
    await f.advance(0);
    expect(f.runs).toBe(1);
    f.releaseRun();
    await Promise.all([first, second]);
    expect(f.maxActive).toBe(1);
    await loop.now();
    expect(f.runs).toBe(2);
  });
});
