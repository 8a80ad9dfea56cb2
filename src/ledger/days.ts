// ISO date -> day number with a small memo: a book has a few thousand distinct
// dates but hundreds of thousands of dated records, and parsing dominates a rebuild.

import type { DayNumber, IsoDate } from '../domain/types';
import { toDayNumber } from '../domain/calendar';

const MAX_ENTRIES = 50_000;
const memo = new Map<IsoDate, DayNumber>();

/** toDayNumber, remembered; throws RangeError on a malformed date like toDayNumber. */
export function dayNumber(iso: IsoDate): DayNumber {
  let day = memo.get(iso);
  if (day === undefined) {
    day = toDayNumber(iso);
    if (memo.size >= MAX_ENTRIES) memo.clear();
    memo.set(iso, day);
  }
  return day;
}
