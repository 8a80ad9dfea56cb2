import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { overdue, fixture } from './run';

const FILE = 'test/fixtures/cli/payments.csv';
// Each run starts node and tsx; generous for a loaded CI machine.
const T = 60_000;

/** A usage error: nothing on stdout, one line on stderr, exit status 2. */
async function usageError(args: string[], message: string): Promise<void> {
  expect(await overdue(args)).toEqual({ status: 2, stdout: '', stderr: `overdue: ${message}\n` });
}

describe.concurrent('command-line errors: one line on stderr, exit 2', () => {
  it('unknown option', () => usageError(['aging', FILE, '--as-of', '2024-03-31', '--frobnicate'], 'unknown option --frobnicate'), T);
  it('an option of another command', () => usageError(['check', FILE, '--as-of', '2024-03-31'], 'unknown option --as-of'), T);
  it('option without its value', () => usageError(['aging', FILE, '--as-of'], 'option --as-of needs a value'), T);
  it('missing file', () => usageError(['aging', 'test/fixtures/cli/nope.csv', '--as-of', '2024-03-31'], 'cannot read test/fixtures/cli/nope.csv: no such file'), T);
  it('a directory for FILE', () => usageError(['check', 'test/fixtures/cli'], 'cannot read test/fixtures/cli: is a directory'), T);
  it('no FILE', () => usageError(['check'], 'missing FILE'), T);
  it('two FILEs', () => usageError(['check', FILE, FILE], `one FILE expected, got also "${FILE}"`), T);
  it('missing --as-of', () => usageError(['aging', FILE], '--as-of YYYY-MM-DD is required'), T);
  it('bad --as-of: not ISO', () => usageError(['aging', FILE, '--as-of', '31/03/2024'], '--as-of must be a date YYYY-MM-DD, got "31/03/2024"'), T);
  it('bad --as-of: no such day', () => usageError(['aging', FILE, '--as-of', '2023-02-29'], '--as-of must be a date YYYY-MM-DD, got "2023-02-29"'), T);
  it('bad --bounds: decreasing', () => usageError(['aging', FILE, '--as-of', '2024-03-31', '--bounds', '60,30'], '--bounds must be 1 to 12 increasing whole days like 30,60,90, got "60,30"'), T);
  it('bad --bounds: not numbers', () => usageError(['aging', FILE, '--as-of', '2024-03-31', '--bounds', '30,sixty'], '--bounds must be 1 to 12 increasing whole days like 30,60,90, got "30,sixty"'), T);
  it('bad --bounds: zero', () => usageError(['aging', FILE, '--as-of', '2024-03-31', '--bounds', '0,30'], '--bounds must be 1 to 12 increasing whole days like 30,60,90, got "0,30"'), T);
  it('bad --basis', () => usageError(['aging', FILE, '--as-of', '2024-03-31', '--basis', 'paid'], '--basis must be due or issue, got "paid"'), T);
  it('bad --map field', () => usageError(['aging', FILE, '--as-of', '2024-03-31', '--map', 'client=Customer'],
    '--map: unknown field "client" (fields: number, customer, customer_name, issue_date, due_date, paid_date, terms_days, amount, paid_amount, balance, currency, disputed, description)'), T);
  it('--map without =', () => usageError(['check', FILE, '--map', 'amount'], '--map takes FIELD=COLUMN, got "amount"'), T);
  it('bad --date-order', () => usageError(['check', FILE, '--date-order', 'dym'], '--date-order must be dmy, mdy or ymd, got "dym"'), T);
  it('unknown --encoding', () => usageError(['check', FILE, '--encoding', 'klingon'], 'unknown encoding "klingon" (try utf-8, gbk, gb18030, utf-16le)'), T);
  it('missing --from', () => usageError(['metrics', FILE, '--to', '2024-03-31'], '--from YYYY-MM-DD is required'), T);
  it('bad --to', () => usageError(['metrics', FILE, '--from', '2024-03-01', '--to', '2024-04-31'], '--to must be a date YYYY-MM-DD, got "2024-04-31"'), T);
  it('--from after --to', () => usageError(['metrics', FILE, '--from', '2024-03-02', '--to', '2024-03-01'], '--from 2024-03-02 is after --to 2024-03-01'), T);
  it('unknown command', () => usageError(['report', FILE], 'unknown command "report" (aging, metrics, check or risk)'), T);

  it('no command at all prints the usage on stderr, exit 2', async () => {
    const r = await overdue([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage:\n {2}overdue aging FILE --as-of YYYY-MM-DD/);
  }, T);
});

describe.concurrent('help and working directory', () => {
  it('--help prints the usage, exit 0', async () => {
    const r = await overdue(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('overdue metrics FILE --from YYYY-MM-DD --to YYYY-MM-DD');
    expect(r.stdout).toContain('overdue check FILE');
  }, T);

  it('a command\'s --help prints its usage, exit 0', async () => {
    const r = await overdue(['aging', '--help']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout: 'Usage: overdue aging FILE --as-of YYYY-MM-DD [--basis due|issue] [--bounds 30,60,90,180,365] [--map FIELD=COLUMN]... [--date-order dmy|mdy|ymd] [--encoding NAME] [--json]\n',
    });
  }, T);

  it('runs from another directory, as npx does', async () => {
    const r = await overdue(['check', fixture('payments.csv')], tmpdir());
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('7 rows read as utf-8, comma separated: 7 invoices, 0 errors, 0 warnings\n');
  }, T);
});
