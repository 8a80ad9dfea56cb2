// The fields the mapping row offers for each kind of file, and their labels and messages.
import { isMessageKey, t } from '../../i18n';
import { fieldsOfKind, type ImportKind } from '../../import/kinds';

export const fieldsOf = fieldsOfKind;

export function fieldLabel(kind: ImportKind, field: string): string {
  const key = kind === 'invoices' ? `importPage.field.${field}` : `importPage.field.${kind}.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

const KIND_MESSAGES = {
  counts: { invoices: 'importPage.counts', customers: 'importPage.counts.customers', payments: 'importPage.counts.payments' },
  confirm: { invoices: 'importPage.confirm', customers: 'importPage.confirm.customers', payments: 'importPage.confirm.payments' },
  done: { invoices: 'importPage.done', customers: 'importPage.done.customers', payments: 'importPage.done.payments' },
} as const;

/** The message key of a counts, confirm or done line for this kind of file. */
type KindMessageKey = (typeof KIND_MESSAGES)[keyof typeof KIND_MESSAGES][ImportKind];
export function kindMessage(message: keyof typeof KIND_MESSAGES, kind: ImportKind): KindMessageKey {
  const keys: Record<ImportKind, KindMessageKey> = KIND_MESSAGES[message];
  return keys[kind];
}
