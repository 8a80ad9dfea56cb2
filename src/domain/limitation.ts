// Limitation period (诉讼时效) of one invoice, DOMAIN.md "Limitation period".
//
// Counting, PRC Civil Code:
// - Art. 188: the period runs from when the creditor knew or should have known of the
//   default. For a debt with a due date that is the day after it: knownOn = due + 1.
// - Art. 201: the day the period begins on is not counted; art. 202: a period in years
//   ends on the corresponding day of the last year, or on the month's last day when that
//   day does not exist. So endsOn = addYears(knownOn, years): due 2024-03-01 gives
//   knownOn 2024-03-02 and, with 3 years, endsOn 2027-03-02; from 2024-02-29 the period
//   ends on 2027-02-28.
// - Art. 195: a demand that reached the debtor, the debtor's agreement to pay
//   (acknowledgement, partial payment, promise, plan) or a filing restarts the period,
//   counted again from the event's day (that day not counted): endsOn = addYears(E, years).
//
// Choices where the code is silent on what an app can know:
// - Only events from knownOn on restart the period. Before then it has not started, so
//   nothing can interrupt it: a part payment made early or on the due date changes nothing.
// - Only events while the period is still running (E <= the current endsOn) restart it.
//   A demand after expiry revives nothing; a debtor who agrees to pay after expiry loses
//   the expiry defence for that debt (art. 192) but that is a waiver, not a new period,
//   and is for the lawyer to weigh. Warnings therefore stay on the cautious side.
// - After a filing the new period really counts from the end of the proceedings, which
//   the app does not record; the filing date is used, again the earlier (cautious) end.
// - Art. 203 (an end falling on a holiday moves to the next working day) is not applied:
//   the app has no holiday calendar, and an earlier end only makes warnings earlier.
import type { IsoDate } from './types';
import { addDays, daysBetween, formatYmd, isLeapYear, toDayNumber } from './calendar';

export type RestartKind = 'demand' | 'payment' | 'promise' | 'plan' | 'acknowledgement' | 'filing';
/** In a fixed order, so events of one day pick the same lastEvent whatever order they come in. */
export const RESTART_KINDS: readonly RestartKind[] = ['demand', 'payment', 'promise', 'plan', 'acknowledgement', 'filing'];

export interface RestartEvent {
  kind: RestartKind;
  date: IsoDate;
}

/**
 * The same month and day `years` later (or earlier, for negative years). Feb 29 becomes
 * Feb 28 in a year without it (art. 202: the month's last day). Throws RangeError on a
 * malformed date, a non-integer count, or a result outside years 0001-9999.
 */
export function addYears(iso: IsoDate, years: number): IsoDate {
  toDayNumber(iso); // validates
  if (!Number.isInteger(years)) throw new RangeError(`Whole years expected: ${years}`);
  const year = Number(iso.slice(0, 4)) + years;
  const month = Number(iso.slice(5, 7));
  let day = Number(iso.slice(8, 10));
  if (year < 1 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  if (month === 2 && day === 29 && !isLeapYear(year)) day = 28;
  return formatYmd(year, month, day);
}

export interface Limitation {
  /** knownOn: the day after the due date, when the creditor knew of the default. */
  start: IsoDate;
  /** The latest event that restarted the period, or null if none did. */
  lastEvent: RestartEvent | null;
  /** The last day on which the claim is within the period. */
  endsOn: IsoDate;
}

/** The period of a debt due on `dueDate`, after the events that restarted it. */
export function limitationOf(
  dueDate: IsoDate,
  events: RestartEvent[],
  years: number,
): Limitation {
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`Limitation years must be a positive integer: ${years}`);
  const start = addDays(dueDate, 1);
  let endsOn = addYears(start, years);
  let lastEvent: RestartEvent | null = null;
  const ordered = [...events].sort(
    (a, b) => toDayNumber(a.date) - toDayNumber(b.date) || RESTART_KINDS.indexOf(a.kind) - RESTART_KINDS.indexOf(b.kind),
  );
  for (const event of ordered) {
    if (event.date < start || event.date > endsOn) continue;
    const restarted = addYears(event.date, years);
    // A restart is never earlier than the running end, since E >= start; on a tie the
    // later event is still the one a court would look at.
    if (restarted >= endsOn) {
      endsOn = restarted;
      lastEvent = event;
    }
  }
  return { start, lastEvent, endsOn };
}

export type LimitationWarning = 'expired' | 'days30' | 'days90';

/** Expired once asOf is past endsOn; a warning within 30 and within 90 days of the end. */
export function limitationWarning(endsOn: IsoDate, asOf: IsoDate): 'expired' | 'days30' | 'days90' | null {
  const left = daysBetween(asOf, endsOn);
  if (left < 0) return 'expired';
  if (left <= 30) return 'days30';
  if (left <= 90) return 'days90';
  return null;
}
