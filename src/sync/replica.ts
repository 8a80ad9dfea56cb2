// What the sync engine needs from the local database, so the protocol is written
// once and tested against the real store (src/db/sync-store.ts). Every method
// either completes in one local transaction or changes nothing.

import type { ConflictNotice, Seen, SnapshotRecord } from './documents';
import type { SyncOp } from './ops';

export interface SyncCursor {
  /** This device's segments 1..head are listed in the manifest. */
  head: number;
  /** Local change-log seq up to which changes are in listed segments. */
  pushedSeq: number;
  /** Other devices' segments merged here. */
  seen: Seen;
}

export interface LocalBatch {
  /** This device's own writes since the cursor's pushedSeq, coalesced, oldest first. */
  ops: SyncOp[];
  /** The newest change-log seq they include. */
  maxSeq: number;
  /** Conflicts this device decided in its own favour, to tell the losing devices. */
  notices: ConflictNotice[];
  /** The store's own bookkeeping, handed back to it in pushed(). */
  local?: unknown;
}

export interface MergeOutcome {
  /** Records whose stored state changed. */
  changed: number;
  /** Fields logged as conflicts. */
  conflicts: number;
}

export interface LocalReplica {
  readonly deviceId: string;
  cursor(): Promise<SyncCursor>;
  /**
   * Applies remote ops field by field (last writer wins) and records `seen`, in one
   * transaction; merged records are logged as one 'sync.merge' batch. With
   * `logConflicts` false (ops rebuilt from a snapshot) nothing goes to the conflict log.
   * `notices`: conflicts other devices decided; those against this device are logged.
   */
  merge(ops: readonly SyncOp[], seen: Seen, options: { logConflicts: boolean; notices?: readonly ConflictNotice[] }): Promise<MergeOutcome>;
  /** This device's writes not yet pushed. */
  localChanges(afterSeq: number): Promise<LocalBatch>;
  /** The batch is listed in the manifest as segments up to `head`: remember its fields' stamps and move the cursor. */
  pushed(batch: LocalBatch, head: number): Promise<void>;
  /** Adopts a head the manifest lists beyond the local one (an answer lost after the manifest was written). */
  adoptHead(head: number): Promise<void>;
  /** Every record of the book with its field clock, for a snapshot. */
  exportRecords(): Promise<SnapshotRecord[]>;
}

/** A snapshot record as ops, one per distinct stamp among its fields. */
export function snapshotOps(records: readonly SnapshotRecord[]): SyncOp[] {
  const ops: SyncOp[] = [];
  for (const r of records) {
    const byStamp = new Map<string, Record<string, unknown>>();
    for (const [name, value] of Object.entries(r.v)) {
      const stamp = r.c.f?.[name] ?? r.c.s;
      if (stamp === '') continue;
      const f = byStamp.get(stamp) ?? {};
      f[name] = value;
      byStamp.set(stamp, f);
    }
    for (const [s, f] of byStamp) ops.push({ t: r.t, id: r.id, s, f });
  }
  return ops;
}
