// Reading and writing the manifest, as pure functions. Each device owns its own
// entry (head, seen, at) and replaces only that on a write, over the copy it just
// read, with If-Match: a concurrent write makes it re-read, merge and retry.
// Compaction owns `from` and `snapshot`, and drops a segment only once the
// snapshot holds it and every device listed has merged it.

import type { Id } from '../domain/types';
import { FORMAT, type DeviceEntry, type EncryptionHeader, type Manifest, type Seen, type SnapshotRef } from './documents';

export function emptyManifest(book: Id, encryption: EncryptionHeader | null): Manifest {
  return { format: FORMAT, kind: 'manifest', book, encryption, devices: {}, snapshot: null };
}

/** The manifest with this device's entry replaced; `from` (compaction's) is kept. */
export function withOwnEntry(m: Manifest, device: string, entry: Omit<DeviceEntry, 'from'>): Manifest {
  const from = m.devices[device]?.from ?? 1;
  return { ...m, devices: { ...m.devices, [device]: { ...entry, from } } };
}

export interface SegmentRef {
  device: string;
  n: number;
}

export interface PullPlan {
  /** Read first when some segment this device lacks has been compacted away. */
  snapshot: SnapshotRef | null;
  segments: SegmentRef[];
  /** What this device will have merged once the plan is applied. */
  seen: Seen;
}

/** What to read to catch up from `seen` with the manifest. Throws RangeError for a manifest that lost segments. */
export function pullPlan(m: Manifest, me: string, seen: Seen): PullPlan {
  const others = Object.entries(m.devices).filter(([id]) => id !== me);
  const needsSnapshot = others.some(([id, d]) => (seen[id] ?? 0) < d.from - 1);
  const base: Seen = {};
  for (const [id] of others) base[id] = seen[id] ?? 0;
  if (needsSnapshot) {
    if (!m.snapshot) throw new RangeError('segments were compacted away but the manifest lists no snapshot');
    for (const [id, d] of others) {
      const covers = m.snapshot.covers[id] ?? 0;
      if (covers < d.from - 1) throw new RangeError(`the snapshot does not cover the compacted segments of ${id}`);
      base[id] = Math.max(base[id] ?? 0, covers);
    }
  }
  const segments: SegmentRef[] = [];
  const after: Seen = { ...seen };
  for (const [id, d] of others) {
    for (let n = (base[id] ?? 0) + 1; n <= d.head; n++) segments.push({ device: id, n });
    after[id] = Math.max(base[id] ?? 0, d.head);
  }
  return { snapshot: needsSnapshot ? m.snapshot : null, segments, seen: after };
}

/** Segments listed and not yet compacted away. */
export function retainedSegments(m: Manifest): number {
  return Object.values(m.devices).reduce((n, d) => n + Math.max(0, d.head - d.from + 1), 0);
}

export interface CompactionPlan {
  covers: Seen;
  /** New `from` per device. */
  from: Record<string, number>;
  /** Segments to delete once the new manifest is written. */
  drop: SegmentRef[];
}

/**
 * A snapshot of this device's state covers what it has merged (`seen`) and its own
 * segments up to `head`. Of each device's segments, those up to what the snapshot
 * covers and every other listed device has merged can go. null when nothing would.
 */
export function compactionPlan(m: Manifest, me: string, head: number, seen: Seen): CompactionPlan | null {
  const ids = Object.keys(m.devices);
  const covers: Seen = {};
  for (const id of ids) covers[id] = id === me ? head : Math.min(seen[id] ?? 0, m.devices[id]?.head ?? 0);
  const from: Record<string, number> = {};
  const drop: SegmentRef[] = [];
  for (const id of ids) {
    const entry = m.devices[id] as DeviceEntry;
    let keepFrom = (covers[id] ?? 0) + 1;
    for (const other of ids) {
      if (other === id) continue;
      const merged = other === me ? (seen[id] ?? 0) : (m.devices[other]?.seen[id] ?? 0);
      keepFrom = Math.min(keepFrom, merged + 1);
    }
    from[id] = Math.max(entry.from, keepFrom);
    for (let n = entry.from; n < from[id]!; n++) drop.push({ device: id, n });
  }
  return drop.length === 0 ? null : { covers, from, drop };
}

/** The manifest after a compaction: the new snapshot and `from`s. */
export function compacted(m: Manifest, snapshot: SnapshotRef, from: Record<string, number>): Manifest {
  const devices: Record<string, DeviceEntry> = {};
  for (const [id, d] of Object.entries(m.devices)) devices[id] = { ...d, from: from[id] ?? d.from };
  return { ...m, devices, snapshot };
}
