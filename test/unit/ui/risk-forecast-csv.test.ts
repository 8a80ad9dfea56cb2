// The forecast's CSV: a header, the 13 weeks, the total with its band, later,
// overdue and open; amounts as plain decimals that add up to the open balance.
import { describe, expect, it } from 'vitest';
import { cashForecast } from '../../../src/domain/cash-forecast';
import { toCsv, writeCsv } from '../../../src/export/csv';
import { forecastCsvRows, forecastFilename, type ForecastCsvLabels } from '../../../src/ui/risk/forecastCsv';

const labels: ForecastCsvLabels = {
  week: 'Week', start: 'From', end: 'To', expected: 'Expected', low: 'Low', high: 'High',
  later: 'Later', overdue: 'Overdue', total: '13 weeks', open: 'Open',
};

const forecast = cashForecast({
  asOf: '2026-06-01',
  invoices: [
    { id: 'a', balance: 123_456, expectedDay: '2026-06-10', lateProbability: 0.2, spreadDays: 3 },
    { id: 'b', balance: 50_000, expectedDay: '2026-10-30', lateProbability: 0.5, spreadDays: 5 },
    { id: 'c', balance: 7_001, expectedDay: '2026-01-10', lateProbability: 0.9, spreadDays: 2 },
  ],
  promises: [{ invoiceIds: ['b'], amount: 20_000, day: '2026-06-20', keptRate: 0.5 }],
  instalments: [],
});

const amount = (s: string) => Math.round(Number(s) * 100);

describe('forecastCsvRows', () => {
  const rows = forecastCsvRows(forecast, 2, labels);
  const lines = toCsv(rows).trimEnd().split('\r\n').map((l) => l.split(','));

  it('has a header, 13 weeks and four closing lines', () => {
    expect(lines).toHaveLength(1 + 13 + 4);
    expect(lines[0]).toEqual(['Week', 'From', 'To', 'Expected', 'Low', 'High']);
    expect(lines[1]?.slice(0, 3)).toEqual(['1', '2026-06-01', '2026-06-07']);
    expect(lines[13]?.slice(0, 3)).toEqual(['13', '2026-08-24', '2026-08-30']);
    expect(lines.slice(14).map((l) => l[0])).toEqual(['13 weeks', 'Later', 'Overdue', 'Open']);
  });

  it('writes amounts as plain decimals that add up to the open balance', () => {
    const weeks = lines.slice(1, 14).reduce((n, l) => n + amount(l[3] ?? ''), 0);
    expect(weeks).toBe(forecast.total.expected);
    const later = amount(lines[15]?.[3] ?? '');
    const overdue = amount(lines[16]?.[3] ?? '');
    expect(weeks + later + overdue).toBe(123_456 + 50_000 + 7_001);
    expect(lines[17]?.[3]).toBe('1804.57');
    // The stale invoice c (window long past) is overdue money.
    expect(overdue).toBe(7_001);
    for (const l of lines.slice(1, 14)) expect(Number(l[4])).toBeLessThanOrEqual(Number(l[5]));
  });

  it('encodes for Excel: UTF-8 with a BOM, or GBK', () => {
    const zh = forecastCsvRows(forecast, 2, { ...labels, week: '周' });
    const utf8 = writeCsv(zh);
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const gbk = writeCsv(zh, { encoding: 'gbk' });
    expect(new TextDecoder('gbk').decode(gbk).startsWith('周,')).toBe(true);
  });

  it('names the file after the book and the day, safely', () => {
    expect(forecastFilename('张三/李四 账套', '2026-06-01')).toBe('张三-李四-账套-cash-forecast-2026-06-01.csv');
  });
});
