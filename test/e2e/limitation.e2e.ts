// The limitation period in a real browser: an invoice due long ago shows in the
// queue's limitation warnings (ended), one ending soon shows ahead of it, and the
// invoice page, reached from the warning, shows the end date and the warning; a
// payment settles one and, part paying the other, restarts its period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, createCustomer, createInvoice, openPaymentForm, setToday } from './flows';
import { eventually, expectCount } from './wait';

const TODAY = '2024-03-01';

describe('limitation period', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function warningsOn(day: string) {
    const { page } = app;
    await app.goto('/queue/');
    await setToday(page, day);
    const section = page.getByTestId('limitation-warnings').and(page.locator(`[data-as-of="${day}"]`));
    await section.waitFor();
    return section;
  }

  it('lists an invoice due long ago in the queue and shows its end date on the invoice page', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, TODAY);
    await createBook(page, app.server.url, '时效测试');
    const customerId = await createCustomer(page, app.server.url, { name: '宁波东升五金有限公司', termsDays: 30 });
    // Due 2020-12-31: the 3-year period ran from 2021-01-01 to 2024-01-01, so it has ended.
    const old = await createInvoice(page, app.server.url, customerId, { number: 'OLD-1', issueDate: '2020-12-01', dueDate: '2020-12-31', amount: '500.00' });
    // Due 2021-03-10: ends 2024-03-11, ten days from today.
    const soon = await createInvoice(page, app.server.url, customerId, { number: 'SOON-1', issueDate: '2021-02-10', dueDate: '2021-03-10', amount: '300.00' });
    // Due 2023-06-30: years left, no warning.
    await createInvoice(page, app.server.url, customerId, { number: 'NEW-1', issueDate: '2023-06-01', dueDate: '2023-06-30', amount: '200.00' });

    const section = await warningsOn(TODAY);
    const rows = section.getByTestId('limitation-row');
    await expectCount(rows, 2);
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.getAttribute('data-warning'), tr.getAttribute('data-ends-on')]));
    expect(listed).toEqual([[soon, 'days30', '2024-03-11'], [old, 'expired', '2024-01-01']]);

    await rows.filter({ hasText: 'OLD-1' }).getByRole('link', { name: 'OLD-1' }).click();
    await page.waitForURL(/\/invoice\/\?id=/);
    const block = page.getByTestId('limitation');
    await block.waitFor();
    expect([await block.getAttribute('data-ends-on'), await block.getAttribute('data-warning')]).toEqual(['2024-01-01', 'expired']);
    app.assertNoErrors();

    // 500.10 paid oldest first: OLD-1 is settled and SOON-1 part paid, which restarts its period.
    const form = await openPaymentForm(page, app.server.url, customerId, { date: '2024-02-20', amount: '500.10' });
    await form.getByTestId('save').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);
    await (await warningsOn(TODAY)).getByTestId('limitation-empty').waitFor();
    await app.goto(`/invoice/?id=${soon}`);
    await eventually(async () => {
      const endsOn = await page.getByTestId('limitation').getAttribute('data-ends-on', { timeout: 1_000 });
      if (endsOn !== '2027-02-20') throw new Error(`SOON-1 ends on ${String(endsOn)}`);
    });
    await page.getByTestId('limitation-event').locator('[data-kind="payment"][data-date="2024-02-20"]').waitFor();
    app.assertNoErrors();
  });
});
