// The book's collections settings on /settings/, in a real browser: a stage moved
// onto another stage's day is refused at its field and nothing is saved; a template
// with an unknown placeholder is refused with its line and column; a valid template
// is what the notice draft then says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, createCustomer, createInvoice, fillField, setToday } from './flows';
import { eventually, expectText } from './wait';

describe('collections settings', () => {
  let app: App;
  let customerId = '';

  beforeAll(async () => {
    app = await openApp();
    const { page } = app;
    await app.goto('/');
    await setToday(page, '2026-04-16');
    await createBook(page, app.server.url, 'Settings test book');
    customerId = await createCustomer(page, app.server.url, { name: 'Hengda Trading', termsDays: 30 });
    await createInvoice(page, app.server.url, customerId, { number: 'FP-77', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: '1,000.00' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a stage on the same day as another, at the field, and keeps the saved policy', async () => {
    const { page } = app;
    await app.goto('/settings/');
    const editor = page.getByTestId('policy-editor');
    const written = editor.getByTestId('stage-row').and(page.locator('[data-stage="written"]')).first();
    const offset = written.locator('input[name="policies.0.stages.2.offsetDays"]');
    expect(await offset.inputValue()).toBe('15');
    await offset.fill('1');
    await editor.getByTestId('save-policies').click();
    await expectText(editor.getByTestId('error-policies.0.stages.2.offsetDays'), 'Another stage already falls on this day.');

    // Nothing was stored: a fresh page shows the saved day again.
    await app.goto('/settings/');
    expect(await page.locator('input[name="policies.0.stages.2.offsetDays"]').inputValue()).toBe('15');
    app.assertNoErrors();
  });

  it('refuses a template with an unknown placeholder, naming its line and column', async () => {
    const { page } = app;
    const editor = page.getByTestId('template-editor');
    await fillField(editor, 'locale', 'en');
    await fillField(editor, 'templateId', 'notice');
    await fillField(editor, 'body', 'Dear {{debtor}},\nplease pay {{totl}} now.');
    await editor.getByTestId('save-template').click();
    await expectText(editor.getByTestId('error-body'), 'Unknown placeholder totl on line 2, column 12.');
    expect(await editor.getByTestId('template-state').getAttribute('data-edited')).toBe('false');
    app.assertNoErrors();
  });

  it('saves a valid template and the notice draft says it', async () => {
    const { page } = app;
    const editor = page.getByTestId('template-editor');
    await fillField(editor, 'body', 'Dear {{debtor}},\nplease pay {{total}} by {{deadline}}.\nReference E2E-OWN-WORDING');
    await editor.getByTestId('save-template').click();
    await expectText(editor.getByTestId('cs-saved'), 'Template saved.');
    expect(await editor.getByTestId('template-state').getAttribute('data-edited')).toBe('true');

    await app.goto(`/notice/?customer=${encodeURIComponent(customerId)}&template=notice&stage=written`);
    await page.locator('#notice-locale').selectOption('en');
    const sheet = page.getByTestId('notice-sheet');
    await expectText(sheet, 'Reference E2E-OWN-WORDING');
    await expectText(sheet, 'Dear Hengda Trading,');
    await eventually(async () => {
      const text = (await sheet.textContent()) ?? '';
      if (!/please pay CNY 1,000\.00 by/.test(text)) throw new Error(`unexpected notice text: ${text}`);
    });
    app.assertNoErrors();
  });
});
