// The analytics page on a small demo book: metric cards with values, four chart
// canvases, the monthly table view, a CSV with its header row, a custom period's
// checks, the switch to Chinese, and a payment moving the collected figure.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { loadDemoBook, openPaymentForm } from './flows';
import { eventually, expectCount, expectText } from './wait';

const TODAY = '2026-06-30';
const LAST_12 = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

describe('analytics page', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp({ locale: 'en-US' });
    await loadDemoBook(app, TODAY, { customers: 30, invoices: 600 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the metrics and four charts for the last 12 months', async () => {
    const { page } = app;
    await app.goto('/analytics/');
    await expectText(page.getByTestId('nav-analytics'), 'Analytics');
    expect(await page.getByTestId('nav-analytics').getAttribute('aria-current')).toBe('page');
    await expectText(page.getByTestId('kpi-collected-value'), /\d/);
    expect(await page.getByTestId('analytics').getAttribute('data-from')).toBe('2025-07-01');
    expect(await page.getByTestId('analytics').getAttribute('data-to')).toBe(TODAY);
    for (const key of ['simpleDso', 'countbackDso', 'bestDso', 'add', 'cei', 'over90']) {
      await expectText(page.getByTestId(`kpi-${key}-value`), /\d/);
    }
    expect(await page.getByTestId('period-last12').getAttribute('aria-pressed')).toBe('true');
    for (const id of ['flow', 'dso', 'aging', 'debtors']) await page.locator(`[data-testid="chart-${id}-canvas"] canvas`).waitFor();
    await expectText(page.getByTestId('concentration'), /Largest debtor \d/);
    app.assertNoErrors();
  });

  it('shows the months as a table and downloads them as CSV with the header row', async () => {
    const { page } = app;
    await page.getByTestId('chart-flow-toggle').click();
    const rows = page.locator('[data-testid="chart-flow-table"] tbody tr');
    await expectCount(rows, 12);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')))).toEqual(LAST_12);
    expect(await page.locator('[data-testid="chart-flow-table"] thead th').allTextContents()).toEqual(['Month', 'Invoiced', 'Collected']);
    expect(await page.locator('[data-testid="chart-flow-canvas"]').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-aging-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/-analytics-aging-2025-07-01-2026-06-30\.csv$/);
    const text = new TextDecoder('utf-8').decode(await readFile(await download.path()));
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Month,Not yet due,1-30 days,31-60 days,61-90 days,91-180 days,181-365 days,over 365 days,Total');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(LAST_12);
    // Each month's buckets add up to its total.
    for (const line of lines.slice(1)) {
      const cells = line.split(',').slice(1).map((c) => Math.round(Number(c) * 100));
      expect(cells.slice(0, -1).reduce((s, c) => s + c, 0)).toBe(cells[cells.length - 1]);
    }
  });

  it('checks a custom period before showing it', async () => {
    const { page } = app;
    await page.getByTestId('period-custom').click();
    const form = page.getByTestId('period-form');
    await form.locator('[name="from"]').fill('2026-03-01');
    await form.locator('[name="to"]').fill('2026-01-31');
    await form.getByTestId('save').click();
    await expectText(page.getByTestId('error-to'), 'The start must not be after the end.');
    await form.locator('[name="to"]').fill('2026-03-31');
    await form.getByTestId('save').click();
    await eventually(async () => {
      if (await page.getByTestId('analytics').getAttribute('data-from') !== '2026-03-01') throw new Error('period not applied');
    });
    expect(await page.getByTestId('error-to').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?period=custom&from=2026-03-01&to=2026-03-31');
    await page.getByTestId('period-last12').click();
    await eventually(async () => {
      if (await page.getByTestId('analytics').getAttribute('data-from') !== '2025-07-01') throw new Error('period not applied');
    });
  });

  it('switches to Chinese and back', async () => {
    const { page } = app;
    await page.getByTestId('lang-toggle').click();
    await expectText(page.getByTestId('nav-analytics'), '回款分析');
    await expectText(page.locator('h1'), '回款分析');
    await expectText(page.getByTestId('kpi-cei'), '回款有效性指数');
    await expectText(page.locator('[data-testid="chart-flow-table"] thead'), '月份');
    await expectText(page.getByTestId('concentration'), '最大客户占应收');
    await page.getByTestId('lang-toggle').click();
    await expectText(page.getByTestId('kpi-cei'), 'Collection effectiveness');
  });

  it('a payment changes the collected figure', async () => {
    const { page } = app;
    await page.getByTestId('chart-debtors-toggle').click();
    const top = page.locator('[data-testid="chart-debtors-table"] tbody tr').first();
    await top.waitFor();
    const customerId = await top.getAttribute('data-key');
    if (!customerId) throw new Error('no top debtor');
    const before = await page.getByTestId('kpi-collected-value').textContent();
    const form = await openPaymentForm(page, app.server.url, customerId, { date: TODAY, amount: '1,234.56', reference: 'ANALYTICS-E2E' });
    await form.getByTestId('save').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);
    await app.goto('/analytics/');
    await expectText(page.getByTestId('kpi-collected-value'), /\d/);
    await eventually(async () => {
      const after = await page.getByTestId('kpi-collected-value').textContent();
      if (after === before) throw new Error(`collected still ${after}`);
      const amount = (s: string | null) => Math.round(Number((s ?? '').replace(/[^\d.]/g, '')) * 100);
      expect(amount(after) - amount(before)).toBe(123_456);
    });
    app.assertNoErrors();
  });
});
