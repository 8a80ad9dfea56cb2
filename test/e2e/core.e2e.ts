// The bookkeeper's core loop in a real browser: book, customer, invoice, partial
// payment, balances and aging, persistence across a reload, and undo.
// Runs in a time zone west of UTC so that a date computed through local midnight
// (new Date('2026-05-31')) would land on the previous day and show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, createCustomer, createInvoice, expectAmount, openPaymentForm, setToday } from './flows';
import { expectText } from './wait';

const TODAY = '2026-06-30';
// Issued 60 days before TODAY, due 30 days later: 30 days overdue on TODAY, bucket 1-30.
const ISSUED = '2026-05-01';
const DUE = '2026-05-31';

describe('core flow', () => {
  let app: App;
  let customerId = '';
  let invoiceId = '';

  beforeAll(async () => {
    app = await openApp({ timezoneId: 'America/Los_Angeles' });
    // An undo confirmation, if the UI asks for one, is accepted.
    app.page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a book, a customer and an invoice', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, TODAY);
    await createBook(page, app.server.url, 'E2E Trading Co');
    customerId = await createCustomer(page, app.server.url, { name: '上海示例贸易有限公司', termsDays: 30 });
    invoiceId = await createInvoice(page, app.server.url, customerId, { number: 'INV-2026-001', issueDate: ISSUED, dueDate: DUE, amount: '1,000.00' });
    expect(customerId).not.toBe('');
    expect(invoiceId).not.toBe('');
    await app.goto(`/customer/?id=${customerId}`);
    await expectAmount(page, 'customer-balance', '1,000.00');
    app.assertNoErrors();
  });

  it('records a partial payment of 400.00 and shows 600.00 open everywhere', async () => {
    const { page } = app;
    const form = await openPaymentForm(page, app.server.url, customerId, { date: TODAY, amount: '400.00', reference: 'BANK-1' });
    await form.getByTestId('save').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);

    await app.goto(`/customer/?id=${customerId}`);
    await expectAmount(page, 'customer-balance', '600.00');
    await app.goto(`/invoice/?id=${invoiceId}`);
    await expectAmount(page, 'invoice-balance', '600.00');

    await app.goto('/');
    await expectAmount(page, 'dash-total-open', '600.00');
    await expectAmount(page, 'dash-overdue', '600.00');
    // Due basis buckets: 0 not yet due, 1 = 1-30 days.
    await expectText(page.locator('[data-testid="aging-table"] tr[data-bucket="1"]'), '600.00');
    expect(await page.locator('[data-testid="aging-table"] tr[data-bucket="0"]').textContent()).not.toContain('600.00');
    expect(await page.locator('[data-testid="aging-table"] tr[data-bucket="2"]').textContent()).not.toContain('600.00');
    app.assertNoErrors();
  });

  it('keeps everything across a reload', async () => {
    const { page } = app;
    await page.reload();
    await expectAmount(page, 'dash-total-open', '600.00');
    await expectAmount(page, 'dash-overdue', '600.00');
    await expectText(page.locator('[data-testid="aging-table"] tr[data-bucket="1"]'), '600.00');
    expect(await page.getByTestId('today-input').inputValue()).toBe(TODAY);
    await app.goto(`/customer/?id=${customerId}`);
    await page.reload();
    await expectAmount(page, 'customer-balance', '600.00');
    app.assertNoErrors();
  });

  it('undoes the payment and shows 1,000.00 open again', async () => {
    const { page } = app;
    await app.goto(`/customer/?id=${customerId}`);
    await expectAmount(page, 'customer-balance', '600.00');
    await page.getByTestId('undo').click();
    await expectAmount(page, 'customer-balance', '1,000.00');
    await app.goto(`/invoice/?id=${invoiceId}`);
    await expectAmount(page, 'invoice-balance', '1,000.00');
    await app.goto('/');
    await expectAmount(page, 'dash-total-open', '1,000.00');
    await expectText(page.locator('[data-testid="aging-table"] tr[data-bucket="1"]'), '1,000.00');
    app.assertNoErrors();
  });
});
