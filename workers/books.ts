// One Ledger per opened book, kept in step with the change log.
//
// Opening: the stored snapshot plus the changes logged after it, or (without a
// usable snapshot) a rebuild from the book's records, then stored as a snapshot.
// Writes of this worker arrive through Repository.onChanges and are applied
// before the next answer; writes of other tabs are announced on a
// BroadcastChannel and replayed from the log. Snapshots are saved lazily,
// a while after the last write, so a burst of edits costs one save.

import type { Repository } from '../src/db/repository';
import type { OverdueDb } from '../src/db/schema';
import type { Book, Change, Id } from '../src/domain/types';
import { isLedgerSnapshot, Ledger } from '../src/ledger';
import { readBookRecords } from './bookRecords';

export interface BookLedgersOptions {
  /** Delay between the last write and the snapshot save (ms). */
  snapshotDelayMs?: number;
}

/** How the last open of a book went (for the bench and diagnostics). */
export interface OpenReport { how: 'snapshot' | 'rebuild'; replayed: number }

interface Entry {
  bookId: Id;
  ledger: Ledger | null;
  /** Highest change seq the ledger includes. */
  seq: number;
  /** Changes this worker wrote, not yet applied. */
  pending: Change[];
  /** Another tab wrote: replay from the log. */
  stale: boolean;
  /** Ledger holds changes the stored snapshot does not. */
  dirty: boolean;
  /** Serializes load, catch-up and save for this book. */
  queue: Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | null;
  opened: OpenReport | null;
  /** Why the load failed (storage), reported to the caller instead of "no such book". */
  loadError: unknown;
  /** Use counter value at the last ledger() call (least recently used is evicted first). */
  used: number;
}

/** Replaying more than this many logged changes on open is worth a fresh snapshot. */
const RESNAPSHOT_AFTER = 500;
/** Ledgers kept in memory; a 100,000-invoice ledger takes tens of MB, and switching back reloads from the snapshot. */
export const MAX_OPEN_BOOKS = 3;

export class BookLedgers {
  private readonly entries = new Map<Id, Entry>();
  private readonly delay: number;
  private uses = 0;

  constructor(
    private readonly db: OverdueDb,
    private readonly repo: Repository,
    options: BookLedgersOptions = {},
  ) {
    this.delay = options.snapshotDelayMs ?? 2_000;
  }

  /** The book's ledger, caught up with every committed change; null when the book does not exist. */
  async ledger(bookId: Id): Promise<Ledger | null> {
    const entry = this.entry(bookId);
    entry.used = ++this.uses;
    await this.serialize(entry, () => this.catchUp(entry));
    if (!entry.ledger) {
      this.entries.delete(bookId);
      if (entry.loadError !== undefined) throw entry.loadError;
    }
    return entry.ledger;
  }

  openReport(bookId: Id): OpenReport | null {
    return this.entries.get(bookId)?.opened ?? null;
  }

  /** A book just created by this worker: start from its (empty) state without reading anything. */
  adopt(book: Book, seq: number): void {
    if (this.entries.has(book.id)) return;
    const entry = this.newEntry(book.id);
    entry.ledger = Ledger.fromRecords({ book, customers: [], invoices: [], payments: [], allocations: [], adjustments: [] });
    entry.seq = seq;
    entry.opened = { how: 'rebuild', replayed: 0 };
    this.entries.set(book.id, entry);
    this.evictBeyondLimit();
  }

  /** Committed changes of this worker's writes (Repository.onChanges). */
  receive(changes: readonly Change[]): void {
    const byBook = new Map<Id, Change[]>();
    for (const c of changes) {
      const list = byBook.get(c.bookId);
      if (list) list.push(c);
      else byBook.set(c.bookId, [c]);
    }
    for (const [bookId, list] of byBook) {
      const entry = this.entries.get(bookId);
      if (!entry) continue;
      for (const c of list) entry.pending.push(c);
      this.scheduleSave(entry);
    }
  }

  /** Another tab changed the book. */
  markStale(bookId: Id): void {
    const entry = this.entries.get(bookId);
    if (!entry) return;
    entry.stale = true;
    this.scheduleSave(entry);
  }

  /** Applies what is pending and stores the snapshot now (after bulk loads; tests). */
  async saveNow(bookId: Id): Promise<void> {
    const entry = this.entries.get(bookId);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    await this.serialize(entry, () => this.save(entry));
  }

  /** Saves every book with unsaved changes. */
  async flush(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.saveNow(id)));
  }

  /** Stops timers; loaded ledgers are dropped. */
  close(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }

  private entry(bookId: Id): Entry {
    let entry = this.entries.get(bookId);
    if (!entry) {
      entry = this.newEntry(bookId);
      this.entries.set(bookId, entry);
      const e = entry;
      void this.serialize(e, () => this.load(e).catch((error: unknown) => { e.loadError = error; }));
      this.evictBeyondLimit();
    }
    return entry;
  }

  /** Drops the least recently used ledgers beyond MAX_OPEN_BOOKS, saving their snapshot first. */
  private evictBeyondLimit(): void {
    while (this.entries.size > MAX_OPEN_BOOKS) {
      let oldest: Entry | null = null;
      for (const e of this.entries.values()) if (!oldest || e.used < oldest.used) oldest = e;
      if (!oldest) return;
      const victim = oldest;
      this.entries.delete(victim.bookId);
      if (victim.timer) clearTimeout(victim.timer);
      victim.timer = null;
      void this.serialize(victim, () => this.save(victim));
    }
  }

  private newEntry(bookId: Id): Entry {
    return {
      bookId, ledger: null, seq: 0, pending: [], stale: false, dirty: false,
      queue: Promise.resolve(), timer: null, opened: null, loadError: undefined, used: ++this.uses,
    };
  }

  private serialize<T>(entry: Entry, task: () => Promise<T>): Promise<T> {
    const run = entry.queue.then(task, task);
    entry.queue = run.catch(() => undefined);
    return run;
  }

  private async load(entry: Entry): Promise<void> {
    const book = await this.db.books.get(entry.bookId);
    if (!book || book.deleted === 1) return;
    const stored = await this.db.snapshots.get(entry.bookId);
    if (stored && isLedgerSnapshot(stored.data) && stored.data.book.id === entry.bookId) {
      try {
        entry.ledger = Ledger.fromSnapshot(stored.data);
        entry.seq = stored.seq;
        // Whatever was logged after the snapshot is replayed by catchUp.
        entry.stale = true;
        entry.opened = { how: 'snapshot', replayed: 0 };
        return;
      } catch (e) {
        console.warn('Ledger snapshot unusable, rebuilding', e);
      }
    }
    const read = await readBookRecords(this.db, entry.bookId);
    if (!read) return;
    entry.ledger = Ledger.fromRecords(read.records);
    entry.seq = read.seq;
    entry.opened = { how: 'rebuild', replayed: 0 };
    entry.dirty = true;
    this.scheduleSave(entry, 0);
  }

  private async catchUp(entry: Entry): Promise<void> {
    const ledger = entry.ledger;
    if (!ledger) return;
    const local = entry.pending.filter((c) => (c.seq ?? 0) > entry.seq);
    entry.pending = [];
    if (!entry.stale && local.length > 0) {
      // Our own changes apply directly unless another tab logged some in between.
      const first = local[0]?.seq ?? 0;
      const between = await this.db.changes.where('[bookId+seq]')
        .between([entry.bookId, entry.seq], [entry.bookId, first], false, false).count();
      if (between === 0) {
        this.applyTo(entry, ledger, local);
        return;
      }
      entry.stale = true;
    }
    if (entry.stale) {
      entry.stale = false;
      const logged = await this.repo.changesSince(entry.bookId, entry.seq);
      this.applyTo(entry, ledger, logged);
      if (entry.opened && entry.opened.replayed === 0) entry.opened.replayed = logged.length;
      if (logged.length > RESNAPSHOT_AFTER) this.scheduleSave(entry);
    }
  }

  private applyTo(entry: Entry, ledger: Ledger, changes: Change[]): void {
    if (changes.length === 0) return;
    ledger.apply(changes);
    entry.seq = Math.max(entry.seq, changes[changes.length - 1]?.seq ?? entry.seq);
    entry.dirty = true;
  }

  private scheduleSave(entry: Entry, delay = this.delay): void {
    if (entry.timer) clearTimeout(entry.timer);
    const timer = setTimeout(() => {
      entry.timer = null;
      void this.serialize(entry, () => this.save(entry));
    }, delay);
    (timer as unknown as { unref?: () => void }).unref?.();
    entry.timer = timer;
  }

  private async save(entry: Entry): Promise<void> {
    await this.catchUp(entry);
    if (!entry.ledger || !entry.dirty) return;
    const seq = entry.seq;
    const data = entry.ledger.toSnapshot();
    entry.dirty = false;
    try {
      await this.db.snapshots.put({ bookId: entry.bookId, seq, data });
    } catch (e) {
      // Only a start-up shortcut: without it the next open rebuilds.
      entry.dirty = true;
      console.warn('Ledger snapshot not saved', e);
    }
  }
}
