// Reading FILE: the same import core as the app (parseInvoiceFile), then the invoices
// as the domain sees them: each imported payment is an allocation to its invoice.
import { readFileSync } from 'node:fs';
import { currencyDigits } from '../domain/money';
import type { PeriodEntry } from '../domain/metrics';
import type { Id, IsoDate, Minor } from '../domain/types';
import { parseInvoiceFile } from '../import/invoices';
import type { ImportOptions, ParsedFile, ParsedInvoice } from '../import/types';
import { UsageError } from './usage-error';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The file's bytes; a UsageError when it cannot be read. */
export function readInput(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    throw new UsageError(`cannot read ${path}: ${READ_ERRORS[code] ?? (e instanceof Error ? e.message : String(e))}`);
  }
}

export function loadFile(path: string, options: ImportOptions): ParsedFile {
  return parseInvoiceFile(readInput(path), options);
}

/** An imported invoice with a ledger id: its position in the file's invoice list. */
export interface BookInvoice {
  id: Id;
  parsed: ParsedInvoice;
  amount: Minor;
  issueDate: IsoDate;
  dueDate: IsoDate;
}

export interface ImportedBook {
  invoices: BookInvoice[];
  /** Imported payments as allocations to their invoice (delta = -amount). */
  entries: PeriodEntry[];
  entriesByInvoice: Map<Id, PeriodEntry[]>;
  currency: string;
  digits: number;
}

/**
 * The file's invoices as one book. Amounts in different currencies cannot be added
 * up, so a file with several currencies is refused: the result lists them instead.
 */
export function toBook(file: ParsedFile, defaultCurrency: string): ImportedBook | { currencies: string[] } {
  const currencies = [...new Set(file.invoices.map((i) => i.currency))].sort();
  if (currencies.length > 1) return { currencies };
  const currency = currencies[0] ?? defaultCurrency;
  const invoices: BookInvoice[] = file.invoices.map((parsed, i) => ({
    id: String(i), parsed, amount: parsed.amount, issueDate: parsed.issueDate, dueDate: parsed.dueDate,
  }));
  const entries: PeriodEntry[] = [];
  const entriesByInvoice = new Map<Id, PeriodEntry[]>();
  for (const inv of invoices) {
    const own = inv.parsed.payments.map((p): PeriodEntry => ({ invoiceId: inv.id, date: p.date, delta: -p.amount, kind: 'allocation' }));
    entries.push(...own);
    entriesByInvoice.set(inv.id, own);
  }
  return { invoices, entries, entriesByInvoice, currency, digits: currencyDigits(currency) };
}

/** Errors in the file: rows left out of every report. */
export function errorCount(file: ParsedFile): number {
  return file.problems.filter((p) => p.severity === 'error').length;
}
