// Bad input is refused with a message under the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import {
  createBook, createCustomer, createInvoice, expectAmount, fillField, openInvoiceForm, openPaymentForm, rowCount, setToday,
} from './flows';

describe('bad input', () => {
  let app: App;
  let customerId = '';

  beforeAll(async () => {
    app = await openApp();
    await app.goto('/');
    await setToday(app.page, '2026-06-30');
    await createBook(app.page, app.server.url, 'Careful Books');
    customerId = await createCustomer(app.page, app.server.url, { name: 'Strict Customer Co', termsDays: 30 });
    await createInvoice(app.page, app.server.url, customerId, { number: 'INV-1', issueDate: '2026-05-01', dueDate: '2026-05-31', amount: '1,000.00' });
  });
  afterAll(async () => {
    await app?.close();
  });

  const invoiceCount = () => rowCount(app.page, app.server.url, '/invoices/', 'invoice-row');

  it('starts from one invoice', async () => {
    expect(await invoiceCount()).toBe(1);
  });

  it('refuses an amount that does not parse', async () => {
    const form = await openInvoiceForm(app.page, app.server.url, customerId, { number: 'INV-2', issueDate: '2026-05-01', dueDate: '2026-05-31', amount: '12abc' });
    await form.getByTestId('save').click();
    await form.getByTestId('error-amount').waitFor();
    expect((await form.getByTestId('error-amount').textContent())?.trim()).not.toBe('');
    expect(await invoiceCount()).toBe(1);
  });

  it('refuses a due date before the issue date', async () => {
    const form = await openInvoiceForm(app.page, app.server.url, customerId, { number: 'INV-2', issueDate: '2026-05-01', dueDate: '2026-04-30', amount: '100.00' });
    await form.getByTestId('save').click();
    await form.getByTestId('error-dueDate').waitFor();
    expect(await invoiceCount()).toBe(1);
  });

  it('refuses a duplicate invoice number', async () => {
    const form = await openInvoiceForm(app.page, app.server.url, customerId, { number: 'INV-1', issueDate: '2026-05-02', dueDate: '2026-06-01', amount: '100.00' });
    await form.getByTestId('save').click();
    await form.getByTestId('error-number').waitFor();
    expect(await invoiceCount()).toBe(1);
  });

  it('refuses allocating more than an invoice balance', async () => {
    const { page } = app;
    const form = await openPaymentForm(page, app.server.url, customerId, { date: '2026-06-30', amount: '3,000.00' });
    // Explicit allocation: 2,000.00 to the 1,000.00 invoice.
    const mode = form.locator('[name="allocation"]');
    if ((await mode.count()) > 0) {
      const tag = await mode.first().evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await mode.first().selectOption({ index: 1 });
      else await form.locator('[name="allocation"]:not([value="auto"])').first().check();
    }
    await fillField(form, 'allocations.0.amount', '2,000.00');
    await form.getByTestId('save').click();
    await form.getByTestId('error-allocations.0.amount').waitFor();
    await app.goto(`/customer/?id=${customerId}`);
    await expectAmount(page, 'customer-balance', '1,000.00');
    app.assertNoErrors();
  });
});
