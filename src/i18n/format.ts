// Intl-based display of money, calendar dates and numbers in the current language.
import { formatMoney } from '../domain/money';
import type { IsoDate, Minor } from '../domain/types';
import { lang } from './lang';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function fmtMoney(amount: Minor, currency: string): string {
  return formatMoney(amount, currency, lang());
}

/**
 * A calendar date has no time zone: format it as a UTC instant with timeZone 'UTC'
 * so that no local offset can move it to the neighbouring day.
 */
export function fmtDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const instant = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const l = lang();
  return cached(`date:${l}`, () => new Intl.DateTimeFormat(l, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' })).format(instant);
}

/** A moment (an ISO timestamp or ms since epoch) as local date and time, e.g. when a sync happened. */
export function fmtDateTime(at: string | number | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const instant = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(instant)) return String(at);
  const l = lang();
  return cached(`datetime:${l}`, () => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(instant);
}

export function fmtNumber(n: number): string {
  const l = lang();
  return cached(`num:${l}`, () => new Intl.NumberFormat(l)).format(n);
}

/** ratio 0.25 → "25%" (one decimal at most). */
export function fmtPercent(ratio: number): string {
  const l = lang();
  return cached(`pct:${l}`, () => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 })).format(ratio);
}
