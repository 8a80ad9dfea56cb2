// Export and backup in a real browser: the invoices CSV downloads with a UTF-8 BOM
// and parses back to the same invoices and amounts; a full backup restored as new
// books gives a second book with the same totals.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, createCustomer, createInvoice, expectAmount, openPaymentForm, setToday } from './flows';
import { eventually, expectCount, expectText } from './wait';

const TODAY = '2026-06-30';
const BOOK = 'Export 测试账套';

async function downloadOf(app: App, testid: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.page.getByTestId(testid).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

describe('export and backup', () => {
  let app: App;
  let backupPath = '';
  let totalOpen = '';

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds a small book through the UI', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, TODAY);
    await createBook(page, app.server.url, BOOK);
    const customer = await createCustomer(page, app.server.url, { name: '上海示例贸易有限公司', termsDays: 30 });
    await createInvoice(page, app.server.url, customer, { number: 'INV-001', issueDate: '2026-04-01', dueDate: '2026-05-01', amount: '1,000.00' });
    await createInvoice(page, app.server.url, customer, { number: 'INV-002', issueDate: '2026-06-10', dueDate: '2026-07-10', amount: '250.50' });
    const form = await openPaymentForm(page, app.server.url, customer, { date: '2026-06-15', amount: '400.00', reference: 'BANK-1' });
    await form.getByTestId('save').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);
    await app.goto('/');
    totalOpen = await expectAmount(page, 'dash-total-open', '850.50');
  });

  it('exports the invoices as CSV with a UTF-8 BOM that parses back to the same invoices', async () => {
    await app.goto('/invoices/');
    await app.page.getByTestId('invoice-table').waitFor();
    expect(await app.page.getByTestId('export-encoding').inputValue()).toBe('utf-8');
    const { download, bytes } = await downloadOf(app, 'export-invoices');
    expect(download.suggestedFilename()).toBe(`Export-测试账套-invoices-${TODAY}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes);
    const { data } = Papa.parse<Record<string, string>>(text.trimEnd(), { header: true, newline: '\r\n' });
    expect(data.map((r) => [r.invoice, r.customer, r.issue_date, r.due_date, r.amount, r.balance, r.status])).toEqual([
      ['INV-001', '上海示例贸易有限公司', '2026-04-01', '2026-05-01', '1000.00', '600.00', 'overdue'],
      ['INV-002', '上海示例贸易有限公司', '2026-06-10', '2026-07-10', '250.50', '250.50', 'open'],
    ]);
  });

  it('remembers the GBK choice and exports GBK bytes', async () => {
    await app.goto('/');
    await app.page.getByTestId('export-encoding').selectOption('gbk');
    expect(await app.page.evaluate(() => localStorage.getItem('overdue.exportEncoding'))).toBe('gbk');
    const { bytes } = await downloadOf(app, 'export-agingSummary');
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('gbk').decode(bytes);
    expect(text.split('\r\n')[1]).toBe('上海示例贸易有限公司,250.50,0.00,600.00,0.00,0.00,0.00,0.00,850.50');
    await app.page.getByTestId('export-encoding').selectOption('utf-8');
  });

  it('backs up everything, checks the file and restores it as a new book with the same totals', async () => {
    const { page } = app;
    await app.goto('/settings/');
    const { download, bytes } = await downloadOf(app, 'backup');
    expect(download.suggestedFilename()).toMatch(/^overdue-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(bytes.toString('utf-8'));
    expect(doc.format).toBe('overdue.backup');
    expect(doc.counts).toMatchObject({ books: 1, customers: 1, invoices: 2, payments: 1 });
    backupPath = await download.path();

    await page.locator('input[name="backupFile"]').setInputFiles(backupPath);
    await expectText(page.getByTestId('restore-summary'), BOOK);
    await expectText(page.getByTestId('restore-book'), /exists here/);
    await page.getByTestId('restore-as-new').click();
    await expectText(page.getByTestId('flash'), `${BOOK} (2)`);

    const switcher = page.getByTestId('book-switcher');
    await expectCount(switcher.locator('option'), 2);
    const copyId = await eventually(async () => {
      const value = await switcher.locator('option', { hasText: `${BOOK} (2)` }).getAttribute('value');
      if (!value) throw new Error('no copy yet');
      return value;
    });
    await switcher.selectOption(copyId);
    await eventually(async () => {
      if ((await page.evaluate(() => localStorage.getItem('overdue.book'))) !== copyId) throw new Error('not switched');
    });
    await app.goto('/');
    expect(await expectAmount(page, 'dash-total-open', '850.50')).toBe(totalOpen);
    await expectAmount(page, 'dash-overdue', '600.00');
    app.assertNoErrors();
  });

  it('replaces the existing book only after a second, explicit click, and adds no book', async () => {
    const { page } = app;
    await app.goto('/settings/');
    await page.locator('input[name="backupFile"]').setInputFiles(backupPath);
    await page.getByTestId('restore-replace').click();
    await expectText(page.getByRole('alertdialog'), /Replace the books that exist here \(1\)/);
    await page.getByTestId('restore-replace-confirm').click();
    await expectText(page.getByTestId('flash'), `Restored: ${BOOK}.`);
    await expectCount(page.getByTestId('book-switcher').locator('option'), 2);
    app.assertNoErrors();
  });

  it('refuses an edited backup and says why, writing nothing', async () => {
    const { page } = app;
    const doc = JSON.parse(await readFile(backupPath, 'utf-8'));
    doc.books[0].invoices[0].amount += 1;
    await app.goto('/settings/');
    await page.locator('input[name="backupFile"]').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expectText(page.getByTestId('restore-errors'), /checksum/);
    expect(await page.getByTestId('restore-as-new').count()).toBe(0);
    await expectCount(page.getByTestId('book-switcher').locator('option'), 2);
  });
});
