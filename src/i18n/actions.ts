// The change actions the change log records (Change.action). The UI translates
// each as 'action.<name>' (with params) and 'actionLabel.<name>' (without).
export const CHANGE_ACTIONS = [
  'book.create', 'book.update', 'customer.create', 'customer.update', 'invoice.create', 'invoice.update',
  'payment.record', 'payment.unapply', 'payment.apply', 'adjustment.credit', 'adjustment.writeoff', 'adjustment.charge',
  'demo.load', 'import', 'undo', 'backup.restore',
  'contact.log', 'contact.skip', 'contact.snooze', 'plan.create', 'customer.suspend', 'customer.resume',
  'notice.issue', 'notice.deliver', 'charge.post', 'charge.waive', 'customer.grade',
  'sync.merge',
] as const;

export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
