// The collections workflow in a real browser, with "today" moved forward: an
// invoice walks through the default policy, the queue shows the right stage each
// day, a promise pauses chasing and its breaking resumes it, a notice is produced,
// rendered for print (a real PDF) and logged, and a payment ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, createCustomer, createInvoice, fillField, formWith, openPaymentForm, setToday } from './flows';
import { eventually, expectText } from './wait';

const CUSTOMER = '杭州恒达贸易有限公司';

describe('collections workflow', () => {
  let app: App;
  let customerId = '';

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Opens the queue on `day` and returns the stage ids it lists (empty when nothing is due). */
  async function queueOn(day: string): Promise<string[]> {
    const { page } = app;
    await app.goto('/queue/');
    await setToday(page, day);
    await page.getByTestId('queue').and(page.locator(`[data-as-of="${day}"]`)).waitFor();
    return page.getByTestId('queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage') ?? ''));
  }

  it('shows the courtesy reminder before the due date and the first reminder after it', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, '2026-03-20');
    await createBook(page, app.server.url, '催收流程测试');
    customerId = await createCustomer(page, app.server.url, { name: CUSTOMER, termsDays: 30 });
    await createInvoice(page, app.server.url, customerId, { number: 'FP-2026-01', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: '1,000.00' });
    expect(await queueOn('2026-03-27')).toEqual([]);
    expect(await queueOn('2026-03-28')).toEqual(['courtesy']);
    expect(await queueOn('2026-04-01')).toEqual(['first']);
    app.assertNoErrors();
  });

  it('logs a promise to pay, which pauses chasing until it is broken', async () => {
    const { page } = app;
    await page.getByTestId('queue-done').click();
    const form = formWith(page, 'outcome');
    await fillField(form, 'outcome', 'promised');
    await fillField(form, 'promise.amount', '1,000.00');
    await fillField(form, 'promise.date', '2026-04-20');
    await fillField(form, 'note', '财务说月底前付');
    await form.getByTestId('save').click();
    await page.getByTestId('queue-empty').waitFor();
    await expectText(page.getByTestId('queue-paused'), '1');
    expect(await queueOn('2026-04-20')).toEqual([]);
    // The day after the promised date: broken, back at the next stage.
    expect(await queueOn('2026-04-21')).toEqual(['written']);
    app.assertNoErrors();
  });

  it('produces the written notice, renders it for print and logs the stage', async () => {
    const { page } = app;
    await page.getByTestId('queue-notice').click();
    await page.getByTestId('notice-produce').waitFor();
    await page.locator('#notice-locale').selectOption('zh-CN');
    await expectText(page.getByTestId('notice-sheet'), '催缴通知书');
    await expectText(page.getByTestId('notice-sheet'), 'FP-2026-01');
    await page.getByTestId('notice-produce').click();
    await page.waitForURL(/\/notice\/\?id=/);
    const sheet = page.getByTestId('notice-sheet');
    await expectText(sheet, '壹仟元整');
    await expectText(page.locator('h1'), 'N-2026-0001');
    expect(await page.getByTestId('notice-invoices').locator('tbody tr').count()).toBe(1);

    // The print view: the letter alone, and Chromium prints it to a PDF.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByTestId('notice-print').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('notice-delivered').click();
    await eventually(async () => {
      if ((await page.getByTestId('notice-delivery').getAttribute('data-delivered')) !== '2026-04-21') throw new Error('not delivered yet');
    });
    // Done for the day: the stage is logged.
    expect(await queueOn('2026-04-21')).toEqual([]);
    await app.goto(`/customer/?id=${customerId}`);
    await expectText(page.getByTestId('notices'), 'N-2026-0001');
    // The credit score counts the broken promise among its parts.
    await page.getByTestId('risk').waitFor();
    expect(await page.getByTestId('risk').getAttribute('data-grade')).toMatch(/^[ABCD]$/);
    expect(await page.locator('[data-testid="risk-part"][data-part="promises"] td').last().textContent()).toMatch(/^−\d/);
    expect(await page.getByTestId('promise-row').getAttribute('data-state')).toBe('broken');
    app.assertNoErrors();
  });

  it('moves on to the final demand, and a payment ends the chase', async () => {
    const { page } = app;
    expect(await queueOn('2026-04-30')).toEqual(['final']);
    const form = await openPaymentForm(page, app.server.url, customerId, { date: '2026-04-30', amount: '1,000.00' });
    await form.getByTestId('save').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);
    expect(await queueOn('2026-04-30')).toEqual([]);
    expect(await queueOn('2026-06-30')).toEqual([]);
    app.assertNoErrors();
  });
});

describe('payment plan from the customer page', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses instalments that do not add up at the field, then keeps a plan that does', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, '2026-05-10');
    await createBook(page, app.server.url, '分期测试');
    const customerId = await createCustomer(page, app.server.url, { name: '上海明远科技', termsDays: 30 });
    await createInvoice(page, app.server.url, customerId, { number: 'FP-9', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: '900.00' });
    await app.goto(`/customer/?id=${customerId}`);
    await page.getByTestId('new-plan').click();
    const form = page.getByTestId('plan-form');
    await form.locator('input[name="instalments.0.amount"]').fill('500.00');
    await form.locator('input[name="instalments.1.amount"]').fill('300.00');
    await form.getByTestId('save').click();
    await expectText(form, /do not add up|合计/);
    await form.locator('input[name="instalments.1.amount"]').fill('400.00');
    await form.getByTestId('save').click();
    await page.getByTestId('plan').waitFor();
    expect(await page.getByTestId('plan').getAttribute('data-state')).toBe('current');
    expect(await page.getByTestId('next-action').getAttribute('data-paused')).toBe('plan');
    app.assertNoErrors();
  });
});
