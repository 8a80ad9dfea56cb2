// Polling assertions for playwright-core (which has no `expect`): the app renders
// asynchronously (islands hydrate, the worker answers), so checks retry until a deadline.
import type { Locator } from 'playwright-core';

export interface WaitOptions {
  timeout?: number;
  interval?: number;
}

/** Runs `check` until it stops throwing; rethrows its last error after the timeout. */
export async function eventually<T>(check: () => Promise<T>, { timeout = 10_000, interval = 100 }: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the element's text contains `expected` (string) or matches it (RegExp); returns the text. */
export async function expectText(locator: Locator, expected: string | RegExp, options?: WaitOptions): Promise<string> {
  return eventually(async () => {
    const text = (await locator.first().textContent({ timeout: 1_000 })) ?? '';
    const okay = typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    if (!okay) throw new Error(`expected ${String(expected)} in ${locator.toString()}, found ${JSON.stringify(text)}`);
    return text;
  }, options);
}

/** Waits until exactly `count` elements match. */
export async function expectCount(locator: Locator, count: number, options?: WaitOptions): Promise<void> {
  await eventually(async () => {
    const n = await locator.count();
    if (n !== count) throw new Error(`expected ${count} of ${locator.toString()}, found ${n}`);
  }, options);
}

/** Waits until the element is visible and its text is not blank. */
export async function expectVisibleText(locator: Locator, options?: WaitOptions): Promise<string> {
  return expectText(locator, /\S/, options);
}
