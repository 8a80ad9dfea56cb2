// A customer statement (对账单) in a real browser: opened from the customer page for
// this month so far, its opening and closing balances and lines; the confirmation slip
// shown below it when ticked; the print view rendered to a real PDF; the CSV downloaded
// and read back; a period that ends before it starts refused under its field.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, createCustomer, createInvoice, openPaymentForm, setToday } from './flows';
import { expectCount, expectText } from './wait';

const TODAY = '2026-03-31';
const CUSTOMER = '杭州恒达贸易有限公司';

describe('customer statement', () => {
  let app: App;
  let customerId = '';

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens from the customer page for this month so far, with opening and closing balances', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, TODAY);
    await createBook(page, app.server.url, '对账单测试');
    customerId = await createCustomer(page, app.server.url, { name: CUSTOMER, termsDays: 30 });
    // Before the period: 1,000.00. In it: an invoice of 500.00 and a payment of 300.00 (to the first).
    await createInvoice(page, app.server.url, customerId, { number: 'FP-01', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: '1,000.00' });
    await createInvoice(page, app.server.url, customerId, { number: 'FP-02', issueDate: '2026-03-10', dueDate: '2026-04-09', amount: '500.00' });
    const form = await openPaymentForm(page, app.server.url, customerId, { date: '2026-03-20', amount: '300.00', reference: 'BANK-0320' });
    await form.getByTestId('save').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);

    await app.goto(`/customer/?id=${customerId}`);
    await page.getByTestId('customer-statement').click();
    await page.waitForURL(/\/statement\/\?customer=/);
    expect(await page.locator('[name="from"]').inputValue()).toBe('2026-03-01');
    expect(await page.locator('[name="to"]').inputValue()).toBe(TODAY);
    const sheet = page.getByTestId('statement-sheet');
    await expectText(sheet, CUSTOMER);
    await expectText(page.getByTestId('statement-opening-balance'), '1,000.00');
    await expectText(page.getByTestId('statement-closing-balance'), '1,200.00');
    await expectCount(page.getByTestId('statement-line'), 2);
    expect(await page.getByTestId('statement-line').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['invoice', 'payment']);
    await expectText(page.getByTestId('statement-line').nth(1), 'BANK-0320');
    // Open at the end: FP-01 700.00 (27 days overdue), FP-02 500.00 (not yet due).
    await expectText(page.getByTestId('statement-aging-total'), '1,200.00');
    await expectText(page.getByTestId('statement-aging').locator('td[data-bucket="1"]'), '700.00');
    expect(await page.getByTestId('statement-slip').count()).toBe(0);
    app.assertNoErrors();
  });

  it('shows the confirmation slip below the statement when ticked, with the balance to confirm and signature lines', async () => {
    const { page } = app;
    await page.locator('[name="withSlip"]').check();
    await page.locator('#statement-slip-locale').selectOption('zh-CN');
    const slip = page.getByTestId('statement-slip');
    await expectText(slip, '往来款项询证函');
    await expectText(slip, '余额合计：¥1,200.00');
    await expectText(slip, '壹仟贰佰元整');
    await expectText(slip, '单位（盖章）');
    await expectText(slip, '经办人（签字）');
    expect(await slip.locator('[data-testid="notice-invoices"] tbody tr').count()).toBe(2);
    // The slip follows the statement on the page.
    const order = await page.evaluate(() => {
      const s = document.querySelector('[data-testid="statement-sheet"]');
      const c = document.querySelector('[data-testid="statement-slip"]');
      return s && c ? s.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).not.toBe(0);
    app.assertNoErrors();
  });

  it('prints the statement and slip alone, to a real PDF', async () => {
    const { page } = app;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByTestId('statement-print').isVisible()).toBe(false);
    expect(await page.locator('[name="from"]').isVisible()).toBe(false);
    expect(await page.getByTestId('statement-sheet').isVisible()).toBe(true);
    expect(await page.getByTestId('statement-slip').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    await page.emulateMedia({ media: 'screen' });
    app.assertNoErrors();
  });

  it('exports the statement as a CSV that reads back with the same figures', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByTestId('statement-export').click()]);
    expect(download.suggestedFilename()).toBe(`对账单测试-${CUSTOMER}-statement-2026-03-01-${TODAY}.csv`);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder('utf-8').decode(bytes).trimEnd(), { newline: '\r\n' }).data;
    expect(rows[1]).toEqual(['对账单测试', CUSTOMER, 'CNY', '2026-03-01', TODAY]);
    expect(rows.find((r) => r[1] === 'opening')?.[6]).toBe('1000.00');
    expect(rows.filter((r) => r[1] === 'invoice' || r[1] === 'payment').map((r) => [r[0], r[1], r[2], r[4], r[5], r[6]])).toEqual([
      ['2026-03-10', 'invoice', 'FP-02', '500.00', '', '1500.00'],
      ['2026-03-20', 'payment', 'BANK-0320', '', '300.00', '1200.00'],
    ]);
    expect(rows.find((r) => r[1] === 'closing')).toEqual([TODAY, 'closing', '', '', '500.00', '300.00', '1200.00']);
    const aging = rows.findIndex((r) => r[0] === 'aging_as_of');
    expect(rows[aging + 1]?.slice(-3)).toEqual(['1200.00', '0.00', '1200.00']);
    app.assertNoErrors();
  });

  it('refuses a period that ends before it starts, under the end date', async () => {
    const { page } = app;
    await page.locator('[name="to"]').fill('2026-02-15');
    await expectText(page.getByTestId('error-to'), /\S/);
    expect(await page.getByTestId('statement-sheet').count()).toBe(0);
    await page.locator('[name="to"]').fill(TODAY);
    await expectText(page.getByTestId('statement-closing-balance'), '1,200.00');
    expect(await page.getByTestId('error-to').count()).toBe(0);
    app.assertNoErrors();
  });
});
