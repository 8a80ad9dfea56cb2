export { Ledger, type CustomerFigures, type InvoiceFigures } from './ledger';
export type { LedgerRecords } from './changes';
export type { LedgerDashboard } from './dashboard';
export type { LimitationInvoice } from './limitation';
export { isLedgerSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type LedgerSnapshot } from './snapshot';
export type { BookSettings } from './store';
export { daysOverdue, invoiceStatus } from './status';
