// A warning in words, from its kind and params (see riskWarnings in
// src/domain/risk-warnings.ts for each kind's params). Returns a message key with
// its params so the caller translates reactively and tests can check that every
// kind fills every placeholder in both languages.
import type { WarningRow } from '../../api/risk';
import type { Grade } from '../../domain/collections';
import type { WarningKind } from '../../domain/risk-warnings';
import type { IsoDate, Minor } from '../../domain/types';
import type { MessageKey, Params } from '../../i18n';

export interface WarningFormat {
  money: (amount: Minor) => string;
  date: (iso: IsoDate) => string;
  number: (n: number) => string;
  percent: (ratio: number) => string;
  /** An aging bucket's label from its index into bucketRanges(bounds, 'due'). */
  bucket: (index: number) => string;
  grade: (g: Grade) => string;
}

export interface WarningText {
  key: MessageKey;
  params: Params;
}

export const WARNING_KINDS: readonly WarningKind[] = ['limitationSoon', 'brokenPromise', 'overLimit', 'gradeDrop', 'bucketCrossed', 'concentration'];

const GRADE_LETTERS: readonly string[] = ['A', 'B', 'C', 'D'];

function num(p: WarningRow['params'], name: string): number {
  const v = p[name];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function str(p: WarningRow['params'], name: string): string {
  const v = p[name];
  return v === undefined ? '' : String(v);
}

function grade(p: WarningRow['params'], name: string, f: WarningFormat): string {
  const g = str(p, name);
  return GRADE_LETTERS.includes(g) ? f.grade(g as Grade) : g;
}

export function warningText(w: Pick<WarningRow, 'kind' | 'params' | 'customerName' | 'invoiceNumber'>, f: WarningFormat): WarningText {
  const p = w.params;
  const customer = w.customerName || '?';
  const invoice = w.invoiceNumber || '?';
  switch (w.kind) {
    case 'overLimit':
      return { key: 'warnings.text.overLimit', params: { customer, open: f.money(num(p, 'open')), over: f.money(num(p, 'over')), limit: f.money(num(p, 'limit')) } };
    case 'bucketCrossed':
      return {
        key: 'warnings.text.bucketCrossed',
        params: { customer, invoice, days: f.number(num(p, 'days')), bucket: f.bucket(num(p, 'to')), balance: f.money(num(p, 'balance')) },
      };
    case 'brokenPromise': {
      const params = { customer, amount: f.money(num(p, 'amount')), unpaid: f.money(num(p, 'unpaid')), brokenOn: f.date(str(p, 'brokenOn')) };
      return num(p, 'invoices') === 1 && w.invoiceNumber
        ? { key: 'warnings.text.brokenPromiseOne', params: { ...params, invoice } }
        : { key: 'warnings.text.brokenPromiseMany', params: { ...params, invoices: f.number(num(p, 'invoices')) } };
    }
    case 'gradeDrop':
      return { key: 'warnings.text.gradeDrop', params: { customer, from: grade(p, 'from', f), to: grade(p, 'to', f) } };
    case 'limitationSoon':
      return {
        key: str(p, 'within') === 'urgent' ? 'warnings.text.limitationUrgent' : 'warnings.text.limitationSoon',
        params: { customer, invoice, endsOn: f.date(str(p, 'endsOn')), daysLeft: f.number(num(p, 'daysLeft')) },
      };
    case 'concentration':
      return {
        key: 'warnings.text.concentration',
        params: {
          customer, share: f.percent(num(p, 'shareBp') / 10_000), threshold: f.percent(num(p, 'thresholdBp') / 10_000),
          open: f.money(num(p, 'open')), bookOpen: f.money(num(p, 'bookOpen')),
        },
      };
  }
}
