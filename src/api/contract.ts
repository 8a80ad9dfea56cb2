// The analytics worker's interface, as the UI sees it through Comlink.
// Every answer is small: summaries, one page of rows, one record's detail.
// The UI never receives whole tables.

import type {
  Activity, Adjustment, AdjustmentKind, AgingBasis, Allocation, Book, Contact, Customer, Id,
  Invoice, IsoDate, Locale, Minor, Payment,
} from '../domain/types';
import type { Result } from '../domain/errors';
import type { ImportKind } from '../import/kinds';
import type { ChargesApi } from './charges';
import type { RiskApi } from './risk';
import type { AnalyticsApi } from './analytics';
import type { CollectionsApi } from './collections';
import type { StatementsApi } from './statements';
import type { CollectionSettingsApi } from './collection-settings';
import type { LimitationApi } from './limitation';
import type { SyncApi } from './sync';

export interface BookInput {
  name: string;
  currency: string;
  locale: Locale;
  agingBounds: number[];
  agingBasis: AgingBasis;
  defaultTermsDays: number;
  commaDecimal: boolean;
  limitationYears: number;
}

export interface BookSummary {
  id: Id;
  name: string;
  currency: string;
  customers: number;
  invoices: number;
}

/** One aging bucket; `label` is built by the UI from `from`/`to` (null = open-ended). */
export interface AgingBucket {
  /** Inclusive lower age in days; null for "not yet due" on the due basis. */
  from: number | null;
  /** Inclusive upper age in days; null for the open-ended last bucket. */
  to: number | null;
  amount: Minor;
  count: number;
}

export interface AgingSummary {
  asOf: IsoDate;
  basis: AgingBasis;
  bounds: number[];
  buckets: AgingBucket[];
  /** Sum of invoice balances (= sum of buckets). */
  invoiceTotal: Minor;
  /** Unapplied customer credit, a negative line (<= 0). */
  unappliedCredit: Minor;
  /** invoiceTotal + unappliedCredit. */
  net: Minor;
  /** Of invoiceTotal, the part on disputed invoices (shown apart). */
  disputed: Minor;
}

export interface DebtorRow {
  customerId: Id;
  name: string;
  open: Minor;
  overdue: Minor;
  oldestDaysOverdue: number;
}

export interface ChangeRow {
  seq: number;
  action: string;
  /** Short description parameters for the i18n string: number, customer, amount... */
  params: Record<string, string | number>;
  stamp: string;
  undone: boolean;
}

export interface Dashboard {
  asOf: IsoDate;
  currency: string;
  totalOpen: Minor;
  overdue: Minor;
  overdueCount: number;
  openCount: number;
  customersWithBalance: number;
  unappliedCredit: Minor;
  aging: AgingSummary;
  topDebtors: DebtorRow[];
  recent: ChangeRow[];
  /** Milliseconds the worker spent answering (for the bench and a footer hint). */
  computeMs: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
  limit: number;
}

export type InvoiceStatus = 'open' | 'overdue' | 'paid' | 'disputed' | 'writtenOff' | 'notYetIssued';

export interface InvoiceQuery {
  asOf: IsoDate;
  status?: 'all' | 'open' | 'overdue' | 'paid' | 'disputed' | 'writtenOff';
  customerId?: Id;
  /** Index into the aging buckets of the book's bounds and basis. */
  bucket?: number;
  from?: IsoDate;
  to?: IsoDate;
  /** Matches invoice number, customer name or description, case-insensitive. */
  text?: string;
  sort?: 'due' | 'issue' | 'number' | 'balance' | 'customer';
  desc?: boolean;
  offset: number;
  limit: number;
}

export interface InvoiceRow {
  id: Id;
  number: string;
  customerId: Id;
  customerName: string;
  /** The customer's service is suspended (collections). */
  customerSuspended: boolean;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: Minor;
  balance: Minor;
  daysOverdue: number;
  status: InvoiceStatus;
}

export interface CustomerQuery {
  asOf: IsoDate;
  text?: string;
  onlyWithBalance?: boolean;
  sort?: 'name' | 'open' | 'overdue';
  desc?: boolean;
  offset: number;
  limit: number;
}

export interface CustomerRow {
  id: Id;
  name: string;
  termsDays: number;
  creditLimit: Minor | null;
  open: Minor;
  overdue: Minor;
  credit: Minor;
  invoiceCount: number;
  /** Service suspended (collections stage or by hand). */
  suspended: boolean;
}

export interface CustomerDetail {
  customer: Customer;
  open: Minor;
  overdue: Minor;
  /** Unapplied payment credit (>= 0). */
  credit: Minor;
  aging: AgingSummary;
  invoices: Page<InvoiceRow>;
  payments: (Payment & { unapplied: Minor })[];
}

export interface InvoiceDetail {
  invoice: Invoice;
  customerName: string;
  balance: Minor;
  daysOverdue: number;
  status: InvoiceStatus;
  allocations: (Allocation & { paymentReference: string; paymentMethod: string })[];
  adjustments: Adjustment[];
  activities: Activity[];
}

export interface CustomerInput {
  name: string;
  uscc: string;
  termsDays: number;
  creditLimit: Minor | null;
  contacts: Contact[];
  tags: string[];
  notes: string;
}

export interface InvoiceInput {
  customerId: Id;
  number: string;
  issueDate: IsoDate;
  /** Empty string = issue date + the customer's terms. */
  dueDate: IsoDate | '';
  amount: Minor;
  currency: string;
  description: string;
  disputed: boolean;
  disputeReason: string;
}

export interface PaymentInput {
  customerId: Id;
  date: IsoDate;
  amount: Minor;
  method: string;
  reference: string;
  /** 'auto' = oldest due first; otherwise explicit amounts per invoice. Leftover stays as credit. */
  allocation: 'auto' | { invoiceId: Id; amount: Minor }[];
}

export interface PaymentResult {
  payment: Payment;
  allocations: Allocation[];
  /** Left over as unapplied customer credit. */
  credit: Minor;
}

export interface AdjustmentInput {
  kind: AdjustmentKind;
  invoiceId: Id;
  date: IsoDate;
  amount: Minor;
  reason: string;
  basis: string;
}

/** Open invoice offered for allocation in the payment form. */
export interface OpenInvoiceOption {
  id: Id;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  balance: Minor;
}

export interface DemoOptions {
  seed: number;
  customers: number;
  invoices: number;
  locale: Locale;
  /** Last day of generated history (usually today). */
  endDate: IsoDate;
}

export interface Progress {
  done: number;
  total: number;
}

/** Raised by storage: the worker reports these instead of throwing. */
export interface StorageStatus {
  state: 'ok' | 'blocked' | 'error';
  code?: 'storage.quota' | 'storage.blocked' | 'storage.failed';
  detail?: string;
}

// --- Export, backup and restore (engineer EX) ---

export type ExportReport = 'agingSummary' | 'agingDetail' | 'customers' | 'invoices' | 'payments' | 'activities';

export interface ExportOptions {
  /** Balances and ages as of this day. */
  asOf: IsoDate;
  /** 'utf-8' is written with a BOM (Excel then shows Chinese); 'gbk' for older Chinese Excel. */
  encoding: 'utf-8' | 'gbk';
  /** Aging reports: defaults to the book's basis and bounds. */
  basis?: AgingBasis;
  bounds?: number[];
  /** Only this customer's rows (invoices, aging detail, payments, activities). */
  customerId?: Id;
}

/** A finished file: the one place a whole report crosses to the page, as bytes. */
export interface ExportFile {
  filename: string;
  mime: string;
  bytes: ArrayBuffer;
}

export interface BackupFile {
  filename: string;
  bytes: ArrayBuffer;
}

/** 'check' only reads the file; 'asNew' copies every book under new ids; 'replace' puts each book back as it was, replacing a book with the same id here. */
export type RestoreMode = 'check' | 'asNew' | 'replace';

export interface BackupBookInfo {
  /** The book's id in the file. */
  id: Id;
  name: string;
  currency: string;
  customers: number;
  invoices: number;
  payments: number;
  activities: number;
  /** The live book here with the same id, if any (what 'replace' would replace). */
  existing: { id: Id; name: string } | null;
}

export interface RestoreReport {
  mode: RestoreMode;
  exportedAt: string;
  deviceId: string;
  books: BackupBookInfo[];
  /** Books written (empty for 'check'): ids and names as they are now here. */
  restored: { id: Id; name: string }[];
}

// ---- Import (engineer IW) ----

/** A file chosen in the browser, or rows pasted from a spreadsheet (tab-separated). */
export type ImportSource = { name: string; bytes: ArrayBuffer } | { pasted: string };

export interface ImportPreviewOptions {
  /** '' or absent = detect ('utf-8', 'utf-16le', 'utf-16be', 'gb18030', ...). */
  encoding?: string;
  delimiter?: string;
  dateOrder?: 'ymd' | 'dmy' | 'mdy';
  /** Field -> header text (or 1-based column number); '' unmaps the field. */
  map?: Record<string, string>;
  /** A shipped preset id ('xero', 'cn-ledger', ...) or 'user:<name>' for a saved one. */
  preset?: string;
  /** Chosen by the caller so it can cancel (importCancel) while the file is still read. */
  token?: string;
  /** The user's "today": the date of payments whose paid date is missing (default: the device's date). */
  today?: IsoDate;
  /** What the file holds (default 'invoices'); `map` then names that kind's fields. */
  kind?: ImportKind;
}

/** One problem as the preview lists it; `code` is 'import.*' or a domain ErrorCode. */
export interface ImportProblemRow {
  severity: 'error' | 'warning';
  line: number;
  column: string | null;
  code: string;
  params: Record<string, string | number>;
}

export interface ImportCounts {
  /** Data rows read. */
  rows: number;
  /** Invoices read without errors. */
  invoices: number;
  /** Of those, to be written (not yet in the book). */
  newInvoices: number;
  /** Already in the book (same customer and number): left unchanged. */
  existingInvoices: number;
  newCustomers: number;
  /** Customers file: customers already in the book, left unchanged (absent for other kinds). */
  existingCustomers?: number;
  payments: number;
  errors: number;
  warnings: number;
}

export interface ImportPreview {
  token: string;
  encoding: string;
  delimiter: string;
  /** 1-based line of the header row (0: none). */
  headerLine: number;
  headers: string[];
  /** Field -> 0-based column index, as used. */
  mapping: Record<string, number>;
  /** The preset applied, as given, or null. */
  preset: string | null;
  /** The first data rows' cells as read (at most IMPORT_PREVIEW_ROWS), with their line. */
  sample: { line: number; cells: string[] }[];
  counts: ImportCounts;
  /** The first problems (at most IMPORT_PROBLEM_CAP), errors and warnings; `problemTotal` counts all. */
  problems: ImportProblemRow[];
  problemTotal: number;
}

export const IMPORT_PREVIEW_ROWS = 20;
export const IMPORT_PROBLEM_CAP = 500;

export interface ImportSummary {
  invoices: number;
  customers: number;
  payments: number;
  /** Invoices already in the book, left unchanged. */
  existing: number;
  /** Invoices left out for errors. */
  skipped: number;
  /** Customers file: customers already in the book, left unchanged (absent for other kinds). */
  existingCustomers?: number;
}

export interface ImportPresetInfo {
  /** Shipped: its id; saved by the user: 'user:<name>'. */
  id: string;
  name: string;
  builtin: boolean;
  /** The kind of file it maps (shipped presets are all for invoices). */
  kind: ImportKind;
  map: Record<string, string>;
  options: { encoding?: string; delimiter?: string; dateOrder?: 'ymd' | 'dmy' | 'mdy' };
}

export interface OverdueApi extends CollectionsApi, CollectionSettingsApi, ChargesApi, StatementsApi, LimitationApi, RiskApi, AnalyticsApi, SyncApi {
  /** Opens the database; reports a blocked upgrade or other storage failure plainly. */
  open(): Promise<StorageStatus>;
  listBooks(): Promise<BookSummary[]>;
  getBook(bookId: Id): Promise<Book | null>;
  createBook(input: BookInput): Promise<Result<Book>>;
  updateBook(bookId: Id, input: BookInput): Promise<Result<Book>>;
  /** Creates a new book filled by the seeded generator; progress through a Comlink-proxied callback. */
  loadDemoBook(options: DemoOptions, onProgress?: (p: Progress) => void): Promise<Result<Book>>;

  dashboard(bookId: Id, asOf: IsoDate): Promise<Dashboard>;
  aging(bookId: Id, asOf: IsoDate, basis?: AgingBasis, bounds?: number[]): Promise<AgingSummary>;

  listCustomers(bookId: Id, query: CustomerQuery): Promise<Page<CustomerRow>>;
  /** Name search for pickers: at most `limit` matches. */
  findCustomers(bookId: Id, text: string, limit: number): Promise<{ id: Id; name: string; termsDays: number }[]>;
  customerDetail(bookId: Id, customerId: Id, asOf: IsoDate, invoiceOffset: number): Promise<CustomerDetail | null>;
  saveCustomer(bookId: Id, input: CustomerInput, customerId?: Id): Promise<Result<Customer>>;

  listInvoices(bookId: Id, query: InvoiceQuery): Promise<Page<InvoiceRow>>;
  invoiceDetail(bookId: Id, invoiceId: Id, asOf: IsoDate): Promise<InvoiceDetail | null>;
  saveInvoice(bookId: Id, input: InvoiceInput, invoiceId?: Id): Promise<Result<Invoice>>;
  openInvoices(bookId: Id, customerId: Id, asOf: IsoDate): Promise<OpenInvoiceOption[]>;

  recordPayment(bookId: Id, input: PaymentInput): Promise<Result<PaymentResult>>;
  /** Removes a payment's allocations; the money becomes unapplied credit again. */
  unapplyPayment(bookId: Id, paymentId: Id): Promise<Result<Payment>>;
  /**
   * Applies what is still unapplied of an existing payment (customer credit):
   * 'auto' = oldest due first, or explicit lines, validated like recordPayment
   * ('payment.overAllocated' on 'amount' when the lines exceed the unapplied part).
   * Each allocation is dated the later of the payment date and the invoice's
   * issue date, so credit from March can pay a May invoice without changing
   * any balance as of a day before May. `credit` = what is still unapplied after.
   */
  applyPayment(bookId: Id, paymentId: Id, allocation: PaymentInput['allocation']): Promise<Result<PaymentResult>>;
  addAdjustment(bookId: Id, input: AdjustmentInput): Promise<Result<Adjustment>>;

  /**
   * Reads a file (or pasted rows) in the worker, in chunks with progress, and keeps the
   * result under `token` for importCommit; answers only a summary and the first rows.
   * 'import.cancelled' when importCancel(token) stopped it.
   */
  importPreview(bookId: Id, source: ImportSource, options: ImportPreviewOptions, onProgress?: (p: Progress) => void): Promise<Result<ImportPreview>>;
  /** Writes the previewed invoices, customers and payments in one transaction and one undoable batch ('import'). */
  importCommit(token: string, onProgress?: (p: Progress) => void): Promise<Result<ImportSummary>>;
  /** Stops a preview still reading, or forgets a finished one. */
  importCancel(token: string): Promise<void>;
  /** Shipped presets, then the ones saved on this device. */
  listImportPresets(): Promise<ImportPresetInfo[]>;
  /** Saves (or replaces) a preset on this device; `map` keeps only the kind's fields. */
  saveImportPreset(
    name: string, map: Record<string, string>, options: ImportPresetInfo['options'], kind?: ImportKind,
  ): Promise<Result<ImportPresetInfo>>;

  /** Reverts the newest batch of changes not yet undone. */
  undo(bookId: Id): Promise<Result<{ action: string }>>;
  recentChanges(bookId: Id, limit: number): Promise<ChangeRow[]>;

  /** One report of the book as a CSV file (Comlink-transferred bytes). */
  exportCsv(bookId: Id, report: ExportReport, options: ExportOptions): Promise<ExportFile>;
  /** Every book with all its records (tombstones included) as one checksummed JSON file. */
  backupAll(): Promise<BackupFile>;
  /**
   * Validates a backup file (refusing a damaged or foreign one with errors naming the
   * place) and, unless mode is 'check', restores it in one transaction, each book
   * logged as one 'backup.restore' batch so it can be undone. Never merges into a book.
   */
  restoreBackup(bytes: ArrayBuffer, mode: RestoreMode): Promise<Result<RestoreReport>>;
}
