import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { overdue, fixture } from './run';
import { parseInvoiceFile } from '../../../src/import/invoices';
import { DEFAULT_BOUNDS, agingOf } from '../../../src/domain/aging';
import { openBalance } from '../../../src/domain/balance';
import { toDayNumber } from '../../../src/domain/calendar';
import { formatPlain } from '../../../src/domain/money';

const PAYMENTS = 'test/fixtures/cli/payments.csv';
const GBK = 'test/fixtures/cli/gbk-chinese.csv';
// Each run starts node and tsx; generous for a loaded CI machine.
const T = 60_000;

describe.concurrent('overdue aging', () => {
  it('prints the due-basis aging by customer, largest total first, TOTAL last', async () => {
    const r = await overdue(['aging', PAYMENTS, '--as-of', '2024-03-31']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'customer,not_due,1-30,31-60,61-90,91-180,181-365,>365,total\n' +
        'Acme Trading,0.00,2000.00,600.00,0.00,0.00,0.00,0.00,2600.00\n' +
        'Beta Foods,1200.00,0.00,0.00,0.00,0.00,0.00,0.00,1200.00\n' +
        '"Gamma, Ltd",0.00,0.00,0.00,0.00,0.00,0.00,300.00,300.00\n' +
        // A customer name that a spreadsheet would run as a formula is neutralised.
        '"\'=HYPERLINK(""http://x"")",50.00,0.00,0.00,0.00,0.00,0.00,0.00,50.00\n' +
        'TOTAL,1250.00,2000.00,600.00,0.00,0.00,0.00,300.00,4150.00\n',
    });
  }, T);

  it('counts a payment from its own date on: the day before, the invoice is still open in full', async () => {
    const before = await overdue(['aging', PAYMENTS, '--as-of', '2024-02-09']);
    const on = await overdue(['aging', PAYMENTS, '--as-of', '2024-02-10']);
    expect(before.stdout).toBe(
      'customer,not_due,1-30,31-60,61-90,91-180,181-365,>365,total\n' +
      'Acme Trading,0.00,1000.00,0.00,0.00,0.00,0.00,0.00,1000.00\n' +
      '"Gamma, Ltd",0.00,0.00,0.00,0.00,0.00,300.00,0.00,300.00\n' +
      'TOTAL,0.00,1000.00,0.00,0.00,0.00,300.00,0.00,1300.00\n',
    );
    expect(on.stdout).toContain('\nAcme Trading,0.00,600.00,0.00,0.00,0.00,0.00,0.00,600.00\n');
    // Beta's INV-003 was paid in full on 2024-01-15, so Beta has nothing open.
    expect(before.stdout).not.toContain('Beta');
  }, T);

  it('ages on the issue basis with custom bounds', async () => {
    const r = await overdue(['aging', PAYMENTS, '--as-of', '2024-03-31', '--basis', 'issue', '--bounds', '30,60,90']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'customer,0-30,31-60,61-90,>90,total\n' +
      'Acme Trading,0.00,2000.00,600.00,0.00,2600.00\n' +
      'Beta Foods,1200.00,0.00,0.00,0.00,1200.00\n' +
      '"Gamma, Ltd",0.00,0.00,0.00,300.00,300.00\n' +
      '"\'=HYPERLINK(""http://x"")",50.00,0.00,0.00,0.00,50.00\n' +
      'TOTAL,1250.00,2000.00,600.00,300.00,4150.00\n',
    );
  }, T);

  it('prints the same table as JSON with --json', async () => {
    const r = await overdue(['aging', PAYMENTS, '--as-of', '2024-03-31', '--bounds', '30', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      asOf: '2024-03-31',
      basis: 'due',
      bounds: [30],
      currency: 'CNY',
      columns: ['customer', 'not_due', '1-30', '>30', 'total'],
      rows: [
        { customer: 'Acme Trading', not_due: '0.00', '1-30': '2000.00', '>30': '600.00', total: '2600.00' },
        { customer: 'Beta Foods', not_due: '1200.00', '1-30': '0.00', '>30': '0.00', total: '1200.00' },
        { customer: 'Gamma, Ltd', not_due: '0.00', '1-30': '0.00', '>30': '300.00', total: '300.00' },
        { customer: '=HYPERLINK("http://x")', not_due: '50.00', '1-30': '0.00', '>30': '0.00', total: '50.00' },
      ],
      total: { customer: 'TOTAL', not_due: '1250.00', '1-30': '2000.00', '>30': '900.00', total: '4150.00' },
    });
  }, T);

  it('reads a GBK file with Chinese headers below a title, detected or named', async () => {
    const expected =
      'customer,not_due,1-30,31-60,61-90,91-180,181-365,>365,total\n' +
      '上海某某贸易有限公司,0.00,2000.00,1000.00,0.00,0.00,0.00,0.00,3000.00\n' +
      '北京某某科技有限公司,0.00,0.00,0.00,0.00,888.88,0.00,0.00,888.88\n' +
      '广州某某餐饮管理有限公司,500.00,0.00,0.00,0.00,0.00,0.00,0.00,500.00\n' +
      'TOTAL,500.00,2000.00,1000.00,0.00,888.88,0.00,0.00,4388.88\n';
    const detected = await overdue(['aging', GBK, '--as-of', '2024-03-31']);
    const named = await overdue(['aging', GBK, '--as-of', '2024-03-31', '--encoding', 'gbk']);
    expect(detected).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(named).toEqual({ status: 0, stdout: expected, stderr: '' });
  }, T);

  it('prints amounts with the currency digits (JPY: none)', async () => {
    const r = await overdue(['aging', 'test/fixtures/cli/jpy.csv', '--as-of', '2024-03-31']);
    expect(r.stdout).toBe('customer,not_due,1-30,31-60,61-90,91-180,181-365,>365,total\nSato,0,0,1500,0,0,0,0,1500\nTOTAL,0,0,1500,0,0,0,0,1500\n');
  }, T);

  it('maps columns with --map and reads day/month dates with --date-order', async () => {
    const map = ['--map', 'number=Doc', '--map', 'customer=Debtor', '--map', 'issue_date=Raised on', '--map', 'due_date=Payable by', '--map', 'amount=Sum owed'];
    const args = ['aging', 'test/fixtures/cli/custom-headers.csv', '--as-of', '2024-03-31', '--basis', 'issue', '--bounds', '30,60', ...map];
    const dmy = await overdue([...args, '--date-order', 'dmy']);
    expect(dmy).toEqual({
      status: 0,
      stderr: '',
      stdout: 'customer,0-30,31-60,>60,total\nDelta Co,0.00,80.00,120.50,200.50\nEpsilon,40.00,0.00,0.00,40.00\nTOTAL,40.00,80.00,120.50,240.50\n',
    });
    // Month first, X1 and X2 are issued after the as-of date (May and October).
    const mdy = await overdue([...args, '--date-order', 'mdy']);
    expect(mdy.stdout).toBe('customer,0-30,31-60,>60,total\nEpsilon,0.00,0.00,40.00,40.00\nTOTAL,0.00,0.00,40.00,40.00\n');
    expect(mdy.stderr).toBe('overdue: 1 warning in test/fixtures/cli/custom-headers.csv (see overdue check)\n');
    expect(mdy.status).toBe(0);
    // Without the order the dates are ambiguous: the rows are left out and the status says so.
    const none = await overdue(args);
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('customer,0-30,31-60,>60,total\nTOTAL,0.00,0.00,0.00,0.00\n');
    expect(none.stderr).toBe('overdue: 2 errors in test/fixtures/cli/custom-headers.csv; the rows concerned are left out (see overdue check)\n');
  }, T);

  it('still prints the report for a file with errors, leaving their rows out, and exits 1', async () => {
    const r = await overdue(['aging', 'test/fixtures/cli/errors.csv', '--as-of', '2024-03-31']);
    expect(r).toEqual({
      status: 1,
      stdout:
        'customer,not_due,1-30,31-60,61-90,91-180,181-365,>365,total\n' +
        'Acme,0.00,0.00,100.00,0.00,0.00,0.00,0.00,100.00\n' +
        'Beta,0.00,0.00,10.01,50.00,0.00,0.00,0.00,60.01\n' +
        'TOTAL,0.00,0.00,110.01,50.00,0.00,0.00,0.00,160.01\n',
      stderr: 'overdue: 2 errors in test/fixtures/cli/errors.csv; the rows concerned are left out (see overdue check)\n',
    });
  }, T);

  it('refuses to add up amounts in different currencies', async () => {
    const r = await overdue(['aging', 'test/fixtures/cli/mixed-currency.csv', '--as-of', '2024-03-31']);
    expect(r).toEqual({
      status: 1,
      stdout: '',
      stderr: 'overdue: test/fixtures/cli/mixed-currency.csv mixes currencies (CNY, USD); amounts in different currencies cannot be added up\n',
    });
  }, T);

  it('matches the domain functions (openBalance, agingOf) on every as-of date tried', async () => {
    const file = parseInvoiceFile(new Uint8Array(readFileSync(fixture('payments.csv'))), {
      defaultCurrency: 'CNY', defaultTermsDays: 30, importDate: '2024-12-31',
    });
    const dates = ['2023-01-10', '2023-06-30', '2024-01-15', '2024-02-10', '2024-03-21', '2024-03-22', '2024-12-31'];
    const runs = await Promise.all(dates.map((asOf) => overdue(['aging', PAYMENTS, '--as-of', asOf, '--json'])));
    dates.forEach((asOf, n) => {
      const expected = new Map<string, number[]>();
      for (const inv of file.invoices) {
        const balance = openBalance(inv, inv.payments.map((p) => ({ invoiceId: inv.number, date: p.date, delta: -p.amount })), asOf);
        const own = agingOf([{ basisDay: toDayNumber(inv.dueDate), balance }], toDayNumber(asOf), DEFAULT_BOUNDS, 'due').map((b) => b.amount);
        const sum = expected.get(inv.customerName) ?? own.map(() => 0);
        expected.set(inv.customerName, sum.map((x, i) => x + (own[i] ?? 0)));
      }
      const doc = JSON.parse(runs[n]?.stdout ?? '') as { columns: string[]; rows: Record<string, string>[] };
      const got = new Map(doc.rows.map((row) => [row.customer ?? '', doc.columns.slice(1, -1).map((c) => row[c])]));
      const want = new Map([...expected].filter(([, b]) => b.some((x) => x !== 0)).map(([k, b]) => [k, b.map((x) => formatPlain(x, 2))]));
      expect(got, asOf).toEqual(want);
    });
  }, 2 * T);
});
