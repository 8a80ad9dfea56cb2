import { describe, expect, it } from 'vitest';
import { overdue } from './run';

// Each run starts node and tsx; generous for a loaded CI machine.
const T = 60_000;

describe.concurrent('overdue check', () => {
  it('lists each problem with line, column and message, then a summary, and exits 1 on errors', async () => {
    const r = await overdue(['check', 'test/fixtures/cli/errors.csv']);
    expect(r).toEqual({
      status: 1,
      stderr: '',
      stdout:
        'line 3, column "Invoice Date": error: "2024-13-01" is not a valid issue date (date.invalid).\n' +
        'line 4, column "Due Date": warning: Due 2024-01-01 is before the issue date 2024-01-10.\n' +
        'line 5, column "Amount": error: "abc" is not an amount this import can read (money.invalid).\n' +
        'line 6, column "Amount": warning: "10.005" has more decimals than CNY has; rounded to 2 (half away from zero).\n' +
        '5 rows read as utf-8, comma separated: 3 invoices, 2 errors, 2 warnings\n',
    });
  }, T);

  it('exits 0 for a clean file', async () => {
    const r = await overdue(['check', 'test/fixtures/cli/payments.csv']);
    expect(r).toEqual({ status: 0, stderr: '', stdout: '7 rows read as utf-8, comma separated: 7 invoices, 0 errors, 0 warnings\n' });
  }, T);

  it('detects GBK, and shows what a wrong --encoding does', async () => {
    const detected = await overdue(['check', 'test/fixtures/cli/gbk-chinese.csv']);
    expect(detected).toEqual({ status: 0, stderr: '', stdout: '4 rows read as gb18030, comma separated: 4 invoices, 0 errors, 0 warnings\n' });
    const wrong = await overdue(['check', 'test/fixtures/cli/gbk-chinese.csv', '--encoding', 'utf-8']);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(/^line 1: warning: \d+ character\(s\) could not be read as utf-8/m);
    expect(wrong.stdout).toMatch(/error/);
  }, T);

  it('is exit 0 with warnings only', async () => {
    const r = await overdue(['check', 'test/fixtures/cli/custom-headers.csv', '--date-order', 'mdy',
      '--map', 'number=Doc', '--map', 'customer=Debtor', '--map', 'issue_date=Raised on', '--map', 'due_date=Payable by', '--map', 'amount=Sum owed']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'line 2, column "Payable by": warning: Due 2024-04-02 is before the issue date 2024-05-01.\n' +
        '3 rows read as utf-8, comma separated: 3 invoices, 0 errors, 1 warning\n',
    });
  }, T);

  it('reports a file whose header cannot be found', async () => {
    const r = await overdue(['check', 'test/fixtures/cli/custom-headers.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      'line 1: error: No header row found in the first 30 rows: a row naming at least an amount and an invoice number or customer column. Map the columns by hand.\n' +
      '0 rows read as utf-8, comma separated: 0 invoices, 1 error, 0 warnings\n',
    );
  }, T);

  it('prints the problems as JSON with --json', async () => {
    const r = await overdue(['check', 'test/fixtures/cli/errors.csv', '--json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { rows: number; invoices: number; encoding: string; problems: { line: number; severity: string; code: string; column: string | null }[] };
    expect(doc).toMatchObject({ rows: 5, invoices: 3, encoding: 'utf-8' });
    expect(doc.problems.map((p) => [p.line, p.column, p.severity, p.code])).toEqual([
      [3, 'Invoice Date', 'error', 'date.invalid'],
      [4, 'Due Date', 'warning', 'import.dueBeforeIssue'],
      [5, 'Amount', 'error', 'money.invalid'],
      [6, 'Amount', 'warning', 'import.rounded'],
    ]);
  }, T);
});
