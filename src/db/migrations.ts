// Every schema version the app has ever shipped, oldest first. Browsers keep
// databases from older releases, so a version is never edited once released:
// add a new entry with the new indexes and an upgrade that fills new fields.

import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. null drops a table. */
  stores: Record<string, string | null>;
  /** Runs inside the upgrade transaction, after the new stores exist. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

// Every synced record table is looked up by id, listed per book (live ones via
// [bookId+deleted]) and scanned by stamp for sync.
const RECORD = 'id, bookId, [bookId+deleted], updatedAt';

/** First release: no snapshots, no activity lookups, allocations and adjustments found only via their invoice. */
const v1: SchemaVersion = {
  version: 1,
  stores: {
    books: 'id, updatedAt',
    customers: RECORD,
    invoices: `${RECORD}, [bookId+number], customerId`,
    payments: `${RECORD}, customerId`,
    allocations: `${RECORD}, paymentId, invoiceId`,
    adjustments: `${RECORD}, invoiceId`,
    activities: RECORD,
    settings: '[bookId+key]',
    changes: '++seq, bookId, [bookId+seq], batch',
    meta: 'key',
  },
};

/**
 * Customer tags and USCC, invoice disputes, per-customer allocation and
 * adjustment lookups (open balances of one customer without visiting every
 * invoice), activity timelines, and snapshots of the worker's working set.
 */
const v2: SchemaVersion = {
  version: 2,
  stores: {
    books: 'id, updatedAt',
    customers: RECORD,
    invoices: `${RECORD}, [bookId+number], customerId`,
    payments: `${RECORD}, customerId`,
    allocations: `${RECORD}, paymentId, invoiceId, customerId`,
    adjustments: `${RECORD}, invoiceId, customerId`,
    activities: `${RECORD}, customerId, [bookId+date]`,
    settings: '[bookId+key]',
    changes: '++seq, bookId, [bookId+seq], batch',
    snapshots: 'bookId',
    meta: 'key',
  },
  async upgrade(tx) {
    await tx.table('customers').toCollection().modify((c: Record<string, unknown>) => {
      if (!Array.isArray(c.tags)) c.tags = [];
      if (typeof c.uscc !== 'string') c.uscc = '';
    });
    const customerOfInvoice = new Map<string, string>();
    await tx.table('invoices').toCollection().modify((inv: Record<string, unknown>) => {
      if (inv.disputed !== 1) inv.disputed = 0;
      if (typeof inv.disputeReason !== 'string') inv.disputeReason = '';
      customerOfInvoice.set(String(inv.id), String(inv.customerId));
    });
    const copyCustomer = (r: Record<string, unknown>) => {
      if (typeof r.customerId !== 'string') r.customerId = customerOfInvoice.get(String(r.invoiceId)) ?? '';
    };
    await tx.table('allocations').toCollection().modify(copyCustomer);
    await tx.table('adjustments').toCollection().modify(copyCustomer);
  },
};

/**
 * Leaner indexes, because every index is one more write per record and a
 * 100,000-invoice import is bound by writes: the single bookId index is a prefix
 * of [bookId+deleted], and updatedAt was never read (sync walks the change log).
 */
const LEAN = 'id, [bookId+deleted]';
const v3: SchemaVersion = {
  version: 3,
  stores: {
    books: 'id',
    customers: LEAN,
    invoices: `${LEAN}, [bookId+number], customerId`,
    payments: `${LEAN}, customerId`,
    allocations: `${LEAN}, paymentId, invoiceId, customerId`,
    adjustments: `${LEAN}, invoiceId, customerId`,
    activities: `${LEAN}, customerId, [bookId+date]`,
    settings: '[bookId+key]',
    changes: '++seq, [bookId+seq], batch',
    snapshots: 'bookId',
    meta: 'key',
  },
};

/** The collections workflow: promises to pay, payment plans, produced notices and their proofs. */
const v4: SchemaVersion = {
  version: 4,
  stores: {
    ...v3.stores,
    promises: `${LEAN}, customerId`,
    plans: `${LEAN}, customerId`,
    notices: `${LEAN}, customerId`,
    attachments: `${LEAN}, activityId`,
  },
};

/**
 * Sync (issue 6), all per book and only on this device: each synced record's field
 * clock (the stamp that set each field), the sync cursor and status, the settings
 * (endpoint, credentials, passphrase) and the log of merged conflicts.
 */
const v5: SchemaVersion = {
  version: 5,
  stores: {
    ...v4.stores,
    syncClocks: '[bookId+key]',
    syncState: 'bookId',
    syncConfig: 'bookId',
    syncConflicts: '++id, bookId',
  },
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v1, v2, v3, v4, v5];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 0;
