// Every write the app makes. Each method validates, stamps, writes and logs in
// ONE IndexedDB transaction (so nothing is stored half-way), then tells the
// listeners (the worker's working set) what changed, after the commit.

import type {
  AdjustmentInput, BookInput, CustomerInput, InvoiceInput, PaymentInput, PaymentResult,
} from '../api/contract';
import type { ContactInput, ContactResult, PlanInput } from '../api/collections';
import type { Notice, PaymentPlan } from '../domain/collections';
import { fail, ok, type Result } from '../domain/errors';
import type {
  Activity, Adjustment, Allocation, Book, Change, Customer, Grade, Id, Invoice, IsoDate, Payment, TableName,
} from '../domain/types';
import { todayLocal } from '../domain/calendar';
import { changesSince, lastSeq } from './changelog';
import { Hlc } from './hlc';
import type { OverdueDb } from './schema';
import { storageFailure, toStorageError } from './storage-errors';
import { registerSettingsClock } from './settings';
import { adoptHead, collectLocal, exportRecords, inheritedUpTo, mergeRemote, recordPushed, startCursor } from './sync-store';
import type { LocalReplica } from '../sync/replica';
import { SyncEngineError } from '../sync/engine-errors';
import { undoNewestBatch } from './undo';
import { validateAdjustment } from './validate-adjustment';
import { validateBookInput } from './validate-book';
import { validateCustomerInput } from './validate-customer';
import { validateInvoice } from './validate-invoice';
import { text } from './validate-common';
import type { DatedAllocationPlan } from './plan-allocation';
import { planApply } from './validate-apply';
import { planPayment } from './validate-payment';
import { WriteBatch, commitBatch } from './write-batch';
import { queueCharges, queueWaiver, type ChargeDraft } from './write-charges';
import { queueContact, queueDelivery, queueNotice, queuePlan, queueSuspension, type StageEffects } from './write-collections';
import { queueGradeOverride } from './write-risk';

export { computeOpenItems, computeAllocatableItems } from './open-items';

export interface BulkRecords {
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
  allocations: Allocation[];
  adjustments: Adjustment[];
  activities: Activity[];
}

/** Bulk tables in dependency order (customers before their invoices, ...). */
const BULK_TABLES = ['customers', 'invoices', 'payments', 'allocations', 'adjustments', 'activities'] as const;

export interface RepositoryOptions {
  /** Wall clock for the HLC (tests). */
  now?: () => number;
  /** Local calendar date for Book.createdAt (tests). */
  today?: () => IsoDate;
}

/** Every write transaction spans all record tables and the log, so any action can touch any of them. */
export const WRITE_TABLES: readonly (TableName | 'changes')[] = [
  'books', 'customers', 'invoices', 'payments', 'allocations', 'adjustments', 'activities',
  'promises', 'plans', 'notices', 'attachments', 'changes',
];

type ChangeListener = (changes: Change[]) => void;

export class Repository {
  private readonly hlc: Hlc;
  private readonly today: () => IsoDate;
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    private readonly db: OverdueDb,
    deviceId: string,
    options: RepositoryOptions = {},
  ) {
    this.hlc = new Hlc(deviceId, options.now);
    this.today = options.today ?? (() => todayLocal());
    registerSettingsClock(db, this.hlc);
  }

  /** This book's side of sync: the engine's view of the local database. */
  syncReplica(bookId: Id): LocalReplica {
    const db = this.db;
    const hlc = this.hlc;
    return {
      deviceId: hlc.deviceId,
      cursor: () => startCursor(db, bookId),
      merge: async (ops, seen, options) => {
        let merged: Awaited<ReturnType<typeof mergeRemote>>;
        try {
          merged = await mergeRemote(db, hlc, bookId, ops, seen, options.logConflicts, options.notices ?? []);
        } catch (e) {
          if (e instanceof RangeError) throw e;
          const failure = toStorageError(e);
          throw new SyncEngineError('storage', `${failure.code}: ${String(failure.params?.detail ?? '')}`);
        }
        if (merged.changes.length > 0) this.notify(merged.changes);
        return merged.outcome;
      },
      localChanges: async (afterSeq) => collectLocal(db, bookId, afterSeq, hlc.deviceId, undefined, await inheritedUpTo(db, bookId)),
      pushed: (batch, head) => recordPushed(db, bookId, batch, head, new Date().toISOString()),
      adoptHead: (head) => adoptHead(db, bookId, head),
      exportRecords: () => exportRecords(db, bookId, hlc.deviceId),
    };
  }

  /** Called after each committed write with the Change records it logged (seq filled in). */
  onChanges(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  createBook(input: BookInput): Promise<Result<Book>> {
    const id = crypto.randomUUID();
    return this.write(id, 'book.create', async (batch) => {
      const checked = validateBookInput(input);
      if (!checked.ok) return checked;
      const book: Book = { id, updatedAt: batch.stamp(), deleted: 0, ...checked.value, createdAt: this.today() };
      return ok(batch.put('books', null, book));
    });
  }

  updateBook(bookId: Id, input: BookInput): Promise<Result<Book>> {
    return this.write(bookId, 'book.update', async (batch) => {
      const existing = await this.liveBook(bookId);
      if (!existing) return fail('', 'book.notFound');
      const checked = validateBookInput(input);
      if (!checked.ok) return checked;
      return ok(batch.put('books', existing, { ...existing, ...checked.value, updatedAt: batch.stamp() }));
    });
  }

  saveCustomer(bookId: Id, input: CustomerInput, customerId?: Id): Promise<Result<Customer>> {
    return this.write(bookId, customerId ? 'customer.update' : 'customer.create', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      const existing = customerId ? await this.liveRecord(this.db.customers.get(customerId), bookId) : null;
      if (customerId && !existing) return fail('', 'customer.notFound');
      const checked = validateCustomerInput(input);
      if (!checked.ok) return checked;
      // Fields the form does not edit (the suspension flag) stay as they were.
      const customer: Customer = {
        ...existing, id: existing?.id ?? crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, ...checked.value,
      };
      return ok(batch.put('customers', existing, customer));
    });
  }

  saveInvoice(bookId: Id, input: InvoiceInput, invoiceId?: Id): Promise<Result<Invoice>> {
    return this.write(bookId, invoiceId ? 'invoice.update' : 'invoice.create', async (batch) => {
      const book = await this.liveBook(bookId);
      if (!book) return fail('', 'book.notFound');
      const existing = invoiceId ? await this.liveRecord(this.db.invoices.get(invoiceId), bookId) : null;
      if (invoiceId && !existing) return fail('', 'invoice.notFound');
      const checked = await validateInvoice(this.db, book, input, existing);
      if (!checked.ok) return checked;
      const invoice: Invoice = {
        id: existing?.id ?? crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, ...checked.value,
      };
      return ok(batch.put('invoices', existing, invoice));
    });
  }

  /** Applies the payment with the balances as of its date; what is left over stays as the customer's credit. */
  recordPayment(bookId: Id, input: PaymentInput): Promise<Result<PaymentResult>> {
    return this.write(bookId, 'payment.record', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      const planned = await planPayment(this.db, bookId, input);
      if (!planned.ok) return planned;
      const { customer, date, plan } = planned.value;
      const payment: Payment = {
        id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0,
        customerId: customer.id, date, amount: input.amount,
        method: text(input.method), reference: text(input.reference),
      };
      batch.put('payments', null, payment);
      return ok({ payment, allocations: putAllocations(batch, payment, plan), credit: plan.credit });
    });
  }

  /**
   * Applies what is still unapplied of an existing payment (its credit), oldest
   * due first or as listed; each allocation is dated the later of the payment
   * date and the invoice's issue date (see validate-apply.ts). `credit` is what
   * stays unapplied. Nothing to apply writes and logs nothing.
   */
  applyPayment(bookId: Id, paymentId: Id, allocation: PaymentInput['allocation']): Promise<Result<PaymentResult>> {
    return this.write(bookId, 'payment.apply', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      const planned = await planApply(this.db, bookId, paymentId, allocation);
      if (!planned.ok) return planned;
      const { payment, plan } = planned.value;
      return ok({ payment, allocations: putAllocations(batch, payment, plan), credit: plan.credit });
    });
  }

  /** Removes the payment's allocations; the whole payment becomes unapplied credit again. */
  unapplyPayment(bookId: Id, paymentId: Id): Promise<Result<Payment>> {
    return this.write(bookId, 'payment.unapply', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      const payment = await this.liveRecord(this.db.payments.get(paymentId), bookId);
      if (!payment) return fail('', 'payment.notFound');
      const allocations = await this.db.allocations
        .where('paymentId').equals(paymentId)
        .filter((a) => a.deleted === 0 && a.bookId === bookId)
        .toArray();
      for (const a of allocations) batch.put('allocations', a, { ...a, deleted: 1, updatedAt: batch.stamp() });
      return ok(payment);
    });
  }

  addAdjustment(bookId: Id, input: AdjustmentInput): Promise<Result<Adjustment>> {
    return this.write(bookId, `adjustment.${input.kind}`, async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      const checked = await validateAdjustment(this.db, bookId, input);
      if (!checked.ok) return checked;
      const { invoice, ...fields } = checked.value;
      const adjustment: Adjustment = {
        id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0,
        invoiceId: invoice.id, customerId: invoice.customerId, ...fields,
      };
      return ok(batch.put('adjustments', null, adjustment));
    });
  }

  /** Logs a contact with what comes with it (promise, stage fee, suspension) as one action. */
  logContact(bookId: Id, input: ContactInput, effects: StageEffects): Promise<Result<ContactResult>> {
    const action = input.outcome === 'skipped' ? 'contact.skip' : input.outcome === 'snoozed' ? 'contact.snooze' : 'contact.log';
    return this.write(bookId, action, async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queueContact(this.db, bookId, batch, input, effects);
    });
  }

  savePlan(bookId: Id, input: PlanInput): Promise<Result<PaymentPlan>> {
    return this.write(bookId, 'plan.create', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queuePlan(this.db, bookId, batch, input);
    });
  }

  setSuspended(bookId: Id, customerId: Id, suspended: boolean, reason: string): Promise<Result<{ suspended: boolean }>> {
    return this.write(bookId, suspended ? 'customer.suspend' : 'customer.resume', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queueSuspension(this.db, bookId, batch, customerId, suspended, reason);
    });
  }

  /** A grade set by hand with its reason, or cleared (null): one undoable customer write. */
  setGradeOverride(bookId: Id, customerId: Id, override: { grade: Grade; reason: string } | null, on: IsoDate): Promise<Result<Customer>> {
    return this.write(bookId, 'customer.grade', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queueGradeOverride(this.db, bookId, batch, customerId, override, on);
    });
  }

  issueNotice(
    bookId: Id, input: Parameters<typeof queueNotice>[3], render: Parameters<typeof queueNotice>[4],
  ): Promise<Result<Notice>> {
    return this.write(bookId, 'notice.issue', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queueNotice(this.db, bookId, batch, input, render);
    });
  }

  markNoticeDelivered(bookId: Id, noticeId: Id, date: IsoDate): Promise<Result<Notice>> {
    return this.write(bookId, 'notice.deliver', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queueDelivery(this.db, bookId, batch, noticeId, date);
    });
  }

  postCharges(bookId: Id, drafts: ChargeDraft[]): Promise<Result<Adjustment[]>> {
    return this.write(bookId, 'charge.post', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queueCharges(this.db, bookId, batch, drafts);
    });
  }

  waiveCharge(bookId: Id, chargeId: Id, date: IsoDate, reason: string): Promise<Result<Adjustment>> {
    return this.write(bookId, 'charge.waive', async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      return queueWaiver(this.db, bookId, batch, chargeId, date, reason);
    });
  }

  /** Reverts the newest batch that is neither undone nor an undo; repeated calls walk back through history. */
  undoLast(bookId: Id): Promise<Result<{ action: string }>> {
    return this.write(bookId, 'undo', (batch) => undoNewestBatch(this.db, bookId, batch));
  }

  /**
   * Many new records in one transaction and one change batch (demo, import),
   * logged by id in chunks; all or nothing, and an id already stored fails it.
   * Records are trusted to be valid (the caller generated or checked them);
   * each is filed under `bookId` with a fresh stamp.
   */
  bulkInsert(
    bookId: Id, records: BulkRecords, action: string, onProgress?: (done: number, total: number) => void,
  ): Promise<Result<{ count: number }>> {
    return this.write(bookId, action, async (batch) => {
      if (!(await this.liveBook(bookId))) return fail('', 'book.notFound');
      for (const table of BULK_TABLES) {
        for (const record of records[table] ?? []) {
          batch.putBulk('insert', table, { ...record, bookId, deleted: record.deleted === 1 ? 1 : 0, updatedAt: batch.stamp() });
        }
      }
      return ok({ count: batch.size });
    }, onProgress);
  }

  changesSince(bookId: Id, afterSeq: number): Promise<Change[]> {
    return changesSince(this.db, bookId, afterSeq);
  }

  lastSeq(bookId: Id): Promise<number> {
    return lastSeq(this.db, bookId);
  }

  private async liveBook(bookId: Id): Promise<Book | null> {
    const book = await this.db.books.get(bookId);
    return book && book.deleted === 0 ? book : null;
  }

  private async liveRecord<T extends { bookId: Id; deleted: 0 | 1 }>(read: Promise<T | undefined>, bookId: Id): Promise<T | null> {
    const record = await read;
    return record && record.bookId === bookId && record.deleted === 0 ? record : null;
  }

  /**
   * Runs `body` in one 'rw' transaction; if it succeeds, writes and logs what it
   * queued in the same transaction. Validation failures write nothing; storage
   * failures abort everything and come back as 'storage.*' errors.
   */
  private async write<T>(
    bookId: Id,
    action: string,
    body: (batch: WriteBatch) => Promise<Result<T>>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Result<T>> {
    const db = this.db;
    let committed: Change[] = [];
    let result: Result<T>;
    try {
      result = await db.transaction('rw', WRITE_TABLES.map((t) => db.table(t)), async () => {
        const batch = new WriteBatch(bookId, action, this.hlc);
        const outcome = await body(batch);
        if (outcome.ok) committed = await commitBatch(db, batch, onProgress);
        return outcome;
      });
    } catch (e) {
      return storageFailure(e);
    }
    if (committed.length > 0) this.notify(committed);
    return result;
  }

  private notify(changes: Change[]): void {
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (e) {
        // A listener's bug must not turn a committed write into a failure.
        console.error('onChanges listener failed', e);
      }
    }
  }
}

/** Queues one allocation record per planned line of the payment. */
function putAllocations(batch: WriteBatch, payment: Payment, plan: DatedAllocationPlan): Allocation[] {
  return plan.lines.map((line): Allocation => batch.put('allocations', null, {
    id: crypto.randomUUID(), bookId: payment.bookId, updatedAt: batch.stamp(), deleted: 0,
    paymentId: payment.id, invoiceId: line.invoiceId, customerId: payment.customerId, date: line.date, amount: line.amount,
  }));
}
