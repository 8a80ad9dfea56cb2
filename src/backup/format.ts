// The backup file: one JSON document holding every book and all its records,
// tombstones included, under a header that says what it is and a checksum that
// says it arrived whole. Pure TS (no DOM, no Dexie): built and checked the same
// way in the worker and in tests.

import type { Attachment, Notice, PaymentPlan, PromiseToPay } from '../domain/collections';
import type {
  Activity, Adjustment, Allocation, Book, Customer, Invoice, Payment,
} from '../domain/types';

export const BACKUP_FORMAT = 'overdue.backup';
/** Version 2 added the collections tables; version 1 files are still read (those tables empty). */
export const BACKUP_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** The record tables of a book, in dependency order (customers before their invoices, ...). */
export const BACKUP_TABLES = [
  'customers', 'invoices', 'payments', 'allocations', 'adjustments', 'activities', 'plans', 'promises', 'notices', 'attachments',
] as const;
/** Tables a version 1 file does not have. */
export const TABLES_SINCE_V2: readonly BackupTable[] = ['plans', 'promises', 'notices', 'attachments'];
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupBook {
  book: Book;
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
  allocations: Allocation[];
  adjustments: Adjustment[];
  activities: Activity[];
  plans: PaymentPlan[];
  promises: PromiseToPay[];
  notices: Notice[];
  /** Proofs of delivery, their bytes as base64 text. */
  attachments: BackupAttachment[];
  /** The book's own settings (collection policies, charge rule, letterhead, templates). */
  settings: BookSetting[];
}

export type BackupAttachment = Omit<Attachment, 'data'> & { data: string };

export interface BookSetting {
  key: string;
  value: unknown;
}

export type BackupCounts = { books: number } & Record<BackupTable, number>;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** When the file was written (ISO timestamp, UTC). */
  exportedAt: string;
  /** The device that wrote it. */
  deviceId: string;
  counts: BackupCounts;
  /** 'sha256:' + hex digest of canonicalJson(books). */
  checksum: string;
  books: BackupBook[];
}

export function countRecords(books: readonly BackupBook[]): BackupCounts {
  const counts = { books: books.length } as BackupCounts;
  for (const t of BACKUP_TABLES) counts[t] = 0;
  for (const b of books) for (const t of BACKUP_TABLES) counts[t] += b[t].length;
  return counts;
}

/**
 * JSON with object keys in code-point order at every level, no spaces: the same
 * data gives the same text whatever order its keys were built or parsed in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** 'sha256:<hex>' of the canonical JSON of the books (crypto.subtle). */
export async function checksumOf(books: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(books)));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The whole document, checksum and counts filled in. */
export async function makeBackup(books: BackupBook[], deviceId: string, exportedAt: string): Promise<BackupDocument> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    deviceId,
    counts: countRecords(books),
    checksum: await checksumOf(books),
    books,
  };
}
