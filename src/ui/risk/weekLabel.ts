// A forecast week's short label: "W1 · 6/1" style, the week's number and first day
// (month and day only: the 13 weeks never span more than a quarter).
import type { IsoDate } from '../../domain/types';
import { lang, t } from '../../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

export function shortDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const l = lang();
  let f = formats.get(l);
  if (!f) {
    f = new Intl.DateTimeFormat(l, { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    formats.set(l, f);
  }
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function weekLabel(index: number, start: IsoDate): string {
  return t('risk.forecast.weekShort', { n: index + 1, date: shortDate(start) });
}
