// What every part of the demo generator shares while building one book.

import type { DayNumber, Locale } from '../domain/types';
import type { Random } from './random';

export interface DemoContext {
  random: Random;
  ids: () => string;
  locale: Locale;
  /** First day of generated history. */
  startDay: DayNumber;
  /** Last day of generated history: nothing is dated after it. */
  endDay: DayNumber;
}

/** How a customer pays; drives payment timing, partial payments and write-offs. */
export type PayerClass = 'good' | 'slow' | 'bad';
