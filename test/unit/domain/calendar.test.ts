import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, daysBetween, fromDayNumber, fromExcelSerial, isIsoDate, parseDate, toDayNumber, todayLocal,
} from '../../../src/domain/calendar';

describe('day numbers', () => {
  it('counts whole days since 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2024-01-05')).toBe(19727);
    expect(fromDayNumber(19727)).toBe('2024-01-05');
  });

  it('handles leap days and the year range edges', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1); // 1900 is not a leap year
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2); // 2000 is
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('0099-06-30'))).toBe('0099-06-30'); // not mapped to 1999
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
  });

  it('throws RangeError on malformed or impossible dates', () => {
    for (const bad of ['2024-1-5', '2023-02-29', '2024-13-01', '2024-00-10', '0000-01-01', '', '2024-01-05T00:00', ' 2024-01-05']) {
      expect(() => toDayNumber(bad), bad).toThrow(RangeError);
    }
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => addDays('2024-01-05', 0.5)).toThrow(RangeError);
  });

  it('round-trips every day of years 1900-2200', () => {
    const first = toDayNumber('1900-01-01');
    const last = toDayNumber('2200-12-31');
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const iso = fromDayNumber(day);
        expect(isIsoDate(iso)).toBe(true);
        expect(toDayNumber(iso)).toBe(day);
      }),
    );
    // and exhaustively: consecutive day numbers give consecutive, valid dates
    let prev = fromDayNumber(first);
    let outOfOrder = 0;
    for (let d = first + 1; d <= last; d++) {
      const iso = fromDayNumber(d);
      if (!(iso > prev) || toDayNumber(iso) !== d) outOfOrder++;
      prev = iso;
    }
    expect(outOfOrder).toBe(0);
  });

  it('adds days across month and year ends and measures signed distances', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-05', 30)).toBe('2024-02-04');
    expect(daysBetween('2024-01-05', '2024-01-01')).toBe(-4);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('isIsoDate', () => {
  it('accepts only strict YYYY-MM-DD dates that exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-1-05')).toBe(false);
    expect(isIsoDate('2024/01/05')).toBe(false);
    expect(isIsoDate('20240105')).toBe(false);
  });
});

describe('todayLocal', () => {
  it('uses the local calendar fields, not UTC', () => {
    const now = new Date(2024, 0, 5, 23, 59, 59); // local 2024-01-05, any zone
    expect(todayLocal(now)).toBe('2024-01-05');
    expect(todayLocal(new Date(2024, 0, 5, 0, 0, 1))).toBe('2024-01-05');
    expect(isIsoDate(todayLocal())).toBe(true);
  });
});

describe('parseDate', () => {
  const value = (input: string, order?: 'ymd' | 'dmy' | 'mdy') => {
    const r = parseDate(input, order ? { order } : undefined);
    return r.ok ? r.value : r.errors[0];
  };

  it('reads the year-first forms of DOMAIN.md', () => {
    expect(value('2024-01-05')).toBe('2024-01-05');
    expect(value('2024/1/5')).toBe('2024-01-05');
    expect(value('2024-1-5')).toBe('2024-01-05');
    expect(value('2024.01.05')).toBe('2024-01-05');
    expect(value('2024年1月5日')).toBe('2024-01-05');
    expect(value('2024年01月05日')).toBe('2024-01-05');
    expect(value('20240105')).toBe('2024-01-05');
    expect(value('  2024-01-05 ')).toBe('2024-01-05');
    expect(value('２０２４／１／５')).toBe('2024-01-05'); // full-width
    expect(value('2024-01-05 00:00:00')).toBe('2024-01-05'); // spreadsheet export with a time
  });

  it('reads Excel 1900-system serials and rejects the fake 1900-02-29', () => {
    expect(value('45296')).toBe('2024-01-05');
    expect(value('45296.75')).toBe('2024-01-05');
    expect(value('1')).toBe('1900-01-01');
    expect(value('59')).toBe('1900-02-28');
    expect(value('60')).toEqual({ field: '', code: 'date.invalid' });
    expect(value('61')).toBe('1900-03-01');
    expect(value('25569')).toBe('1970-01-01');
    expect(value('2958465')).toBe('9999-12-31');
    expect(value('0')).toMatchObject({ code: 'date.outOfRange' });
    expect(value('2958466')).toMatchObject({ code: 'date.outOfRange' });
    expect(fromExcelSerial(60)).toBeNull();
  });

  it('reads day-month forms only with an explicit order', () => {
    expect(value('5-1-2024', 'dmy')).toBe('2024-01-05');
    expect(value('05.01.2024', 'dmy')).toBe('2024-01-05');
    expect(value('1/5/2024', 'mdy')).toBe('2024-01-05');
    expect(value('1/5/2024', 'dmy')).toBe('2024-05-01');
    expect(value('31/1/2024', 'mdy')).toEqual({ field: '', code: 'date.invalid' });
  });

  it('calls day-month forms without an order ambiguous and shows the input', () => {
    expect(value('5-1-2024')).toEqual({ field: '', code: 'date.ambiguous', params: { example: '5-1-2024' } });
    expect(value('1/5/2024')).toMatchObject({ code: 'date.ambiguous' });
    // strict: even when one part is above 12 the column's order is not known
    expect(value('31/01/2024')).toMatchObject({ code: 'date.ambiguous', params: { example: '31/01/2024' } });
    expect(value('05.01.2024', 'ymd')).toMatchObject({ code: 'date.ambiguous' });
  });

  it('rejects dates that do not exist or cannot be read', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024/2/30', '20231301', '2024年2月30日', 'tomorrow', '2024-01', '5/1/24', '2024-01-05-01']) {
      expect(value(bad), bad).toMatchObject({ field: '', code: 'date.invalid' });
    }
    expect(value('')).toEqual({ field: '', code: 'required' });
    expect(value('   ')).toEqual({ field: '', code: 'required' });
  });
});
