// overdue metrics FILE --from D1 --to D2: DOMAIN.md's collection metrics for the
// period, from the file's invoices and payments. Amounts are plain decimals; ratios
// are rounded to one decimal for printing (days, or percent for cei and
// bad_debt_ratio) and empty when undefined (no sales in the period).
import { collectionMetrics, formatMetric, periodInputs } from '../domain/metrics';
import { formatPlain } from '../domain/money';
import { toCsv, type CsvRow } from '../export/csv';
import type { Io } from './io';
import { COMMON_OPTIONS, dateOption, type Parsed } from './options';
import { readBook } from './read-book';
import { UsageError } from './usage-error';

export const METRICS_OPTIONS = {
  ...COMMON_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

export const METRICS_USAGE =
  'overdue metrics FILE --from YYYY-MM-DD --to YYYY-MM-DD [--map FIELD=COLUMN]... [--date-order dmy|mdy|ymd] [--encoding NAME] [--json]';

export function runMetrics(args: Parsed, io: Io): number {
  const from = dateOption(args.values, 'from');
  const to = dateOption(args.values, 'to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return readBook(args, io, (book) => {
    const p = periodInputs(book.invoices, book.entries, from, to);
    const m = collectionMetrics(p);
    const amounts: [string, number][] = [
      ['invoiced', p.invoiced], ['collected', p.collected], ['ar_start', p.arStart], ['ar_end', p.arEnd], ['not_due_end', p.notDueEnd],
    ];
    const ratios: [string, number | null][] = [
      ['simple_dso', m.simpleDso], ['countback_dso', m.countbackDso], ['best_dso', m.bestDso], ['add', m.add],
      ['cei', m.cei], ['bad_debt_ratio', m.badDebtRatio],
    ];
    if (args.values.json === true) {
      // JSON keeps full precision; amounts stay exact decimal strings.
      const doc = {
        from, to, days: p.days, currency: book.currency,
        ...Object.fromEntries(amounts.map(([k, v]) => [k, formatPlain(v, book.digits)])),
        ...Object.fromEntries(ratios),
      };
      io.out(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
    const rows: CsvRow[] = [
      ['metric', 'value'],
      ...amounts.map(([k, v]) => [k, formatPlain(v, book.digits)]),
      ...ratios.map(([k, v]) => [k, formatMetric(v)]),
    ];
    io.out(toCsv(rows, '\n'));
  });
}
