// One sync of one book: read the manifest, merge what other devices wrote since
// last time, write this device's new ops as fresh segments, list them in the
// manifest with If-Match, and now and then compact. A segment is invisible until
// the manifest lists it, so a sync cut off at any point leaves nothing half-done
// on either side: the next one starts over from the manifest (and re-sends, which
// is harmless, since merging an op twice changes nothing). Local data is changed
// only by merge(), one transaction with everything already read and checked.

import type { SyncReport } from '../api/sync';
import type { Id } from '../domain/types';
import {
  FORMAT, isSealed, manifestPath, readManifest, readSealed, readSegment, readSnapshotPart, segmentPath, snapshotPath,
  SyncFormatError, type ConflictNotice, type EncryptionHeader, type Manifest, type Seen, type SnapshotRecord,
} from './documents';
import { newEncryption, openEncryption, seal, unseal, DEFAULT_ITERATIONS } from './crypto';
import type { Endpoint } from './endpoint';
import { compacted, compactionPlan, emptyManifest, pullPlan, retainedSegments, withOwnEntry } from './manifest';
import type { SyncOp } from './ops';
import { isPacked, packIfLarge, unpack } from './packing';
import { snapshotOps, type LocalReplica } from './replica';
import { SyncEngineError } from './engine-errors';

export type { SyncReport };

/** Derived keys by salt, so a passphrase is stretched once per session, not per sync. */
export type KeyCache = Map<string, CryptoKey>;

export interface SyncOptions {
  book: Id;
  endpoint: Endpoint;
  local: LocalReplica;
  /** '' or null: the book is not encrypted on this device. */
  passphrase?: string | null;
  keys?: KeyCache;
  now?: () => Date;
  /** Ops per segment file (first syncs of big books write several). */
  segmentOps?: number;
  /** Records per snapshot part. */
  snapshotRecords?: number;
  /** Compact once the manifest lists more segments than this. */
  compactAfter?: number;
  /** PBKDF2 iterations for a new encrypted book. */
  iterations?: number;
  /** Manifest write attempts before giving up (each after re-reading and merging). */
  attempts?: number;
  /** Joining a book another device shares: a missing manifest is an error, not a new shared book. */
  mustExist?: boolean;
}

const DEFAULTS = { segmentOps: 4000, snapshotRecords: 4000, compactAfter: 48, attempts: 6 };

interface Session {
  o: SyncOptions & typeof DEFAULTS;
  key: CryptoKey | null;
  report: SyncReport;
}

const jsonBytes = (json: unknown): number => new TextEncoder().encode(JSON.stringify(json)).length;

async function getJson(s: Session, path: string): Promise<unknown | null> {
  const got = await s.o.endpoint.get(path);
  if (got.status === 'missing') return null;
  if (got.status === 'notModified') throw new SyncEngineError('unexpected', `${path}: 304 to a plain GET`);
  s.report.bytesDown += jsonBytes(got.body);
  return got.body;
}

/** A segment or snapshot part, decrypted when the book is encrypted; null when it is gone. */
async function getDocument(s: Session, path: string): Promise<unknown | null> {
  const body = await getJson(s, path);
  if (body === null) return null;
  if (isSealed(body)) {
    if (!s.key) throw new SyncFormatError(path, '$', 'encrypted, but the manifest says the book is not');
    return unseal(s.key, readSealed(body, path), path);
  }
  if (s.key) throw new SyncFormatError(path, '$', 'not encrypted, but the book is');
  return isPacked(body) ? unpack(body, path) : body;
}

async function putDocument(s: Session, path: string, doc: unknown): Promise<void> {
  const body = s.key ? await seal(s.key, doc) : await packIfLarge(doc);
  s.report.bytesUp += jsonBytes(body);
  const put = await s.o.endpoint.put(path, body);
  if (put.status !== 'ok') throw new SyncEngineError('unexpected', `${path}: unconditional write refused`);
}

async function readCurrentManifest(s: Session): Promise<{ manifest: Manifest | null; etag: string | undefined }> {
  const path = manifestPath(s.o.book);
  const got = await s.o.endpoint.get(path);
  if (got.status === 'missing') return { manifest: null, etag: undefined };
  if (got.status === 'notModified') throw new SyncEngineError('unexpected', `${path}: 304 to a plain GET`);
  s.report.bytesDown += jsonBytes(got.body);
  return { manifest: readManifest(got.body, path, s.o.book), etag: got.etag };
}

const keyCacheId = (header: EncryptionHeader, passphrase: string): string => `${header.salt}:${header.iterations}:${passphrase}`;

/** The book's key under this manifest, checking the passphrase; null for a book stored in the clear. */
async function keyFor(s: Session, header: EncryptionHeader | null): Promise<CryptoKey | null> {
  const passphrase = s.o.passphrase ?? '';
  if (!header) {
    if (passphrase !== '') throw new SyncEngineError('wrongPassphrase', 'the shared copy is not encrypted; clear the passphrase or start a new shared folder');
    return null;
  }
  if (passphrase === '') throw new SyncEngineError('needsPassphrase', 'the shared copy is encrypted');
  const cacheKey = keyCacheId(header, passphrase);
  const cached = s.o.keys?.get(cacheKey);
  if (cached) return cached;
  const key = await openEncryption(header, passphrase, manifestPath(s.o.book));
  s.o.keys?.set(cacheKey, key);
  return key;
}

/** Reads what the plan lists; null when a file vanished (compacted meanwhile): start over. */
async function pull(s: Session, m: Manifest, seen: Seen): Promise<{ ops: SyncOp[]; snapshotOps: SyncOp[]; notices: ConflictNotice[]; seen: Seen } | null> {
  const plan = pullPlan(m, s.o.local.deviceId, seen);
  const fromSnapshot: SyncOp[] = [];
  if (plan.snapshot) {
    const records: SnapshotRecord[] = [];
    for (let part = 1; part <= plan.snapshot.parts; part++) {
      const path = snapshotPath(s.o.book, plan.snapshot.id, part);
      const doc = await getDocument(s, path);
      if (doc === null) return null;
      records.push(...readSnapshotPart(doc, path, s.o.book, plan.snapshot.id, part).records);
    }
    fromSnapshot.push(...snapshotOps(records));
  }
  const ops: SyncOp[] = [];
  const notices: ConflictNotice[] = [];
  for (const ref of plan.segments) {
    const path = segmentPath(s.o.book, ref.device, ref.n);
    const doc = await getDocument(s, path);
    if (doc === null) return null;
    const segment = readSegment(doc, path, s.o.book, ref.device, ref.n);
    ops.push(...segment.ops);
    notices.push(...segment.conflicts);
  }
  return { ops, snapshotOps: fromSnapshot, notices, seen: plan.seen };
}

const byStamp = (a: SyncOp, b: SyncOp): number => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0);

export async function syncBook(options: SyncOptions): Promise<SyncReport> {
  const s: Session = {
    o: { ...DEFAULTS, ...options },
    key: null,
    report: { pulled: 0, pushed: 0, conflicts: 0, bytesDown: 0, bytesUp: 0, compacted: false },
  };
  const { book, local } = s.o;
  const me = local.deviceId;
  for (let attempt = 1; attempt <= s.o.attempts; attempt++) {
    let { manifest, etag } = await readCurrentManifest(s);
    let creating: Manifest | null = null;
    if (manifest) {
      s.key = await keyFor(s, manifest.encryption);
    } else {
      if (s.o.mustExist) throw new SyncEngineError('notShared', `no book ${book} in this shared folder`);
      const passphrase = s.o.passphrase ?? '';
      let header: EncryptionHeader | null = null;
      if (passphrase !== '') {
        const made = await newEncryption(passphrase, s.o.iterations ?? DEFAULT_ITERATIONS);
        header = made.header;
        s.key = made.key;
        s.o.keys?.set(keyCacheId(header, passphrase), made.key);
      }
      creating = emptyManifest(book, header);
      manifest = creating;
    }

    let cursor = await local.cursor();
    const listed = manifest.devices[me]?.head ?? 0;
    if (listed > cursor.head) {
      await local.adoptHead(listed);
      cursor = { ...cursor, head: listed };
    }

    const pulled = await pull(s, manifest, cursor.seen);
    if (!pulled) continue;
    if (pulled.snapshotOps.length > 0) {
      await local.merge(pulled.snapshotOps.sort(byStamp), cursor.seen, { logConflicts: false });
    }
    const merged = await local.merge(pulled.ops.sort(byStamp), pulled.seen, { logConflicts: true, notices: pulled.notices });
    s.report.pulled += pulled.ops.length + pulled.snapshotOps.length;
    s.report.conflicts += merged.conflicts;
    cursor = { ...cursor, seen: pulled.seen };

    const batch = await local.localChanges(cursor.pushedSeq);
    let head = cursor.head;
    const toSend = batch.ops.length > 0 || batch.notices.length > 0;
    for (let start = 0; toSend && (start === 0 || start < batch.ops.length); start += s.o.segmentOps) {
      head += 1;
      const ops = batch.ops.slice(start, start + s.o.segmentOps);
      const conflicts = start === 0 ? batch.notices : [];
      // Not listed yet, so no one reads it: a leftover from a cut-off sync is simply overwritten.
      await putDocument(s, segmentPath(book, me, head), { format: FORMAT, kind: 'segment', book, device: me, n: head, ops, conflicts });
    }

    const entry = { head, seen: cursor.seen, at: (s.o.now?.() ?? new Date()).toISOString() };
    const next = withOwnEntry(manifest, me, entry);
    const unchanged = !creating && manifest.devices[me] !== undefined && head === cursor.head &&
      sameSeen(manifest.devices[me]?.seen ?? {}, cursor.seen);
    if (!unchanged) {
      s.report.bytesUp += jsonBytes(next);
      const put = await s.o.endpoint.put(manifestPath(book), next, etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag });
      if (put.status === 'conflict') continue;
      etag = put.etag;
    }
    await local.pushed(batch, head);
    s.report.pushed += batch.ops.length;

    if (etag !== undefined && retainedSegments(next) > s.o.compactAfter) {
      s.report.compacted = await compact(s, next, etag, head, cursor.seen);
    }
    return s.report;
  }
  throw new SyncEngineError('conflictRetries', `the manifest kept changing during ${s.o.attempts} attempts`);
}

function sameSeen(a: Seen, b: Seen): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

/**
 * Writes a snapshot of this device's state (which holds everything it has merged
 * and pushed) and lists it, then deletes the segments every device has merged.
 * A concurrent manifest change abandons it (the next sync may try again).
 */
async function compact(s: Session, m: Manifest, etag: string, head: number, seen: Seen): Promise<boolean> {
  const { book, local, endpoint } = s.o;
  const plan = compactionPlan(m, local.deviceId, head, seen);
  if (!plan) return false;
  const records = await local.exportRecords();
  const id = `${local.deviceId}-${head}-${Date.now().toString(36)}`;
  const parts = Math.max(1, Math.ceil(records.length / s.o.snapshotRecords));
  for (let part = 1; part <= parts; part++) {
    const slice = records.slice((part - 1) * s.o.snapshotRecords, part * s.o.snapshotRecords);
    await putDocument(s, snapshotPath(book, id, part), { format: FORMAT, kind: 'snapshot', book, id, part, parts, records: slice });
  }
  const next = compacted(m, { id, parts, covers: plan.covers }, plan.from);
  s.report.bytesUp += jsonBytes(next);
  const put = await endpoint.put(manifestPath(book), next, { ifMatch: etag });
  const dropSnapshot = async (ref: { id: string; parts: number }) => {
    for (let part = 1; part <= ref.parts; part++) await endpoint.delete(snapshotPath(book, ref.id, part)).catch(() => undefined);
  };
  if (put.status === 'conflict') {
    await dropSnapshot({ id, parts });
    return false;
  }
  // Listed files are no longer read by anyone; a failed delete only leaves garbage.
  for (const ref of plan.drop) await endpoint.delete(segmentPath(book, ref.device, ref.n)).catch(() => undefined);
  if (m.snapshot) await dropSnapshot(m.snapshot);
  return true;
}
