// The files a book's sync folder holds, and their strict readers. Anything read
// from the endpoint is untrusted: a reader either returns a well-formed document
// or throws SyncFormatError naming the file and the JSON path of the first fault,
// and nothing from a bad file reaches the local database.
//
//   <book>/manifest.json                    who wrote how much, who has seen what
//   <book>/segments/<device>/<n>.json       one device's n-th batch of ops, never rewritten once listed
//   <book>/snapshots/<id>/<part>.json       every record with its field clock, up to `covers`

import type { Id } from '../domain/types';
import type { FieldClock } from './field-merge';
import { SYNC_TABLES, type SyncOp, type SyncTable } from './ops';

export const FORMAT = 'overdue-sync/1';
const FORMAT_PATTERN = /^overdue-sync\/(\d+)$/;
const STAMP = /^\d{15}-\d{6}-.+$/;

/** Per device: the highest segment number of that device merged. */
export type Seen = Record<string, number>;

export interface DeviceEntry {
  /** Segments 1..head are written and listed. */
  head: number;
  /** Segments below `from` are compacted away (into the snapshot); 1 when none. */
  from: number;
  /** What this device has merged of the others' segments. */
  seen: Seen;
  /** When it last wrote the manifest (ISO timestamp). */
  at: string;
}

export interface EncryptionHeader {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  /** A known text sealed with the key: opening it proves the passphrase. */
  check: Sealed;
}

export interface SnapshotRef {
  id: string;
  parts: number;
  covers: Seen;
}

export interface Manifest {
  format: typeof FORMAT;
  kind: 'manifest';
  book: Id;
  encryption: EncryptionHeader | null;
  devices: Record<string, DeviceEntry>;
  snapshot: SnapshotRef | null;
}

/**
 * A field where the writer of the segment kept its own newer value over another
 * device's concurrent one: the losing device logs it too when it reads this.
 */
export interface ConflictNotice {
  t: SyncTable;
  id: Id;
  field: string;
  label: string;
  kept: unknown;
  lost: unknown;
  /** Stamp of the losing write (its device is the one to tell). */
  lostStamp: string;
}

export interface Segment {
  format: typeof FORMAT;
  kind: 'segment';
  book: Id;
  device: string;
  n: number;
  ops: SyncOp[];
  conflicts: ConflictNotice[];
}

export interface SnapshotRecord {
  t: SyncTable;
  id: Id;
  /** Fields (no id, bookId, updatedAt). */
  v: Record<string, unknown>;
  c: FieldClock;
}

export interface SnapshotPart {
  format: typeof FORMAT;
  kind: 'snapshot';
  book: Id;
  id: string;
  part: number;
  parts: number;
  records: SnapshotRecord[];
}

/** A document encrypted with the book's key: AES-GCM of its JSON text. */
export interface Sealed {
  format: typeof FORMAT;
  kind: 'sealed';
  /** base64 of the 12-byte nonce and of the ciphertext with its tag. */
  iv: string;
  data: string;
}

export const manifestPath = (book: Id): string => `${book}/manifest.json`;
export const segmentPath = (book: Id, device: string, n: number): string => `${book}/segments/${device}/${n}.json`;
export const snapshotPath = (book: Id, id: string, part: number): string => `${book}/snapshots/${id}/${part}.json`;

/** A file that is JSON but not the document it should be. */
export class SyncFormatError extends Error {
  override readonly name = 'SyncFormatError';
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
    /** A format newer than this app reads: the app needs updating, not retrying. */
    readonly newer = false,
  ) {
    super(`${file}: ${where}: ${problem}`);
  }
}

type Json = unknown;

class Reader {
  constructor(private readonly file: string) {}

  fail(where: string, problem: string): never {
    throw new SyncFormatError(this.file, where, problem);
  }

  object(v: Json, where: string): Record<string, Json> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(where, 'expected an object');
    return v as Record<string, Json>;
  }

  array(v: Json, where: string): Json[] {
    if (!Array.isArray(v)) this.fail(where, 'expected an array');
    return v;
  }

  string(v: Json, where: string, pattern?: RegExp): string {
    if (typeof v !== 'string' || (pattern !== undefined && !pattern.test(v))) {
      this.fail(where, pattern ? `expected a string matching ${pattern.source}` : 'expected a string');
    }
    return v;
  }

  count(v: Json, where: string, min: number): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) this.fail(where, `expected a whole number >= ${min}`);
    return v;
  }

  /** A map of device id to a whole number. */
  seen(v: Json, where: string): Seen {
    const o = this.object(v, where);
    const out: Seen = {};
    for (const [k, n] of Object.entries(o)) out[k] = this.count(n, `${where}.${k}`, 0);
    return out;
  }

  header(v: Json, kind: string): Record<string, Json> {
    const o = this.object(v, '$');
    const format = typeof o.format === 'string' ? FORMAT_PATTERN.exec(o.format) : null;
    if (!format) this.fail('$.format', `expected "${FORMAT}"`);
    if (Number(format[1]) > 1) throw new SyncFormatError(this.file, '$.format', `written by a newer version (${String(o.format)})`, true);
    if (o.kind !== kind) this.fail('$.kind', `expected "${kind}"`);
    return o;
  }

  book(o: Record<string, Json>, book: Id): Id {
    const found = this.string(o.book, '$.book');
    if (found !== book) this.fail('$.book', `belongs to book ${found}, not ${book}`);
    return found;
  }

  table(v: Json, where: string): SyncTable {
    if (typeof v !== 'string' || !(SYNC_TABLES as readonly string[]).includes(v)) this.fail(where, 'expected a table name');
    return v as SyncTable;
  }

  fields(v: Json, where: string): Record<string, unknown> {
    const o = this.object(v, where);
    if ('id' in o || 'bookId' in o || 'updatedAt' in o) this.fail(where, 'carries id, bookId or updatedAt');
    return o;
  }

  clock(v: Json, where: string): FieldClock {
    const o = this.object(v, where);
    const s = o.s === '' ? '' : this.string(o.s, `${where}.s`, STAMP);
    if (o.f === undefined) return { s };
    const f: Record<string, string> = {};
    for (const [k, stamp] of Object.entries(this.object(o.f, `${where}.f`))) f[k] = this.string(stamp, `${where}.f.${k}`, STAMP);
    return { s, f };
  }

  sealed(v: Json): Sealed {
    const o = this.header(v, 'sealed');
    return { format: FORMAT, kind: 'sealed', iv: this.string(o.iv, '$.iv'), data: this.string(o.data, '$.data') };
  }
}

export function readManifest(json: Json, file: string, book: Id): Manifest {
  const r = new Reader(file);
  const o = r.header(json, 'manifest');
  r.book(o, book);
  const devices: Record<string, DeviceEntry> = {};
  for (const [id, raw] of Object.entries(r.object(o.devices, '$.devices'))) {
    const w = `$.devices.${id}`;
    const d = r.object(raw, w);
    devices[id] = {
      head: r.count(d.head, `${w}.head`, 0),
      from: r.count(d.from, `${w}.from`, 1),
      seen: r.seen(d.seen, `${w}.seen`),
      at: r.string(d.at, `${w}.at`),
    };
  }
  let encryption: EncryptionHeader | null = null;
  if (o.encryption !== null) {
    const e = r.object(o.encryption, '$.encryption');
    if (e.kdf !== 'PBKDF2-SHA256') r.fail('$.encryption.kdf', 'expected "PBKDF2-SHA256"');
    const check = r.object(e.check, '$.encryption.check');
    encryption = {
      kdf: 'PBKDF2-SHA256',
      iterations: r.count(e.iterations, '$.encryption.iterations', 1),
      salt: r.string(e.salt, '$.encryption.salt'),
      check: { format: FORMAT, kind: 'sealed', iv: r.string(check.iv, '$.encryption.check.iv'), data: r.string(check.data, '$.encryption.check.data') },
    };
  }
  let snapshot: SnapshotRef | null = null;
  if (o.snapshot !== null) {
    const s = r.object(o.snapshot, '$.snapshot');
    snapshot = { id: r.string(s.id, '$.snapshot.id', /^[\w.-]+$/), parts: r.count(s.parts, '$.snapshot.parts', 1), covers: r.seen(s.covers, '$.snapshot.covers') };
  }
  return { format: FORMAT, kind: 'manifest', book, encryption, devices, snapshot };
}

export function readSegment(json: Json, file: string, book: Id, device: string, n: number): Segment {
  const r = new Reader(file);
  const o = r.header(json, 'segment');
  r.book(o, book);
  if (o.device !== device) r.fail('$.device', `expected "${device}"`);
  if (o.n !== n) r.fail('$.n', `expected ${n}`);
  const ops = r.array(o.ops, '$.ops').map((raw, i): SyncOp => {
    const w = `$.ops[${i}]`;
    const op = r.object(raw, w);
    return { t: r.table(op.t, `${w}.t`), id: r.string(op.id, `${w}.id`), s: r.string(op.s, `${w}.s`, STAMP), f: r.fields(op.f, `${w}.f`) };
  });
  const conflicts = o.conflicts === undefined ? [] : r.array(o.conflicts, '$.conflicts').map((raw, i): ConflictNotice => {
    const w = `$.conflicts[${i}]`;
    const c = r.object(raw, w);
    return {
      t: r.table(c.t, `${w}.t`), id: r.string(c.id, `${w}.id`), field: r.string(c.field, `${w}.field`), label: r.string(c.label, `${w}.label`),
      kept: c.kept, lost: c.lost, lostStamp: r.string(c.lostStamp, `${w}.lostStamp`, STAMP),
    };
  });
  return { format: FORMAT, kind: 'segment', book, device, n, ops, conflicts };
}

export function readSnapshotPart(json: Json, file: string, book: Id, id: string, part: number): SnapshotPart {
  const r = new Reader(file);
  const o = r.header(json, 'snapshot');
  r.book(o, book);
  if (o.id !== id) r.fail('$.id', `expected "${id}"`);
  if (o.part !== part) r.fail('$.part', `expected ${part}`);
  const parts = r.count(o.parts, '$.parts', part);
  const records = r.array(o.records, '$.records').map((raw, i): SnapshotRecord => {
    const w = `$.records[${i}]`;
    const rec = r.object(raw, w);
    return { t: r.table(rec.t, `${w}.t`), id: r.string(rec.id, `${w}.id`), v: r.fields(rec.v, `${w}.v`), c: r.clock(rec.c, `${w}.c`) };
  });
  return { format: FORMAT, kind: 'snapshot', book, id, part, parts, records };
}

/** Is this JSON a sealed (encrypted) document? Checked before reading, so a plain reader never sees ciphertext. */
export function isSealed(json: Json): boolean {
  return typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'sealed';
}

export function readSealed(json: Json, file: string): Sealed {
  return new Reader(file).sealed(json);
}
