// Offline after the first visit: the service worker serves the shell, IndexedDB keeps
// the data, and the worker answers without any server at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForServiceWorker, type App } from './harness';
import { createBook, createCustomer, createInvoice, expectAmount, setToday } from './flows';
import { expectText } from './wait';

describe('offline', () => {
  let app: App;
  let customerId = '';
  let invoiceId = '';

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is controlled by the service worker after the first visit', async () => {
    await app.goto('/');
    await waitForServiceWorker(app.page, { register: false });
    expect(await app.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('keeps working with the server gone and the network off', async () => {
    const { page } = app;
    await setToday(page, '2026-06-30');
    await createBook(page, app.server.url, 'Offline Books');
    customerId = await createCustomer(page, app.server.url, { name: 'Offline Customer Ltd', termsDays: 30 });
    invoiceId = await createInvoice(page, app.server.url, customerId, { number: 'OFF-1', issueDate: '2026-05-01', dueDate: '2026-05-31', amount: '250.00' });

    await app.server.stop();
    await app.context.setOffline(true);

    await app.goto('/');
    await page.reload();
    await expectAmount(page, 'dash-total-open', '250.00');
    await expectAmount(page, 'dash-overdue', '250.00');

    await app.goto(`/customer/?id=${customerId}`);
    await page.reload();
    await expectAmount(page, 'customer-balance', '250.00');
    await expectText(page.locator('body'), 'Offline Customer Ltd');

    await app.goto(`/invoice/?id=${invoiceId}`);
    await expectAmount(page, 'invoice-balance', '250.00');

    await app.goto('/customers/');
    await expectText(page.getByTestId('customer-row'), 'Offline Customer Ltd');
    app.assertNoErrors();
  });
});
