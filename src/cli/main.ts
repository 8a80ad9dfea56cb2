// overdue: aging, metrics and file checks from the command line, on the same import
// and domain code as the app. Exit status 0 done, 1 the file has errors, 2 the
// command could not run as asked (unknown option, bad value, unreadable file).
import { AGING_OPTIONS, AGING_USAGE, runAging } from './aging';
import { CHECK_OPTIONS, CHECK_USAGE, runCheck } from './check';
import type { Io } from './io';
import { METRICS_OPTIONS, METRICS_USAGE, runMetrics } from './metrics';
import { parseCommandArgs, type Parsed } from './options';
import { RISK_OPTIONS, RISK_USAGE, runRisk } from './risk';
import { EXIT_OK, EXIT_USAGE, UsageError } from './usage-error';

interface Command {
  options: Parameters<typeof parseCommandArgs>[1];
  usage: string;
  run(args: Parsed, io: Io): number;
}

const COMMANDS: Record<string, Command> = {
  aging: { options: AGING_OPTIONS, usage: AGING_USAGE, run: runAging },
  metrics: { options: METRICS_OPTIONS, usage: METRICS_USAGE, run: runMetrics },
  check: { options: CHECK_OPTIONS, usage: CHECK_USAGE, run: runCheck },
  risk: { options: RISK_OPTIONS, usage: RISK_USAGE, run: runRisk },
};

export const USAGE = `Usage:
  ${AGING_USAGE}
  ${METRICS_USAGE}
  ${CHECK_USAGE}
  ${RISK_USAGE}
aging columns: customer, then one per bucket: not_due (due basis only), 1-30 (0-30 on the issue basis),
  31-60, ... up to the last bound, >365 (above it), then total; a last row TOTAL. Amounts are plain decimals.
metrics rows: invoiced, collected, ar_start, ar_end, not_due_end (amounts); simple_dso, countback_dso, best_dso,
  add (days), cei, bad_debt_ratio (percent), to one decimal, empty when undefined (no sales).
FIELD: number, customer, customer_name, issue_date, due_date, terms_days, amount, paid_amount, paid_date, balance, currency, disputed, description
risk columns: customer, score (0-100, higher is safer), grade (A best .. D), open, overdue, late_probability
  (the learned model's chance the customer's next invoice is paid late; rule-based when the history is short),
  riskiest first; the model's quality (AUC, MAE) goes to stderr.
Exit status: 0 done, 1 the file has errors (their rows are left out), 2 bad command line or unreadable file.
`;

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Runs one command line (without 'node' and the script); returns the exit status. */
export function main(argv: string[], io: Io = processIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (aging, metrics, check or risk)`);
    const args = parseCommandArgs(rest, command.options);
    if (args === null) {
      io.out(`Usage: ${command.usage}\n`);
      return EXIT_OK;
    }
    return command.run(args, io);
  } catch (e) {
    // Anything else is a bug, but still one line and "could not run", never status 1,
    // which means the file has errors.
    io.err(`overdue: ${e instanceof UsageError ? '' : 'unexpected error: '}${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}
