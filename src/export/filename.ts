// Download names for exports and backups: '<book>-aging-summary-2026-06-30.csv'.
// The book's name is kept (Chinese included) but characters that file systems
// refuse or that break a name (/ \ : * ? " < > | and controls) become '-'.
import type { ExportReport } from '../api/contract';
import type { IsoDate } from '../domain/types';

const REPORT_SLUG: Record<ExportReport, string> = {
  agingSummary: 'aging-summary',
  agingDetail: 'aging-detail',
  customers: 'customers',
  invoices: 'invoices',
  payments: 'payments',
  activities: 'activities',
};

/** A name safe on Windows, macOS and Linux; 'book' when nothing is left. */
export function safeName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.slice(0, 80) || 'book';
}

/** '<book>[-<customer>]-<report>-<asOf>.csv' */
export function exportFilename(bookName: string, report: ExportReport, asOf: IsoDate, customerName?: string): string {
  const parts = [safeName(bookName)];
  if (customerName !== undefined) parts.push(safeName(customerName));
  parts.push(REPORT_SLUG[report], asOf);
  return `${parts.join('-')}.csv`;
}

export function backupFilename(day: IsoDate): string {
  return `overdue-backup-${day}.json`;
}
