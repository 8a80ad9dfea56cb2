// Reading a backup file back: refuse anything that is not whole and ours before a
// single record is written. Each error names the place in the file
// ('books[1].invoices[17].amount') so a damaged file can be understood.

import { checkBounds } from '../domain/aging';
import { isIsoDate } from '../domain/calendar';
import { TEMPLATE_IDS } from '../domain/collections';
import { fromBase64 } from './base64';
import { fail, ok, type ErrorCode, type FieldError, type Result } from '../domain/errors';
import {
  BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, checksumOf, countRecords, READABLE_VERSIONS, TABLES_SINCE_V2,
  type BackupDocument, type BackupTable,
} from './format';

/** Enough to see what is wrong without flooding the screen. */
export const MAX_ERRORS = 20;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** 1-based line and column of a character offset. */
function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: position - start + 1 };
}

/** JSON.parse, its SyntaxError turned into 'backup.json' with the position (end of text when it ran out). */
export function parseJson(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : text.length;
    return fail('', 'backup.json', { position, ...lineColumn(text, position) });
  }
}

/** Collects shape errors with their paths, stopping at MAX_ERRORS. */
class Checker {
  readonly errors: FieldError[] = [];

  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }

  add(field: string, code: ErrorCode, params?: FieldError['params']): void {
    if (!this.full) this.errors.push(params ? { field, code, params } : { field, code });
  }

  text(r: Loose, key: string, path: string, nonEmpty = false): void {
    const v = r[key];
    if (typeof v !== 'string' || (nonEmpty && v === '')) this.add(`${path}.${key}`, 'backup.notText');
  }

  integer(r: Loose, key: string, path: string, opts: { nullable?: boolean; min?: number } = {}): void {
    const v = r[key];
    if (v === null && opts.nullable) return;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.add(`${path}.${key}`, 'backup.notInteger');
    else if (opts.min !== undefined && v < opts.min) this.add(`${path}.${key}`, 'backup.badValue');
  }

  date(r: Loose, key: string, path: string, nullable = false): void {
    const v = r[key];
    if (v === null && nullable) return;
    if (typeof v !== 'string' || !isIsoDate(v)) this.add(`${path}.${key}`, 'backup.notDate');
  }

  oneOf(r: Loose, key: string, path: string, allowed: readonly unknown[]): void {
    if (!allowed.includes(r[key])) this.add(`${path}.${key}`, 'backup.badValue');
  }

  textArray(r: Loose, key: string, path: string): void {
    const v = r[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.add(`${path}.${key}`, 'backup.badValue');
  }
}

const CHANNELS = ['email', 'sms', 'wechat', 'phone', 'letter', 'visit', 'lawyer', 'litigation'];
const OUTCOMES = ['reached', 'noAnswer', 'promised', 'disputed', 'refused', 'paid', 'note', 'skipped', 'snoozed'];

function checkBook(c: Checker, b: Loose, path: string): void {
  c.text(b, 'id', path, true);
  c.text(b, 'updatedAt', path);
  c.oneOf(b, 'deleted', path, [0, 1]);
  c.text(b, 'name', path);
  if (typeof b.currency !== 'string' || !/^[A-Z]{3}$/.test(b.currency)) c.add(`${path}.currency`, 'backup.badValue');
  c.oneOf(b, 'locale', path, ['zh-CN', 'en']);
  if (!Array.isArray(b.agingBounds) || !checkBounds(b.agingBounds as number[]).ok) c.add(`${path}.agingBounds`, 'backup.badValue');
  c.oneOf(b, 'agingBasis', path, ['due', 'issue']);
  c.integer(b, 'defaultTermsDays', path, { min: 0 });
  c.oneOf(b, 'commaDecimal', path, [true, false]);
  c.integer(b, 'limitationYears', path, { min: 0 });
  c.date(b, 'createdAt', path);
}

/** Ids of each table of one book, for references between its records. */
type IdSets = Record<BackupTable, Set<unknown>>;

function checkRecord(c: Checker, table: BackupTable, r: Loose, path: string, ids: IdSets): void {
  const ref = (key: string, target: BackupTable, nullable = false) => {
    const v = r[key];
    if (v === null && nullable) return;
    if (typeof v !== 'string') c.add(`${path}.${key}`, 'backup.notText');
    else if (!ids[target].has(v)) c.add(`${path}.${key}`, 'backup.missingRef', { table: target });
  };
  const refs = (key: string, target: BackupTable) => {
    const v = r[key];
    if (!Array.isArray(v) || v.length === 0) c.add(`${path}.${key}`, 'backup.badValue');
    else v.forEach((id, i) => {
      if (typeof id !== 'string' || !ids[target].has(id)) c.add(`${path}.${key}[${i}]`, 'backup.missingRef', { table: target });
    });
  };
  switch (table) {
    case 'plans':
      ref('customerId', 'customers');
      refs('invoiceIds', 'invoices');
      c.date(r, 'madeOn', path);
      c.integer(r, 'graceDays', path, { min: 0 });
      c.text(r, 'note', path);
      if (!Array.isArray(r.instalments) || r.instalments.length === 0) c.add(`${path}.instalments`, 'backup.badValue');
      else r.instalments.forEach((inst: unknown, i) => {
        const at = `${path}.instalments[${i}]`;
        if (!isObject(inst)) c.add(at, 'backup.badValue');
        else {
          c.date(inst, 'date', at);
          c.integer(inst, 'amount', at, { min: 1 });
        }
      });
      break;
    case 'promises':
      ref('customerId', 'customers');
      refs('invoiceIds', 'invoices');
      c.integer(r, 'amount', path, { min: 1 });
      c.date(r, 'date', path);
      c.date(r, 'madeOn', path);
      c.integer(r, 'graceDays', path, { min: 0 });
      ref('planId', 'plans', true);
      c.text(r, 'note', path);
      break;
    case 'notices':
      ref('customerId', 'customers');
      refs('invoiceIds', 'invoices');
      c.text(r, 'number', path, true);
      c.oneOf(r, 'template', path, TEMPLATE_IDS);
      c.text(r, 'stageId', path);
      c.date(r, 'date', path);
      c.oneOf(r, 'locale', path, ['zh-CN', 'en']);
      c.text(r, 'subject', path);
      c.text(r, 'text', path);
      if (!Array.isArray(r.blocks)) c.add(`${path}.blocks`, 'backup.badValue');
      c.integer(r, 'total', path);
      c.date(r, 'deliveredOn', path, true);
      break;
    case 'attachments':
      ref('customerId', 'customers');
      ref('activityId', 'activities');
      c.text(r, 'name', path);
      c.text(r, 'type', path);
      c.integer(r, 'size', path, { min: 0 });
      if (typeof r.data !== 'string' || fromBase64(r.data)?.byteLength !== r.size) c.add(`${path}.data`, 'backup.badValue');
      break;
    case 'customers':
      c.text(r, 'name', path);
      c.text(r, 'uscc', path);
      c.integer(r, 'termsDays', path, { min: 0 });
      c.integer(r, 'creditLimit', path, { nullable: true });
      if (!Array.isArray(r.contacts)) c.add(`${path}.contacts`, 'backup.badValue');
      else r.contacts.forEach((contact: unknown, i) => {
        const at = `${path}.contacts[${i}]`;
        if (!isObject(contact)) c.add(at, 'backup.badValue');
        else for (const k of ['name', 'phone', 'email', 'wechat', 'address']) c.text(contact, k, at);
      });
      c.textArray(r, 'tags', path);
      c.text(r, 'notes', path);
      break;
    case 'invoices':
      ref('customerId', 'customers');
      c.text(r, 'number', path);
      c.date(r, 'issueDate', path);
      c.date(r, 'dueDate', path);
      c.integer(r, 'amount', path);
      c.text(r, 'currency', path);
      c.text(r, 'description', path);
      c.oneOf(r, 'disputed', path, [0, 1]);
      c.text(r, 'disputeReason', path);
      break;
    case 'payments':
      ref('customerId', 'customers');
      c.date(r, 'date', path);
      c.integer(r, 'amount', path);
      c.text(r, 'method', path);
      c.text(r, 'reference', path);
      break;
    case 'allocations':
      ref('paymentId', 'payments');
      ref('invoiceId', 'invoices');
      ref('customerId', 'customers');
      c.date(r, 'date', path);
      c.integer(r, 'amount', path);
      break;
    case 'adjustments':
      c.oneOf(r, 'kind', path, ['credit', 'writeoff', 'charge']);
      ref('invoiceId', 'invoices');
      ref('customerId', 'customers');
      c.date(r, 'date', path);
      c.integer(r, 'amount', path);
      c.text(r, 'reason', path);
      c.text(r, 'basis', path);
      break;
    case 'activities':
      ref('customerId', 'customers');
      ref('invoiceId', 'invoices', true);
      c.date(r, 'date', path);
      c.oneOf(r, 'channel', path, CHANNELS);
      c.text(r, 'stage', path);
      c.oneOf(r, 'outcome', path, OUTCOMES);
      c.text(r, 'note', path);
      c.date(r, 'nextActionDate', path, true);
      c.integer(r, 'promiseAmount', path, { nullable: true });
      c.date(r, 'promiseDate', path, true);
      break;
  }
}

/** Every book entry and record: shapes, owners, unique ids, references. */
function checkBooks(c: Checker, books: unknown[]): void {
  const seen = new Set<unknown>();
  books.forEach((entry, bi) => {
    const at = `books[${bi}]`;
    if (!isObject(entry) || !isObject(entry.book)) {
      c.add(isObject(entry) ? `${at}.book` : at, 'backup.badValue');
      return;
    }
    checkBook(c, entry.book, `${at}.book`);
    const bookId = entry.book.id;
    if (seen.has(bookId)) c.add(`${at}.book.id`, 'backup.duplicateId');
    seen.add(bookId);
    const ids = Object.fromEntries(BACKUP_TABLES.map((t) => [t, new Set<unknown>()])) as IdSets;
    for (const table of BACKUP_TABLES) {
      const rows = entry[table];
      if (!Array.isArray(rows)) {
        c.add(`${at}.${table}`, 'backup.badValue');
        continue;
      }
      for (const r of rows) if (isObject(r)) ids[table].add(r.id);
    }
    if (!Array.isArray(entry.settings)) c.add(`${at}.settings`, 'backup.badValue');
    else entry.settings.forEach((row: unknown, si) => {
      if (!isObject(row) || typeof row.key !== 'string' || row.key === '' || !('value' in row)) c.add(`${at}.settings[${si}]`, 'backup.badValue');
    });
    for (const table of BACKUP_TABLES) {
      const rows = entry[table];
      if (!Array.isArray(rows)) continue;
      rows.forEach((r: unknown, ri) => {
        if (c.full) return;
        const path = `${at}.${table}[${ri}]`;
        if (!isObject(r)) {
          c.add(path, 'backup.badValue');
          return;
        }
        c.text(r, 'id', path, true);
        if (seen.has(r.id)) c.add(`${path}.id`, 'backup.duplicateId');
        seen.add(r.id);
        if (r.bookId !== bookId) c.add(`${path}.bookId`, 'backup.otherBook');
        c.text(r, 'updatedAt', path);
        c.oneOf(r, 'deleted', path, [0, 1]);
        checkRecord(c, table, r, path, ids);
      });
    }
  });
}

/**
 * The backup in these bytes, or why not: 'backup.foreign' (not UTF-8 JSON of ours),
 * 'backup.json' (damaged JSON, with line and column), 'backup.version', shape errors
 * with their paths, 'backup.counts' (records missing), 'backup.checksum' (edited).
 */
export async function readBackup(bytes: ArrayBuffer | Uint8Array): Promise<Result<BackupDocument>> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('', 'backup.foreign');
  }
  if (!/^\s*\{/.test(text)) return fail('', 'backup.foreign');
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  if (!isObject(doc) || doc.format !== BACKUP_FORMAT) return fail('format', 'backup.foreign');
  if (typeof doc.version !== 'number' || !READABLE_VERSIONS.includes(doc.version)) {
    return fail('version', 'backup.version', { found: String(doc.version) });
  }
  // The checksum covers the books as written; an older file's missing tables are filled in after.
  const original = Array.isArray(doc.books) ? structuredClone(doc.books) : doc.books;
  if (doc.version < BACKUP_VERSION && Array.isArray(doc.books)) {
    for (const entry of doc.books) {
      if (!isObject(entry)) continue;
      for (const t of TABLES_SINCE_V2) if (!(t in entry)) entry[t] = [];
      if (!('settings' in entry)) entry.settings = [];
    }
    if (isObject(doc.counts)) for (const t of TABLES_SINCE_V2) if (!(t in doc.counts)) doc.counts[t] = 0;
  }
  const c = new Checker();
  c.text(doc, 'exportedAt', '');
  c.text(doc, 'deviceId', '');
  c.text(doc, 'checksum', '', true);
  if (!Array.isArray(doc.books)) c.add('books', 'backup.badValue');
  else checkBooks(c, doc.books);
  // The checker's paths for header fields start with '.'; drop it.
  const errors = c.errors.map((e) => (e.field.startsWith('.') ? { ...e, field: e.field.slice(1) } : e));
  if (errors.length > 0) return { ok: false, errors };

  const books = doc.books as BackupDocument['books'];
  const counts = countRecords(books);
  const declared = isObject(doc.counts) ? doc.counts : {};
  for (const [key, found] of Object.entries(counts)) {
    if (declared[key] !== found) return fail(`counts.${key}`, 'backup.counts', { expected: String(declared[key]), found });
  }
  if ((await checksumOf(original)) !== doc.checksum) return fail('checksum', 'backup.checksum');
  return ok(doc as unknown as BackupDocument);
}
