// The numbers behind each analytics chart as one table model, used for the
// accessible table view and for the CSV, so both always show the same figures.
import type { AnalyticsReport } from '../../api/analytics';
import { formatMetric } from '../../domain/metrics';
import { amountCell, type CsvCell, type CsvRow } from '../../export/csv';
import type { Minor } from '../../domain/types';
import { bucketLabel, fmtMoney, fmtNumber, fmtPercent, lang, t } from '../../i18n';

/** Money in minor units; days and percent (0..100) may be undefined (null). */
export type Cell =
  | { kind: 'text'; text: string }
  /** 'YYYY-MM': shown as the language writes a month, written to CSV as is. */
  | { kind: 'month'; month: string }
  | { kind: 'money'; amount: Minor }
  | { kind: 'days'; value: number | null }
  | { kind: 'percent'; value: number | null }
  | { kind: 'count'; value: number };

export interface TableModel {
  columns: string[];
  rows: { key: string; cells: Cell[] }[];
}

const text = (s: string): Cell => ({ kind: 'text', text: s });
const money = (amount: Minor): Cell => ({ kind: 'money', amount });

/** A rounded metric as a plain number (one decimal, half away from zero); null stays null. */
function rounded(value: number | null): number | null {
  return value === null ? null : Number(formatMetric(value));
}

export function cellText(cell: Cell, currency: string): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'month':
      return monthLabel(cell.month);
    case 'money':
      return fmtMoney(cell.amount, currency);
    case 'count':
      return fmtNumber(cell.value);
    case 'days':
      return cell.value === null ? t('analytics.none') : fmtNumber(rounded(cell.value) as number);
    case 'percent':
      return cell.value === null ? t('analytics.none') : fmtPercent((rounded(cell.value) as number) / 100);
  }
}

export function csvCell(cell: Cell, digits: number): CsvCell {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'month':
      return cell.month;
    case 'money':
      return amountCell(cell.amount, digits);
    case 'count':
      return cell.value;
    case 'days':
    case 'percent':
      return rounded(cell.value);
  }
}

export function csvRows(model: TableModel, digits: number): CsvRow[] {
  return [model.columns, ...model.rows.map((r) => r.cells.map((c) => csvCell(c, digits)))];
}

/** 'YYYY-MM' as the language writes a month ("Mar 2026", "2026年3月"). */
export function monthLabel(month: string): string {
  const instant = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  return new Intl.DateTimeFormat(lang(), { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(instant);
}

export function flowTable(r: AnalyticsReport): TableModel {
  return {
    columns: [t('analytics.col.month'), t('analytics.col.invoiced'), t('analytics.col.collected')],
    rows: r.months.map((m) => ({ key: m.month, cells: [{ kind: 'month', month: m.month }, money(m.invoiced), money(m.collected)] })),
  };
}

export function dsoTable(r: AnalyticsReport): TableModel {
  return {
    columns: [t('analytics.col.month'), t('analytics.col.dso'), t('analytics.col.cei'), t('analytics.col.arEnd')],
    rows: r.months.map((m) => ({
      key: m.month,
      cells: [{ kind: 'month', month: m.month }, { kind: 'days', value: m.simpleDso }, { kind: 'percent', value: m.cei }, money(m.arEnd)],
    })),
  };
}

export function agingTable(r: AnalyticsReport): TableModel {
  return {
    columns: [t('analytics.col.month'), ...r.buckets.map((b) => bucketLabel(b)), t('analytics.col.total')],
    rows: r.months.map((m) => ({
      key: m.month,
      cells: [{ kind: 'month', month: m.month }, ...m.aging.map(money), money(m.aging.reduce((s, a) => s + a, 0))],
    })),
  };
}

export function debtorsTable(r: AnalyticsReport): TableModel {
  return {
    columns: [t('analytics.col.rank'), t('analytics.col.customer'), t('analytics.col.open'), t('analytics.col.share')],
    rows: r.topDebtors.map((d, i) => ({
      key: d.customerId,
      cells: [{ kind: 'count', value: i + 1 }, text(d.name), money(d.open), { kind: 'percent', value: d.share * 100 }],
    })),
  };
}
