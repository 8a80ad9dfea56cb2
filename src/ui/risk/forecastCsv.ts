// The 13-week cash-in forecast as spreadsheet rows: one row per week (first and
// last day, expected, low, high), then what is expected later, what is overdue
// with no day to name, and the totals. Amounts are typed cells (plain decimals in
// the book's currency digits), so Excel sums them.
import type { CashForecast } from '../../domain/cash-forecast';
import { amountCell, type CsvRow } from '../../export/csv';
import { safeName } from '../../export/filename';
import type { IsoDate } from '../../domain/types';

export interface ForecastCsvLabels {
  week: string;
  start: string;
  end: string;
  expected: string;
  low: string;
  high: string;
  later: string;
  overdue: string;
  total: string;
  open: string;
}

export function forecastCsvRows(f: CashForecast, digits: number, l: ForecastCsvLabels): CsvRow[] {
  const money = (n: number) => amountCell(n, digits);
  const rows: CsvRow[] = [[l.week, l.start, l.end, l.expected, l.low, l.high]];
  f.weeks.forEach((w, i) => rows.push([i + 1, w.start, w.end, money(w.expected), money(w.low), money(w.high)]));
  rows.push([l.total, f.weeks[0]?.start ?? '', f.weeks[f.weeks.length - 1]?.end ?? '', money(f.total.expected), money(f.total.low), money(f.total.high)]);
  rows.push([l.later, '', '', money(f.later), '', '']);
  rows.push([l.overdue, '', '', money(f.overdue), '', '']);
  rows.push([l.open, '', '', money(f.open), '', '']);
  return rows;
}

/** '<book>-cash-forecast-<asOf>.csv', like the other exports' names. */
export function forecastFilename(bookName: string, asOf: IsoDate): string {
  return `${safeName(bookName)}-cash-forecast-${asOf}.csv`;
}
