import { describe, expect, it } from 'vitest';
import { overdue } from './run';

const PAYMENTS = 'test/fixtures/cli/payments.csv';
// Each run starts node and tsx; generous for a loaded CI machine.
const T = 60_000;

describe.concurrent('overdue metrics', () => {
  it('prints metric,value rows for a period, amounts plain, ratios to one decimal', async () => {
    // March 2024 (31 days): S = INV-004 1,200 + INV-006 50; collected INV-002's 500.50;
    // AR start (Feb 29) 600 + 2,500.50 + 300; AR end 600 + 2,000 + 1,200 + 300 + 50, of
    // which INV-004 (due Mar 31) and INV-006 are not yet due.
    // simple 4150/1250 x 31 = 102.92; best 31; ADD 71.92; CEI 500.50/3400.50 = 14.72 %;
    // count-back: March 1,250 (31 d) and February 2,500.50 (29 d) covered, then 399.50
    // of January's 1,000 (31 d): 60 + 12.38 = 72.4.
    const r = await overdue(['metrics', PAYMENTS, '--from', '2024-03-01', '--to', '2024-03-31']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'metric,value\n' +
        'invoiced,1250.00\n' +
        'collected,500.50\n' +
        'ar_start,3400.50\n' +
        'ar_end,4150.00\n' +
        'not_due_end,1250.00\n' +
        'simple_dso,102.9\n' +
        'countback_dso,72.4\n' +
        'best_dso,31.0\n' +
        'add,71.9\n' +
        'cei,14.7\n' +
        'bad_debt_ratio,0.0\n',
    });
  }, T);

  it('leaves ratios empty for a period without sales instead of printing Infinity', async () => {
    const r = await overdue(['metrics', PAYMENTS, '--from', '2024-01-06', '--to', '2024-01-31']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'metric,value\ninvoiced,0.00\ncollected,800.00\nar_start,2100.00\nar_end,1300.00\nnot_due_end,1000.00\n' +
      // count-back still walks: January's 1,000 (31 d), December none (31 d), 300 of November's 800 (30 d).
      'simple_dso,\ncountback_dso,73.3\nbest_dso,\nadd,\ncei,72.7\nbad_debt_ratio,\n',
    );
  }, T);

  it('prints JSON with full precision and exact amounts with --json', async () => {
    const r = await overdue(['metrics', PAYMENTS, '--from', '2024-03-01', '--to', '2024-03-31', '--json']);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      from: '2024-03-01', to: '2024-03-31', days: 31, currency: 'CNY',
      invoiced: '1250.00', collected: '500.50', ar_start: '3400.50', ar_end: '4150.00', not_due_end: '1250.00',
      best_dso: 31, bad_debt_ratio: 0,
    });
    expect(doc.simple_dso).toBeCloseTo((4150 / 1250) * 31, 9);
    expect(doc.countback_dso).toBeCloseTo(60 + (399.5 / 1000) * 31, 9);
    expect(doc.add).toBeCloseTo((2900 / 1250) * 31, 9);
    expect(doc.cei).toBeCloseTo((500.5 / 3400.5) * 100, 9);
  }, T);

  it('reads the GBK file the same way', async () => {
    const r = await overdue(['metrics', 'test/fixtures/cli/gbk-chinese.csv', '--from', '2024-02-01', '--to', '2024-02-29']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\ninvoiced,2000.00\ncollected,234.56\nar_start,2123.44\nar_end,3888.88\nnot_due_end,2000.00\n');
  }, T);
});
