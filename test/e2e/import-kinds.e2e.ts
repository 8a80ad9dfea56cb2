// Customers and payments files through the import page: choose the kind, import a
// customers CSV, invoices for them, then a payments CSV naming customers by code,
// and the customer's balance shows what is still owed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, customerIdByName, expectAmount, setToday } from './flows';
import { eventually, expectText } from './wait';

const TODAY = '2026-06-30';
const CUSTOMERS = ['客户编码,客户名称,账期,信用额度,联系人,手机', 'C001,杭州恒达贸易有限公司,45,"50,000.00",王经理,13800000000', 'C002,上海明远科技,30,,,'].join('\r\n');
const INVOICES = ['客户编码,客户名称,单据编号,开票日期,到期日,应收金额', 'C001,杭州恒达贸易有限公司,FP-1,2026-04-01,2026-05-01,1000.00', 'C001,杭州恒达贸易有限公司,FP-2,2026-05-01,2026-05-31,500.00'].join('\r\n');
const PAYMENTS = ['客户编码,收款日期,收款金额,收款方式,流水号', 'C001,2026-06-10,600.00,银行转账,BK-1', 'C404,2026-06-11,10.00,,X'].join('\r\n');

async function importFile(app: App, kind: 'invoices' | 'customers' | 'payments', name: string, text: string) {
  const { page } = app;
  await app.goto('/import/');
  await page.getByTestId('import-kind').selectOption(kind);
  await page.locator('input[type="file"][name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
  await eventually(async () => {
    if (await page.getByTestId('import-confirm').isDisabled()) throw new Error('confirm still disabled');
  });
  await page.getByTestId('import-confirm').click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 20_000 });
  return summary;
}

describe('import customers and payments files through the UI', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
    app.page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports customers, then payments by customer code, and the balance shows what is left', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, TODAY);
    await createBook(page, app.server.url, '客户收款导入');

    // The mapping row offers the customers fields once the kind is chosen.
    await app.goto('/import/');
    await page.getByTestId('import-kind').selectOption('customers');
    await page.locator('input[type="file"][name="file"]').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CUSTOMERS, 'utf8') });
    await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
    expect(await Promise.all([0, 1, 2, 3].map((i) => page.getByTestId(`mapping-${i}`).inputValue()))).toEqual(['code', 'name', 'terms_days', 'credit_limit']);

    const customers = await importFile(app, 'customers', 'customers.csv', CUSTOMERS);
    expect(await customers.getAttribute('data-customers')).toBe('2');
    const invoices = await importFile(app, 'invoices', 'invoices.csv', INVOICES);
    expect(await invoices.getAttribute('data-invoices')).toBe('2');
    expect(await invoices.getAttribute('data-customers')).toBe('0');

    await app.goto('/import/');
    await page.getByTestId('import-kind').selectOption('payments');
    await page.locator('input[type="file"][name="file"]').setInputFiles({ name: 'payments.csv', mimeType: 'text/csv', buffer: Buffer.from(PAYMENTS, 'utf8') });
    await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
    const problem = page.getByTestId('import-problem').first();
    await expectText(problem, 'C404');
    expect(await problem.getAttribute('data-line')).toBe('3');
    // This mapping saved as a preset is offered for payments files only.
    await page.locator('#import-preset-name').fill('银行流水');
    await page.getByTestId('import-save-preset').click();
    const presetNames = () => page.locator('#import-preset option').allTextContents();
    await eventually(async () => {
      if (!(await presetNames()).some((o) => o.includes('银行流水'))) throw new Error('preset not offered');
    });
    await page.getByTestId('import-confirm').click();
    const payments = page.getByTestId('import-summary');
    await payments.waitFor({ timeout: 20_000 });
    expect(await payments.getAttribute('data-payments')).toBe('1');

    await app.goto('/import/');
    await page.getByTestId('import-kind').selectOption('invoices');
    expect((await presetNames()).some((o) => o.includes('银行流水'))).toBe(false);
    await page.getByTestId('import-kind').selectOption('payments');
    await eventually(async () => {
      if (!(await presetNames()).some((o) => o.includes('银行流水'))) throw new Error('preset not offered for payments');
    });

    const id = await customerIdByName(page, app.server.url, '杭州恒达贸易有限公司');
    await app.goto(`/customer/?id=${id}`);
    // 1,000.00 + 500.00 - 600.00 (oldest due first).
    await expectAmount(page, 'customer-balance', '900.00');
  });
});
