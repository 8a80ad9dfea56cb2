// overdue check FILE: read the file as an import would, write nothing, and list every
// problem with its line, column and message, then a summary. Exit 1 if any error.
import type { ImportProblem, ParsedFile } from '../import/types';
import type { Io } from './io';
import { errorCount, loadFile } from './load';
import { COMMON_OPTIONS, importOptions, type Parsed } from './options';
import { EXIT_DATA, EXIT_OK } from './usage-error';

export const CHECK_OPTIONS = COMMON_OPTIONS;

export const CHECK_USAGE = 'overdue check FILE [--map FIELD=COLUMN]... [--date-order dmy|mdy|ymd] [--encoding NAME] [--json]';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** 'line 4, column "Amount": error: ...' (no column part for a whole-row problem). */
export function problemLine(p: ImportProblem): string {
  const column = p.column === null ? '' : `, column ${JSON.stringify(p.column)}`;
  return `line ${p.line}${column}: ${p.severity}: ${p.message}`;
}

export function summaryLine(file: ParsedFile): string {
  const errors = errorCount(file);
  const delimiter = DELIMITER_NAMES[file.delimiter] ?? JSON.stringify(file.delimiter);
  return `${plural(file.rows, 'row')} read as ${file.encoding}, ${delimiter} separated: ` +
    `${plural(file.invoices.length, 'invoice')}, ${plural(errors, 'error')}, ${plural(file.problems.length - errors, 'warning')}`;
}

export function runCheck(args: Parsed, io: Io): number {
  const file = loadFile(args.file, importOptions(args.values));
  if (args.values.json === true) {
    const { encoding, delimiter, headerLine, headers, mapping, rows, problems } = file;
    io.out(`${JSON.stringify({ encoding, delimiter, headerLine, headers, mapping, rows, invoices: file.invoices.length, problems }, null, 2)}\n`);
  } else {
    io.out(file.problems.map((p) => `${problemLine(p)}\n`).join('') + `${summaryLine(file)}\n`);
  }
  return errorCount(file) > 0 ? EXIT_DATA : EXIT_OK;
}
