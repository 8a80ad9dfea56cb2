// Per-field last-writer-wins. Each replicated record keeps, beside its fields, the
// stamp that set each field (its field clock). A remote op's field replaces the
// local one when its stamp is newer. Stamps are HLC strings that end in the device
// id, so two devices never tie; equal stamps mean the same write seen twice (ops
// are idempotent), and for safety a tie still resolves the same way everywhere,
// by the larger JSON text.

import type { Stamp } from '../domain/types';
import { sameValue, type SyncOp } from './ops';

/**
 * Stamp of each field the record has: `f[name]`, else the base stamp `s` (the
 * stamp most of its fields share, so a record written whole costs one stamp).
 * A field the record lacks has never been set here: its stamp is '', older than any.
 */
export interface FieldClock {
  s: Stamp;
  f?: Record<string, Stamp>;
}

export interface Replicated {
  fields: Record<string, unknown>;
  clock: FieldClock;
}

export const fieldStamp = (record: Replicated, name: string): Stamp =>
  Object.hasOwn(record.fields, name) ? record.clock.f?.[name] ?? record.clock.s : '';

/** Newest stamp of any field: the record's updatedAt after a merge. */
export function newestStamp(clock: FieldClock): Stamp {
  let newest = clock.s;
  for (const s of Object.values(clock.f ?? {})) if (s > newest) newest = s;
  return newest;
}

/** Does a write of `value` at `stamp` beat the field's current `current` set at `currentStamp`? */
export function wins(stamp: Stamp, value: unknown, currentStamp: Stamp, current: unknown): boolean {
  if (stamp !== currentStamp) return stamp > currentStamp;
  if (sameValue(value, current)) return false;
  return JSON.stringify(value ?? null) > JSON.stringify(current ?? null);
}

export interface FieldOutcome {
  name: string;
  /** The value the field had before this op (undefined when the record was new). */
  before: unknown;
  /** Its stamp before this op ('' when never set). */
  beforeStamp: Stamp;
  /** The op's value. */
  offered: unknown;
}

export interface MergeResult {
  next: Replicated;
  /** Fields the op set (its stamp was newer). */
  applied: FieldOutcome[];
  /** Fields the op lost on, with a different value (a newer write is kept). */
  rejected: FieldOutcome[];
}

/** Applies one op to a record (null = not known here). Pure: `current` is not modified. */
export function mergeOp(current: Replicated | null, op: SyncOp): MergeResult {
  const start: Replicated = current ?? { fields: {}, clock: { s: '' } };
  const fields = { ...start.fields };
  const stamps = new Map<string, Stamp>();
  for (const name of Object.keys(fields)) stamps.set(name, fieldStamp(start, name));
  const applied: FieldOutcome[] = [];
  const rejected: FieldOutcome[] = [];
  for (const [name, offered] of Object.entries(op.f)) {
    const beforeStamp = stamps.get(name) ?? '';
    const before = fields[name];
    const outcome = { name, before, beforeStamp, offered };
    if (wins(op.s, offered, beforeStamp, before)) {
      fields[name] = offered;
      stamps.set(name, op.s);
      applied.push(outcome);
    } else if (!sameValue(before, offered)) {
      rejected.push(outcome);
    }
  }
  const clock = applied.length === 0 && current ? current.clock : clockOf(stamps);
  return { next: { fields, clock }, applied, rejected };
}

/** A compact clock for the given field stamps: the commonest stamp as base, the rest listed. */
export function clockOf(stamps: ReadonlyMap<string, Stamp>): FieldClock {
  const counts = new Map<Stamp, number>();
  let base = '';
  let best = 0;
  for (const s of stamps.values()) {
    const n = (counts.get(s) ?? 0) + 1;
    counts.set(s, n);
    if (n > best || (n === best && s > base)) {
      best = n;
      base = s;
    }
  }
  const f: Record<string, Stamp> = {};
  let any = false;
  for (const [name, s] of stamps) {
    if (s !== base) {
      f[name] = s;
      any = true;
    }
  }
  return any ? { s: base, f } : { s: base };
}

