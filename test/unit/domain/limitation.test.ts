import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  RESTART_KINDS, addYears, limitationOf, limitationWarning, type RestartEvent, type RestartKind,
} from '../../../src/domain/limitation';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/calendar';

describe('addYears', () => {
  it('keeps month and day', () => {
    expect(addYears('2024-03-02', 3)).toBe('2027-03-02');
    expect(addYears('2024-12-31', 1)).toBe('2025-12-31');
    expect(addYears('2027-03-02', -3)).toBe('2024-03-02');
  });

  it('turns Feb 29 into Feb 28 in a year without it, and keeps it in one with it', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2096-02-29', 4)).toBe('2100-02-28'); // 2100 is not a leap year
    expect(addYears('1996-02-29', 4)).toBe('2000-02-29'); // 2000 is
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28'); // never moves to the 29th
  });

  it('refuses malformed dates, fractional years and years out of range', () => {
    expect(() => addYears('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addYears('2024-02-01', 1.5)).toThrow(RangeError);
    expect(() => addYears('9998-01-01', 2)).toThrow(RangeError);
  });

  it('lands on the same month, and the same day unless that day does not exist', () => {
    const day = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') });
    fc.assert(
      fc.property(day, fc.integer({ min: -50, max: 50 }), (d, years) => {
        const iso = fromDayNumber(d);
        const out = addYears(iso, years);
        expect(Number(out.slice(0, 4))).toBe(Number(iso.slice(0, 4)) + years);
        expect(out.slice(5, 7)).toBe(iso.slice(5, 7));
        if (iso.slice(5) === '02-29') expect(['28', '29']).toContain(out.slice(8));
        else expect(out.slice(8)).toBe(iso.slice(8));
      }),
    );
  });
});

describe('limitationOf', () => {
  it('starts the day after the due date and ends on the same day three years on', () => {
    const l = limitationOf('2024-03-01', [], 3);
    expect(l).toEqual({ start: '2024-03-02', lastEvent: null, endsOn: '2027-03-02' });
  });

  it('honours the period length set for the book', () => {
    expect(limitationOf('2024-03-01', [], 2).endsOn).toBe('2026-03-02');
    expect(limitationOf('2024-03-01', [], 6).endsOn).toBe('2030-03-02');
  });

  it('handles leap days: due on Feb 28 of a leap year starts on Feb 29 and ends on Feb 28', () => {
    expect(limitationOf('2024-02-28', [], 3)).toEqual({ start: '2024-02-29', lastEvent: null, endsOn: '2027-02-28' });
    expect(limitationOf('2024-02-28', [], 4).endsOn).toBe('2028-02-29');
    // A debt due on Feb 29 starts on Mar 1.
    expect(limitationOf('2024-02-29', [], 3)).toEqual({ start: '2024-03-01', lastEvent: null, endsOn: '2027-03-01' });
    // A restart on Feb 29 ends on Feb 28.
    const ack: RestartEvent = { kind: 'acknowledgement', date: '2028-02-29' };
    expect(limitationOf('2026-01-10', [ack], 3)).toEqual({ start: '2026-01-11', lastEvent: ack, endsOn: '2031-02-28' });
  });

  it.each(RESTART_KINDS.map((k) => [k]))('a %s restarts the period from its own day', (kind: RestartKind) => {
    const event: RestartEvent = { kind, date: '2025-07-15' };
    const l = limitationOf('2024-03-01', [event], 3);
    expect(l.start).toBe('2024-03-02');
    expect(l.lastEvent).toEqual(event);
    expect(l.endsOn).toBe('2028-07-15');
  });

  it('takes the latest restarting event, whatever order the events come in', () => {
    const events: RestartEvent[] = [
      { kind: 'promise', date: '2026-05-01' },
      { kind: 'demand', date: '2024-06-01' },
      { kind: 'payment', date: '2025-01-20' },
    ];
    const l = limitationOf('2024-03-01', events, 3);
    expect(l.lastEvent).toEqual({ kind: 'promise', date: '2026-05-01' });
    expect(l.endsOn).toBe('2029-05-01');
  });

  it('chains restarts: each one must fall inside the period the one before left running', () => {
    const events: RestartEvent[] = [
      { kind: 'demand', date: '2027-03-01' }, // just inside the first period (ends 2027-03-02)
      { kind: 'payment', date: '2030-02-28' }, // inside the second (ends 2030-03-01)
    ];
    const l = limitationOf('2024-03-01', events, 3);
    expect(l.lastEvent).toEqual(events[1]);
    expect(l.endsOn).toBe('2033-02-28');
  });

  it('counts an event on the last day, not one the day after the period ended', () => {
    const onLastDay: RestartEvent = { kind: 'demand', date: '2027-03-02' };
    expect(limitationOf('2024-03-01', [onLastDay], 3).endsOn).toBe('2030-03-02');
    const late: RestartEvent = { kind: 'demand', date: '2027-03-03' };
    expect(limitationOf('2024-03-01', [late], 3)).toEqual({ start: '2024-03-02', lastEvent: null, endsOn: '2027-03-02' });
    // An acknowledgement after expiry waives the defence (art. 192) but starts no new period here.
    const lateAck: RestartEvent = { kind: 'acknowledgement', date: '2028-01-01' };
    expect(limitationOf('2024-03-01', [lateAck], 3).lastEvent).toBeNull();
  });

  it('ignores events before the period started: a part payment before or on the due date', () => {
    const early: RestartEvent[] = [
      { kind: 'payment', date: '2024-02-10' },
      { kind: 'promise', date: '2024-03-01' }, // the due date itself
    ];
    expect(limitationOf('2024-03-01', early, 3)).toEqual({ start: '2024-03-02', lastEvent: null, endsOn: '2027-03-02' });
    // The first day of the period does count.
    const first: RestartEvent = { kind: 'payment', date: '2024-03-02' };
    expect(limitationOf('2024-03-01', [...early, first], 3)).toEqual({ start: '2024-03-02', lastEvent: first, endsOn: '2027-03-02' });
  });

  it('picks the same last event for events of one day in any order', () => {
    const a: RestartEvent = { kind: 'filing', date: '2025-05-05' };
    const b: RestartEvent = { kind: 'demand', date: '2025-05-05' };
    expect(limitationOf('2024-03-01', [a, b], 3).lastEvent).toEqual(a);
    expect(limitationOf('2024-03-01', [b, a], 3).lastEvent).toEqual(a);
  });

  it('refuses a period that is not a positive whole number of years', () => {
    expect(() => limitationOf('2024-03-01', [], 0)).toThrow(RangeError);
    expect(() => limitationOf('2024-03-01', [], 2.5)).toThrow(RangeError);
  });

  it('never ends before the plain period, nor before years after the last restarting event', () => {
    const base = toDayNumber('2020-01-01');
    const kind = fc.constantFrom(...RESTART_KINDS);
    const event = fc.record({ kind, date: fc.integer({ min: base - 400, max: base + 4000 }).map(fromDayNumber) });
    fc.assert(
      fc.property(fc.integer({ min: base, max: base + 800 }).map(fromDayNumber), fc.array(event, { maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (due, events, years) => {
        const l = limitationOf(due, events, years);
        expect(l.start).toBe(addDays(due, 1));
        expect(l.endsOn >= addYears(l.start, years)).toBe(true);
        if (l.lastEvent) {
          expect(events).toContainEqual(l.lastEvent);
          expect(l.endsOn).toBe(addYears(l.lastEvent.date, years));
        }
        // Every event inside the final run is no later than the one used.
        for (const e of events) {
          if (e.date >= l.start && e.date <= l.endsOn && l.lastEvent) expect(e.date <= l.lastEvent.date).toBe(true);
        }
      }),
    );
  });
});

describe('limitationWarning', () => {
  const endsOn = '2027-03-02';
  const asOf = (daysLeft: number) => addDays(endsOn, -daysLeft);

  it('warns at 90 and 30 days and marks the period expired the day after it ends', () => {
    expect(limitationWarning(endsOn, asOf(91))).toBeNull();
    expect(limitationWarning(endsOn, asOf(90))).toBe('days90');
    expect(limitationWarning(endsOn, asOf(31))).toBe('days90');
    expect(limitationWarning(endsOn, asOf(30))).toBe('days30');
    expect(limitationWarning(endsOn, asOf(0))).toBe('days30');
    expect(limitationWarning(endsOn, asOf(-1))).toBe('expired');
  });

  it('counts calendar days across a leap day', () => {
    // 2027-12-31 to 2028-03-30 is 31 + 29 + 30 = 90 days because 2028 has a Feb 29.
    expect(limitationWarning('2028-03-30', '2027-12-31')).toBe('days90');
    expect(limitationWarning('2028-03-30', '2027-12-30')).toBeNull();
  });
});
