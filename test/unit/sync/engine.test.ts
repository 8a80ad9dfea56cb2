// The sync engine end to end in Node: devices on fake IndexedDB, the real endpoint
// client and the real sync server on a free port, faults queued on the server.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverdueDb } from '../../../src/db/schema';
import { putSetting } from '../../../src/db/settings';
import { createEndpoint, type Endpoint } from '../../../src/sync/endpoint';
import { syncBook } from '../../../src/sync/engine';
import { describeSyncError } from '../../../src/sync/engine-errors';
import type { QueuedFault } from '../../../src/sync-server/faults';
import { filesUnder } from '../../support/files';
import { useSyncServer } from '../../support/sync-server';
import { bookInput, bookState, closeAll, device, must } from '../../support/sync-devices';

const TOKEN = 'engine-token';
const server = useSyncServer(TOKEN);
const opened: OverdueDb[] = [];
let folder = 0;

afterEach(() => closeAll(opened));

/** A fresh shared folder per test. */
function endpoint(): Endpoint {
  folder += 1;
  return createEndpoint({ url: `${server.url}/t${folder}/`, auth: { token: TOKEN }, timeoutMs: 2000 });
}

const queueFaults = (faults: QueuedFault[]): Promise<void> => server.queueFaults(faults);

async function failure(p: Promise<unknown>) {
  const outcome = await p.then(() => null, (e: unknown) => e);
  if (outcome === null) throw new Error('expected the sync to fail');
  return describeSyncError(outcome);
}


/** `count` invoices of the customer, as an import writes them (a bulk insert). */
async function importInvoices(laptop: ReturnType<typeof device>, bookId: string, customerId: string, count: number, prefix: string) {
  const invoices = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(), bookId, updatedAt: '', deleted: 0 as const, customerId, number: `${prefix}-${i}`,
    issueDate: '2026-09-01', dueDate: '2026-09-30', amount: 1000 + i, currency: 'CNY', description: '', disputed: 0 as const, disputeReason: '',
  }));
  must(await laptop.repo.bulkInsert(bookId, { customers: [], invoices, payments: [], allocations: [], adjustments: [], activities: [] }, 'import'));
}

async function laptopWithInvoice() {
  const laptop = device('laptop', opened);
  const book = must(await laptop.repo.createBook(bookInput('Acme Books')));
  const customer = must(await laptop.repo.saveCustomer(book.id, { name: 'Shanghai Hua Tai', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: ['vip'], notes: '' }));
  const invoice = must(await laptop.repo.saveInvoice(book.id, {
    customerId: customer.id, number: 'INV-1', issueDate: '2026-10-01', dueDate: '2026-10-31', amount: 120000, currency: 'CNY', description: 'Bookkeeping', disputed: false, disputeReason: '',
  }));
  return { laptop, book, customer, invoice };
}

describe('two devices', () => {
  it('a tablet joins a book, both edit different fields offline, and they converge with nothing lost', async () => {
    const ep = endpoint();
    const { laptop, book, customer, invoice } = await laptopWithInvoice();
    const first = await laptop.sync(book.id, ep);
    expect(first.pushed).toBe(3);

    const tablet = device('tablet', opened);
    const joined = await tablet.sync(book.id, ep);
    expect(joined.pulled).toBe(3);
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));

    // Offline: the laptop renames the customer, the tablet changes the invoice's description and records a payment.
    must(await laptop.repo.saveCustomer(book.id, { name: 'Hua Tai Ltd', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: ['vip'], notes: '' }, customer.id));
    must(await tablet.repo.saveInvoice(book.id, {
      customerId: customer.id, number: 'INV-1', issueDate: '2026-10-01', dueDate: '2026-10-31', amount: 120000, currency: 'CNY', description: 'Bookkeeping, October', disputed: false, disputeReason: '',
    }, invoice.id));
    must(await tablet.repo.recordPayment(book.id, { customerId: customer.id, date: '2026-11-02', amount: 50000, method: 'bank', reference: 'B-7', allocation: 'auto' }));

    await tablet.sync(book.id, ep);
    await laptop.sync(book.id, ep);
    await tablet.sync(book.id, ep);
    const state = await bookState(laptop.db, book.id);
    expect(await bookState(tablet.db, book.id)).toEqual(state);
    expect(state[`customers/${customer.id}`]).toMatchObject({ name: 'Hua Tai Ltd' });
    expect(state[`invoices/${invoice.id}`]).toMatchObject({ description: 'Bookkeeping, October', amount: 120000 });
    expect(Object.keys(state).filter((k) => k.startsWith('allocations/'))).toHaveLength(1);
    expect(await laptop.db.syncConflicts.count()).toBe(0);
  });

  it('the same field edited on both: the later write wins everywhere, and each side logs the conflict', async () => {
    const ep = endpoint();
    let clock = Date.parse('2026-11-20T09:00:00Z');
    const now = () => clock;
    const laptop = device('laptop', opened, now);
    const book = must(await laptop.repo.createBook(bookInput('Acme Books')));
    const c = must(await laptop.repo.saveCustomer(book.id, { name: 'Old name', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
    await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened, now);
    await tablet.sync(book.id, ep);

    clock += 1000;
    must(await tablet.repo.saveCustomer(book.id, { name: 'Tablet name', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }, c.id));
    clock += 1000;
    must(await laptop.repo.saveCustomer(book.id, { name: 'Laptop name', uscc: '', termsDays: 45, creditLimit: null, contacts: [], tags: [], notes: '' }, c.id));

    await tablet.sync(book.id, ep);
    const report = await laptop.sync(book.id, ep);
    expect(report.conflicts).toBe(1);
    await tablet.sync(book.id, ep);
    const tabletConflicts = await tablet.db.syncConflicts.toArray();
    expect((await bookState(tablet.db, book.id))[`customers/${c.id}`]).toMatchObject({ name: 'Laptop name', termsDays: 45 });
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
    expect((await laptop.db.syncConflicts.toArray()).map((x) => [x.field, x.kept, x.lost, x.winner])).toEqual([['name', 'Laptop name', 'Tablet name', 'local']]);
    expect(tabletConflicts.map((x) => [x.field, x.kept, x.lost, x.winner])).toEqual([['name', 'Laptop name', 'Tablet name', 'remote']]);
  });

  it('book settings (weights, policies) travel too, field by field like records', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await putSetting(laptop.db, book.id, 'risk.weights', { payment: 50 });
    await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened);
    await tablet.sync(book.id, ep);
    expect((await tablet.db.settings.get([book.id, 'risk.weights']))?.value).toEqual({ payment: 50 });
    await putSetting(tablet.db, book.id, 'risk.weights', { payment: 70 });
    await tablet.sync(book.id, ep);
    await laptop.sync(book.id, ep);
    expect((await laptop.db.settings.get([book.id, 'risk.weights']))?.value).toEqual({ payment: 70 });
  });

  it('pointed at a new shared folder, a device sends everything it holds, also what came from other devices', async () => {
    const first = endpoint();
    const { laptop, book, customer } = await laptopWithInvoice();
    await putSetting(laptop.db, book.id, 'risk.weights', { payment: 40 });
    await laptop.sync(book.id, first);
    const tablet = device('tablet', opened);
    await tablet.sync(book.id, first);
    must(await tablet.repo.saveCustomer(book.id, { name: 'Edited on the tablet', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }, customer.id));
    // The tablet moves to another folder (saving a new address starts its cursor over); the laptop is gone.
    await tablet.db.syncState.delete(book.id);
    const second = endpoint();
    await tablet.sync(book.id, second);
    const phone = device('phone', opened);
    await phone.sync(book.id, second);
    const state = await bookState(tablet.db, book.id);
    expect(await bookState(phone.db, book.id)).toEqual(state);
    expect(Object.keys(state).filter((k) => k.startsWith('invoices/'))).toHaveLength(1);
    expect(state['settings/risk.weights']).toEqual({ payment: 40 });
    expect(state[`customers/${customer.id}`]).toMatchObject({ name: 'Edited on the tablet' });
  });

  it('undo on one device is an ordinary later write for the other; a merge itself cannot be undone', async () => {
    const ep = endpoint();
    const { laptop, book, invoice } = await laptopWithInvoice();
    await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened);
    await tablet.sync(book.id, ep);
    expect(await tablet.repo.undoLast(book.id)).toEqual({ ok: false, errors: [{ field: '', code: 'undo.nothing' }] });
    must(await laptop.repo.undoLast(book.id));
    await laptop.sync(book.id, ep);
    await tablet.sync(book.id, ep);
    expect((await tablet.db.invoices.get(invoice.id))?.deleted).toBe(1);
  });
});

describe('faults', () => {
  it('a failed read changes nothing here, and the next sync picks up where it stopped', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened);
    for (const fault of ['500', 'truncate', 'html', 'nonjson', 'timeout'] as const) {
      await queueFaults([{ fault, method: 'GET', pathPrefix: `/t${folder}/${book.id}/segments/` }]);
      const f = await failure(tablet.sync(book.id, ep));
      expect(f.retryable).toBe(true);
      expect(['server', 'corrupt', 'timeout']).toContain(f.kind);
      expect(await tablet.db.books.count()).toBe(0);
      expect(await tablet.db.changes.count()).toBe(0);
    }
    await tablet.sync(book.id, ep);
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
  });

  it('401 and 403 are reported as such and not retried', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await queueFaults([{ fault: '401' }]);
    expect(await failure(laptop.sync(book.id, ep))).toMatchObject({ kind: 'auth', retryable: false });
    await queueFaults([{ fault: '403' }]);
    expect(await failure(laptop.sync(book.id, ep))).toMatchObject({ kind: 'forbidden', retryable: false });
    const wrongToken = createEndpoint({ url: `${server.url}/t${folder}/`, auth: { token: 'nope' } });
    expect(await failure(laptop.sync(book.id, wrongToken))).toMatchObject({ kind: 'forbidden' });
  });

  it('a manifest that is JSON but not a manifest is refused with the file and the place', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await ep.put(`${book.id}/manifest.json`, { format: 'overdue-sync/1', kind: 'manifest', book: book.id, encryption: null, devices: { x: { head: 'two' } }, snapshot: null });
    const f = await failure(laptop.sync(book.id, ep));
    expect(f.kind).toBe('corrupt');
    expect(f.detail).toBe(`${book.id}/manifest.json: $.devices.x.head: expected a whole number >= 0`);
  });

  it('a manifest from a newer version asks for an update instead of retrying', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await ep.put(`${book.id}/manifest.json`, { format: 'overdue-sync/2', kind: 'manifest', book: book.id });
    expect(await failure(laptop.sync(book.id, ep))).toMatchObject({ kind: 'newerFormat', retryable: false });
  });

  it('a 412 on the manifest (another device wrote first) is merged and retried within the same sync', async () => {
    const ep = endpoint();
    const { laptop, book, customer } = await laptopWithInvoice();
    await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened);
    await tablet.sync(book.id, ep);
    must(await laptop.repo.saveCustomer(book.id, { name: 'L', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: 'from laptop' }, customer.id));
    must(await tablet.repo.saveInvoice(book.id, {
      customerId: customer.id, number: 'INV-2', issueDate: '2026-11-01', dueDate: '2026-11-30', amount: 500, currency: 'CNY', description: '', disputed: false, disputeReason: '',
    }));
    // Both sync at once: one manifest write gets a 412 and goes round again.
    await Promise.all([laptop.sync(book.id, ep), tablet.sync(book.id, ep)]);
    await laptop.sync(book.id, ep);
    await tablet.sync(book.id, ep);
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
    expect(Object.keys(await bookState(laptop.db, book.id)).filter((k) => k.startsWith('invoices/'))).toHaveLength(2);
  });

  it('a manifest write that keeps failing with 412 gives up with a retryable status', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await queueFaults([{ fault: '412', method: 'PUT', pathPrefix: `/t${folder}/${book.id}/manifest.json`, times: 3 }]);
    expect(await failure(laptop.sync(book.id, ep, { attempts: 3 }))).toMatchObject({ kind: 'conflictRetries', retryable: true });
    expect((await laptop.sync(book.id, ep)).pushed).toBe(3);
  });

  it('a segment written but never listed (cut off before the manifest) is simply written again', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await queueFaults([{ fault: '503', method: 'PUT', pathPrefix: `/t${folder}/${book.id}/manifest.json` }]);
    expect((await failure(laptop.sync(book.id, ep))).kind).toBe('server');
    expect((await laptop.db.syncState.get(book.id))?.head ?? 0).toBe(0);
    await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened);
    await tablet.sync(book.id, ep);
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
  });

  it('a manifest written whose answer was lost: the next sync finds its own head listed and carries on', async () => {
    const ep = endpoint();
    const { laptop, book, customer } = await laptopWithInvoice();
    await queueFaults([{ fault: 'lost', method: 'PUT', pathPrefix: `/t${folder}/${book.id}/manifest.json` }]);
    expect((await failure(laptop.sync(book.id, ep))).kind).toBe('network');
    expect((await laptop.db.syncState.get(book.id))?.head ?? 0).toBe(0);
    must(await laptop.repo.saveCustomer(book.id, { name: 'After the cut', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }, customer.id));
    await laptop.sync(book.id, ep);
    // Segment 1 was listed by the lost write; the retry wrote segment 2 rather than replacing it.
    expect((await laptop.db.syncState.get(book.id))?.head).toBe(2);
    const tablet = device('tablet', opened);
    await tablet.sync(book.id, ep);
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
  });
});

describe('packing', () => {
  it('large segments travel gzipped; a damaged packed file is refused by name and changes nothing', async () => {
    const ep = endpoint();
    const { laptop, book, customer } = await laptopWithInvoice();
    await importInvoices(laptop, book.id, customer.id, 50, 'P');
    await laptop.sync(book.id, ep);
    const path = `${book.id}/segments/laptop/1.json`;
    const stored = await ep.get(path);
    expect(stored.status === 'ok' && (stored.body as { kind: string }).kind).toBe('packed');

    await ep.put(path, { format: 'overdue-sync/1', kind: 'packed', data: 'H4sIAAAA' });
    const tablet = device('tablet', opened);
    const f = await failure(tablet.sync(book.id, ep));
    expect(f).toMatchObject({ kind: 'corrupt', retryable: true });
    expect(f.detail).toBe(`${path}: $.data: not gzip data (cut short or damaged)`);
    expect(await tablet.db.books.count()).toBe(0);
  });
});

describe('encryption', () => {
  it('the endpoint holds only ciphertext; a wrong or missing passphrase is reported and changes nothing', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await laptop.sync(book.id, ep, { passphrase: 'correct horse' });
    const files = await filesUnder(join(server.dir, `t${folder}`));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(await readFile(f, 'utf8')).not.toContain('Hua Tai');

    const tablet = device('tablet', opened);
    expect(await failure(tablet.sync(book.id, ep, { passphrase: 'wrong horse' }))).toMatchObject({ kind: 'wrongPassphrase', retryable: false });
    expect(await failure(tablet.sync(book.id, ep))).toMatchObject({ kind: 'needsPassphrase' });
    expect(await tablet.db.books.count()).toBe(0);
    await tablet.sync(book.id, ep, { passphrase: 'correct horse' });
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
  });

  it('a passphrase set on a book shared in the clear is refused', async () => {
    const ep = endpoint();
    const { laptop, book } = await laptopWithInvoice();
    await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened);
    expect(await failure(tablet.sync(book.id, ep, { passphrase: 'x' }))).toMatchObject({ kind: 'wrongPassphrase' });
  });
});

describe('compaction', () => {
  it('snapshots what every device has merged, never a segment a device still lacks; a late joiner reads the snapshot', async () => {
    const ep = endpoint();
    const { laptop, book, customer } = await laptopWithInvoice();
    const tablet = device('tablet', opened);
    await laptop.sync(book.id, ep, { compactAfter: 3 });
    await tablet.sync(book.id, ep, { compactAfter: 3 });
    // The tablet goes quiet while the laptop writes and syncs many times.
    for (let i = 0; i < 6; i++) {
      must(await laptop.repo.saveCustomer(book.id, { name: `Name ${i}`, uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }, customer.id));
      await laptop.sync(book.id, ep, { compactAfter: 3 });
    }
    const segments = await filesUnder(join(server.dir, `t${folder}`, book.id, 'segments'));
    // The laptop's segments 2..7 are all still there: the tablet has merged only segment 1.
    expect(segments.filter((f) => f.includes('/laptop/')).map((f) => Number(f.split('/').pop()!.replace('.json', ''))).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    // Once the tablet has merged them, its own sync compacts them away.
    const caughtUp = await tablet.sync(book.id, ep, { compactAfter: 3 });
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
    expect(caughtUp.compacted).toBe(true);
    expect((await filesUnder(join(server.dir, `t${folder}`, book.id, 'segments'))).length).toBe(0);

    const phone = device('phone', opened);
    const joined = await phone.sync(book.id, ep, { compactAfter: 3 });
    expect(joined.pulled).toBeGreaterThan(0);
    expect(await bookState(phone.db, book.id)).toEqual(await bookState(laptop.db, book.id));
  });
});

describe('transfers grow with changes, not with the book', () => {
  it('an incremental sync of one edit moves a few kilobytes whatever the book holds', async () => {
    const ep = endpoint();
    const { laptop, book, customer } = await laptopWithInvoice();
    await importInvoices(laptop, book.id, customer.id, 300, 'B');
    const first = await laptop.sync(book.id, ep);
    const tablet = device('tablet', opened);
    const join = await tablet.sync(book.id, ep);
    must(await laptop.repo.saveCustomer(book.id, { name: 'Renamed', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }, customer.id));
    const push = await laptop.sync(book.id, ep);
    const pull = await tablet.sync(book.id, ep);
    // 300 invoices gzipped: about 14 kB.
    expect(first.bytesUp).toBeGreaterThan(10_000);
    expect(join.bytesDown).toBeGreaterThan(10_000);
    expect(push.bytesUp + push.bytesDown).toBeLessThan(3_000);
    expect(pull.bytesDown).toBeLessThan(3_000);
    expect(pull.pulled).toBe(1);
  });
});

it('syncBook refuses a manifest of another book', async () => {
  const ep = endpoint();
  const { laptop, book } = await laptopWithInvoice();
  await ep.put(`${book.id}/manifest.json`, { format: 'overdue-sync/1', kind: 'manifest', book: 'other', encryption: null, devices: {}, snapshot: null });
  const f = await failure(syncBook({ book: book.id, endpoint: ep, local: laptop.repo.syncReplica(book.id) }));
  expect(f).toMatchObject({ kind: 'corrupt' });
  expect(f.detail).toContain('belongs to book other');
});
