// The worker's working set of one book: typed columns kept current from the
// change log, answering every summary the UI asks for without touching the
// database. Answers for the same history are always the same numbers.

import type {
  AgingSummary, CustomerQuery, CustomerRow, InvoiceQuery, InvoiceRow, InvoiceStatus, OpenInvoiceOption, Page,
} from '../api/contract';
import type { AgingBasis, Change, DayNumber, Id, IsoDate, Minor } from '../domain/types';
import { fromDayNumber, toDayNumber } from '../domain/calendar';
import type { PaidEvent } from '../domain/promise';
import { agingSummary } from './aging';
import { allocationsTo, chaseCustomers, isSuspended, type ChaseCustomer } from './chase';
import { customerRiskFacts } from './risk-facts';
import { customerFactsAsOf, riskBook, riskIndex, type LedgerRiskFacts, type RiskBook, type RiskIndex } from './risk-book';
import { periodPerformance, type PerformanceFigures } from './performance';
import { limitationInvoices, type LimitationInvoice } from './limitation';
import { applyChange, loadRecords, type LedgerRecords } from './changes';
import { nameRanks } from './collation';
import { customerRow, findCustomerRows, selectCustomers } from './customerList';
import { customerTotals, type CustomerTotals } from './customerTotals';
import { dashboardFigures, type LedgerDashboard } from './dashboard';
import { invoiceRow, selectInvoices } from './invoiceList';
import { storeFromSnapshot, storeToSnapshot, type LedgerSnapshot } from './snapshot';
import { FLAG_DISPUTED, GONE, LedgerStore, type BookSettings } from './store';
import { daysOverdue, invoiceStatus } from './status';
import { balancesAsOf, type BalanceView } from './view';

export interface InvoiceFigures { balance: Minor; daysOverdue: number; status: InvoiceStatus }
export interface CustomerFigures { open: Minor; overdue: Minor; credit: Minor; aging: AgingSummary }

export class Ledger {
  /** Bumped by every apply(); cached answers carry the version they were computed at. */
  private applied = 0;
  private riskIndexCache: { version: number; index: RiskIndex } | null = null;
  private viewCache: { version: number; day: DayNumber; view: BalanceView } | null = null;
  private totalsCache: { version: number; day: DayNumber; totals: CustomerTotals } | null = null;
  /** Keyed by the store's namesVersion, not the ledger version. */
  private rankCache: { version: number; rank: Int32Array } | null = null;
  private listCache: { version: number; key: string; rows: Int32Array } | null = null;
  private customerListCache: { version: number; key: string; rows: Int32Array } | null = null;

  private constructor(private readonly store: LedgerStore) {}

  static fromRecords(records: LedgerRecords): Ledger {
    const store = new LedgerStore(records.book);
    store.setBook(records.book);
    loadRecords(store, records);
    return new Ledger(store);
  }

  static fromSnapshot(snapshot: LedgerSnapshot): Ledger {
    return new Ledger(storeFromSnapshot(snapshot));
  }

  toSnapshot(): LedgerSnapshot {
    return storeToSnapshot(this.store);
  }

  /** Applies logged changes in seq order; each replaces its record's earlier contribution. */
  apply(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    for (const change of changes) applyChange(this.store, change);
    this.applied += 1;
  }

  /** Changes with every apply(): answers computed from the ledger may be cached under it. */
  get version(): number {
    return this.applied;
  }

  get book(): BookSettings {
    return this.store.book;
  }

  /** Live customers and invoices. */
  counts(): { customers: number; invoices: number } {
    let customers = 0;
    let invoices = 0;
    for (let c = 0; c < this.store.customerCount; c++) if (((this.store.customerFlags[c] as number) & GONE) === 0) customers++;
    for (let i = 0; i < this.store.invoiceCount; i++) if (((this.store.invoiceFlags[i] as number) & GONE) === 0) invoices++;
    return { customers, invoices };
  }

  dashboard(asOf: IsoDate, topCount = 10): LedgerDashboard {
    const view = this.view(asOf);
    const aging = agingSummary(this.store, view, asOf, this.store.book.agingBasis, this.store.book.agingBounds);
    return dashboardFigures(this.store, view, this.totals(asOf), aging, this.ranks(), asOf, topCount);
  }

  aging(asOf: IsoDate, basis?: AgingBasis, bounds?: number[]): AgingSummary {
    const book = this.store.book;
    return agingSummary(this.store, this.view(asOf), asOf, basis ?? book.agingBasis, bounds ?? book.agingBounds);
  }

  listInvoices(q: InvoiceQuery): Page<InvoiceRow> {
    const view = this.view(q.asOf);
    const { offset, limit, ...filter } = q;
    const key = JSON.stringify(filter);
    let rows = this.listCache?.version === this.version && this.listCache.key === key ? this.listCache.rows : null;
    if (!rows) {
      const book = this.store.book;
      rows = selectInvoices(this.store, view, q, { basis: book.agingBasis, bounds: book.agingBounds, customerRank: this.ranks() });
      this.listCache = { version: this.version, key, rows };
    }
    return page(rows, offset, limit, (i) => invoiceRow(this.store, view, i));
  }

  listCustomers(q: CustomerQuery): Page<CustomerRow> {
    const view = this.view(q.asOf);
    const totals = this.totals(q.asOf);
    const { offset, limit, ...filter } = q;
    const key = JSON.stringify(filter);
    let rows = this.customerListCache?.version === this.version && this.customerListCache.key === key
      ? this.customerListCache.rows : null;
    if (!rows) {
      rows = selectCustomers(this.store, view, totals, q, this.ranks());
      this.customerListCache = { version: this.version, key, rows };
    }
    return page(rows, offset, limit, (c) => customerRow(this.store, view, totals, c));
  }

  findCustomers(text: string, limit: number): { id: Id; name: string; termsDays: number }[] {
    return findCustomerRows(this.store, text, limit, this.ranks()).map((c) => ({
      id: this.store.customerIds[c] as string,
      name: this.store.customerNames[c] as string,
      termsDays: this.store.customerTerms[c] as number,
    }));
  }

  /** The customer's open invoices as of the date, oldest due first (ties: issue date, number): allocation order. */
  openInvoices(customerId: Id, asOf: IsoDate): OpenInvoiceOption[] {
    const customer = this.store.customerIndex.get(customerId);
    if (customer === undefined) return [];
    const view = this.view(asOf);
    const s = this.store;
    const rows: number[] = [];
    for (let i = 0; i < s.invoiceCount; i++) {
      if (s.invoiceCustomer[i] !== customer || ((s.invoiceFlags[i] as number) & GONE) !== 0) continue;
      if ((s.issueDay[i] as number) > view.asOfDay || (view.balance[i] as number) <= 0) continue;
      rows.push(i);
    }
    rows.sort((a, b) => (s.dueDay[a] as number) - (s.dueDay[b] as number)
      || (s.issueDay[a] as number) - (s.issueDay[b] as number)
      || ((s.invoiceNumbers[a] as string) < (s.invoiceNumbers[b] as string) ? -1 : (s.invoiceNumbers[a] as string) > (s.invoiceNumbers[b] as string) ? 1 : 0));
    return rows.map((i) => ({
      id: s.invoiceIds[i] as string,
      number: s.invoiceNumbers[i] as string,
      issueDate: fromDayNumber(s.issueDay[i] as number),
      dueDate: fromDayNumber(s.dueDay[i] as number),
      balance: view.balance[i] as number,
    }));
  }

  invoiceFigures(invoiceId: Id, asOf: IsoDate): InvoiceFigures | null {
    const i = this.store.invoiceIndex.get(invoiceId);
    if (i === undefined || ((this.store.invoiceFlags[i] as number) & GONE) !== 0) return null;
    const view = this.view(asOf);
    const s = this.store;
    const issue = s.issueDay[i] as number;
    const due = s.dueDay[i] as number;
    const balance = issue <= view.asOfDay ? (view.balance[i] as number) : 0;
    return {
      balance,
      daysOverdue: daysOverdue(view.asOfDay, due, balance),
      status: invoiceStatus(view.asOfDay, issue, due, balance,
        ((s.invoiceFlags[i] as number) & FLAG_DISPUTED) !== 0, (view.writeoffs[i] as number) > 0),
    };
  }

  customerFigures(customerId: Id, asOf: IsoDate): CustomerFigures | null {
    const c = this.store.customerIndex.get(customerId);
    if (c === undefined || ((this.store.customerFlags[c] as number) & GONE) !== 0) return null;
    const view = this.view(asOf);
    const totals = this.totals(asOf);
    const book = this.store.book;
    return {
      open: totals.open[c] as number,
      overdue: totals.overdue[c] as number,
      credit: view.credit[c] as number,
      aging: agingSummary(this.store, view, asOf, book.agingBasis, book.agingBounds, c),
    };
  }

  /** Customers with open, undisputed invoices due by `horizon` as of `asOf` (the collections queue). */
  chaseCustomers(asOf: IsoDate, horizon: IsoDate): ChaseCustomer[] {
    return chaseCustomers(this.store, this.view(asOf), toDayNumber(horizon));
  }

  /** Live allocations to these invoices, whatever their date. */
  allocationsTo(invoiceIds: ReadonlySet<Id>): PaidEvent[] {
    return allocationsTo(this.store, invoiceIds);
  }

  /**
   * Invoices with a balance left as of `asOf` (disputed too), each with its allocation
   * days up to then, for the limitation period; or just `invoiceId`, whatever its balance.
   */
  limitationInvoices(asOf: IsoDate, invoiceId?: Id): LimitationInvoice[] {
    const view = this.view(asOf);
    if (invoiceId === undefined) return limitationInvoices(this.store, view);
    const i = this.store.invoiceIndex.get(invoiceId);
    return i === undefined ? [] : limitationInvoices(this.store, view, i);
  }

  /** What the customer's credit score is computed from, as of the day (promise counts aside). */
  customerRiskFacts(customerId: Id, asOf: IsoDate): ReturnType<typeof customerRiskFacts> {
    return customerRiskFacts(this.store, this.view(asOf), customerId);
  }

  /** Every customer's risk facts, the paid-invoice history and the open invoices as of the day, in one pass. */
  riskBook(asOf: IsoDate): RiskBook {
    return riskBook(this.store, this.riskIndex(), toDayNumber(asOf));
  }

  /** One customer's risk facts at each of the days (promise counts aside); null when there is no such customer. */
  customerRiskHistory(customerId: Id, days: readonly IsoDate[]): LedgerRiskFacts[] | null {
    const c = this.store.customerIndex.get(customerId);
    if (c === undefined) return null;
    const index = this.riskIndex();
    const out: LedgerRiskFacts[] = [];
    for (const day of days) {
      const facts = customerFactsAsOf(this.store, index, c, toDayNumber(day));
      if (!facts) return null;
      out.push(facts);
    }
    return out;
  }

  /** Collection performance of [from, to] for the analytics page, in the book's aging bounds and basis. */
  performance(from: IsoDate, to: IsoDate, topCount = 10): PerformanceFigures {
    const book = this.store.book;
    return periodPerformance(this.store, from, to, { bounds: book.agingBounds, basis: book.agingBasis, topCount });
  }

  isSuspended(customerId: Id): boolean {
    return isSuspended(this.store, customerId);
  }

  invoiceNumber(invoiceId: Id): string | null {
    const i = this.store.invoiceIndex.get(invoiceId);
    return i === undefined ? null : (this.store.invoiceNumbers[i] as string);
  }

  customerName(customerId: Id): string | null {
    const c = this.store.customerIndex.get(customerId);
    return c === undefined ? null : (this.store.customerNames[c] as string);
  }

  private riskIndex(): RiskIndex {
    if (this.riskIndexCache?.version !== this.version) this.riskIndexCache = { version: this.version, index: riskIndex(this.store) };
    return this.riskIndexCache.index;
  }

  private view(asOf: IsoDate): BalanceView {
    const day = toDayNumber(asOf);
    const cached = this.viewCache;
    if (cached && cached.version === this.version && cached.day === day) return cached.view;
    const view = balancesAsOf(this.store, day);
    this.viewCache = { version: this.version, day, view };
    return view;
  }

  private totals(asOf: IsoDate): CustomerTotals {
    const day = toDayNumber(asOf);
    const cached = this.totalsCache;
    if (cached && cached.version === this.version && cached.day === day) return cached.totals;
    const totals = customerTotals(this.store, this.view(asOf));
    this.totalsCache = { version: this.version, day, totals };
    return totals;
  }

  private ranks(): Int32Array {
    // Names change rarely: re-rank only when a name, a customer or the book's locale changed.
    const version = this.store.namesVersion;
    if (this.rankCache && this.rankCache.version === version) return this.rankCache.rank;
    const rank = nameRanks(this.store.customerNames, this.store.customerCount, this.store.book.locale);
    this.rankCache = { version, rank };
    return rank;
  }
}

function page<T>(rows: Int32Array, offset: number, limit: number, toRow: (row: number) => T): Page<T> {
  const start = Math.max(0, Math.min(Math.floor(offset), rows.length));
  const end = Math.max(start, Math.min(rows.length, start + Math.max(0, Math.floor(limit))));
  const out: T[] = [];
  for (let k = start; k < end; k++) out.push(toRow(rows[k] as number));
  return { rows: out, total: rows.length, offset: start, limit };
}
