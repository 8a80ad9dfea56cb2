// Import through the UI: a GBK file with Chinese headers below a title line, as
// Chinese Excel saves it; preview (encoding, header, mapping, problems), confirm,
// aging on the dashboard, the same file again changes nothing, undo empties the book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGb } from '../../src/export/gb18030';
import { openApp, type App } from './harness';
import { createBook, expectAmount, rowCount, setToday } from './flows';
import { eventually, expectCount, expectText } from './wait';

const TODAY = '2026-06-30';
const LEDGER = [
  '应收账款台账（2026年6月）',
  '',
  '客户名称,单据编号,开票日期,到期日,应收金额,已收金额,收款日期',
  // 600.00 open, 30 days overdue: bucket 1 (1-30).
  '杭州恒达贸易有限公司,FP-001,2026-05-01,2026-05-31,"1,000.00",400.00,2026-06-10',
  // Not yet due: bucket 0.
  '杭州恒达贸易有限公司,FP-002,2026-06-15,2026-07-15,500.00,,',
  // 119 days overdue: bucket 4 (91-180).
  '上海明远科技有限公司,FP-003,2026-02-01,2026-03-03,2000.00,,',
  // An error: left out and listed.
  '上海明远科技有限公司,FP-004,2026/13/45,,100.00,,',
].join('\r\n') + '\r\n';
const GBK = encodeGb(LEDGER, 'gbk');

async function chooseLedger(app: App): Promise<void> {
  await app.goto('/import/');
  await app.page.locator('input[type="file"][name="file"]').setInputFiles({ name: '应收账款台账.csv', mimeType: 'text/csv', buffer: Buffer.from(GBK) });
  await app.page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
}

describe('import a GBK ledger through the UI', () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
    app.page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('previews the file: GB18030, header on line 3, Chinese columns mapped, one error row', async () => {
    const { page } = app;
    // The fixture really is GBK: 客 is 0xBF 0xCD there, not UTF-8.
    expect(Array.from(encodeGb('客', 'gbk'))).toEqual([0xbf, 0xcd]);
    await app.goto('/');
    await setToday(page, TODAY);
    await createBook(page, app.server.url, '导入测试账套');
    await chooseLedger(app);

    const detected = page.getByTestId('import-detected');
    expect(await detected.getAttribute('data-encoding')).toBe('gb18030');
    expect(await detected.getAttribute('data-header-line')).toBe('3');
    const fieldOf = (i: number) => page.getByTestId(`mapping-${i}`).inputValue();
    expect(await Promise.all([0, 1, 2, 3, 4, 5, 6].map(fieldOf))).toEqual([
      'customer_name', 'number', 'issue_date', 'due_date', 'amount', 'paid_amount', 'paid_date',
    ]);
    await expectText(page.getByTestId('import-sample'), '杭州恒达贸易有限公司');

    const problems = page.getByTestId('import-problem');
    await expectCount(problems, 1);
    expect(await problems.first().getAttribute('data-severity')).toBe('error');
    expect(await problems.first().getAttribute('data-line')).toBe('7');
    await expectText(problems.first(), '2026/13/45');
    await expectText(page.getByTestId('import-counts'), /3 invoices, of which 3 new/);
  });

  it('re-reads the preview when a column is unmapped, and back', async () => {
    const { page } = app;
    // Without an amount column no invoice can be read.
    await page.getByTestId('mapping-4').selectOption('');
    await expectText(page.getByTestId('import-counts'), /: 0 invoices/);
    await eventually(async () => {
      if ((await page.getByTestId('import-problem').first().getAttribute('data-code')) !== 'import.unmapped') throw new Error('no unmapped problem');
    });
    await page.getByTestId('mapping-4').selectOption('amount');
    await expectText(page.getByTestId('import-counts'), /: 3 invoices, of which 3 new/);
    await expectText(page.getByTestId('import-counts'), /1 payments/);
  });

  it('imports on confirmation and the dashboard shows the aging', async () => {
    const { page } = app;
    await eventually(async () => {
      if (await page.getByTestId('import-confirm').isDisabled()) throw new Error('confirm still disabled');
    });
    await page.getByTestId('import-confirm').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.getAttribute('data-invoices')).toBe('3');
    expect(await summary.getAttribute('data-customers')).toBe('2');
    expect(await summary.getAttribute('data-payments')).toBe('1');
    expect(await summary.getAttribute('data-skipped')).toBe('1');

    await app.goto('/');
    await expectAmount(page, 'dash-total-open', '3,100.00');
    const bucket = (i: number) => page.locator(`[data-testid="aging-table"] tr[data-bucket="${i}"]`);
    await expectText(bucket(0), '500.00');
    await expectText(bucket(1), '600.00');
    await expectText(bucket(4), '2,000.00');
    expect(await rowCount(page, app.server.url, '/invoices/', 'invoice-row')).toBe(3);
    app.assertNoErrors();
  });

  it('importing the same file again changes nothing', async () => {
    const { page } = app;
    await chooseLedger(app);
    await expectText(page.getByTestId('import-counts'), /0 new and 3 already in the book/);
    await page.getByTestId('import-nothing').waitFor();
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await app.goto('/');
    await expectAmount(page, 'dash-total-open', '3,100.00');
    expect(await rowCount(page, app.server.url, '/customers/', 'customer-row')).toBe(2);
    expect(await rowCount(page, app.server.url, '/invoices/', 'invoice-row')).toBe(3);
  });

  it('the shell undo takes the whole import back', async () => {
    const { page } = app;
    await app.goto('/');
    await page.getByTestId('undo').click();
    await expectAmount(page, 'dash-total-open', /^\D*0\.00$/);
    expect(await rowCount(page, app.server.url, '/invoices/', 'invoice-row')).toBe(0);
    expect(await rowCount(page, app.server.url, '/customers/', 'customer-row')).toBe(0);
    app.assertNoErrors();
  });
});
