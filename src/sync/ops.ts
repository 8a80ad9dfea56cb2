// A sync op: the fields one write set on one record, under the write's HLC stamp.
// Devices exchange ops, never whole tables; a record's fields are merged one by
// one (field-merge.ts), so two devices editing different fields both keep theirs.
// The book's settings travel as records of the pseudo-table 'settings' with the
// setting's key as id and one field, 'value'.

import { sameValue } from '../domain/same-value';
import type { Id, Stamp, TableName } from '../domain/types';

export { sameValue };

export type SyncTable = TableName | 'settings';

export const SYNC_TABLES: readonly SyncTable[] = [
  'books', 'customers', 'invoices', 'payments', 'allocations', 'adjustments', 'activities',
  'promises', 'plans', 'notices', 'attachments', 'settings',
];

export interface SyncOp {
  /** Table. */
  t: SyncTable;
  /** Record id (a setting's key). */
  id: Id;
  /** HLC stamp of the write: every field in `f` was set at this stamp. */
  s: Stamp;
  /** Fields set, by name; never id, bookId or updatedAt (implied by the record and the stamp). */
  f: Record<string, unknown>;
}

/** Fields a record carries that are not data: the key, the book (implied by the sync folder) and the stamp. */
const IMPLIED = new Set(['id', 'bookId', 'updatedAt']);

export const isImpliedField = (name: string): boolean => IMPLIED.has(name);

export const recordKey = (t: SyncTable, id: Id): string => `${t}/${id}`;

/** Ops by record ('table/id'), each record's in their given order. */
export function opsByRecord(ops: readonly SyncOp[]): Map<string, SyncOp[]> {
  const out = new Map<string, SyncOp[]>();
  for (const op of ops) {
    const key = recordKey(op.t, op.id);
    const list = out.get(key);
    if (list) list.push(op);
    else out.set(key, [op]);
  }
  return out;
}

/**
 * The op for a write of `after` over `before` (null = a new record): the fields
 * that changed, or every field of a new record. null when nothing changed.
 * A field missing from `after` is sent as null (records never drop fields, but an
 * optional one may be cleared).
 */
export function diffOp(t: SyncTable, id: Id, stamp: Stamp, before: object | null, after: object): SyncOp | null {
  const f: Record<string, unknown> = {};
  const a = after as Record<string, unknown>;
  const b = before as Record<string, unknown> | null;
  for (const [k, v] of Object.entries(a)) {
    if (IMPLIED.has(k) || v === undefined) continue;
    if (b === null || !sameValue(b[k], v)) f[k] = v;
  }
  if (b !== null) {
    for (const k of Object.keys(b)) {
      if (!IMPLIED.has(k) && b[k] !== undefined && (a[k] === undefined) && !Object.hasOwn(f, k)) f[k] = null;
    }
  }
  return Object.keys(f).length === 0 ? null : { t, id, s: stamp, f };
}

/**
 * Drops what later ops overwrite: per record, a field is kept only in the op with
 * its newest stamp; ops left with no field are dropped. Order of the result: by
 * stamp, oldest first (a record's create before its edits).
 */
export function coalesce(ops: readonly SyncOp[]): SyncOp[] {
  const sorted = [...ops].sort((x, y) => (x.s < y.s ? -1 : x.s > y.s ? 1 : 0));
  const newest = new Map<string, Map<string, number>>();
  sorted.forEach((op, i) => {
    const key = recordKey(op.t, op.id);
    let fields = newest.get(key);
    if (!fields) {
      fields = new Map();
      newest.set(key, fields);
    }
    for (const k of Object.keys(op.f)) fields.set(k, i);
  });
  const out: SyncOp[] = [];
  sorted.forEach((op, i) => {
    const fields = newest.get(recordKey(op.t, op.id));
    const f: Record<string, unknown> = {};
    let any = false;
    for (const [k, v] of Object.entries(op.f)) {
      if (fields?.get(k) === i) {
        f[k] = v;
        any = true;
      }
    }
    if (any) out.push({ ...op, f });
  });
  return out;
}
