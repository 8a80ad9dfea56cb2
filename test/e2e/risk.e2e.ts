// Credit risk in a real browser on a small demo book: the risk page shows grade
// counts, the model's quality and the forecast (chart, 13-week table, CSV); the
// queue shows grades; warnings are listed with a matching nav count, dismissed
// only with a reason (and that lasts after a reload), and restored; a payment
// moves the customer's figures on the risk list; a grade set by hand with a
// reason shows on the customer page and the risk list.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { fillField, formWith, loadDemoBook, openPaymentForm } from './flows';
import { eventually, expectCount, expectText } from './wait';

const TODAY = '2026-06-30';

describe('credit risk, forecast and warnings', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
    await loadDemoBook(app, TODAY, { customers: 40, invoices: 900 });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The graded list's rows as { id, grade, score, open, overridden }. */
  async function gradeRows() {
    const { page } = app;
    await app.goto('/risk/');
    await page.getByTestId('grade-table').waitFor();
    return page.getByTestId('grade-row').evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-id') ?? '',
        grade: r.getAttribute('data-grade') ?? '',
        score: Number(r.getAttribute('data-score')),
        open: Number(r.getAttribute('data-open')),
        overridden: r.getAttribute('data-overridden') === '1',
      })),
    );
  }

  it('shows grade counts, the model quality and the forecast chart, and the forecast as 13 weeks in a table and a CSV', async () => {
    const { page } = app;
    await app.goto('/risk/');
    await expectCount(page.getByTestId('grade-card'), 4);
    const counts = await page.getByTestId('grade-card').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const quality = page.getByTestId('model-quality');
    await expectText(quality, /\S/);
    expect(['learned', 'rule']).toContain(await quality.getAttribute('data-kind'));
    await page.getByTestId('forecast-chart').locator('canvas').waitFor();

    // A card filters the list to its grade.
    const first = counts.findIndex((n) => n > 0);
    await page.getByTestId('grade-card').nth(first).click();
    const grade = await page.getByTestId('grade-card').nth(first).getAttribute('data-grade');
    await eventually(async () => {
      const grades = await page.getByTestId('grade-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-grade')));
      if (grades.length === 0 || grades.some((g) => g !== grade)) throw new Error(`rows ${grades.join()} for ${grade}`);
    });

    await page.getByTestId('forecast-view-table').click();
    await expectCount(page.getByTestId('forecast-table').locator('tbody tr[data-week]'), 13);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('forecast-export').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-cash-forecast-${TODAY}\\.csv$`));
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 13 + 4);
    app.assertNoErrors();
  });

  it('shows grades in the queue', async () => {
    const { page } = app;
    await app.goto('/queue/');
    await page.getByTestId('queue-row').first().waitFor();
    const grades = await page.getByTestId('queue-row').getByTestId('grade-badge').evaluateAll((b) => b.map((x) => x.getAttribute('data-grade')));
    expect(grades.length).toBeGreaterThan(0);
    for (const g of grades) expect(['A', 'B', 'C', 'D']).toContain(g);
    app.assertNoErrors();
  });

  it('lists warnings with a matching nav count; dismisses only with a reason, lasting after a reload; restores', async () => {
    const { page } = app;
    await app.goto('/warnings/');
    const list = page.getByTestId('warnings');
    await list.waitFor();
    const active = Number(await list.getAttribute('data-active'));
    expect(active).toBeGreaterThan(0);
    await expectCount(page.getByTestId('warning-row'), active);
    const badge = page.getByTestId('nav-warnings-count');
    await expectText(badge, String(active));

    const row = page.getByTestId('warning-row').first();
    const key = (await row.getAttribute('data-key')) ?? '';
    expect(await row.getByTestId('warning-text').textContent()).toMatch(/\S/);
    await row.getByTestId('warning-dismiss').click();
    const form = page.getByTestId('dismiss-form');
    await form.getByTestId('save').click();
    await form.getByTestId('error-reason').waitFor();
    expect(await page.locator(`[data-testid="warning-row"][data-key="${key}"]`).count()).toBe(1);

    await fillField(form, 'reason', '已电话确认，月底付款');
    await form.getByTestId('save').click();
    await expectCount(page.locator(`[data-testid="warning-row"][data-key="${key}"]`), 0);
    await expectText(badge, String(active - 1));

    await page.reload();
    await page.getByTestId('warnings').waitFor();
    await expectCount(page.locator(`[data-testid="warning-row"][data-key="${key}"]`), 0);
    await expectText(page.getByTestId('nav-warnings-count'), String(active - 1));

    await page.getByTestId('warnings-show-dismissed').check();
    const dismissed = page.locator(`[data-testid="warning-row"][data-key="${key}"]`);
    await expectText(dismissed.getByTestId('warning-dismissal'), '已电话确认，月底付款');
    await dismissed.getByTestId('warning-restore').click();
    await eventually(async () => {
      if ((await dismissed.getAttribute('data-dismissed')) === '1') throw new Error('still dismissed');
    });
    await expectText(page.getByTestId('nav-warnings-count'), String(active));
    app.assertNoErrors();
  });

  it('a payment changes the customer\'s figures on the risk list', async () => {
    const { page } = app;
    const before = (await gradeRows()).find((r) => r.open >= 10_000);
    if (!before) throw new Error('no customer owes 100.00 or more');
    const forecastBefore = Number(await page.getByTestId('forecast').getAttribute('data-open'));
    const form = await openPaymentForm(page, app.server.url, before.id, { date: TODAY, amount: '100.00', reference: 'RISK-E2E' });
    await form.getByTestId('save').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);
    await eventually(async () => {
      const after = (await gradeRows()).find((r) => r.id === before.id);
      if (!after || after.open !== before.open - 10_000) throw new Error(`open ${after?.open} after paying 100.00 of ${before.open}`);
    }, { timeout: 20_000 });
    await eventually(async () => {
      const open = Number(await page.getByTestId('forecast').getAttribute('data-open'));
      if (open !== forecastBefore - 10_000) throw new Error(`forecast open ${open}, was ${forecastBefore}`);
    });
    app.assertNoErrors();
  });

  it('a grade set by hand with a reason shows on the customer page and the risk list', async () => {
    const { page } = app;
    const target = (await gradeRows()).find((r) => r.grade !== 'A' && !r.overridden);
    if (!target) throw new Error('no customer below A');
    await app.goto(`/customer/?id=${encodeURIComponent(target.id)}`);
    await page.getByTestId('grade-override-open').click();
    const form = formWith(page, 'reason');
    await fillField(form, 'grade', 'A');
    await form.getByTestId('save').click();
    await form.getByTestId('error-reason').waitFor();
    await fillField(form, 'reason', '母公司担保');
    await form.getByTestId('save').click();
    await eventually(async () => {
      if ((await page.getByTestId('risk').getAttribute('data-effective-grade')) !== 'A') throw new Error('grade not set');
    });
    await expectText(page.getByTestId('risk-override'), '母公司担保');
    await eventually(async () => {
      const row = (await gradeRows()).find((r) => r.id === target.id);
      if (!row || row.grade !== 'A' || !row.overridden) throw new Error(`row ${JSON.stringify(row)}`);
    });
    app.assertNoErrors();
  });

  it('the risk weights editor refuses a bad weight at its field, saves a good one and resets to the defaults', async () => {
    const { page } = app;
    await app.goto('/settings/');
    const form = page.getByTestId('risk-weights');
    await form.waitFor();
    await fillField(form, 'overdue', '101');
    await fillField(form, 'age', 'x');
    await form.getByTestId('save').click();
    await form.getByTestId('error-overdue').waitFor();
    await form.getByTestId('error-age').waitFor();
    await fillField(form, 'overdue', '40');
    await fillField(form, 'age', '15');
    await form.getByTestId('save').click();
    await form.getByTestId('cs-saved').waitFor();
    await page.reload();
    await eventually(async () => {
      if ((await page.getByTestId('risk-weights').locator('[name="overdue"]').inputValue()) !== '40') throw new Error('not saved');
    });
    await page.getByTestId('risk-weights-reset').click();
    await eventually(async () => {
      if ((await page.getByTestId('risk-weights').locator('[name="overdue"]').inputValue()) !== '25') throw new Error('not reset');
    });
    await page.getByTestId('risk-weights').getByTestId('cs-saved').waitFor();
    app.assertNoErrors();
  });
});
