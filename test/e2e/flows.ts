// User steps shared by the end-to-end tests, written only against the brief's fixed
// pages, data-testid names and form field names (see BRIEF.md "UI conventions").
import type { Locator, Page } from 'playwright-core';
import { eventually, expectText } from './wait';

/** The form that holds an input named `field` (the newest one if several are open). */
export function formWith(page: Page, field: string): Locator {
  return page.locator('form').filter({ has: page.locator(`[name="${field}"]`) }).last();
}

/** Fills an input, select or textarea by its contract field name inside `scope`. */
export async function fillField(scope: Locator, field: string, value: string): Promise<void> {
  const control = scope.locator(`[name="${field}"]`).first();
  const tag = await control.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await control.selectOption(value);
  else await control.fill(value);
}

/** The saved choice of a localStorage key, polled until set. */
export async function storedValue(page: Page, key: string): Promise<string> {
  return eventually(async () => {
    const v = await page.evaluate((k) => localStorage.getItem(k), key);
    if (!v) throw new Error(`localStorage ${key} not set`);
    return v;
  });
}

/** Sets the as-of date through the shell's date input (kept in localStorage 'overdue.today'). */
export async function setToday(page: Page, iso: string): Promise<void> {
  await page.getByTestId('today-input').fill(iso);
  await eventually(async () => {
    const v = await page.evaluate(() => localStorage.getItem('overdue.today'));
    if (v !== iso) throw new Error(`overdue.today is ${String(v)}, expected ${iso}`);
  });
}

/** Creates a book on the settings page and waits until it is the current one; returns its id. */
export async function createBook(page: Page, baseUrl: string, name: string): Promise<string> {
  const before = await page.evaluate(() => localStorage.getItem('overdue.book'));
  await page.goto(new URL('/settings/', baseUrl).href);
  await page.getByTestId('new-book').click();
  const form = formWith(page, 'bookName');
  await fillField(form, 'bookName', name);
  await form.getByTestId('save').click();
  return eventually(async () => {
    const id = await page.evaluate(() => localStorage.getItem('overdue.book'));
    if (!id || id === before) throw new Error('the new book did not become current');
    return id;
  });
}

/** Opens the new-customer form on the customers page, fills it and saves; returns the customer id. */
export async function createCustomer(page: Page, baseUrl: string, c: { name: string; termsDays?: number }): Promise<string> {
  await page.goto(new URL('/customers/', baseUrl).href);
  await page.getByTestId('new-customer').click();
  const form = formWith(page, 'name');
  await fillField(form, 'name', c.name);
  if (c.termsDays !== undefined) await fillField(form, 'termsDays', String(c.termsDays));
  await form.getByTestId('save').click();
  return customerIdByName(page, baseUrl, c.name);
}

/** Finds a customer's id from its row on the customers page. */
export async function customerIdByName(page: Page, baseUrl: string, name: string): Promise<string> {
  if (!page.url().startsWith(new URL('/customers/', baseUrl).href)) {
    await page.goto(new URL('/customers/', baseUrl).href);
  }
  const row = page.getByTestId('customer-row').filter({ hasText: name }).first();
  await row.waitFor();
  const id = await row.getAttribute('data-id');
  if (!id) throw new Error(`customer-row for ${name} has no data-id`);
  return id;
}

export interface InvoiceFields {
  number: string;
  issueDate: string;
  dueDate?: string;
  amount: string;
}

/** Opens the new-invoice form from the customer's page (customer preset) and fills it; does not save. */
export async function openInvoiceForm(page: Page, baseUrl: string, customerId: string, inv: InvoiceFields): Promise<Locator> {
  await page.goto(new URL(`/customer/?id=${encodeURIComponent(customerId)}`, baseUrl).href);
  await page.getByTestId('new-invoice').click();
  const form = formWith(page, 'number');
  await fillField(form, 'number', inv.number);
  await fillField(form, 'issueDate', inv.issueDate);
  if (inv.dueDate !== undefined) await fillField(form, 'dueDate', inv.dueDate);
  await fillField(form, 'amount', inv.amount);
  return form;
}

/** Creates an invoice for the customer; returns its id from the invoices list. */
export async function createInvoice(page: Page, baseUrl: string, customerId: string, inv: InvoiceFields): Promise<string> {
  const form = await openInvoiceForm(page, baseUrl, customerId, inv);
  await form.getByTestId('save').click();
  return invoiceIdByNumber(page, baseUrl, inv.number);
}

/** Finds an invoice's id from its row on the invoices page. */
export async function invoiceIdByNumber(page: Page, baseUrl: string, number: string): Promise<string> {
  const row = page.getByTestId('invoice-row').filter({ hasText: number }).first();
  try {
    await row.waitFor({ timeout: 5_000 });
  } catch {
    await page.goto(new URL('/invoices/', baseUrl).href);
    await row.waitFor();
  }
  const id = await row.getAttribute('data-id');
  if (!id) throw new Error(`invoice-row for ${number} has no data-id`);
  return id;
}

/** Opens the payment form for the customer and fills date and amount; does not save. */
export async function openPaymentForm(page: Page, baseUrl: string, customerId: string, p: { date: string; amount: string; reference?: string }): Promise<Locator> {
  await page.goto(new URL(`/payment/?customer=${encodeURIComponent(customerId)}`, baseUrl).href);
  const form = formWith(page, 'amount');
  await fillField(form, 'date', p.date);
  await fillField(form, 'amount', p.amount);
  if (p.reference !== undefined) await fillField(form, 'reference', p.reference);
  return form;
}

/** Counts the rows of a list page once the worker's first page has rendered. */
export async function rowCount(page: Page, baseUrl: string, path: '/customers/' | '/invoices/', testid: 'customer-row' | 'invoice-row'): Promise<number> {
  await page.goto(new URL(path, baseUrl).href);
  // The table (customer-table / invoice-table) appears only with the worker's answer.
  await page.getByTestId(path === '/customers/' ? 'customer-table' : 'invoice-table').waitFor();
  return page.getByTestId(testid).count();
}

/** Waits for a formatted amount element to show `amount` (e.g. '600.00'); returns its text. */
export async function expectAmount(page: Page, testid: string, amount: string | RegExp): Promise<string> {
  return expectText(page.getByTestId(testid), amount);
}

/**
 * Loads a small generated demo book from Settings as of `today` and waits until it is
 * the current book and fully loaded (keep e2e data small: IndexedDB is slow here).
 */
export async function loadDemoBook(app: { page: Page; goto(path: string): Promise<unknown> }, today: string, size: { customers: number; invoices: number }): Promise<void> {
  const { page } = app;
  await app.goto('/settings/');
  await setToday(page, today);
  await page.locator('[name="demoCustomers"]').fill(String(size.customers));
  await page.locator('[name="demoInvoices"]').fill(String(size.invoices));
  await page.getByTestId('load-demo').click();
  await eventually(async () => {
    const id = await page.evaluate(() => localStorage.getItem('overdue.book'));
    if (!id) throw new Error('no book yet');
    if (await page.getByTestId('demo-progress').count()) throw new Error('still loading');
  }, { timeout: 60_000 });
}
