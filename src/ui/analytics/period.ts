// The periods the analytics page offers, as [from, to] given today, and the check of
// a custom period. Whole calendar days as ISO strings; month arithmetic on numbers.
import { daysInMonth, formatYmd, isIsoDate } from '../../domain/calendar';
import type { IsoDate } from '../../domain/types';

export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'last12', 'thisYear'] as const;
export type Preset = (typeof PRESETS)[number];
export type PeriodChoice = Preset | 'custom';

export const isPeriodChoice = (s: string): s is PeriodChoice => s === 'custom' || (PRESETS as readonly string[]).includes(s);

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** The first day of the month `back` months before the month of (year, month). */
function monthsBack(year: number, month: number, back: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) - back;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A preset period ending today (last month: the whole previous month). */
export function presetPeriod(preset: Preset, today: IsoDate): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: formatYmd(year, month, 1), to: today };
    case 'lastMonth': {
      const p = monthsBack(year, month, 1);
      return { from: formatYmd(p.year, p.month, 1), to: formatYmd(p.year, p.month, daysInMonth(p.year, p.month)) };
    }
    case 'thisQuarter':
      return { from: formatYmd(year, month - ((month - 1) % 3), 1), to: today };
    case 'last12': {
      // Twelve calendar months, this one included, so each month in the charts is whole but the last.
      const p = monthsBack(year, month, 11);
      return { from: formatYmd(p.year, p.month, 1), to: today };
    }
    case 'thisYear':
      return { from: formatYmd(year, 1, 1), to: today };
  }
}

export type PeriodErrorCode = 'analytics.error.date' | 'analytics.error.order' | 'analytics.error.future';

/** A custom period's problems by field (from, to); none means it can be shown. */
export function checkPeriod(from: string, to: string, today: IsoDate): Partial<Record<'from' | 'to', PeriodErrorCode>> {
  const errors: Partial<Record<'from' | 'to', PeriodErrorCode>> = {};
  if (!isIsoDate(from)) errors.from = 'analytics.error.date';
  if (!isIsoDate(to)) errors.to = 'analytics.error.date';
  if (errors.from || errors.to) return errors;
  if (from > to) errors.to = 'analytics.error.order';
  else if (from > today) errors.from = 'analytics.error.future';
  return errors;
}
