// The ledger's columns for one book and the upserts that keep them current.
// Every record is applied by id, replacing whatever that id contributed
// before, so inserts, edits, tombstones and undo all take the same O(1) path
// and applying a change twice is harmless.

import type { Adjustment, Allocation, Book, Customer, Grade, Id, Invoice, Payment } from '../domain/types';
import { addAt, ensureCapacity } from './columns';
import { dayNumber } from './days';

/** Tombstoned record. */
export const FLAG_DELETED = 1;
/** Placeholder: referenced by another record before its own record arrived. */
export const FLAG_MISSING = 2;
/** Invoice under dispute. */
export const FLAG_DISPUTED = 4;
/** Customer whose service is suspended (collections stage or by hand). */
export const FLAG_SUSPENDED = 8;
/** Either bit set: the row takes part in no figure. */
export const GONE = FLAG_DELETED | FLAG_MISSING;

/** customerGrade codes: 0 = no grade set by hand, 1..4 = A..D. */
export const GRADE_CODES: readonly (Grade | null)[] = [null, 'A', 'B', 'C', 'D'];
const gradeCode = (grade: Grade | undefined): number => (grade === undefined ? 0 : Math.max(0, GRADE_CODES.indexOf(grade)));

/** Event kinds; EVENT_NONE marks a slot whose record was tombstoned. */
export const EVENT_NONE = 0;
export const EVENT_ALLOCATION = 1;
export const EVENT_CREDIT = 2;
export const EVENT_WRITEOFF = 3;
export const EVENT_CHARGE = 4;
export type EventKind = 0 | 1 | 2 | 3 | 4;

/** The parts of the book record the figures depend on. */
export type BookSettings = Pick<Book, 'id' | 'name' | 'currency' | 'locale' | 'agingBounds' | 'agingBasis' | 'defaultTermsDays'>;

export class LedgerStore {
  book: BookSettings;
  /**
   * Upper bound of every issue, event and payment day applied. As of any date
   * on or after it, the cached current balances are the balances.
   */
  maxDay = Number.NEGATIVE_INFINITY;
  /** Bumped when a customer name, the set of customers or the book's locale changes (name order). */
  namesVersion = 0;

  // Customers
  customerCount = 0;
  customerIds: Id[] = [];
  customerNames: string[] = [];
  /** Lower-cased name for search. */
  customerSearch: string[] = [];
  customerTerms = new Int32Array(64);
  /** Credit limit; NaN = none. */
  customerLimit = new Float64Array(64);
  customerFlags = new Uint8Array(64);
  /** The grade set by hand (Customer.gradeOverride) as a GRADE_CODES index; 0 = none. */
  customerGrade = new Uint8Array(64);
  /** Sum of the customer's live payments. */
  customerPaid = new Float64Array(64);
  /** Sum of the customer's live allocations; paid - applied = unapplied credit. */
  customerApplied = new Float64Array(64);

  // Invoices
  invoiceCount = 0;
  invoiceIds: Id[] = [];
  invoiceNumbers: string[] = [];
  /** Lower-cased "number description" for search (customer names are matched per customer). */
  invoiceSearch: string[] = [];
  invoiceCustomer = new Int32Array(64);
  issueDay = new Int32Array(64);
  dueDay = new Int32Array(64);
  invoiceAmount = new Float64Array(64);
  /** amount + every live event, whatever its date: the balance once all dated things have happened. */
  invoiceBalance = new Float64Array(64);
  invoiceFlags = new Uint8Array(64);
  /** Live write-offs on the invoice (status 'writtenOff' once paid down). */
  invoiceWriteoffs = new Int32Array(64);

  // Events: allocations and adjustments, one slot per record id
  eventCount = 0;
  eventIds: Id[] = [];
  eventInvoice = new Int32Array(64);
  /** Customer slot the event is booked to (allocation credit totals). */
  eventCustomer = new Int32Array(64);
  eventDay = new Int32Array(64);
  /** Signed change to the invoice balance: +charge, -allocation/credit/write-off; 0 when tombstoned. */
  eventDelta = new Float64Array(64);
  eventKind = new Uint8Array(64);

  // Payments (for unapplied credit)
  paymentCount = 0;
  paymentIds: Id[] = [];
  paymentCustomer = new Int32Array(64);
  paymentDay = new Int32Array(64);
  /** 0 when tombstoned. */
  paymentAmount = new Float64Array(64);

  // Id -> row maps, built on first use: a store loaded from a snapshot can
  // answer the dashboard before paying for ~300,000 map entries.
  private customerMap: Map<Id, number> | null = new Map();
  private invoiceMap: Map<Id, number> | null = new Map();
  private eventMap: Map<Id, number> | null = new Map();
  private paymentMap: Map<Id, number> | null = new Map();

  constructor(book: BookSettings) {
    this.book = book;
  }

  get customerIndex(): Map<Id, number> {
    return (this.customerMap ??= indexIds(this.customerIds, this.customerCount));
  }

  get invoiceIndex(): Map<Id, number> {
    return (this.invoiceMap ??= indexIds(this.invoiceIds, this.invoiceCount));
  }

  get eventIndex(): Map<Id, number> {
    return (this.eventMap ??= indexIds(this.eventIds, this.eventCount));
  }

  get paymentIndex(): Map<Id, number> {
    return (this.paymentMap ??= indexIds(this.paymentIds, this.paymentCount));
  }

  /** After the id arrays were replaced wholesale (snapshot load): rebuild the maps when next needed. */
  dropIndexes(): void {
    this.customerMap = null;
    this.invoiceMap = null;
    this.eventMap = null;
    this.paymentMap = null;
  }

  setBook(book: Book | BookSettings): void {
    if (book.locale !== this.book.locale) this.namesVersion++;
    this.book = {
      id: book.id, name: book.name, currency: book.currency, locale: book.locale,
      agingBounds: [...book.agingBounds], agingBasis: book.agingBasis, defaultTermsDays: book.defaultTermsDays,
    };
  }

  /** Room for at least this many more rows of each kind (bulk loads). */
  reserve(customers: number, invoices: number, events: number, payments: number): void {
    this.growCustomers(this.customerCount + customers);
    this.growInvoices(this.invoiceCount + invoices);
    this.growEvents(this.eventCount + events);
    this.growPayments(this.paymentCount + payments);
  }

  customerSlot(id: Id): number {
    const found = this.customerIndex.get(id);
    if (found !== undefined) return found;
    const i = this.customerCount++;
    this.growCustomers(i + 1);
    this.customerIds[i] = id;
    this.customerIndex.set(id, i);
    this.customerNames[i] = '';
    this.customerSearch[i] = '';
    this.customerLimit[i] = Number.NaN;
    this.customerFlags[i] = FLAG_MISSING;
    this.namesVersion++;
    return i;
  }

  upsertCustomer(c: Customer): void {
    const i = this.customerSlot(c.id);
    if (this.customerNames[i] !== c.name) this.namesVersion++;
    this.customerNames[i] = c.name;
    this.customerSearch[i] = c.name.toLowerCase();
    this.customerTerms[i] = c.termsDays;
    this.customerLimit[i] = c.creditLimit ?? Number.NaN;
    this.customerFlags[i] = (c.deleted === 1 ? FLAG_DELETED : 0) | (c.suspended === 1 ? FLAG_SUSPENDED : 0);
    this.customerGrade[i] = gradeCode(c.gradeOverride?.grade);
  }

  removeCustomer(id: Id): void {
    const i = this.customerIndex.get(id);
    if (i !== undefined) this.customerFlags[i] = (this.customerFlags[i] ?? 0) | FLAG_DELETED;
  }

  invoiceSlot(id: Id): number {
    const found = this.invoiceIndex.get(id);
    if (found !== undefined) return found;
    const i = this.invoiceCount++;
    this.growInvoices(i + 1);
    this.invoiceIds[i] = id;
    this.invoiceIndex.set(id, i);
    this.invoiceNumbers[i] = '';
    this.invoiceSearch[i] = '';
    this.invoiceCustomer[i] = -1;
    this.invoiceFlags[i] = FLAG_MISSING;
    return i;
  }

  upsertInvoice(inv: Invoice): void {
    const i = this.invoiceSlot(inv.id);
    const issue = dayNumber(inv.issueDate);
    // The balance keeps its events; only the amount's share changes.
    this.invoiceBalance[i] = (this.invoiceBalance[i] ?? 0) - (this.invoiceAmount[i] ?? 0) + inv.amount;
    this.invoiceAmount[i] = inv.amount;
    this.invoiceCustomer[i] = this.customerSlot(inv.customerId);
    this.issueDay[i] = issue;
    this.dueDay[i] = dayNumber(inv.dueDate);
    this.invoiceNumbers[i] = inv.number;
    this.invoiceSearch[i] = `${inv.number} ${inv.description}`.toLowerCase();
    this.invoiceFlags[i] = (inv.deleted === 1 ? FLAG_DELETED : 0) | (inv.disputed === 1 ? FLAG_DISPUTED : 0);
    if (issue > this.maxDay) this.maxDay = issue;
  }

  removeInvoice(id: Id): void {
    const i = this.invoiceIndex.get(id);
    if (i !== undefined) this.invoiceFlags[i] = (this.invoiceFlags[i] ?? 0) | FLAG_DELETED;
  }

  upsertPayment(p: Payment): void {
    let i = this.paymentIndex.get(p.id);
    if (i === undefined) {
      i = this.paymentCount++;
      this.growPayments(i + 1);
      this.paymentIds[i] = p.id;
      this.paymentIndex.set(p.id, i);
    } else {
      addAt(this.customerPaid, this.paymentCustomer[i] ?? 0, -(this.paymentAmount[i] ?? 0));
    }
    const customer = this.customerSlot(p.customerId);
    const day = dayNumber(p.date);
    const amount = p.deleted === 1 ? 0 : p.amount;
    this.paymentCustomer[i] = customer;
    this.paymentDay[i] = day;
    this.paymentAmount[i] = amount;
    addAt(this.customerPaid, customer, amount);
    if (amount !== 0 && day > this.maxDay) this.maxDay = day;
  }

  removePayment(id: Id): void {
    const i = this.paymentIndex.get(id);
    if (i === undefined) return;
    addAt(this.customerPaid, this.paymentCustomer[i] ?? 0, -(this.paymentAmount[i] ?? 0));
    this.paymentAmount[i] = 0;
  }

  upsertAllocation(a: Allocation): void {
    this.upsertEvent(a.id, a.deleted === 1 ? EVENT_NONE : EVENT_ALLOCATION, a.invoiceId, a.customerId, a.date, -a.amount);
  }

  upsertAdjustment(j: Adjustment): void {
    const kind = j.deleted === 1 ? EVENT_NONE
      : j.kind === 'charge' ? EVENT_CHARGE : j.kind === 'writeoff' ? EVENT_WRITEOFF : EVENT_CREDIT;
    this.upsertEvent(j.id, kind, j.invoiceId, j.customerId, j.date, j.kind === 'charge' ? j.amount : -j.amount);
  }

  /** Takes back the event's contribution (tombstone or hard delete). */
  removeEvent(id: Id): void {
    const slot = this.eventIndex.get(id);
    if (slot !== undefined) this.retractEvent(slot);
  }

  private upsertEvent(id: Id, kind: EventKind, invoiceId: Id, customerId: Id, date: string, delta: number): void {
    let slot = this.eventIndex.get(id);
    if (slot === undefined) {
      slot = this.eventCount++;
      this.growEvents(slot + 1);
      this.eventIds[slot] = id;
      this.eventIndex.set(id, slot);
    } else {
      this.retractEvent(slot);
    }
    if (kind === EVENT_NONE) return;
    const invoice = this.invoiceSlot(invoiceId);
    const customer = this.customerSlot(customerId);
    const day = dayNumber(date);
    this.eventInvoice[slot] = invoice;
    this.eventCustomer[slot] = customer;
    this.eventDay[slot] = day;
    this.eventDelta[slot] = delta;
    this.eventKind[slot] = kind;
    addAt(this.invoiceBalance, invoice, delta);
    if (kind === EVENT_ALLOCATION) addAt(this.customerApplied, customer, -delta);
    if (kind === EVENT_WRITEOFF) addAt(this.invoiceWriteoffs, invoice, 1);
    if (day > this.maxDay) this.maxDay = day;
  }

  private retractEvent(slot: number): void {
    const kind = this.eventKind[slot] ?? EVENT_NONE;
    if (kind === EVENT_NONE) return;
    const invoice = this.eventInvoice[slot] ?? 0;
    const delta = this.eventDelta[slot] ?? 0;
    addAt(this.invoiceBalance, invoice, -delta);
    if (kind === EVENT_ALLOCATION) addAt(this.customerApplied, this.eventCustomer[slot] ?? 0, delta);
    if (kind === EVENT_WRITEOFF) addAt(this.invoiceWriteoffs, invoice, -1);
    this.eventKind[slot] = EVENT_NONE;
    this.eventDelta[slot] = 0;
  }

  private growCustomers(n: number): void {
    this.customerTerms = ensureCapacity(this.customerTerms, n);
    this.customerLimit = ensureCapacity(this.customerLimit, n);
    this.customerFlags = ensureCapacity(this.customerFlags, n);
    this.customerGrade = ensureCapacity(this.customerGrade, n);
    this.customerPaid = ensureCapacity(this.customerPaid, n);
    this.customerApplied = ensureCapacity(this.customerApplied, n);
  }

  private growInvoices(n: number): void {
    this.invoiceCustomer = ensureCapacity(this.invoiceCustomer, n);
    this.issueDay = ensureCapacity(this.issueDay, n);
    this.dueDay = ensureCapacity(this.dueDay, n);
    this.invoiceAmount = ensureCapacity(this.invoiceAmount, n);
    this.invoiceBalance = ensureCapacity(this.invoiceBalance, n);
    this.invoiceFlags = ensureCapacity(this.invoiceFlags, n);
    this.invoiceWriteoffs = ensureCapacity(this.invoiceWriteoffs, n);
  }

  private growEvents(n: number): void {
    this.eventInvoice = ensureCapacity(this.eventInvoice, n);
    this.eventCustomer = ensureCapacity(this.eventCustomer, n);
    this.eventDay = ensureCapacity(this.eventDay, n);
    this.eventDelta = ensureCapacity(this.eventDelta, n);
    this.eventKind = ensureCapacity(this.eventKind, n);
  }

  private growPayments(n: number): void {
    this.paymentCustomer = ensureCapacity(this.paymentCustomer, n);
    this.paymentDay = ensureCapacity(this.paymentDay, n);
    this.paymentAmount = ensureCapacity(this.paymentAmount, n);
  }
}


function indexIds(ids: readonly Id[], count: number): Map<Id, number> {
  const map = new Map<Id, number>();
  for (let i = 0; i < count; i++) map.set(ids[i] as Id, i);
  return map;
}
