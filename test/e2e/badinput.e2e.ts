// Bad input is refused with a message under the field, and nothing is stored:
// every check compares the list before and after, so one failure does not cascade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import {
  createBook, createCustomer, createInvoice, expectAmount, fillField, openInvoiceForm, openPaymentForm, rowCount, setToday,
  type InvoiceFields,
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

  /** Submits the invoice form with `fields` and expects `error-<field>` and no new invoice. */
  async function refusedInvoice(fields: InvoiceFields, errorField: string): Promise<string> {
    const before = await invoiceCount();
    const form = await openInvoiceForm(app.page, app.server.url, customerId, fields);
    await form.getByTestId('save').click();
    const message = form.getByTestId(`error-${errorField}`);
    await message.waitFor();
    const text = (await message.textContent())?.trim() ?? '';
    expect(await invoiceCount()).toBe(before);
    return text;
  }

  it('starts from one invoice', async () => {
    expect(await invoiceCount()).toBe(1);
  });

  it('refuses an amount that does not parse', async () => {
    for (const amount of ['twelve', '1.2.3']) {
      const text = await refusedInvoice({ number: 'INV-2', issueDate: '2026-05-01', dueDate: '2026-05-31', amount }, 'amount');
      expect(text, amount).not.toBe('');
    }
  });

  it('refuses a due date before the issue date', async () => {
    await refusedInvoice({ number: 'INV-2', issueDate: '2026-05-01', dueDate: '2026-04-30', amount: '100.00' }, 'dueDate');
  });

  it('refuses a duplicate invoice number', async () => {
    await refusedInvoice({ number: 'INV-1', issueDate: '2026-05-02', dueDate: '2026-06-01', amount: '100.00' }, 'number');
  });

  it('refuses allocating more than an invoice balance', async () => {
    const { page } = app;
    await app.goto(`/customer/?id=${customerId}`);
    const balance = await expectAmount(page, 'customer-balance', /\d/);
    const form = await openPaymentForm(page, app.server.url, customerId, { date: '2026-06-30', amount: '3,000.00' });
    // Explicit allocation: 2,000.00 to the 1,000.00 invoice (the payment itself covers it).
    await form.locator('input[name="allocation"][value="explicit"]').check();
    await fillField(form, 'allocations.0.amount', '2,000.00');
    await form.getByTestId('save').click();
    await form.getByTestId('error-allocations.0.amount').waitFor();
    await app.goto(`/customer/?id=${customerId}`);
    await expectAmount(page, 'customer-balance', balance);
    app.assertNoErrors();
  });
});
