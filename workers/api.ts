// OverdueApi over the database and the per-book ledgers. The Web Worker
// exposes it through Comlink; tests and the bench call it directly in Node.
// Queries are answered from the ledger; detail screens read a few records;
// every write goes through the Repository.

import type {
  AgingSummary, BookSummary, ChangeRow, Dashboard, OverdueApi, StorageStatus,
} from '../src/api/contract';
import { Repository } from '../src/db/repository';
import { computeAllocatableItems } from '../src/db/open-items';
import type { OverdueDb } from '../src/db/schema';
import { startOpening } from '../src/db/open-storage';
import { storageFailure, toStorageError } from '../src/db/storage-errors';
import { checkBounds } from '../src/domain/aging';
import type { Result } from '../src/domain/errors';
import type { Book, Id } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import { BookLedgers, type OpenReport } from './books';
import { changeChannel } from './broadcast';
import { customerDetail, invoiceDetail } from './details';
import { loadDemoBook } from './demo';
import { deviceId } from './device';
import { createImportApi } from './import';
import { createCollectionsApi } from './collections';
import { createChargesApi } from './charges';
import { createRiskApi } from './risk';
import { createPerformanceApi } from './performance';
import { createStatementsApi } from './statements';
import { createCollectionSettingsApi } from './collection-settings';
import { createLimitationApi } from './limitation';
import { createSyncApi, type SyncApiOptions } from './sync';
import { RecentChanges } from './recent';
import * as Comlink from 'comlink';
import { buildExport } from './export';
import { backupAll, restoreBackup } from './backup';

/** Batches shown under "recent activity" on the dashboard. */
export const DASHBOARD_RECENT = 10;

export interface ApiOptions {
  /** Delay between the last write and the ledger snapshot save (ms). */
  snapshotDelayMs?: number;
  /** Talk to other tabs' workers over BroadcastChannel (default true). */
  broadcast?: boolean;
  sync?: SyncApiOptions;
}

/** OverdueApi plus housekeeping used by tests and the bench (not needed by the UI). */
export interface WorkerApi extends OverdueApi {
  /** Saves pending ledger snapshots now. */
  flush(): Promise<void>;
  /** How the book's ledger was last opened: from a snapshot or rebuilt. */
  openReport(bookId: Id): OpenReport | null;
  /** Saves pending snapshots, stops timers and the broadcast channel, closes the database. */
  close(): Promise<void>;
}

class NotFoundError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'NotFoundError';
  }
}

export function createApi(db: OverdueDb, options: ApiOptions = {}): WorkerApi {
  let books: BookLedgers | null = null;
  const recentLog = new RecentChanges(db);
  let repository: Repository | null = null;
  const channel = options.broadcast === false
    ? { publish: () => {}, close: () => {} }
    : changeChannel((bookId) => books?.markStale(bookId));

  // Opened at once, with the "blocked" listener attached first: the page's open()
  // arrives later, after IndexedDB has already fired its one "blocked" event.
  const storage = startOpening(db);
  const ready: Promise<{ repo: Repository; books: BookLedgers }> = storage.opened.then(async () => {
    repository = new Repository(db, await deviceId(db));
    books = new BookLedgers(db, repository, { snapshotDelayMs: options.snapshotDelayMs });
    const ledgers = books;
    repository.onChanges((changes) => {
      ledgers.receive(changes);
      for (const bookId of new Set(changes.map((c) => c.bookId))) channel.publish(bookId);
    });
    return { repo: repository, books };
  });
  // A failed open is reported by open(); other calls reject (queries) or return storage.* (writes).
  ready.catch(() => undefined);

  async function ledgerOf(bookId: Id): Promise<Ledger> {
    const ledger = await (await ready).books.ledger(bookId);
    if (!ledger) throw new NotFoundError('book.notFound');
    return ledger;
  }

  /** A write through the repository; storage failures (including a failed open) come back as Result errors. */
  async function write<T>(run: (repo: Repository) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await run((await ready).repo);
    } catch (e) {
      return storageFailure(e);
    }
  }

  async function recent(bookId: Id, limit: number, ledger: Ledger): Promise<ChangeRow[]> {
    return recentLog.rows(bookId, limit, ledger, ledger.book.currency);
  }

  const api: WorkerApi = {
    async open(): Promise<StorageStatus> {
      const status = await storage.status();
      if (status.state !== 'ok') return status;
      try {
        await ready;
        return status;
      } catch (e) {
        // Open, but the device id could not be read or written.
        const err = toStorageError(e);
        return { state: 'error', code: err.code === 'storage.quota' ? 'storage.quota' : 'storage.failed', detail: String(err.params?.detail ?? '') };
      }
    },

    async listBooks(): Promise<BookSummary[]> {
      await ready;
      const all = (await db.books.toArray()).filter((b) => b.deleted === 0);
      const rows = await Promise.all(all.map(async (b) => ({
        id: b.id,
        name: b.name,
        currency: b.currency,
        customers: await db.customers.where('[bookId+deleted]').equals([b.id, 0]).count(),
        invoices: await db.invoices.where('[bookId+deleted]').equals([b.id, 0]).count(),
        createdAt: b.createdAt,
      })));
      rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.name.localeCompare(b.name)));
      return rows.map(({ createdAt: _createdAt, ...summary }) => summary);
    },

    async getBook(bookId: Id): Promise<Book | null> {
      await ready;
      const book = await db.books.get(bookId);
      return book && book.deleted === 0 ? book : null;
    },

    async createBook(input) {
      return write(async (repo) => {
        const created = await repo.createBook(input);
        if (created.ok) books?.adopt(created.value, await repo.lastSeq(created.value.id));
        return created;
      });
    },

    updateBook: (bookId, input) => write((repo) => repo.updateBook(bookId, input)),

    async loadDemoBook(demo, onProgress) {
      return write(async (repo) => loadDemoBook(repo, (await ready).books, demo, onProgress));
    },

    async dashboard(bookId, asOf): Promise<Dashboard> {
      const started = performance.now();
      const ledger = await ledgerOf(bookId);
      const figures = ledger.dashboard(asOf);
      const rows = await recent(bookId, DASHBOARD_RECENT, ledger);
      return { ...figures, recent: rows, computeMs: performance.now() - started };
    },

    async aging(bookId, asOf, basis, bounds): Promise<AgingSummary> {
      const ledger = await ledgerOf(bookId);
      if (bounds !== undefined) {
        const checked = checkBounds(bounds);
        if (!checked.ok) throw new RangeError('aging.bounds');
      }
      return ledger.aging(asOf, basis, bounds);
    },

    async listCustomers(bookId, query) {
      return (await ledgerOf(bookId)).listCustomers(query);
    },

    async findCustomers(bookId, text, limit) {
      return (await ledgerOf(bookId)).findCustomers(text, limit);
    },

    async customerDetail(bookId, customerId, asOf, invoiceOffset) {
      return customerDetail(db, await ledgerOf(bookId), bookId, customerId, asOf, invoiceOffset);
    },

    saveCustomer: (bookId, input, customerId) => write((repo) => repo.saveCustomer(bookId, input, customerId)),

    async listInvoices(bookId, query) {
      return (await ledgerOf(bookId)).listInvoices(query);
    },

    async invoiceDetail(bookId, invoiceId, asOf) {
      await ready;
      return invoiceDetail(db, bookId, invoiceId, asOf);
    },

    saveInvoice: (bookId, input, invoiceId) => write((repo) => repo.saveInvoice(bookId, input, invoiceId)),

    async openInvoices(bookId, customerId, asOf) {
      await ready;
      // What the repository will accept on that date (capped so no later balance goes negative).
      const items = await computeAllocatableItems(db, bookId, customerId, asOf);
      return items.map((i) => ({ id: i.invoiceId, number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, balance: i.balance }));
    },

    recordPayment: (bookId, input) => write((repo) => repo.recordPayment(bookId, input)),
    unapplyPayment: (bookId, paymentId) => write((repo) => repo.unapplyPayment(bookId, paymentId)),
    applyPayment: (bookId, paymentId, allocation) => write((repo) => repo.applyPayment(bookId, paymentId, allocation)),
    addAdjustment: (bookId, input) => write((repo) => repo.addAdjustment(bookId, input)),
    undo: (bookId) => write((repo) => repo.undoLast(bookId)),

    ...createImportApi(db, ready),
    ...createCollectionsApi(db, ready, ledgerOf),
    ...createChargesApi(db, write, ledgerOf),
    ...createRiskApi(db, write, ledgerOf),
    ...createPerformanceApi(db, ledgerOf),
    ...createStatementsApi(db, ready),
    ...createCollectionSettingsApi(db, ready),
    ...createLimitationApi(db, ledgerOf),
    ...createSyncApi(db, ready, options.sync),

    async recentChanges(bookId, limit) {
      return recent(bookId, limit, await ledgerOf(bookId));
    },

    // --- Export, backup and restore (engineer EX) ---
    async exportCsv(bookId, report, options) {
      const file = await buildExport(db, await ledgerOf(bookId), bookId, report, options);
      return Comlink.transfer(file, [file.bytes]);
    },

    async backupAll() {
      await ready;
      const file = await backupAll(db, await deviceId(db));
      return Comlink.transfer(file, [file.bytes]);
    },

    async restoreBackup(bytes, mode) {
      try {
        await ready;
      } catch (e) {
        return storageFailure(e);
      }
      const { result, changes } = await restoreBackup(db, await deviceId(db), bytes, mode);
      // Written beside the repository, so tell the ledgers and other tabs here.
      books?.receive(changes);
      for (const bookId of new Set(changes.map((c) => c.bookId))) channel.publish(bookId);
      return result;
    },

    async flush() {
      await books?.flush();
    },

    openReport(bookId) {
      return books?.openReport(bookId) ?? null;
    },

    async close() {
      try {
        await books?.flush();
      } finally {
        books?.close();
        channel.close();
        db.close();
      }
    },
  };
  return api;
}
