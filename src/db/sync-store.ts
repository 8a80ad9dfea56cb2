// The local side of sync over Dexie: what this device wrote since its last push
// (read from the change log), merging remote ops field by field in one
// transaction, and the per-record field clocks that make the merge possible.
// A record's clock is stored once it has been pushed or merged; until then its
// stamps are those of its unpushed changes.

import { Dexie } from 'dexie';
import type { Change, Id, Setting, Stamp, TableName } from '../domain/types';
import type { ConflictNotice, Seen, SnapshotRecord } from '../sync/documents';
import { clockOf, fieldStamp, mergeOp, newestStamp, type FieldClock, type Replicated } from '../sync/field-merge';
import { coalesce, diffOp, isImpliedField, opsByRecord, recordKey, sameValue, SYNC_TABLES, type SyncOp, type SyncTable } from '../sync/ops';
import { snapshotOps, type LocalBatch, type MergeOutcome, type SyncCursor } from '../sync/replica';
import { appendChanges, changesAfter, lastSeq, newBatchId, SYNC_MERGE_ACTION, type ChangeDraft } from './changelog';
import { formatStamp, type Hlc } from './hlc';
import { CHUNK_SIZE } from './write-batch';
import type { OverdueDb, SyncClockRow, SyncConflictRow } from './schema';

/** Record tables that sync (every table but the settings pseudo-table). */
export const RECORD_TABLES = SYNC_TABLES.filter((t): t is TableName => t !== 'settings');

/** Book settings that stay on the device (none yet besides sync's own, kept in their own tables). */
export const isSyncedSetting = (key: string): boolean => !key.startsWith('device.');

/** Conflicts kept per book; older ones are dropped. */
export const CONFLICT_LOG_LIMIT = 500;

/** Every table one merge touches. */
export const MERGE_TABLES = [...RECORD_TABLES, 'settings', 'changes', 'syncClocks', 'syncState', 'syncConflicts'] as const;

/**
 * The cursor at the start of a sync; the first sync into a shared folder records
 * how far the change log reached then (`baseline`): records merged here before that
 * came from elsewhere and must be sent to this folder whole.
 */
export async function startCursor(db: OverdueDb, bookId: Id): Promise<SyncCursor> {
  return db.transaction('rw', db.syncState, db.changes, async () => {
    if (!(await db.syncState.get(bookId))) {
      await db.syncState.put({ bookId, head: 0, pushedSeq: 0, seen: {}, lastSyncAt: null, notices: [], baseline: await lastSeq(db, bookId) });
    }
    return readCursor(db, bookId);
  });
}

/** Inherited records are sent only with the first push into a folder (nothing listed from this device yet). */
export async function inheritedUpTo(db: OverdueDb, bookId: Id): Promise<number> {
  const row = await db.syncState.get(bookId);
  return row && row.head === 0 && row.pushedSeq === 0 ? row.baseline ?? 0 : 0;
}

export async function readCursor(db: OverdueDb, bookId: Id): Promise<SyncCursor> {
  const row = await db.syncState.get(bookId);
  return { head: row?.head ?? 0, pushedSeq: row?.pushedSeq ?? 0, seen: row?.seen ?? {} };
}

async function updateState(
  db: OverdueDb, bookId: Id, patch: Partial<{ head: number; pushedSeq: number; seen: Seen; lastSyncAt: string; notices: ConflictNotice[] }>,
): Promise<void> {
  const row = await db.syncState.get(bookId);
  await db.syncState.put({
    bookId, head: row?.head ?? 0, pushedSeq: row?.pushedSeq ?? 0, seen: row?.seen ?? {}, lastSyncAt: row?.lastSyncAt ?? null,
    notices: row?.notices ?? [], baseline: row?.baseline ?? 0, ...patch,
  });
}

/** A stored record without the fields sync implies. */
function fieldsOf(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!isImpliedField(k) && v !== undefined) out[k] = v;
  return out;
}

/**
 * Where a record's field stamps start when it has no stored clock row (see
 * recordClock): the stamp its fields had before the first change in the range,
 * or '' when the range creates it (its ops then stamp every field).
 */
export type Bases = Map<string, Stamp>;

export interface CollectedLocal extends LocalBatch {
  local: Bases;
  /** Per record, the stamp its last change in the range left (its updatedAt then). */
  last: Map<string, Stamp>;
}

/**
 * This device's writes to the book after `afterSeq`, as coalesced ops; merges
 * from other devices are skipped (they are theirs). `only` limits the work to
 * some records ('table/id'), for the merge's look at unpushed edits.
 *
 * A bulk insert (import, demo) sends each record whole at its stamp. A bulk
 * tombstone (undoing an import) also sends the whole record at the tombstone's
 * stamp: the stamps the record had before are not logged, and claiming every
 * field at the newer stamp is at least the same claim on every device.
 */
export async function collectLocal(
  db: OverdueDb, bookId: Id, afterSeq: number, deviceId: string, only?: ReadonlySet<string>, inheritUpTo = 0,
): Promise<CollectedLocal> {
  const changes = await changesAfter(db, bookId, afterSeq);
  const ops: SyncOp[] = [];
  // Records merged here before this shared folder was first synced (from another folder, or before sync was
  // switched off and on): this folder has never seen them, so they are sent whole with their field stamps.
  const inherited = new Set<string>();
  const bases: Bases = new Map();
  const wanted = (t: SyncTable, id: Id) => !only || only.has(recordKey(t, id));
  const last = new Map<string, Stamp>();
  const base = (key: string, stamp: Stamp, after: Stamp) => {
    if (!bases.has(key)) bases.set(key, stamp);
    last.set(key, after);
  };
  // What a bulk write left of a record is the `before` of the first later change of it (see undo.ts).
  const firstLaterBefore = new Map<string, { seq: number; before: unknown }[]>();
  for (const c of changes) {
    if (c.bulk) continue;
    const key = recordKey(c.table, c.recordId);
    const list = firstLaterBefore.get(key) ?? [];
    list.push({ seq: c.seq ?? 0, before: c.before });
    firstLaterBefore.set(key, list);
  }
  for (const c of changes) {
    const merged = c.action === SYNC_MERGE_ACTION;
    if (!c.bulk) {
      if (c.after === null || typeof c.after !== 'object' || !wanted(c.table, c.recordId)) continue;
      const key = recordKey(c.table, c.recordId);
      const before = c.before as { updatedAt?: Stamp } | null;
      // A record a merge created here starts at the merge's stamp; one this device created, from nothing.
      base(key, before ? String(before.updatedAt ?? '') : merged ? c.stamp : '', c.stamp);
      if (merged) {
        if ((c.seq ?? 0) <= inheritUpTo) inherited.add(key);
        continue;
      }
      const op = diffOp(c.table, c.recordId, c.stamp, c.before as object | null, c.after);
      if (op) ops.push(op);
      continue;
    }
    const ids = c.bulk.ids.filter((id) => wanted(c.table, id));
    if (ids.length === 0) continue;
    const rows = (await db.table(c.table).bulkGet(ids)) as ({ id: Id; updatedAt: Stamp; deleted: 0 | 1 } | undefined)[];
    rows.forEach((row, i) => {
      if (!row) return;
      const key = recordKey(c.table, ids[i] as Id);
      const later = firstLaterBefore.get(key)?.find((l) => l.seq > (c.seq ?? 0));
      const left = (later ? later.before : row) as { updatedAt: Stamp; deleted: 0 | 1 } | null;
      if (!left) return;
      base(key, merged ? left.updatedAt : '', left.updatedAt);
      if (merged) {
        if ((c.seq ?? 0) <= inheritUpTo) inherited.add(key);
        return;
      }
      const op = diffOp(c.table, row.id, left.updatedAt, null, left);
      if (op) ops.push(op);
    });
  }
  const maxSeq = changes.length > 0 ? (changes[changes.length - 1]?.seq ?? afterSeq) : afterSeq;
  if (inherited.size > 0) ops.push(...(await wholeRecordOps(db, bookId, [...inherited], bases)));
  ops.push(...(await settingOps(db, bookId, deviceId, only, inheritUpTo > 0)));
  const notices = only ? [] : (await db.syncState.get(bookId))?.notices ?? [];
  return { ops: coalesce(ops), maxSeq, notices, local: bases, last };
}

/**
 * A record as replicated here: its stored clock, or (none stored: every field
 * at one stamp) its base; then this device's unpushed ops on top.
 */
function replicated(fields: Record<string, unknown>, stored: FieldClock | undefined, base: Stamp, unpushed: readonly SyncOp[]): Replicated {
  let rep: Replicated = { fields, clock: stored ?? { s: base } };
  for (const op of unpushed) rep = mergeOp(rep, op).next;
  // mergeOp sets values too; the stored values are already the newest (a merge may have overwritten an unpushed edit).
  return { fields, clock: rep.clock };
}

/** Records as they stand, one op per distinct field stamp (their stored clock, else their base). */
async function wholeRecordOps(db: OverdueDb, bookId: Id, keys: string[], bases: Bases): Promise<SyncOp[]> {
  const { rows, clocks } = await readTouched(db, bookId, keys);
  const records: SnapshotRecord[] = [];
  for (const key of keys) {
    const row = rows.get(key) as StoredRow | undefined;
    if (!row) continue;
    const slash = key.indexOf('/');
    const fields = fieldsOf(row);
    records.push({ t: key.slice(0, slash) as SyncTable, id: key.slice(slash + 1), v: fields, c: clocks.get(key) ?? { s: bases.get(key) || String(row.updatedAt ?? '') } });
  }
  return snapshotOps(records);
}

/** Book settings written here since their last push or merge (all of them when `all`: a new shared folder). */
async function settingOps(db: OverdueDb, bookId: Id, deviceId: string, only?: ReadonlySet<string>, all = false): Promise<SyncOp[]> {
  const rows = (await db.settings.where('[bookId+key]').between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).toArray())
    .filter((row) => isSyncedSetting(row.key) && (!only || only.has(recordKey('settings', row.key))));
  if (rows.length === 0) return [];
  const clocks = await db.syncClocks.bulkGet(rows.map((row) => [bookId, recordKey('settings', row.key)] as [Id, string]));
  const ops: SyncOp[] = [];
  rows.forEach((row, i) => {
    // A row from before sync existed has no stamp: the oldest possible one, so any other device's write wins.
    const stamp = row.updatedAt ?? formatStamp({ wall: 0, counter: 0, deviceId });
    const clock = clocks[i]?.c;
    if (all || !clock || stamp > (clock.f?.value ?? clock.s)) ops.push({ t: 'settings', id: row.key, s: stamp, f: { value: row.value } });
  });
  return ops;
}

type StoredRow = Record<string, unknown> & { id: Id };

/** Reads the current rows and clocks of the records the ops touch. */
async function readTouched(db: OverdueDb, bookId: Id, keys: string[]) {
  const rows = new Map<string, StoredRow | Setting | undefined>();
  const byTable = new Map<SyncTable, Id[]>();
  for (const key of keys) {
    const slash = key.indexOf('/');
    const t = key.slice(0, slash) as SyncTable;
    const list = byTable.get(t) ?? [];
    list.push(key.slice(slash + 1));
    byTable.set(t, list);
  }
  // Joining: nothing of the book is here yet, so there is nothing to look up (saves a read per record).
  if (await bookIsEmpty(db, bookId)) return { rows, clocks: new Map<string, FieldClock>() };
  for (const [t, ids] of byTable) {
    const found = t === 'settings'
      ? await db.settings.bulkGet(ids.map((id) => [bookId, id] as [Id, string]))
      : ((await db.table(t).bulkGet(ids)) as (StoredRow | undefined)[]);
    ids.forEach((id, i) => rows.set(recordKey(t, id), found[i]));
  }
  return { rows, clocks: await readClocks(db, bookId, keys) };
}

async function bookIsEmpty(db: OverdueDb, bookId: Id): Promise<boolean> {
  if (await db.books.get(bookId)) return false;
  for (const t of RECORD_TABLES) {
    if (t === 'books') continue;
    if (await db.table(t).where('[bookId+deleted]').between([bookId, 0], [bookId, 1], true, true).first()) return false;
  }
  return !(await db.settings.where('[bookId+key]').between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).first());
}

/** Stored clocks of these records (none read when the book has no clock rows at all, as before its first sync). */
async function readClocks(db: OverdueDb, bookId: Id, keys: string[]): Promise<Map<string, FieldClock>> {
  const clocks = new Map<string, FieldClock>();
  const any = await db.syncClocks.where('[bookId+key]').between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).first();
  if (!any || keys.length === 0) return clocks;
  const clockRows = await db.syncClocks.bulkGet(keys.map((k) => [bookId, k] as [Id, string]));
  keys.forEach((k, i) => {
    const c = clockRows[i]?.c;
    if (c) clocks.set(k, c);
  });
  return clocks;
}

function labelOf(t: SyncTable, fields: Record<string, unknown>, id: Id): string {
  for (const name of ['number', 'name', 'reference']) {
    const v = fields[name];
    if (typeof v === 'string' && v !== '') return v;
  }
  return t === 'settings' ? id : '';
}

/**
 * Merges remote ops into the book in one transaction: records and settings, their
 * clocks, one 'sync.merge' change batch, conflicts, and the new `seen`. Returns the
 * logged changes (for the ledgers) with the outcome. The HLC moves past every
 * stamp merged, so this device's next write is newer than anything it has seen.
 */
export async function mergeRemote(
  db: OverdueDb, hlc: Hlc, bookId: Id, ops: readonly SyncOp[], seen: Seen, logConflicts: boolean,
  notices: readonly ConflictNotice[] = [], now: () => Date = () => new Date(),
): Promise<{ outcome: MergeOutcome; changes: Change[] }> {
  return db.transaction('rw', MERGE_TABLES.map((t) => db.table(t)), async () => {
    const at = now().toISOString();
    // Conflicts another device decided against a write of this one.
    const told: SyncConflictRow[] = !logConflicts ? [] : notices
      .filter((n) => stampDevice(n.lostStamp) === hlc.deviceId)
      .map((n) => ({ bookId, at, table: n.t, recordId: n.id, label: n.label, field: n.field, kept: n.kept, lost: n.lost, winner: 'remote' as const }));
    if (ops.length === 0) {
      await logConflictRows(db, bookId, told);
      await updateState(db, bookId, { seen });
      return { outcome: { changed: 0, conflicts: told.length }, changes: [] };
    }
    const keys = [...new Set(ops.map((op) => recordKey(op.t, op.id)))];
    const { rows, clocks } = await readTouched(db, bookId, keys);
    const cursor = await readCursor(db, bookId);
    const local = await collectLocal(db, bookId, cursor.pushedSeq, hlc.deviceId, new Set(keys));
    const unpushedStamps = new Set(local.ops.map((op) => op.s));
    const unpushedOf = opsByRecord(local.ops);

    // Each touched record as replicated here: its clock, then this device's unpushed edits.
    const state = new Map<string, Replicated>();
    for (const key of keys) {
      const row = rows.get(key);
      if (!row) continue;
      const setting = key.startsWith('settings/');
      const fields = setting ? { value: (row as Setting).value } : fieldsOf(row);
      const stamp = setting ? (row as Setting).updatedAt ?? '' : String((row as StoredRow).updatedAt ?? '');
      state.set(key, replicated(fields, clocks.get(key), local.local.get(key) ?? stamp, unpushedOf.get(key) ?? []));
    }

    const conflicts: SyncConflictRow[] = [...told];
    const decided: ConflictNotice[] = [];
    const touched = new Set<string>();
    let newest = '';
    for (const op of ops) {
      const key = recordKey(op.t, op.id);
      if (op.s > newest) newest = op.s;
      const current = state.get(key) ?? null;
      const result = mergeOp(current, op);
      if (result.applied.length > 0) {
        state.set(key, result.next);
        touched.add(key);
      }
      if (!logConflicts || !current) continue;
      const label = labelOf(op.t, result.next.fields, op.id);
      for (const f of result.applied) {
        if (unpushedStamps.has(f.beforeStamp) && !sameValue(f.before, f.offered)) {
          conflicts.push({ bookId, at, table: op.t, recordId: op.id, label, field: f.name, kept: f.offered, lost: f.before, winner: 'remote' });
        }
      }
      for (const f of result.rejected) {
        conflicts.push({ bookId, at, table: op.t, recordId: op.id, label, field: f.name, kept: f.before, lost: f.offered, winner: 'local' });
        decided.push({ t: op.t, id: op.id, field: f.name, label, kept: f.before, lost: f.offered, lostStamp: op.s });
      }
    }
    if (newest !== '') hlc.receive(newest);

    const drafts: ChangeDraft[] = [];
    const inserts = new Map<TableName, StoredRow[]>();
    const clockRows: SyncClockRow[] = [];
    const settingRows: Setting[] = [];
    for (const key of touched) {
      const rep = state.get(key) as Replicated;
      const slash = key.indexOf('/');
      const t = key.slice(0, slash) as SyncTable;
      const id = key.slice(slash + 1);
      const updatedAt = newestStamp(rep.clock);
      // A record new here whose fields share one stamp needs no clock row: its updatedAt says it all.
      if (t === 'settings' || clocks.has(key) || rows.get(key) || rep.clock.f) clockRows.push({ bookId, key, c: rep.clock });
      if (t === 'settings') {
        settingRows.push({ bookId, key: id, value: rep.fields.value, updatedAt });
        continue;
      }
      const before = rows.get(key) ?? null;
      const after: StoredRow = t === 'books' ? { ...rep.fields, id, updatedAt } : { ...rep.fields, id, bookId, updatedAt };
      if (before) {
        drafts.push({ table: t, recordId: id, before, after, stamp: updatedAt });
        continue;
      }
      if (!Object.hasOwn(rep.fields, 'deleted')) {
        // A protocol breach (an edit of a record never created): refuse the whole merge.
        throw new RangeError(`an edit of ${key} arrived before the record itself`);
      }
      const list = inserts.get(t) ?? [];
      list.push(after);
      inserts.set(t, list);
    }
    const changes = await writeMerged(db, bookId, drafts, inserts);
    if (settingRows.length > 0) await db.settings.bulkPut(settingRows);
    if (clockRows.length > 0) await db.syncClocks.bulkPut(clockRows);
    await logConflictRows(db, bookId, conflicts);
    const pending = (await db.syncState.get(bookId))?.notices ?? [];
    await updateState(db, bookId, decided.length > 0 ? { seen, notices: [...pending, ...decided] } : { seen });
    return { outcome: { changed: touched.size, conflicts: conflicts.length }, changes };
  });
}

/**
 * Writes merged records and logs them as one 'sync.merge' batch: records new here
 * as compact id lists per chunk (like an import, so a first sync of a big book does
 * not store every record twice), changed ones with before and after. Returns one
 * Change per record, `after` filled in, for the ledgers.
 */
async function writeMerged(db: OverdueDb, bookId: Id, drafts: ChangeDraft[], inserts: Map<TableName, StoredRow[]>): Promise<Change[]> {
  const header = { bookId, batch: newBatchId(), action: SYNC_MERGE_ACTION };
  const total = drafts.length + [...inserts.values()].reduce((n, l) => n + l.length, 0);
  const out: Change[] = [];
  // Books first, so a joined book's records land after their book in the log.
  const order = [...inserts.keys()].sort((a, b) => RECORD_TABLES.indexOf(a) - RECORD_TABLES.indexOf(b));
  for (const t of order) {
    const list = inserts.get(t) as StoredRow[];
    for (let start = 0; start < list.length; start += CHUNK_SIZE) {
      const rows = list.slice(start, start + CHUNK_SIZE);
      await db.table(t).bulkPut(rows);
      const last = rows[rows.length - 1] as StoredRow;
      const [entry] = await appendChanges(db, header, [{
        table: t, recordId: '', before: null, after: null, stamp: String(last.updatedAt),
        bulk: { op: 'insert', ids: rows.map((r) => r.id), total },
      }]);
      if (!entry) continue;
      const { bulk: _ids, ...plain } = entry;
      for (const row of rows) out.push({ ...plain, recordId: row.id, after: row, stamp: String(row.updatedAt) });
    }
  }
  for (let start = 0; start < drafts.length; start += CHUNK_SIZE) {
    const chunk = drafts.slice(start, start + CHUNK_SIZE);
    for (const t of new Set(chunk.map((d) => d.table))) await db.table(t).bulkPut(chunk.filter((d) => d.table === t).map((d) => d.after));
    out.push(...(await appendChanges(db, header, chunk)));
  }
  return out;
}

const sameNotice = (a: ConflictNotice, b: ConflictNotice): boolean =>
  a.t === b.t && a.id === b.id && a.field === b.field && a.lostStamp === b.lostStamp;

const stampDevice = (stamp: string): string => stamp.replace(/^\d{15}-\d{6}-/, '');

async function logConflictRows(db: OverdueDb, bookId: Id, rows: SyncConflictRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.syncConflicts.bulkAdd(rows);
  const ids = (await db.syncConflicts.where('bookId').equals(bookId).primaryKeys()) as number[];
  if (ids.length > CONFLICT_LOG_LIMIT) await db.syncConflicts.bulkDelete(ids.sort((a, b) => a - b).slice(0, ids.length - CONFLICT_LOG_LIMIT));
}

/** Records the pushed ops' stamps in the clocks and moves the cursor, in one transaction. */
export async function recordPushed(db: OverdueDb, bookId: Id, batch: LocalBatch, head: number, at: string): Promise<void> {
  const collected = batch as Partial<CollectedLocal>;
  const bases = collected.local ?? new Map<string, Stamp>();
  const last = collected.last ?? new Map<string, Stamp>();
  await db.transaction('rw', db.syncClocks, db.syncState, async () => {
    const opsOf = opsByRecord(batch.ops);
    const clocks = await readClocks(db, bookId, [...opsOf.keys()]);
    const out: SyncClockRow[] = [];
    for (const [key, ops] of opsOf) {
      const stored = clocks.get(key);
      const base = stored?.s ?? bases.get(key) ?? '';
      const f: Record<string, Stamp> = { ...(stored?.f ?? {}) };
      for (const op of ops) for (const name of Object.keys(op.f)) if (op.s > (f[name] ?? base)) f[name] = op.s;
      // Created in the range: every field is in the ops, so the clock can be rebased on their commonest stamp.
      const clock: FieldClock = base === '' && !stored ? clockOf(new Map(Object.entries(f))) : Object.keys(f).length > 0 ? { s: base, f } : { s: base };
      // No row needed while every field carries the record's updatedAt (the usual case after a first push).
      const uniform = !clock.f && clock.s === last.get(key);
      if (key.startsWith('settings/') || stored || !uniform) out.push({ bookId, key, c: clock });
    }
    if (out.length > 0) await db.syncClocks.bulkPut(out);
    // Notices decided after the batch was read stay for the next push.
    const pending = ((await db.syncState.get(bookId))?.notices ?? []).filter((n) => !batch.notices.some((b) => sameNotice(b, n)));
    await updateState(db, bookId, { head, pushedSeq: batch.maxSeq, lastSyncAt: at, notices: pending });
  });
}

export async function adoptHead(db: OverdueDb, bookId: Id, head: number): Promise<void> {
  await db.transaction('rw', db.syncState, () => updateState(db, bookId, { head }));
}

/** Every record and synced setting of the book with its clock, for a snapshot. */
export async function exportRecords(db: OverdueDb, bookId: Id, deviceId: string): Promise<SnapshotRecord[]> {
  const tables = [...RECORD_TABLES, 'settings', 'syncClocks', 'syncState', 'changes'].map((t) => db.table(t));
  return db.transaction('r', tables, async () => {
    const clocks = new Map<string, FieldClock>();
    await db.syncClocks.where('[bookId+key]').between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).each((row) => { clocks.set(row.key, row.c); });
    // Edits made here since the last push are in the values: their stamps go in the clocks.
    const local = await collectLocal(db, bookId, (await readCursor(db, bookId)).pushedSeq, deviceId);
    const unpushedOf = opsByRecord(local.ops);
    const out: SnapshotRecord[] = [];
    const add = (t: SyncTable, id: Id, v: Record<string, unknown>, stamp: Stamp) => {
      const key = recordKey(t, id);
      out.push({ t, id, v, c: replicated(v, clocks.get(key), local.local.get(key) ?? stamp, unpushedOf.get(key) ?? []).clock });
    };
    const book = await db.books.get(bookId);
    if (book) add('books', bookId, fieldsOf(book), book.updatedAt);
    for (const t of RECORD_TABLES) {
      if (t === 'books') continue;
      for (const deleted of [0, 1] as const) {
        await db.table(t).where('[bookId+deleted]').equals([bookId, deleted]).each((row: StoredRow) => {
          add(t, row.id, fieldsOf(row), String(row.updatedAt));
        });
      }
    }
    const settings = await db.settings.where('[bookId+key]').between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).toArray();
    for (const s of settings) if (isSyncedSetting(s.key)) add('settings', s.key, { value: s.value }, s.updatedAt ?? '');
    return out.filter((r) => fieldStampOk(r));
  });
}

/** A record whose clock is '' everywhere has nothing to say (a pre-sync setting never pushed). */
const fieldStampOk = (r: SnapshotRecord): boolean => Object.keys(r.v).some((name) => fieldStamp({ fields: r.v, clock: r.c }, name) !== '');
