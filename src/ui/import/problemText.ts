// The words for one import problem, in the current language. A code can come with
// different params (date.invalid names a value in a row, an invoice number in a
// group): when the full message's params are missing, the '.short' variant is used.
import type { ImportProblemRow } from '../../api/contract';
import { isMessageKey, t } from '../../i18n';
import { tChecked } from '../../i18n/t';

export function problemText(p: Pick<ImportProblemRow, 'code' | 'params'>): string {
  const full = `problem.${p.code}`;
  if (isMessageKey(full)) {
    const r = tChecked(full, p.params);
    if (r.missing.length === 0) return r.text;
    const short = `${full}.short`;
    if (isMessageKey(short)) return tChecked(short, p.params).text;
    return r.text;
  }
  const error = `error.${p.code}`;
  if (isMessageKey(error)) return t(error, p.params);
  return t('problem.unknown', { code: p.code });
}
