// "Notify me when the app opens": only when opted in, allowed, with something to
// say, and once a day per book.
import { describe, expect, it } from 'vitest';
import { shouldNotify, type NotifyFacts } from '../../../src/ui/warnings/notify';

const base: NotifyFacts = { enabled: true, permission: 'granted', lastShown: null, day: '2026-06-01', count: 3 };

describe('shouldNotify', () => {
  it('notifies when opted in, allowed, not yet today, with warnings', () => {
    expect(shouldNotify(base)).toBe(true);
    expect(shouldNotify({ ...base, lastShown: '2026-05-31' })).toBe(true);
  });

  it('stays quiet otherwise', () => {
    expect(shouldNotify({ ...base, enabled: false })).toBe(false);
    for (const permission of ['denied', 'default', 'unsupported'] as const) expect(shouldNotify({ ...base, permission })).toBe(false);
    expect(shouldNotify({ ...base, lastShown: '2026-06-01' })).toBe(false);
    expect(shouldNotify({ ...base, count: 0 })).toBe(false);
  });
});
