// Date cells as exports write them, brought to the forms parseDate reads, and the
// evidence a column gives about its day/month order.
import { toHalfWidth, type DateOrder } from '../domain/calendar';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Printable ASCII, trimmed: nothing for toHalfWidth to do. */
const PLAIN_ASCII = /^(?! )[\x20-\x7e]*(?<! )$/;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/;
// "15 Jan 2024", "15-Jan-2024", "15-Jan-24", "Jan 15, 2024", "January 15 2024"; weekday names ahead are dropped.
const DAY_MONTH_NAME = /^(\d{1,2})[\s\-/.]+([a-z]{3,9})\.?[\s\-/.,]+(\d{4}|\d{2})$/;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4})$/;
// Day/month forms with a time after them, as Excel writes "1/5/2024 0:00".
const DM_WITH_TIME = /^(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})[ T]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$/;
// Day/month with a two-digit year, as Excel's m/d/yy saves it.
const DM_SHORT_YEAR = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})$/;
/** The day/month-first form parseDate accepts only with an order. */
export const DAY_MONTH_FORM = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

/** Excel's two-digit-year pivot: 00-29 are 2000s, 30-99 are 1900s. */
function fullYear(yy: string): string {
  const n = Number(yy);
  return String(n < 30 ? 2000 + n : 1900 + n);
}

/** A date cell in a form parseDate reads; month names become ISO (they are never ambiguous). */
export function normalizeDateText(cell: string): string {
  if (ISO_DAY.test(cell)) return cell; // the common case, untouched
  const s = PLAIN_ASCII.test(cell) ? cell : toHalfWidth(cell);
  const lower = s.toLowerCase().replace(WEEKDAY, '');
  let m = DAY_MONTH_NAME.exec(lower);
  if (m) return named(m[3] ?? '', m[2] ?? '', m[1] ?? '') ?? s;
  m = MONTH_NAME_DAY.exec(lower);
  if (m) return named(m[3] ?? '', m[1] ?? '', m[2] ?? '') ?? s;
  const timed = DM_WITH_TIME.exec(lower);
  const date = timed?.[1] ?? s;
  const short = DM_SHORT_YEAR.exec(date);
  return short ? `${short[1]}${short[2]}${short[3]}${short[2]}${fullYear(short[4] ?? '')}` : date;
}

function named(year: string, month: string, day: string): string | null {
  const mo = MONTHS[month];
  if (mo === undefined) return null;
  const y = year.length === 2 ? fullYear(year) : year;
  return `${y}-${pad2(mo)}-${pad2(Number(day))}`;
}

/** What the values of one date column say about their order. */
export interface OrderEvidence {
  /** A value whose first part is above 12 (so day first), e.g. 13/01/2024. */
  dayFirst: { value: string; line: number } | null;
  /** A value whose second part is above 12 (so month first), e.g. 01/13/2024. */
  monthFirst: { value: string; line: number } | null;
  /** A value readable both ways with different results, e.g. 05/01/2024. */
  ambiguous: { value: string; line: number } | null;
  /** How many values need an order to be read (day != month). */
  needOrder: number;
}

export function newEvidence(): OrderEvidence {
  return { dayFirst: null, monthFirst: null, ambiguous: null, needOrder: 0 };
}

/** Record what a normalised date cell says about its column's order. */
export function addEvidence(ev: OrderEvidence, normalized: string, raw: string, line: number): void {
  const m = DAY_MONTH_FORM.exec(normalized);
  if (!m) return;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a === b) return;
  ev.needOrder++;
  if (a > 12 && b <= 12) ev.dayFirst ??= { value: raw.trim(), line };
  else if (b > 12 && a <= 12) ev.monthFirst ??= { value: raw.trim(), line };
  else if (a <= 12 && b <= 12) ev.ambiguous ??= { value: raw.trim(), line };
}

/** The order the evidence decides, 'conflict' when it points both ways, or null when it cannot tell. */
export function decideOrder(ev: OrderEvidence): DateOrder | 'conflict' | null {
  if (ev.dayFirst && ev.monthFirst) return 'conflict';
  if (ev.dayFirst) return 'dmy';
  if (ev.monthFirst) return 'mdy';
  return null;
}

/** Does a normalised date need a day/month order to be read? (5/1/2024 yes; 5/5/2024, ISO no.) */
export function needsOrder(normalized: string): boolean {
  const m = DAY_MONTH_FORM.exec(normalized);
  return m !== null && Number(m[1]) !== Number(m[3]);
}
