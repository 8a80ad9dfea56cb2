// Waits between retries of a failed sync: 1, 2, 4 ... 60 s, each +-25 % so two
// devices that failed together do not retry together. `random` is injected for tests.

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;

/** The wait before retry number `attempt` (0 = the first retry). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.max(0, Math.floor(attempt));
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(step, 16));
  const jittered = base * (0.75 + 0.5 * Math.min(1, Math.max(0, random())));
  return Math.round(Math.min(BACKOFF_MAX_MS, jittered));
}
