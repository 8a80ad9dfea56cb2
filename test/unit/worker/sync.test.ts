// Sync through the worker API, as the app uses it: settings per book, sync now,
// join a shared book, status and conflicts, with ledgers updated by merges.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SyncSettingsInput } from '../../../src/api/sync';
import { useSyncServer } from '../../support/sync-server';
import { bookInput, must, workerApis } from './harness';

const TOKEN = 'worker-token';
const server = useSyncServer(TOKEN);
let folder = 0;
const start = workerApis({ sync: { iterations: 1000, timeoutMs: 2000 } });

function settings(over: Partial<SyncSettingsInput> = {}): SyncSettingsInput {
  return { url: `${server.url}/w${folder}`, target: 'server', token: TOKEN, user: '', password: '', passphrase: '', intervalMinutes: 5, ...over };
}

async function laptopBook() {
  folder += 1;
  const { api } = start();
  const book = must(await api.createBook(bookInput('Synced Books')));
  const customer = must(await api.saveCustomer(book.id, { name: 'Nanjing Paper', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
  must(await api.saveInvoice(book.id, {
    customerId: customer.id, number: 'S-1', issueDate: '2026-10-01', dueDate: '2026-10-31', amount: 300_00, currency: 'CNY', description: '', disputed: false, disputeReason: '',
  }));
  return { api, book, customer };
}

describe('sync settings', () => {
  it('refuses a URL that is not http(s) and an interval out of range, at the field', async () => {
    const { api, book } = await laptopBook();
    const saved = await api.saveSyncSettings(book.id, settings({ url: 'ftp://example.com/x', intervalMinutes: -1 }));
    expect(saved.ok ? [] : saved.errors.map((e) => [e.field, e.code])).toEqual([['url', 'sync.url'], ['intervalMinutes', 'sync.interval']]);
    expect(await api.syncSettings(book.id)).toBeNull();
    expect((await api.syncStatus(book.id)).phase).toBe('off');
    expect(await api.syncNow(book.id)).toEqual({ ok: false, errors: [{ field: '', code: 'sync.notConfigured' }] });
  });

  it('never sends secrets back; an empty secret keeps the stored one', async () => {
    const { api, book } = await laptopBook();
    const view = must(await api.saveSyncSettings(book.id, settings({ passphrase: 'p' })));
    expect(view).toEqual({ bookId: book.id, url: `${server.url}/w${folder}/`, target: 'server', user: '', hasToken: true, hasPassword: false, encrypted: true, intervalMinutes: 5 });
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    must(await api.saveSyncSettings(book.id, settings({ token: '', passphrase: '', intervalMinutes: 0 })));
    expect(must(await api.syncNow(book.id)).pushed).toBe(3);
    expect(await api.syncSettings(book.id)).toMatchObject({ hasToken: true, encrypted: true, intervalMinutes: 0 });
  });
});

describe('laptop and tablet through the worker', () => {
  it('the tablet joins by book id, both edit, and each dashboard shows the other\'s work', async () => {
    const { api: laptop, book, customer } = await laptopBook();
    must(await laptop.saveSyncSettings(book.id, settings()));
    const first = must(await laptop.syncNow(book.id));
    expect(first).toMatchObject({ pushed: 3, pulled: 0, conflicts: 0 });
    const status = await laptop.syncStatus(book.id);
    expect(status).toMatchObject({ phase: 'idle', pending: 0, error: null });
    expect(status.lastSyncAt).not.toBeNull();

    const { api: tablet } = start();
    const joined = must(await tablet.joinSyncedBook(book.id.toUpperCase(), settings()));
    expect(joined.pulled).toBe(3);
    expect((await tablet.listBooks()).map((b) => [b.id, b.name, b.invoices])).toEqual([[book.id, 'Synced Books', 1]]);
    expect((await tablet.dashboard(book.id, '2026-11-20')).totalOpen).toBe(300_00);

    must(await tablet.recordPayment(book.id, { customerId: customer.id, date: '2026-11-10', amount: 100_00, method: 'bank', reference: '', allocation: 'auto' }));
    expect((await tablet.syncStatus(book.id)).pending).toBeGreaterThan(0);
    expect((await laptop.dashboard(book.id, '2026-11-20')).totalOpen).toBe(300_00);
    must(await tablet.syncNow(book.id));
    const pulled = must(await laptop.syncNow(book.id));
    expect(pulled.pulled).toBe(2);
    expect((await laptop.dashboard(book.id, '2026-11-20')).totalOpen).toBe(200_00);
    expect((await laptop.recentChanges(book.id, 1))[0]?.action).toBe('sync.merge');
    // A merge is not undone by the undo button: the laptop's own last write is.
    expect(must(await laptop.undo(book.id)).action).toBe('invoice.create');
  });

  it('joining an id the folder does not have says so and leaves nothing behind; a book already here is refused', async () => {
    const { api: laptop, book } = await laptopBook();
    must(await laptop.saveSyncSettings(book.id, settings()));
    must(await laptop.syncNow(book.id));
    const { api: tablet } = start();
    const unknown = crypto.randomUUID();
    const missing = await tablet.joinSyncedBook(unknown, settings());
    expect(missing.ok ? null : missing.errors[0]).toMatchObject({ code: 'sync.failed', params: { kind: 'notShared' } });
    expect(await tablet.syncSettings(unknown)).toBeNull();
    expect(await tablet.listBooks()).toEqual([]);
    expect(await tablet.joinSyncedBook('not-an-id', settings({ url: 'x' }))).toMatchObject({ ok: false, errors: [{ field: 'bookId', code: 'sync.bookId' }, { field: 'url', code: 'sync.url' }] });
    // A book with sync settings here may be joined again (to correct them); one without is set up from its panel.
    expect(must(await laptop.joinSyncedBook(book.id, settings())).pushed).toBe(0);
    await laptop.disableSync(book.id);
    expect(await laptop.joinSyncedBook(book.id, settings())).toEqual({ ok: false, errors: [{ field: 'bookId', code: 'sync.bookExists' }] });
  });

  it('status: a refused token is an error to fix, an unreachable server is offline with a retry time', async () => {
    const { api, book } = await laptopBook();
    must(await api.saveSyncSettings(book.id, settings({ token: 'wrong' })));
    expect(await api.syncNow(book.id)).toMatchObject({ ok: false, errors: [{ code: 'sync.failed', params: { kind: 'forbidden' } }] });
    expect(await api.syncStatus(book.id)).toMatchObject({ phase: 'error', error: { kind: 'forbidden', retryable: false }, retryAt: null });

    must(await api.saveSyncSettings(book.id, settings({ url: 'http://127.0.0.1:9/nowhere' })));
    expect((await api.syncStatus(book.id)).phase).toBe('idle');
    await api.syncNow(book.id);
    const offline = await api.syncStatus(book.id);
    expect(offline).toMatchObject({ phase: 'offline', error: { kind: 'network', retryable: true } });
    expect(offline.retryAt).toBeGreaterThan(Date.now());
  });

  it('a wrong passphrase on the tablet is reported and the book does not appear', async () => {
    const { api: laptop, book } = await laptopBook();
    must(await laptop.saveSyncSettings(book.id, settings({ passphrase: 'right' })));
    must(await laptop.syncNow(book.id));
    const { api: tablet } = start();
    expect(await tablet.joinSyncedBook(book.id, settings({ passphrase: 'wrong' }))).toMatchObject({ ok: false, errors: [{ params: { kind: 'wrongPassphrase' } }] });
    expect(await tablet.listBooks()).toEqual([]);
    must(await tablet.joinSyncedBook(book.id, settings({ passphrase: 'right' })));
    expect((await tablet.listBooks()).length).toBe(1);
  });

  it('conflicts are listed newest first with the record\'s name', async () => {
    const { api: laptop, book, customer } = await laptopBook();
    must(await laptop.saveSyncSettings(book.id, settings()));
    must(await laptop.syncNow(book.id));
    const { api: tablet } = start();
    must(await tablet.joinSyncedBook(book.id, settings()));
    const edit = (notes: string) => ({ name: 'Nanjing Paper', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes });
    must(await tablet.saveCustomer(book.id, edit('tablet says'), customer.id));
    await new Promise((r) => setTimeout(r, 5));
    must(await laptop.saveCustomer(book.id, edit('laptop says'), customer.id));
    must(await tablet.syncNow(book.id));
    expect(must(await laptop.syncNow(book.id)).conflicts).toBe(1);
    const rows = await laptop.syncConflicts(book.id, 10);
    expect(rows.map((r) => [r.table, r.label, r.field, r.kept, r.lost, r.winner])).toEqual([['customers', 'Nanjing Paper', 'notes', 'laptop says', 'tablet says', 'local']]);
    expect((await laptop.syncStatus(book.id)).conflicts).toBe(1);
  });
});
