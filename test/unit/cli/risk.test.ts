import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../../src/domain/calendar';
import { mulberry32 } from '../../../src/demo/random';
import { overdue } from './run';

const PAYMENTS = 'test/fixtures/cli/payments.csv';
const T = 60_000;


/**
 * Two years of invoices for 30 customers: the first 8 ("Late n") pay 20-70 days after
 * the due date, the others on time or a few days early; nothing is paid after the
 * as-of date, so the newest invoices are open.
 */
function ledger(): string {
  const rnd = mulberry32(7);
  const lines = ['Customer,Invoice #,Invoice date,Due date,Amount,Paid amount,Paid date'];
  for (let i = 0; i < 1_500; i++) {
    const c = i % 30;
    const late = c < 8;
    const name = late ? `Late ${c}` : `Prompt ${c}`;
    const issue = addDays('2023-01-01', Math.floor(rnd() * 700));
    const due = addDays(issue, 30);
    const paid = addDays(due, late ? 20 + Math.floor(rnd() * 50) : -Math.floor(rnd() * 5));
    const amount = (100 + Math.floor(rnd() * 900)).toFixed(2);
    const settled = paid <= '2024-12-31';
    lines.push([name, `N-${i}`, issue, due, amount, settled ? amount : '', settled ? paid : ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe.concurrent('overdue risk', () => {
  let dir = '';
  let file = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'overdue-risk-'));
    file = join(dir, 'ledger.csv');
    writeFileSync(file, ledger());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ranks the known late payers riskiest, with a higher late probability, and reports the model quality', async () => {
    const r = await overdue(['risk', file, '--as-of', '2024-12-31']);
    expect(r.status).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toBe('customer,score,grade,open,overdue,late_probability');
    expect(rows).toHaveLength(30);
    const parsed = rows.map((line) => {
      const [customer = '', score, grade, open, overdueAmount, p] = line.split(',');
      return { customer, score: Number(score), grade, open, overdue: overdueAmount, p: Number(p) };
    });
    // Riskiest first: the 8 late payers, then the prompt ones.
    expect(parsed.slice(0, 8).every((x) => x.customer.startsWith('Late'))).toBe(true);
    expect(parsed.map((x) => x.score)).toEqual([...parsed.map((x) => x.score)].sort((a, b) => a - b));
    const lateP = parsed.filter((x) => x.customer.startsWith('Late')).map((x) => x.p);
    const promptP = parsed.filter((x) => x.customer.startsWith('Prompt')).map((x) => x.p);
    expect(Math.min(...lateP)).toBeGreaterThan(Math.max(...promptP));
    expect(parsed.every((x) => /^\d+\.\d{2}$/.test(x.open ?? '') && x.p >= 0 && x.p <= 1 && /^[ABCD]$/.test(x.grade ?? ''))).toBe(true);
    expect(r.stderr).toMatch(/^overdue: late_probability: learned from \d+ paid invoices; AUC [01]\.\d{3}, MAE \d+\.\d days/);
  }, T);

  it('falls back to the rule-based estimate on a short history, and says so', async () => {
    const r = await overdue(['risk', PAYMENTS, '--as-of', '2024-03-31']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('customer,score,grade,open,overdue,late_probability');
    // Gamma owes 300.00, all of it over 180 days old: the riskiest.
    expect(r.stdout.split('\n')[1]).toMatch(/^"Gamma, Ltd",\d+,[ABCD],300\.00,300\.00,0\.500$/);
    expect(r.stderr).toContain('rule-based');
  }, T);

  it('needs --as-of, and refuses an unknown option with status 2', async () => {
    const missing = await overdue(['risk', PAYMENTS]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^overdue: .*as-of/);
    const unknown = await overdue(['risk', PAYMENTS, '--as-of', '2024-03-31', '--wat']);
    expect(unknown.status).toBe(2);
  }, T);
});
