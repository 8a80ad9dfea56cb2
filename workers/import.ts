// Import in the worker: a preview reads the whole file here (in chunks, with
// progress and cancel) and keeps it under a token; the page receives only counts,
// the first rows and the first problems. The commit plans again inside its own
// transaction, against the book as it is then, and writes one undoable batch.

import type {
  ImportPresetInfo, ImportPreview, ImportPreviewOptions, ImportProblemRow, ImportSource, ImportSummary, OverdueApi, Progress,
} from '../src/api/contract';
import { IMPORT_PREVIEW_ROWS, IMPORT_PROBLEM_CAP } from '../src/api/contract';
import { WRITE_TABLES, type BulkRecords, type Repository } from '../src/db/repository';
import type { OverdueDb } from '../src/db/schema';
import { storageFailure } from '../src/db/storage-errors';
import { isIsoDate, todayLocal } from '../src/domain/calendar';
import { fail, ok, type Result } from '../src/domain/errors';
import type { Book, Id } from '../src/domain/types';
import { applyPreset, decodeBytes, getPreset, parseInvoiceFileAsync, PRESETS } from '../src/import';
import type { ImportField, ImportOptions, ParsedFile } from '../src/import';
import { isBlankRow, readCsv } from '../src/import/csv';
import { planImport, type ImportPlan } from '../src/import/plan';
import { fieldsOfKind, isImportKind, type ImportKind } from '../src/import/kinds';
import { planCustomers } from '../src/import/plan-customers';
import { parseCustomerFile, parsePaymentFile, type ParsedCustomer, type ParsedPaymentRow, type RecordFile, type RecordOptions } from '../src/import/records';
import { planPayments, type PaymentPlan } from './import-payments';
import type { BookLedgers } from './books';

type ImportMethods = Pick<OverdueApi, 'importPreview' | 'importCommit' | 'importCancel' | 'listImportPresets' | 'saveImportPreset'>;

/** Settings key prefix of a preset saved on this device (bookId ''). */
const PRESET_KEY = 'importPreset:';
const USER_PRESET = 'user:';
const PRESET_NAME_MAX = 60;
/** Bytes decoded again to show the first rows as cells. */
const SAMPLE_BYTES = 256 * 1024;

/** The tables a commit reads and writes (the repository's write set). */
/** The repository's write joins the import's transaction, so it must span every table a write may touch. */
const COMMIT_TABLES = WRITE_TABLES;

interface Session {
  bookId: Id;
  controller: AbortController;
  parsed: ParsedFile | null;
  /** A customers file (kind 'customers') instead of invoices. */
  customers?: RecordFile<ParsedCustomer>;
  /** A payments file (kind 'payments'). */
  payments?: RecordFile<ParsedPaymentRow>;
}

function report(onProgress: ((p: Progress) => void) | undefined, done: number, total: number): void {
  try {
    void onProgress?.({ done, total });
  } catch {
    // Progress is a display only.
  }
}

async function liveBook(db: OverdueDb, bookId: Id): Promise<Book | null> {
  const book = await db.books.get(bookId);
  return book && book.deleted === 0 ? book : null;
}

async function planFor(db: OverdueDb, book: Book, parsed: ParsedFile): Promise<ImportPlan> {
  const [customers, invoices] = await Promise.all([
    db.customers.where('[bookId+deleted]').equals([book.id, 0]).toArray(),
    db.invoices.where('[bookId+deleted]').equals([book.id, 0]).toArray(),
  ]);
  return planImport(parsed.invoices, { customers, invoices }, {
    currency: book.currency, termsDays: book.defaultTermsDays, newId: () => crypto.randomUUID(),
  });
}

/** The map with only the kind's fields (a stored preset or the page may carry others). */
function cleanMap(map: Record<string, string> | undefined, kind: ImportKind = 'invoices'): Record<string, string> {
  const fields = fieldsOfKind(kind);
  const out: Record<string, string> = {};
  for (const [field, header] of Object.entries(map ?? {})) if (fields.includes(field)) out[field] = header;
  return out;
}

/** The first data rows below the header, as cells (re-read from the start of the file only). */
function sampleRows(source: ImportSource, parsed: Pick<ParsedFile, 'encoding' | 'delimiter' | 'headerLine'>): { line: number; cells: string[] }[] {
  let text: string;
  let cut = false;
  if ('pasted' in source) {
    text = source.pasted.slice(0, SAMPLE_BYTES);
    cut = source.pasted.length > SAMPLE_BYTES;
  } else {
    const bytes = new Uint8Array(source.bytes);
    cut = bytes.length > SAMPLE_BYTES;
    try {
      text = decodeBytes(bytes.subarray(0, SAMPLE_BYTES), parsed.encoding === 'text' ? undefined : parsed.encoding).text;
    } catch {
      return [];
    }
  }
  const rows = readCsv(text, parsed.delimiter);
  if (cut) rows.pop(); // may be a row cut in half
  return rows
    .filter((r) => r.line > parsed.headerLine && !isBlankRow(r.cells))
    .slice(0, IMPORT_PREVIEW_ROWS)
    .map((r) => ({ line: r.line, cells: r.cells }));
}

export function createImportApi(db: OverdueDb, ready: Promise<{ repo: Repository; books: BookLedgers }>): ImportMethods {
  const sessions = new Map<string, Session>();

  async function userPresets(): Promise<ImportPresetInfo[]> {
    const rows = await db.settings.where('[bookId+key]').between(['', PRESET_KEY], ['', PRESET_KEY + '\uffff']).toArray();
    // Presets saved before kinds existed were all for invoices.
    return rows.map((r) => {
      const stored = r.value as ImportPresetInfo;
      return { ...stored, kind: isImportKind(stored.kind) ? stored.kind : 'invoices' };
    })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The page's choices over a preset saved on this device: the preset fills in what
   * the page leaves open. A preset saved for another kind of file is not applied.
   */
  async function withUserPreset(options: ImportPreviewOptions): Promise<ImportPreviewOptions> {
    const preset = options.preset ?? '';
    if (!preset.startsWith(USER_PRESET)) return options;
    const kind = options.kind ?? 'invoices';
    const saved = (await userPresets()).find((p) => p.id === preset && p.kind === kind);
    if (!saved) return options;
    const chosen = cleanMap(options.map, kind);
    return {
      ...saved.options,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== '')),
      map: { ...cleanMap(saved.map, kind), ...chosen },
    };
  }

  async function importOptions(book: Book, options: ImportPreviewOptions): Promise<ImportOptions> {
    let opts: ImportOptions = {
      defaultCurrency: book.currency,
      defaultTermsDays: book.defaultTermsDays,
      commaDecimal: book.commaDecimal,
      importDate: options.today && isIsoDate(options.today) ? options.today : todayLocal(),
    };
    const preset = options.preset ?? '';
    if (preset !== '' && !preset.startsWith(USER_PRESET)) {
      const shipped = getPreset(preset);
      if (shipped) opts = applyPreset(shipped, opts);
    }
    // What the user chose on the page (over a saved preset) wins over a shipped preset.
    const chosen = await withUserPreset(options);
    const map = cleanMap(chosen.map) as Partial<Record<ImportField, string>>;
    if (Object.keys(map).length > 0) opts.map = { ...opts.map, ...map };
    if (chosen.encoding) opts.encoding = chosen.encoding;
    if (chosen.delimiter) opts.delimiter = chosen.delimiter;
    if (chosen.dateOrder) opts.dateOrder = chosen.dateOrder;
    return opts;
  }

  async function previewCustomers(
    token: string, session: Session, book: Book, source: ImportSource, options: ImportPreviewOptions,
  ): Promise<Result<ImportPreview>> {
    const parsed = parseCustomerFile(recordInput(source), recordOptions(book, source, await withUserPreset(options)));
    if (session.controller.signal.aborted || sessions.get(token) !== session) return fail('', 'import.cancelled');
    session.customers = parsed;
    const customers = await db.customers.where('[bookId+deleted]').equals([book.id, 0]).toArray();
    const plan = planCustomers(parsed.records, { customers }, { termsDays: book.defaultTermsDays, newId: () => crypto.randomUUID() });
    return ok(recordPreview(token, source, parsed, options, parsed.problems, {
      newCustomers: plan.customers.length, existingCustomers: plan.existing, payments: 0,
    }));
  }

  async function previewPayments(
    token: string, session: Session, book: Book, source: ImportSource, options: ImportPreviewOptions,
  ): Promise<Result<ImportPreview>> {
    const parsed = parsePaymentFile(recordInput(source), recordOptions(book, source, await withUserPreset(options)));
    if (session.controller.signal.aborted || sessions.get(token) !== session) return fail('', 'import.cancelled');
    session.payments = parsed;
    // A dry run of the commit: planned in a transaction that is then rolled back.
    let plan: PaymentPlan;
    try {
      await db.transaction('rw', COMMIT_TABLES.map((t) => db.table(t)), async () => {
        throw new DryRun(await planPayments(db, book, parsed.records, paymentColumns(parsed)));
      });
      throw new Error('unreachable');
    } catch (e) {
      if (!(e instanceof DryRun)) return storageFailure(e);
      plan = e.plan;
    }
    const all = [...parsed.problems, ...plan.problems].sort((a, b) => a.line - b.line);
    return ok(recordPreview(token, source, parsed, options, all, { newCustomers: 0, payments: plan.payments.length }));
  }

  /**
   * Plans again inside one transaction and writes what is new as one 'import' batch:
   * the repository's write joins the transaction, so what is "already in the book"
   * cannot change between the check and the write. Nothing new writes no batch.
   */
  async function writeImport(
    token: string, session: Session, onProgress: ((p: Progress) => void) | undefined,
    planIn: (book: Book) => Promise<{ summary: ImportSummary; records: Partial<BulkRecords> }>,
  ): Promise<Result<ImportSummary>> {
    let repo: Repository;
    let books: BookLedgers;
    try {
      ({ repo, books } = await ready);
    } catch (e) {
      return storageFailure(e);
    }
    let wrote = false;
    let result: Result<ImportSummary>;
    try {
      result = await db.transaction('rw', COMMIT_TABLES.map((t) => db.table(t)), async (): Promise<Result<ImportSummary>> => {
        const book = await liveBook(db, session.bookId);
        if (!book) return fail('', 'book.notFound');
        const { summary, records } = await planIn(book);
        const all: BulkRecords = { ...NO_RECORDS, ...records };
        if (Object.values(all).every((list) => list.length === 0)) return ok(summary);
        const written = await repo.bulkInsert(session.bookId, all, 'import', (done, total) => report(onProgress, done, total));
        if (!written.ok) throw new ImportWriteFailed({ ok: false, errors: written.errors });
        wrote = true;
        return ok(summary);
      });
    } catch (e) {
      if (e instanceof ImportWriteFailed) return e.result;
      return storageFailure(e);
    }
    if (result.ok) {
      sessions.delete(token);
      if (wrote) await books.saveNow(session.bookId);
    }
    return result;
  }

  function commitPayments(
    token: string, session: Session, parsed: RecordFile<ParsedPaymentRow>, onProgress: ((p: Progress) => void) | undefined,
  ): Promise<Result<ImportSummary>> {
    return writeImport(token, session, onProgress, async (book) => {
      const plan = await planPayments(db, book, parsed.records, paymentColumns(parsed));
      await plan.unstage();
      return {
        summary: {
          invoices: 0, customers: 0, payments: plan.payments.length, existing: plan.duplicates,
          skipped: parsed.rows - parsed.records.length + plan.problems.filter((p) => p.severity === 'error').length,
        },
        records: { payments: plan.payments, allocations: plan.allocations },
      };
    });
  }

  function commitCustomers(
    token: string, session: Session, parsed: RecordFile<ParsedCustomer>, onProgress: ((p: Progress) => void) | undefined,
  ): Promise<Result<ImportSummary>> {
    return writeImport(token, session, onProgress, async (book) => {
      const customers = await db.customers.where('[bookId+deleted]').equals([book.id, 0]).toArray();
      const plan = planCustomers(parsed.records, { customers }, { termsDays: book.defaultTermsDays, newId: () => crypto.randomUUID() });
      return {
        summary: {
          invoices: 0, customers: plan.customers.length, payments: 0, existing: 0, existingCustomers: plan.existing,
          skipped: parsed.rows - parsed.records.length,
        },
        records: { customers: plan.customers },
      };
    });
  }

  function commitInvoices(
    token: string, session: Session, parsed: ParsedFile, onProgress: ((p: Progress) => void) | undefined,
  ): Promise<Result<ImportSummary>> {
    return writeImport(token, session, onProgress, async (book) => {
      const plan = await planFor(db, book, parsed);
      return {
        summary: {
          invoices: plan.invoices.length,
          customers: plan.customers.length,
          payments: plan.payments.length,
          existing: plan.existing,
          skipped: parsed.problems.filter((p) => p.severity === 'error').length + plan.problems.length,
        },
        records: { customers: plan.customers, invoices: plan.invoices, payments: plan.payments, allocations: plan.allocations },
      };
    });
  }

  return {
    async importPreview(bookId, source, options, onProgress): Promise<Result<ImportPreview>> {
      await ready;
      const book = await liveBook(db, bookId);
      if (!book) return fail('', 'book.notFound');
      const token = options.token || crypto.randomUUID();
      sessions.get(token)?.controller.abort();
      const session: Session = { bookId, controller: new AbortController(), parsed: null };
      sessions.set(token, session);

      if (options.kind === 'customers') return previewCustomers(token, session, book, source, options);
      if (options.kind === 'payments') return previewPayments(token, session, book, source, options);
      const opts = await importOptions(book, options);
      const input = 'pasted' in source ? source.pasted : new Uint8Array(source.bytes);
      if ('pasted' in source && !opts.delimiter) opts.delimiter = '\t'; // Excel's clipboard
      let parsed: ParsedFile;
      try {
        parsed = await parseInvoiceFileAsync(input, opts, {
          signal: session.controller.signal,
          onProgress: (done, total) => report(onProgress, done, total),
        });
      } catch (e) {
        if (sessions.get(token) === session) sessions.delete(token);
        if (session.controller.signal.aborted) return fail('', 'import.cancelled');
        throw e;
      }
      if (session.controller.signal.aborted || sessions.get(token) !== session) return fail('', 'import.cancelled');
      if ('pasted' in source && parsed.encoding === 'text') parsed = { ...parsed, encoding: '' };
      session.parsed = parsed;

      const plan = await planFor(db, book, parsed);
      const all = [...parsed.problems, ...plan.problems].sort((a, b) => a.line - b.line);
      const errors = all.filter((p) => p.severity === 'error').length;
      const problems: ImportProblemRow[] = all.slice(0, IMPORT_PROBLEM_CAP).map((p) => ({
        severity: p.severity, line: p.line, column: p.column, code: p.code, params: p.params ?? {},
      }));
      return ok({
        token,
        encoding: parsed.encoding,
        delimiter: parsed.delimiter,
        headerLine: parsed.headerLine,
        headers: parsed.headers,
        mapping: { ...parsed.mapping } as Record<string, number>,
        preset: options.preset || null,
        sample: sampleRows(source, parsed),
        counts: {
          rows: parsed.rows,
          invoices: parsed.invoices.length,
          newInvoices: plan.invoices.length,
          existingInvoices: plan.existing,
          newCustomers: plan.customers.length,
          payments: plan.payments.length,
          errors,
          warnings: all.length - errors,
        },
        problems,
        problemTotal: all.length,
      });
    },

    async importCommit(token, onProgress): Promise<Result<ImportSummary>> {
      const session = sessions.get(token);
      if (session?.customers) return commitCustomers(token, session, session.customers, onProgress);
      if (session?.payments) return commitPayments(token, session, session.payments, onProgress);
      if (!session?.parsed) return fail('', 'import.expired');
      return commitInvoices(token, session, session.parsed, onProgress);
    },

    async importCancel(token) {
      const session = sessions.get(token);
      if (!session) return;
      session.controller.abort();
      sessions.delete(token);
    },

    async listImportPresets() {
      await ready;
      const shipped: ImportPresetInfo[] = PRESETS.map((p) => ({
        id: p.id,
        name: p.name,
        builtin: true,
        kind: 'invoices' as const,
        map: Object.fromEntries(Object.entries(p.map).filter((e): e is [string, string] => typeof e[1] === 'string')),
        options: p.dateOrder ? { dateOrder: p.dateOrder } : {},
      }));
      return [...shipped, ...(await userPresets())];
    },

    async saveImportPreset(name, map, options, kind = 'invoices') {
      const clean = name.trim().replace(/\s+/g, ' ');
      if (clean === '' || clean.length > PRESET_NAME_MAX) return fail('name', 'import.presetName', { max: PRESET_NAME_MAX });
      const info: ImportPresetInfo = {
        id: USER_PRESET + clean,
        name: clean,
        builtin: false,
        kind: isImportKind(kind) ? kind : 'invoices',
        map: cleanMap(map, isImportKind(kind) ? kind : 'invoices'),
        options: {
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.delimiter ? { delimiter: options.delimiter } : {}),
          ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
        },
      };
      try {
        await ready;
        await db.settings.put({ bookId: '', key: PRESET_KEY + clean, value: info });
      } catch (e) {
        return storageFailure(e);
      }
      return ok(info);
    },
  };
}

/** The preview of a customers or payments file: what was read, the counts, the first problems. */
function recordPreview<T>(
  token: string, source: ImportSource, parsed: RecordFile<T>, options: ImportPreviewOptions, problems: RecordFile<T>['problems'],
  counts: Pick<ImportPreview['counts'], 'newCustomers' | 'payments' | 'existingCustomers'>,
): ImportPreview {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    token,
    encoding: 'pasted' in source ? '' : parsed.encoding,
    delimiter: parsed.delimiter,
    headerLine: parsed.headerLine,
    headers: parsed.headers,
    mapping: parsed.mapping,
    preset: options.preset || null,
    sample: sampleRows(source, parsed),
    counts: { rows: parsed.rows, invoices: 0, newInvoices: 0, existingInvoices: 0, ...counts, errors, warnings: problems.length - errors },
    problems: problems.slice(0, IMPORT_PROBLEM_CAP).map((p) => ({
      severity: p.severity, line: p.line, column: p.column, code: p.code, params: p.params ?? {},
    })),
    problemTotal: problems.length,
  };
}

/** Carries a preview's plan out of the transaction it rolls back. */
class DryRun extends Error {
  constructor(readonly plan: PaymentPlan) {
    super('dry run');
  }
}

function recordInput(source: ImportSource): Uint8Array | string {
  return 'pasted' in source ? source.pasted : new Uint8Array(source.bytes);
}

function recordOptions(book: Book, source: ImportSource, options: ImportPreviewOptions): RecordOptions {
  return {
    defaultCurrency: book.currency, commaDecimal: book.commaDecimal,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : 'pasted' in source ? { delimiter: '\t' } : {}),
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options.map ? { map: options.map } : {}),
  };
}

function paymentColumns(parsed: RecordFile<ParsedPaymentRow>): { customer: string | null; invoice: string | null } {
  const header = (field: string): string | null => {
    const i = parsed.mapping[field];
    return i === undefined ? null : (parsed.headers[i] ?? null);
  };
  return { customer: header('customer') ?? header('customer_name'), invoice: header('invoice_number') };
}

const NO_RECORDS: BulkRecords = { customers: [], invoices: [], payments: [], allocations: [], adjustments: [], activities: [] };

/** Carries a failed bulk write out of the transaction so it is rolled back as a whole. */
class ImportWriteFailed extends Error {
  constructor(readonly result: Result<never>) {
    super('import write failed');
  }
}
