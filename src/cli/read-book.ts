// The part every report shares: read FILE with the common options, refuse what
// cannot be added up, print the report, and say on stderr what was left out.
import type { Io } from './io';
import { errorCount, loadFile, toBook, type ImportedBook } from './load';
import { importOptions, type Parsed } from './options';
import { EXIT_DATA, EXIT_OK } from './usage-error';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Runs `report` on the file's invoices. Rows with errors are not in the report, so
 * the exit status is then 1 (the report is still printed); warnings only note.
 */
export function readBook(args: Parsed, io: Io, report: (book: ImportedBook) => void): number {
  const options = importOptions(args.values);
  const file = loadFile(args.file, options);
  const book = toBook(file, options.defaultCurrency);
  if ('currencies' in book) {
    io.err(`overdue: ${args.file} mixes currencies (${book.currencies.join(', ')}); amounts in different currencies cannot be added up\n`);
    return EXIT_DATA;
  }
  report(book);
  const errors = errorCount(file);
  const warnings = file.problems.length - errors;
  if (errors > 0) {
    io.err(`overdue: ${plural(errors, 'error')} in ${args.file}; the rows concerned are left out (see overdue check)\n`);
    return EXIT_DATA;
  }
  if (warnings > 0) io.err(`overdue: ${plural(warnings, 'warning')} in ${args.file} (see overdue check)\n`);
  return EXIT_OK;
}
