// The IndexedDB database, one per browser profile, holding every book.
// Versions and their upgrades live in migrations.ts.

import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Attachment, Notice, PaymentPlan, PromiseToPay } from '../domain/collections';
import type {
  Activity, Adjustment, Allocation, Book, Change, Customer, Id, Invoice, Payment, Setting,
} from '../domain/types';
import type { SyncConflict, SyncSettingsInput } from '../api/sync';
import type { ConflictNotice, Seen } from '../sync/documents';
import type { FieldClock } from '../sync/field-merge';
import { SCHEMA_VERSIONS, type SchemaVersion } from './migrations';

/** The worker's working set of one book, saved so a reload need not rebuild it (see changesSince). */
export interface Snapshot {
  bookId: Id;
  /** Last change seq the snapshot includes; replay changesSince(bookId, seq) on top. */
  seq: number;
  data: unknown;
}

/** A synced record's field clock (see src/sync/field-merge.ts); key = 'table/id'. */
export interface SyncClockRow {
  bookId: Id;
  key: string;
  c: FieldClock;
}

/** Where a book's sync stands on this device. */
export interface SyncStateRow {
  bookId: Id;
  head: number;
  pushedSeq: number;
  seen: Seen;
  /** ISO timestamp of the last sync that finished. */
  lastSyncAt: string | null;
  /** Conflicts decided here in this device's favour, not yet told to the others. */
  notices?: ConflictNotice[];
  /** The change log's last seq when this folder's first sync began (see startCursor). */
  baseline?: number;
}

/** A book's sync settings on this device, as checked (never synced: each device has its own credentials). */
export interface SyncConfigRow extends SyncSettingsInput {
  bookId: Id;
}

/** A conflict as logged (SyncConflict with its book; the id is given by the table). */
export interface SyncConflictRow extends Omit<SyncConflict, 'id'> {
  id?: number;
  bookId: Id;
}

/** Device-wide key/value (e.g. the device id). */
export interface Meta {
  key: string;
  value: unknown;
}

export class OverdueDb extends Dexie {
  // `declare`: Dexie creates these properties; a class field would overwrite them.
  declare books: EntityTable<Book, 'id'>;
  declare customers: EntityTable<Customer, 'id'>;
  declare invoices: EntityTable<Invoice, 'id'>;
  declare payments: EntityTable<Payment, 'id'>;
  declare allocations: EntityTable<Allocation, 'id'>;
  declare adjustments: EntityTable<Adjustment, 'id'>;
  declare activities: EntityTable<Activity, 'id'>;
  declare promises: EntityTable<PromiseToPay, 'id'>;
  declare plans: EntityTable<PaymentPlan, 'id'>;
  declare notices: EntityTable<Notice, 'id'>;
  declare attachments: EntityTable<Attachment, 'id'>;
  declare settings: Table<Setting, [Id, string]>;
  declare changes: EntityTable<Change, 'seq'>;
  declare snapshots: EntityTable<Snapshot, 'bookId'>;
  declare meta: EntityTable<Meta, 'key'>;
  declare syncClocks: Table<SyncClockRow, [Id, string]>;
  declare syncState: EntityTable<SyncStateRow, 'bookId'>;
  declare syncConfig: EntityTable<SyncConfigRow, 'bookId'>;
  declare syncConflicts: EntityTable<SyncConflictRow, 'id'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareVersions(this, SCHEMA_VERSIONS);
  }
}

/** Declares the given versions on a Dexie instance (tests use it to build an old database). */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

export function openDb(name = 'overdue'): OverdueDb {
  return new OverdueDb(name);
}
