// The import core's public API, for the worker, the wizard and the CLI.
export type { ImportField } from './fields';
export { IMPORT_FIELDS, isImportField } from './fields';
export type { GroupAmounts, ImportOptions, ImportProblem, ParsedFile, ParsedInvoice, ParsedPayment, RowFilter } from './types';
export { decodeBytes, detectEncoding } from './decode';
export { detectDelimiter, DELIMITERS } from './delimiter';
export { findHeaderRow } from './header';
export { matchHeader, synonymsOf } from './synonyms';
export { resolveMapping } from './mapping';
export { applyPreset, detectPreset, getPreset, PRESETS, type ImportPreset, type PresetId } from './presets';
export { IMPORT_CODES, type ImportCode } from './problems';
export {
  createInvoiceParser, parseInvoiceFile, parseInvoiceFileAsync, parsePastedRows, type InvoiceParser, type ParseControl,
} from './invoices';
export {
  CUSTOMER_FIELDS, IMPORT_KINDS, isImportKind, PAYMENT_FIELDS, type CustomerField, type ImportKind, type PaymentField,
} from './kinds';
export { parseCustomerFile, parsePaymentFile, type ParsedCustomer, type ParsedPaymentRow, type RecordFile, type RecordOptions } from './records';
export { planCustomers, type CustomerPlan } from './plan-customers';
