// Hybrid logical clock: stamps that follow wall time when it moves forward, yet
// stay strictly increasing when the clock stalls or jumps back, and that order
// after any stamp received from another device. Sync (later) resolves
// concurrent edits by comparing stamps, so their plain string order must be
// the causal order: fixed-width wall milliseconds, fixed-width counter, device.

import type { Stamp } from '../domain/types';

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const MAX_WALL = 10 ** WALL_DIGITS - 1;
const STAMP_PATTERN = /^(\d{15})-(\d{6})-(.+)$/;

export interface StampParts {
  wall: number;
  counter: number;
  deviceId: string;
}

export function formatStamp(parts: StampParts): Stamp {
  return `${String(parts.wall).padStart(WALL_DIGITS, '0')}-${String(parts.counter).padStart(COUNTER_DIGITS, '0')}-${parts.deviceId}`;
}

/** Throws RangeError for a string that is not a stamp. */
export function parseStamp(stamp: Stamp): StampParts {
  const m = STAMP_PATTERN.exec(stamp);
  if (!m) throw new RangeError(`Not an HLC stamp: ${stamp}`);
  return { wall: Number(m[1]), counter: Number(m[2]), deviceId: m[3] ?? '' };
}

/** Causal order; equal only for the same stamp. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Hlc {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly deviceId: string,
    private readonly now: () => number = Date.now,
  ) {
    if (deviceId === '') throw new RangeError('Hlc needs a device id');
  }

  /** A stamp for a local event, later than every stamp issued or received so far. */
  tick(): Stamp {
    const physical = this.physical();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return this.current();
  }

  /** Merges a remote stamp; the result is later than it and than everything local. */
  receive(remote: Stamp): Stamp {
    const r = parseStamp(remote);
    const physical = this.physical();
    const wall = Math.max(this.wall, r.wall, physical);
    if (wall === this.wall && wall === r.wall) {
      this.counter = Math.max(this.counter, r.counter);
      this.bumpCounter();
    } else if (wall === this.wall) {
      this.bumpCounter();
    } else if (wall === r.wall) {
      this.wall = wall;
      this.counter = r.counter;
      this.bumpCounter();
    } else {
      this.wall = wall;
      this.counter = 0;
    }
    return this.current();
  }

  private physical(): number {
    const t = Math.floor(this.now());
    return Number.isFinite(t) ? Math.min(Math.max(t, 0), MAX_WALL) : 0;
  }

  // A full counter borrows a millisecond from the future rather than wrapping,
  // which would break the order.
  private bumpCounter(): void {
    if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      this.wall += 1;
      this.counter = 0;
    }
  }

  private current(): Stamp {
    return formatStamp({ wall: this.wall, counter: this.counter, deviceId: this.deviceId });
  }
}
