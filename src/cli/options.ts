// Command-line options: node:util parseArgs (strict) for the syntax, then checks of
// each value, so every mistake becomes a one-line UsageError (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DateOrder } from '../domain/calendar';
import { isIsoDate, todayLocal } from '../domain/calendar';
import { parseBounds } from '../domain/aging';
import type { AgingBasis, IsoDate } from '../domain/types';
import { IMPORT_FIELDS, isImportField, type ImportField } from '../import/fields';
import type { ImportOptions } from '../import/types';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes: how to read the file, and JSON output. */
export const COMMON_OPTIONS = {
  map: { type: 'string', multiple: true },
  'date-order': { type: 'string' },
  encoding: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** The book defaults a file is read with (the CLI has no book): the app's new-book defaults. */
export const DEFAULT_CURRENCY = 'CNY';
export const DEFAULT_TERMS_DAYS = 30;

export interface Parsed {
  file: string;
  values: Record<string, string | boolean | string[] | undefined>;
}

/** Syntax: known options only, exactly one FILE. `help` returns null (the caller prints usage). */
export function parseCommandArgs(args: string[], options: Options): Parsed | null {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(syntaxMessage(e));
  }
  const values = parsed.values as Parsed['values'];
  if (values.help === true) return null;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('missing FILE');
  if (extra.length > 0) throw new UsageError(`one FILE expected, got also "${extra.join('" "')}"`);
  return { file, values };
}

/** parseArgs' messages are long and suggest '--'; say the one thing that is wrong. */
function syntaxMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const name = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${name}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `option ${name} needs a value`;
  return message.split('\n')[0] ?? 'bad arguments';
}

function str(values: Parsed['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A required date option, YYYY-MM-DD. */
export function dateOption(values: Parsed['values'], name: string): IsoDate {
  const v = str(values, name);
  if (v === undefined) throw new UsageError(`--${name} YYYY-MM-DD is required`);
  if (!isIsoDate(v)) throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${v}"`);
  return v;
}

export function basisOption(values: Parsed['values']): AgingBasis {
  const v = str(values, 'basis') ?? 'due';
  if (v !== 'due' && v !== 'issue') throw new UsageError(`--basis must be due or issue, got "${v}"`);
  return v;
}

export function boundsOption(values: Parsed['values'], fallback: number[]): number[] {
  const v = str(values, 'bounds');
  if (v === undefined) return fallback;
  const r = parseBounds(v);
  if (!r.ok) throw new UsageError(`--bounds must be 1 to 12 increasing whole days like 30,60,90, got "${v}"`);
  return r.value;
}

function dateOrderOption(values: Parsed['values']): DateOrder | undefined {
  const v = str(values, 'date-order');
  if (v === undefined) return undefined;
  if (v !== 'dmy' && v !== 'mdy' && v !== 'ymd') throw new UsageError(`--date-order must be dmy, mdy or ymd, got "${v}"`);
  return v;
}

function encodingOption(values: Parsed['values']): string | undefined {
  const v = str(values, 'encoding');
  if (v === undefined) return undefined;
  try {
    new TextDecoder(v);
  } catch {
    throw new UsageError(`unknown encoding "${v}" (try utf-8, gbk, gb18030, utf-16le)`);
  }
  return v;
}

/** --map FIELD=COLUMN, repeatable; COLUMN is header text or a 1-based column number. */
function mapOption(values: Parsed['values']): Partial<Record<ImportField, string>> | undefined {
  const list = values.map;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const map: Partial<Record<ImportField, string>> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq < 0) throw new UsageError(`--map takes FIELD=COLUMN, got "${item}"`);
    const field = item.slice(0, eq).trim();
    if (!isImportField(field)) throw new UsageError(`--map: unknown field "${field}" (fields: ${IMPORT_FIELDS.join(', ')})`);
    map[field] = item.slice(eq + 1).trim();
  }
  return map;
}

/** How to read the file: the common options over the CLI's book defaults. */
export function importOptions(values: Parsed['values'], now: Date = new Date()): ImportOptions {
  const options: ImportOptions = {
    defaultCurrency: DEFAULT_CURRENCY,
    defaultTermsDays: DEFAULT_TERMS_DAYS,
    // A paid amount without a date is a payment on the day the file is read.
    importDate: todayLocal(now),
  };
  const map = mapOption(values);
  if (map) options.map = map;
  const dateOrder = dateOrderOption(values);
  if (dateOrder) options.dateOrder = dateOrder;
  const encoding = encodingOption(values);
  if (encoding) options.encoding = encoding;
  return options;
}
