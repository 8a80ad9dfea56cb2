// Language switch: English by default for an English browser, zh-CN on the toggle,
// kept across a reload (localStorage 'overdue.lang'), and back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { createBook, setToday } from './flows';
import { expectText } from './wait';

describe('language', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp({ locale: 'en-US' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('switches between English and Chinese and remembers the choice', async () => {
    const { page } = app;
    await app.goto('/');
    await setToday(page, '2026-06-30');
    await createBook(page, app.server.url, 'Language Co');
    await app.goto('/');
    const notYetDue = page.locator('[data-testid="aging-table"] tr[data-bucket="0"]');
    await expectText(notYetDue, 'Not yet due');
    await expectText(page.getByTestId('nav-customers'), 'Customers');

    await page.getByTestId('lang-toggle').click();
    await expectText(notYetDue, '未到期');
    await expectText(page.getByTestId('nav-customers'), '客户');
    expect(await page.evaluate(() => localStorage.getItem('overdue.lang'))).toBe('zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.reload();
    await expectText(notYetDue, '未到期');
    await expectText(page.getByTestId('nav-dashboard'), '总览');

    await page.getByTestId('lang-toggle').click();
    await expectText(notYetDue, 'Not yet due');
    await page.reload();
    await expectText(page.getByTestId('nav-customers'), 'Customers');
    expect(await page.evaluate(() => localStorage.getItem('overdue.lang'))).toBe('en');
    app.assertNoErrors();
  });
});
