// "1 day" / "5 days" (English plural rules; Chinese has one form).
import { lang } from './lang';
import { t } from './t';

const rules = new Map<string, Intl.PluralRules>();

export function daysText(count: number): string {
  const l = lang();
  let r = rules.get(l);
  if (!r) {
    r = new Intl.PluralRules(l);
    rules.set(l, r);
  }
  return t(r.select(count) === 'one' ? 'common.day' : 'common.days', { count });
}
