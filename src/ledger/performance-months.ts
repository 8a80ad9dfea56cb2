// Calendar months as plain integers (year * 12 + month - 1) for the performance
// passes: a 100,000-invoice book needs each issue day's month, and string dates
// would cost a Date and a format per invoice.

import { daysInMonth, formatYmd, toDayNumber } from '../domain/calendar';
import type { DayNumber, IsoDate } from '../domain/types';

/** year * 12 + (month - 1): consecutive months are consecutive integers. */
export type MonthIndex = number;

/**
 * The month of a day number (days since 1970-01-01), with whole-number arithmetic on
 * the proleptic Gregorian calendar: shift the year to start in March so the leap day
 * ends it, split into 400-year eras of 146,097 days, then years and months inside.
 */
export function monthOfDay(day: DayNumber): MonthIndex {
  const shifted = day + 719_468; // days since 0000-03-01
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March ... 11 = February
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

const yearOf = (m: MonthIndex) => Math.floor(m / 12);
const monthNumber = (m: MonthIndex) => (m % 12) + 1;

/** 'YYYY-MM'. */
export function monthKey(m: MonthIndex): string {
  return formatYmd(yearOf(m), monthNumber(m), 1).slice(0, 7);
}

export function monthStart(m: MonthIndex): IsoDate {
  return formatYmd(yearOf(m), monthNumber(m), 1);
}

export function monthEnd(m: MonthIndex): IsoDate {
  return formatYmd(yearOf(m), monthNumber(m), daysInMonth(yearOf(m), monthNumber(m)));
}

export function monthStartDay(m: MonthIndex): DayNumber {
  return toDayNumber(monthStart(m));
}

export function monthEndDay(m: MonthIndex): DayNumber {
  return toDayNumber(monthEnd(m));
}
