// Validation results. Messages are codes translated by the UI (src/i18n), so the
// domain stays language-free; `field` names the input the message belongs to.

export type ErrorCode =
  | 'required'
  | 'money.invalid'
  | 'money.ambiguous'
  | 'money.tooManyDecimals'
  | 'money.negative'
  | 'money.zero'
  | 'money.tooLarge'
  | 'money.currencyMismatch'
  | 'date.invalid'
  | 'date.ambiguous'
  | 'date.outOfRange'
  | 'number.invalid'
  | 'invoice.dueBeforeIssue'
  | 'invoice.duplicateNumber'
  | 'invoice.notFound'
  | 'customer.notFound'
  | 'customer.hasRecords'
  | 'uscc.format'
  | 'uscc.checksum'
  | 'payment.overAllocated'
  | 'payment.notFound'
  | 'allocation.exceedsBalance'
  | 'allocation.otherCustomer'
  | 'adjustment.exceedsBalance'
  | 'aging.bounds'
  | 'book.notFound'
  | 'undo.nothing'
  | 'undo.conflict'
  // Import (engineer IW): a preview stopped, forgotten, or a preset name refused.
  | 'import.cancelled'
  | 'import.expired'
  | 'import.presetName'
  | 'storage.quota'
  | 'storage.blocked'
  | 'storage.failed'
  // Backup files (field = the place in the file, e.g. 'books[1].invoices[17].amount').
  | 'backup.json'
  | 'backup.foreign'
  | 'backup.version'
  | 'backup.checksum'
  | 'backup.counts'
  | 'backup.notInteger'
  | 'backup.notText'
  | 'backup.notDate'
  | 'backup.badValue'
  | 'backup.otherBook'
  | 'backup.duplicateId'
  | 'backup.missingRef'
  | 'backup.idConflict'
  // Collection policies (field 'stages.<i>.<key>', 'grades.<i>'): see checkPolicy in policy.ts for params.
  | 'policy.stageCount'
  | 'policy.duplicateStage'
  | 'policy.offsetRange'
  | 'policy.sameOffset'
  | 'policy.order'
  | 'policy.channel'
  | 'policy.kind'
  | 'policy.template'
  | 'policy.grade'
  // Promises to pay and payment plans: see checkPromise / checkPlan in promise.ts for fields and params.
  | 'promise.exceedsBalance'
  | 'promise.noInvoices'
  | 'promise.dateBefore'
  | 'plan.count'
  | 'plan.order'
  | 'plan.sum'
  // Charge rules (field = the ChargeRule key): a rate, the grace days or the cap out of range.
  | 'charge.rate'
  | 'charge.grace'
  | 'charge.cap'
  // Notice templates (field 'template'): a placeholder not in PLACEHOLDERS, or '{{' without '}}'; params line, column.
  | 'template.unknownPlaceholder'
  | 'template.syntax'
  // Notices: nothing overdue to demand, or an unknown notice.
  | 'notice.nothingDue'
  | 'notice.notFound'
  // Collections settings: a book's set of policies (field 'policies' or 'policies.<i>.id' / '.grades'),
  // a template id or language that does not exist, a letterhead text too long (params max).
  | 'policy.noDefault'
  | 'policy.secondDefault'
  | 'policy.gradeTaken'
  | 'policy.duplicateId'
  | 'template.unknown'
  | 'text.tooLong'
  // A percentage typed with more than two decimals: rates are kept in basis points (0.01 %).
  | 'charge.precision'
  // Late charges: waiving an unknown charge, or one already waived.
  | 'charge.notFound'
  | 'charge.waived'
  // Customer statements: a period whose end is before its start (field 'to', params from).
  | 'statement.periodReversed'
  // Attachments (field 'attachment'): not a photo or PDF (params name), or over the size limit (params size, max in bytes).
  | 'attachment.type'
  | 'attachment.tooLarge'
  // Risk weights (field = the RiskWeights key, params min, max; field '' params min when all are 0).
  | 'risk.weight'
  // A grade override without a reason (field 'reason'), or for an unknown customer (field 'customerId').
  | 'grade.reasonRequired'
  | 'grade.customerNotFound'
  // Dismissing a warning needs a reason (field 'reason').
  | 'warning.reasonRequired'
  // Sync settings: not an http(s) URL (field 'url'), interval out of range (field 'intervalMinutes', params min, max),
  // joining with something that is not a book id (field 'bookId'), a book already on this device (field 'bookId').
  | 'sync.url'
  | 'sync.interval'
  | 'sync.bookId'
  | 'sync.bookExists'
  // Sync not set up for the book (field ''); a sync that failed (field '', params kind = SyncErrorKind, detail).
  | 'sync.notConfigured'
  | 'sync.failed';

export interface FieldError {
  /** Input name ('amount', 'dueDate', 'allocations.2.amount', ...) or '' for the whole form. */
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(field: string, code: ErrorCode, params?: FieldError['params']): Result<T> => ({
  ok: false,
  errors: [params ? { field, code, params } : { field, code }],
});
