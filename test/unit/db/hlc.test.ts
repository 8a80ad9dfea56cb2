import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Hlc, compareStamps, formatStamp, parseStamp } from '../../../src/db/hlc';

/** A wall clock the test moves by hand. */
function manualClock(start: number) {
  let t = start;
  return { now: () => t, set: (v: number) => { t = v; } };
}

describe('stamp format', () => {
  it('pads wall time to 15 digits and the counter to 6, then the device', () => {
    expect(formatStamp({ wall: 1704067200000, counter: 7, deviceId: 'dev-a' }))
      .toBe('001704067200000-000007-dev-a');
  });

  it('parses back what it formats, even with dashes in the device id', () => {
    const parts = { wall: 42, counter: 999999, deviceId: 'a-b-c' };
    expect(parseStamp(formatStamp(parts))).toEqual(parts);
  });

  it('rejects strings that are not stamps', () => {
    expect(() => parseStamp('2024-01-01')).toThrow(RangeError);
    expect(() => parseStamp('')).toThrow(RangeError);
  });

  it('string order equals (wall, counter, device) order', () => {
    const a = formatStamp({ wall: 9, counter: 999, deviceId: 'z' });
    const b = formatStamp({ wall: 10, counter: 0, deviceId: 'a' });
    const c = formatStamp({ wall: 10, counter: 1, deviceId: 'a' });
    const d = formatStamp({ wall: 10, counter: 1, deviceId: 'b' });
    expect([d, b, c, a].sort(compareStamps)).toEqual([a, b, c, d]);
    expect(compareStamps(a, a)).toBe(0);
    expect(compareStamps(b, a)).toBe(1);
  });
});

describe('Hlc.tick', () => {
  it('follows the wall clock when it moves forward', () => {
    const clock = manualClock(1000);
    const hlc = new Hlc('dev', clock.now);
    expect(hlc.tick()).toBe('000000000001000-000000-dev');
    clock.set(2000);
    expect(hlc.tick()).toBe('000000000002000-000000-dev');
  });

  it('counts up within the same millisecond', () => {
    const hlc = new Hlc('dev', () => 5);
    expect(hlc.tick()).toBe('000000000000005-000000-dev');
    expect(hlc.tick()).toBe('000000000000005-000001-dev');
    expect(hlc.tick()).toBe('000000000000005-000002-dev');
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const clock = manualClock(10_000);
    const hlc = new Hlc('dev', clock.now);
    const first = hlc.tick();
    clock.set(3_000);
    const second = hlc.tick();
    const third = hlc.tick();
    expect(compareStamps(second, first)).toBe(1);
    expect(compareStamps(third, second)).toBe(1);
    expect(parseStamp(third).wall).toBe(10_000);
    clock.set(10_001);
    expect(hlc.tick()).toBe('000000000010001-000000-dev');
  });

  it('moves to the next millisecond instead of overflowing the counter', () => {
    const hlc = new Hlc('dev', () => 0);
    hlc.receive(formatStamp({ wall: 50, counter: 999_998, deviceId: 'other' }));
    const next = hlc.tick();
    expect(parseStamp(next)).toEqual({ wall: 51, counter: 0, deviceId: 'dev' });
  });

  it('refuses an empty device id', () => {
    expect(() => new Hlc('')).toThrow(RangeError);
  });
});

describe('Hlc.receive', () => {
  it('jumps past a stamp from the future and keeps ticking after it', () => {
    const clock = manualClock(1_000);
    const hlc = new Hlc('local', clock.now);
    hlc.tick();
    const future = formatStamp({ wall: 9_000_000, counter: 4, deviceId: 'remote' });
    const merged = hlc.receive(future);
    expect(parseStamp(merged)).toEqual({ wall: 9_000_000, counter: 5, deviceId: 'local' });
    clock.set(2_000);
    const after = hlc.tick();
    expect(compareStamps(after, merged)).toBe(1);
    expect(compareStamps(after, future)).toBe(1);
  });

  it('uses the wall clock when the remote stamp is old', () => {
    const hlc = new Hlc('local', () => 5_000);
    expect(hlc.receive(formatStamp({ wall: 10, counter: 3, deviceId: 'r' }))).toBe('000000000005000-000000-local');
  });

  it('takes the larger counter when local and remote share the wall time', () => {
    const hlc = new Hlc('local', () => 100);
    hlc.tick();
    hlc.tick(); // counter 1
    const merged = hlc.receive(formatStamp({ wall: 100, counter: 7, deviceId: 'r' }));
    expect(merged).toBe('000000000000100-000008-local');
  });

  it('bumps the local counter when local time is ahead of both', () => {
    const clock = manualClock(500);
    const hlc = new Hlc('local', clock.now);
    hlc.tick();
    clock.set(100);
    expect(hlc.receive(formatStamp({ wall: 200, counter: 0, deviceId: 'r' }))).toBe('000000000000500-000001-local');
  });
});

describe('Hlc property', () => {
  type Step = { kind: 'tick'; clock: number } | { kind: 'receive'; clock: number; wall: number; counter: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('tick' as const), clock: fc.integer({ min: 0, max: 2_000 }) }),
    fc.record({
      kind: fc.constant('receive' as const),
      clock: fc.integer({ min: 0, max: 2_000 }),
      wall: fc.integer({ min: 0, max: 3_000 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
    }),
  );

  it('every tick and receive returns a stamp later than the previous one and than the received one', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let t = 0;
        const hlc = new Hlc('me', () => t);
        let previous = '';
        for (const s of steps) {
          t = s.clock;
          let stamp: string;
          if (s.kind === 'tick') {
            stamp = hlc.tick();
          } else {
            const remote = formatStamp({ wall: s.wall, counter: s.counter, deviceId: 'them' });
            stamp = hlc.receive(remote);
            expect(compareStamps(stamp, remote)).toBe(1);
          }
          expect(compareStamps(stamp, previous)).toBe(1);
          expect(parseStamp(stamp).wall).toBeGreaterThanOrEqual(s.clock);
          previous = stamp;
        }
      }),
    );
  });
});
