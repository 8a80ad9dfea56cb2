// Calendar dates: 'YYYY-MM-DD' strings with no time and no zone. Arithmetic runs on
// whole day numbers (days since 1970-01-01) computed in UTC, so no time zone or
// daylight-saving change can shift a date by one.
import type { DayNumber, IsoDate } from './types';
import { fail, ok, type Result } from './errors';

const MS_PER_DAY = 86_400_000;
/** 0001-01-01 and 9999-12-31: the range a four-digit ISO year can express. */
const MIN_DAY: DayNumber = -719_162;
const MAX_DAY: DayNumber = 2_932_896;
/** Excel's 1900 date system: serial 1 = 1900-01-01; 60 is the 1900-02-29 that never was. */
const EXCEL_FAKE_LEAP_DAY = 60;
export const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31
/** Day number of serial 0 for serials after the fake leap day (1899-12-30). */
const EXCEL_EPOCH_DAY = -25_569;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** Days in month `month` (1-12) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Does year-month-day exist (year 1..9999)? */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** The ISO string for a year-month-day already known to exist. */
export function formatYmd(year: number, month: number, day: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Strict YYYY-MM-DD that exists on the calendar (no 2023-02-29). */
export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function utcDay(year: number, month: number, day: number): DayNumber {
  // setUTCFullYear instead of Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** Whole days since 1970-01-01. Throws RangeError on a malformed or non-existent date. */
export function toDayNumber(iso: IsoDate): DayNumber {
  const m = ISO_RE.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (m === null || !isValidYmd(y, mo, d)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(iso)}`);
  return utcDay(y, mo, d);
}

/** The ISO date of a day number. Throws RangeError outside years 0001-9999 or for non-integers. */
export function fromDayNumber(day: DayNumber): IsoDate {
  if (!Number.isInteger(day) || day < MIN_DAY || day > MAX_DAY) {
    throw new RangeError(`Day number out of range: ${day}`);
  }
  const t = new Date(day * MS_PER_DAY);
  return formatYmd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days expected: ${days}`);
  return fromDayNumber(toDayNumber(iso) + days);
}

/** to - from, in whole days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The user's local calendar date ("today" is what the wall calendar says where they are). */
export function todayLocal(now: Date = new Date()): IsoDate {
  return formatYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Excel 1900-system serial to ISO date; null for serial 60 (the fake 1900-02-29) or out of range. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL || serial === EXCEL_FAKE_LEAP_DAY) return null;
  // Serials before the fake leap day are one day "late" relative to the rest.
  return fromDayNumber(EXCEL_EPOCH_DAY + serial + (serial < EXCEL_FAKE_LEAP_DAY ? 1 : 0));
}

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** Full-width digits and punctuation (from CJK input methods) to ASCII; trims. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

// Year first: 2024-01-05, 2024/1/5, 2024.1.5 (same separator twice), optional time part.
const YMD_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CJK_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
// Excel serials may carry a time fraction (45296.5); the date is the whole part.
const SERIAL_RE = /^(\d{1,7})(?:\.\d+)?$/;
// Day and month first in some order: 5-1-2024, 1/5/2024, 05.01.2024.
const DM_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

/**
 * Parse a date as typed or imported. Day-first and month-first forms need an explicit
 * `order`; without it they are ambiguous, even when one part is above 12, because a
 * column of such dates must be read one way throughout. Errors have field ''.
 */
export function parseDate(input: string, opts: { order?: DateOrder } = {}): Result<IsoDate> {
  const s = toHalfWidth(input);
  if (s === '') return fail('', 'required');
  const ymd = (y: string | undefined, m: string | undefined, d: string | undefined): Result<IsoDate> => {
    const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
    return isValidYmd(yy, mm, dd) ? ok(formatYmd(yy, mm, dd)) : fail('', 'date.invalid');
  };

  let m = YMD_RE.exec(s);
  if (m) return ymd(m[1], m[3], m[4]);
  m = CJK_RE.exec(s);
  if (m) return ymd(m[1], m[2], m[3]);
  m = COMPACT_RE.exec(s);
  if (m) return ymd(m[1], m[2], m[3]);
  m = SERIAL_RE.exec(s);
  if (m) {
    const serial = Number(m[1]);
    if (serial < 1 || serial > EXCEL_MAX_SERIAL) return fail('', 'date.outOfRange', { min: 1, max: EXCEL_MAX_SERIAL });
    const iso = fromExcelSerial(serial);
    return iso === null ? fail('', 'date.invalid') : ok(iso);
  }
  m = DM_RE.exec(s);
  if (m) {
    if (opts.order === 'dmy') return ymd(m[4], m[3], m[1]);
    if (opts.order === 'mdy') return ymd(m[4], m[1], m[3]);
    return fail('', 'date.ambiguous', { example: input.trim() });
  }
  return fail('', 'date.invalid');
}
