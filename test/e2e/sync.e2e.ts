// Sync in real Chromium: a laptop and a tablet (two browser profiles on one
// origin) share a book through the project's sync server and through Apache
// mod_dav, both started here. The tablet joins by book id; both go offline,
// edit (a payment on one, a rename on the other, and the same customer renamed
// on both), come back online and sync by themselves; both end with the same
// book and both list the conflict. Against the sync server, an injected 503
// shows as an error with its reason and the next sync recovers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/sync-server/options';
import { startSyncServer, type RunningSyncServer } from '../../src/sync-server/server';
import { apacheInstalled, startApacheDav, type ApacheDav } from '../support/apache';
import { DIST, openApp, waitForServiceWorker, type App } from './harness';
import { fillField, formWith, loadDemoBook, openPaymentForm, setToday } from './flows';
import { startStaticServer, type StaticServer } from './static-server';
import { eventually, expectText } from './wait';

const TODAY = '2026-06-30';
const TOKEN = 'e2e-sync-token';

interface Target {
  name: 'server' | 'webdav';
  url: string;
  /** End-to-end encryption: both devices enter it. */
  passphrase?: string;
}

/** Fills the target, address and sign-in fields of the settings or join form that holds `field`. */
async function fillTarget(page: Page, target: Target, field: string): Promise<void> {
  const form = formWith(page, field);
  await fillField(form, 'target', target.name);
  await fillField(form, 'url', target.url);
  if (target.name === 'server') {
    await fillField(form, 'token', TOKEN);
  } else {
    await fillField(form, 'user', 'keeper');
    await fillField(form, 'password', 'pass word');
  }
  if (target.passphrase) await fillField(form, 'passphrase', target.passphrase);
  await fillField(form, 'intervalMinutes', '0');
}

async function phase(page: Page): Promise<string> {
  return (await page.getByTestId('sync-status').getAttribute('data-phase', { timeout: 2_000 })) ?? '';
}

async function waitForPhase(page: Page, wanted: string, timeout = 20_000): Promise<void> {
  await eventually(async () => {
    const now = await phase(page);
    if (now !== wanted) throw new Error(`sync status is ${now}, expected ${wanted}`);
  }, { timeout });
}

async function totalOpen(app: App): Promise<string> {
  await app.goto('/');
  return expectText(app.page.getByTestId('dash-total-open'), /\d/);
}

async function renameCustomer(app: App, id: string, name: string): Promise<void> {
  await app.goto(`/customer/?id=${encodeURIComponent(id)}`);
  await app.page.getByTestId('edit-customer').click();
  const form = formWith(app.page, 'name');
  await fillField(form, 'name', name);
  await form.getByTestId('save').click();
  await expectText(app.page.locator('h1'), name);
}

/** Customer ids, the one with the most open first (a payment to it reduces the open total). */
async function customerIds(app: App): Promise<string[]> {
  await app.goto('/customers/');
  await app.page.getByTestId('customer-table').waitFor();
  const rows = await app.page.getByTestId('customer-row').evaluateAll((list) =>
    list.map((r) => ({ id: r.getAttribute('data-id') ?? '', open: Number(r.getAttribute('data-open')) })));
  return rows.sort((a, b) => b.open - a.open).map((r) => r.id);
}

async function customerName(app: App, id: string): Promise<string> {
  await app.goto(`/customer/?id=${encodeURIComponent(id)}`);
  return ((await app.page.locator('h1').first().textContent()) ?? '').trim();
}

/** Requests the sync protocol makes on purpose: a missing manifest (404), a lost race (412), WebDAV folders (409, 405). */
const EXPECTED_HTTP = [/HTTP (404|409|405|412|423): http:\/\/127\.0\.0\.1:\d+\/(t\d|dav)\//];

/** `start` gets the app's origin (for the endpoint's CORS) and starts the endpoint. */
function syncScenario(start: (origin: string) => Promise<Target>, extra?: (laptop: App) => Promise<void>) {
  let site: StaticServer;
  let laptop: App;
  let tablet: App;
  let target: Target;

  beforeAll(async () => {
    site = await startStaticServer(DIST);
    target = await start(new URL(site.url).origin);
    laptop = await openApp({ server: site });
    tablet = await openApp({ server: site });
  }, 60_000);
  afterAll(async () => {
    await laptop?.close();
    await tablet?.close();
    await site?.stop();
  });

  it('the laptop shares a book, the tablet joins it, both edit offline and converge when back online', async () => {
    await loadDemoBook(laptop, TODAY, { customers: 5, invoices: 24 });

    // Laptop: switch sync on; saving syncs at once.
    await laptop.goto('/settings/');
    await fillTarget(laptop.page, target, 'url');
    await formWith(laptop.page, 'url').getByTestId('save').click();
    await waitForPhase(laptop.page, 'idle');
    await expectText(laptop.page.getByTestId('sync-status'), /Synced/);
    const bookId = ((await laptop.page.getByTestId('sync-book-id').textContent()) ?? '').trim();
    expect(bookId).toMatch(/^[0-9a-f-]{36}$/);
    const laptopTotal = await totalOpen(laptop);

    // Tablet: join by the book id.
    await tablet.goto('/settings/');
    await setToday(tablet.page, TODAY);
    await tablet.page.getByTestId('join-book').click();
    await fillField(formWith(tablet.page, 'bookId'), 'bookId', bookId);
    await fillTarget(tablet.page, target, 'bookId');
    await formWith(tablet.page, 'bookId').getByTestId('save').click();
    await eventually(async () => {
      const current = await tablet.page.evaluate(() => localStorage.getItem('overdue.book'));
      if (current !== bookId) throw new Error(`tablet's book is ${String(current)}`);
    }, { timeout: 30_000 });
    expect(await totalOpen(tablet)).toBe(laptopTotal);
    await waitForPhase(tablet.page, 'idle');

    const [first, second] = await customerIds(laptop);
    if (!first || !second) throw new Error('the demo book has too few customers');

    // Both offline (once the service worker serves the pages): the indicator says so, and edits stay local.
    await waitForServiceWorker(laptop.page);
    await waitForServiceWorker(tablet.page);
    await laptop.context.setOffline(true);
    await tablet.context.setOffline(true);
    await laptop.goto('/');
    await waitForPhase(laptop.page, 'offline');

    const payment = await openPaymentForm(laptop.page, laptop.server.url, first, { date: TODAY, amount: '123.45', reference: 'SYNC-E2E' });
    await payment.getByTestId('save').click();
    await laptop.page.waitForURL((u) => !u.pathname.startsWith('/payment/'), { timeout: 10_000 }).catch(() => undefined);
    await renameCustomer(laptop, second, 'Renamed on the laptop');
    await renameCustomer(tablet, first, 'First, renamed on the tablet');
    await renameCustomer(tablet, second, 'Renamed on the tablet');
    const laptopAfterPayment = await totalOpen(laptop);
    expect(laptopAfterPayment).not.toBe(laptopTotal);
    expect(await totalOpen(tablet)).toBe(laptopTotal);

    // Back online: each syncs by itself on reconnecting (staying on its page), the tablet first.
    const reconnect = async (app: App) => {
      const before = await app.page.getByTestId('sync-status').getAttribute('data-last-sync');
      await app.context.setOffline(false);
      await eventually(async () => {
        const now = await app.page.getByTestId('sync-status').getAttribute('data-last-sync');
        if (now === before || (await phase(app.page)) !== 'idle') throw new Error('no sync since reconnecting');
      }, { timeout: 30_000 });
    };
    await tablet.goto('/');
    await laptop.goto('/');
    await reconnect(tablet);
    await reconnect(laptop);
    // The tablet once more, by hand, for the laptop's part.
    const before = await tablet.page.getByTestId('sync-status').getAttribute('data-last-sync');
    await tablet.page.getByTestId('sync-now-shell').click();
    await eventually(async () => {
      if ((await tablet.page.getByTestId('sync-status').getAttribute('data-last-sync')) === before) throw new Error('no sync yet');
    }, { timeout: 30_000 });
    expect(await customerName(laptop, first)).toBe('First, renamed on the tablet');
    expect(await totalOpen(tablet)).toBe(laptopAfterPayment);

    // The same customer renamed on both: the later write (the tablet's) is kept everywhere.
    expect(await customerName(laptop, second)).toBe('Renamed on the tablet');
    expect(await customerName(tablet, second)).toBe('Renamed on the tablet');
    expect(await totalOpen(laptop)).toBe(laptopAfterPayment);

    // Both list the conflict: the laptop lost its unsent rename, the tablet kept its own.
    for (const [app, winner] of [[laptop, 'remote'], [tablet, 'local']] as const) {
      await app.goto('/settings/');
      const row = app.page.getByTestId('sync-conflict').filter({ hasText: 'Renamed on the laptop' });
      await row.first().waitFor();
      expect(await row.first().getAttribute('data-winner')).toBe(winner);
      expect(await row.first().getByTestId('sync-conflict-kept').textContent()).toBe('Renamed on the tablet');
      expect(await row.first().getByTestId('sync-conflict-field').textContent()).toBe('Name');
    }

    // Settings last across a reload (the secret is not shown back).
    await laptop.page.reload();
    expect(await formWith(laptop.page, 'url').locator('[name="url"]').inputValue()).toBe(target.url);
    expect(await formWith(laptop.page, target.name === 'server' ? 'token' : 'password').locator(`[name="${target.name === 'server' ? 'token' : 'password'}"]`).inputValue()).toBe('');

    await extra?.(laptop);
    laptop.assertNoErrors(EXPECTED_HTTP);
    tablet.assertNoErrors(EXPECTED_HTTP);
  }, 180_000);
}

describe('sync through the Overdue sync server', () => {
  let dir: string;
  let running: RunningSyncServer;
  const server = {
    async queueFaults(faults: { fault: string; method?: string; pathPrefix?: string; times?: number }[]) {
      const res = await fetch(`${running.url}/.faults`, {
        method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ faults }),
      });
      expect(res.status).toBe(204);
    },
  };

  afterAll(async () => {
    await running?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  syncScenario(async (origin) => {
    dir = await mkdtemp(join(tmpdir(), 'overdue-e2e-sync-'));
    running = await startSyncServer({ ...DEFAULT_OPTIONS, port: 0, dir, token: TOKEN, faults: true, quiet: true, origins: [origin] });
    return { name: 'server', url: `${running.url}/t1/` };
  }, async (laptop) => {
    // Each fault shows as its own status, in words; the next sync recovers. A lost race (412) is merged within the sync.
    const faults: [string, string, string][] = [
      ['503', 'error', 'the server had a problem'],
      ['500', 'error', 'the server had a problem'],
      ['truncate', 'error', 'damaged'],
      ['nonjson', 'error', 'damaged'],
      ['html', 'error', 'damaged'],
      ['401', 'error', 'the right user name and password, or token'],
      ['403', 'error', 'refused the token'],
    ];
    await laptop.goto('/');
    await laptop.page.getByTestId('sync-status').waitFor();
    for (const [fault, wanted, words] of faults) {
      // Twice for the retryable ones: the automatic retry a second later fails too, so the error can be seen.
      await server.queueFaults([{ fault, method: 'GET', pathPrefix: '/t1/', times: fault.startsWith('40') ? 1 : 2 }]);
      await laptop.page.getByTestId('sync-now-shell').click();
      await waitForPhase(laptop.page, wanted);
      await expectText(laptop.page.getByTestId('sync-status'), words);
      await laptop.page.getByTestId('sync-now-shell').click();
      await waitForPhase(laptop.page, 'idle');
    }
    await renameCustomer(laptop, (await customerIds(laptop))[2] ?? '', 'Renamed while racing');
    await laptop.goto('/');
    await laptop.page.getByTestId('sync-status').waitFor();
    const raced = await laptop.page.getByTestId('sync-status').getAttribute('data-last-sync');
    const bookId = await laptop.page.evaluate(() => localStorage.getItem('overdue.book'));
    await server.queueFaults([{ fault: '412', method: 'PUT', pathPrefix: `/t1/${bookId}/manifest.json` }]);
    await laptop.page.getByTestId('sync-now-shell').click();
    await eventually(async () => {
      const now = await laptop.page.getByTestId('sync-status').getAttribute('data-last-sync');
      if (now === raced || (await phase(laptop.page)) !== 'idle') throw new Error('the sync after a 412 has not finished');
    }, { timeout: 30_000 });
    // The injected faults are the HTTP errors this part expects (and the console's notes of cut bodies).
    laptop.errors.splice(0, laptop.errors.length, ...laptop.errors.filter((e) => !/HTTP (5\d\d|401|403|412): .*\/t1\//.test(e) && !/ERR_CONTENT_LENGTH_MISMATCH|net::ERR_/.test(e)));
  });
});

describe('sync through Apache mod_dav (WebDAV)', () => {
  let apache: ApacheDav;

  afterAll(async () => {
    await apache?.stop();
  });

  syncScenario(async (origin) => {
    if (!apacheInstalled()) throw new Error('apache2 is not installed (apt-get install apache2; .ci/run does it)');
    apache = await startApacheDav({ user: 'keeper', password: 'pass word', origin });
    // The shared folder, made as a user makes it in their WebDAV storage.
    const basic = `Basic ${Buffer.from('keeper:pass word').toString('base64')}`;
    const made = await fetch(`${apache.url}/e2e/`, { method: 'MKCOL', headers: { Authorization: basic } });
    expect(made.status).toBe(201);
    return { name: 'webdav', url: `${apache.url}/e2e/`, passphrase: '芝麻开门 open sesame' };
  });
});
