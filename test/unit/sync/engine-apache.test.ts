// The sync engine against a stock WebDAV server: Debian's Apache httpd with
// mod_dav (started by the test), Basic auth, LOCK for atomic manifest writes.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OverdueDb } from '../../../src/db/schema';
import { createEndpoint, type Endpoint } from '../../../src/sync/endpoint';
import { describeSyncError } from '../../../src/sync/engine-errors';
import { startApacheDav, type ApacheDav } from '../../support/apache';
import { filesUnder } from '../../support/files';
import { bookInput, bookState, closeAll, device, must } from '../../support/sync-devices';

let apache: ApacheDav;
const opened: OverdueDb[] = [];
let folder = 0;

beforeAll(async () => {
  apache = await startApacheDav({ user: 'keeper', password: 'pass word' });
}, 15_000);
afterAll(async () => {
  await apache?.stop();
});
afterEach(() => closeAll(opened));

/** A fresh shared folder per test, made as a user would make it in their WebDAV storage. */
async function endpoint(): Promise<Endpoint> {
  folder += 1;
  const basic = `Basic ${Buffer.from(`${apache.user}:${apache.password}`).toString('base64')}`;
  expect((await fetch(`${apache.url}/w${folder}/`, { method: 'MKCOL', headers: { Authorization: basic } })).status).toBe(201);
  return createEndpoint({ url: `${apache.url}/w${folder}/`, auth: { user: apache.user, password: apache.password }, timeoutMs: 5000, webdavLocks: true });
}


describe('sync over Apache mod_dav', () => {
  it('laptop and tablet edit offline, sync at the same moment, and converge; compaction deletes over WebDAV', async () => {
    const ep = await endpoint();
    const laptop = device('laptop', opened);
    const book = must(await laptop.repo.createBook(bookInput('WebDAV Books')));
    const c = must(await laptop.repo.saveCustomer(book.id, { name: 'Zhongshan Trading', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
    await laptop.sync(book.id, ep, { compactAfter: 3 });
    const tablet = device('tablet', opened);
    await tablet.sync(book.id, ep, { compactAfter: 3 });

    must(await laptop.repo.saveCustomer(book.id, { name: 'Zhongshan Trading', uscc: '', termsDays: 60, creditLimit: null, contacts: [], tags: [], notes: '' }, c.id));
    must(await tablet.repo.saveInvoice(book.id, {
      customerId: c.id, number: 'W-1', issueDate: '2026-10-01', dueDate: '2026-10-31', amount: 880, currency: 'CNY', description: '', disputed: false, disputeReason: '',
    }));
    // Racing manifest writes: under the WebDAV lock exactly one wins, the other merges and retries.
    await Promise.all([laptop.sync(book.id, ep, { compactAfter: 3 }), tablet.sync(book.id, ep, { compactAfter: 3 })]);
    for (let i = 0; i < 3; i++) {
      must(await laptop.repo.saveCustomer(book.id, { name: `Zhongshan ${i}`, uscc: '', termsDays: 60, creditLimit: null, contacts: [], tags: [], notes: '' }, c.id));
      await laptop.sync(book.id, ep, { compactAfter: 3 });
    }
    await tablet.sync(book.id, ep, { compactAfter: 3 });
    await laptop.sync(book.id, ep, { compactAfter: 3 });
    const state = await bookState(laptop.db, book.id);
    expect(await bookState(tablet.db, book.id)).toEqual(state);
    expect(state[`customers/${c.id}`]).toMatchObject({ name: 'Zhongshan 2', termsDays: 60 });
    expect(Object.keys(state).filter((k) => k.startsWith('invoices/'))).toHaveLength(1);
    const files = await filesUnder(join(apache.root, `w${folder}`, book.id));
    expect(files.some((f) => f.includes('/snapshots/'))).toBe(true);

    const phone = device('phone', opened);
    await phone.sync(book.id, ep);
    expect(await bookState(phone.db, book.id)).toEqual(state);
  }, 60_000);

  it('encrypted on WebDAV: only ciphertext on disk; a wrong password is an auth error that changes nothing', async () => {
    const ep = await endpoint();
    const laptop = device('laptop', opened);
    const book = must(await laptop.repo.createBook(bookInput('Secret Books')));
    must(await laptop.repo.saveCustomer(book.id, { name: 'Very Private Co', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
    await laptop.sync(book.id, ep, { passphrase: '芝麻开门' });
    for (const f of await filesUnder(join(apache.root, `w${folder}`))) expect(await readFile(f, 'utf8')).not.toContain('Very Private');

    const tablet = device('tablet', opened);
    const badAuth = createEndpoint({ url: `${apache.url}/w${folder}/`, auth: { user: apache.user, password: 'wrong' }, webdavLocks: true });
    const failed = await tablet.sync(book.id, badAuth, { passphrase: '芝麻开门' }).then(() => null, (e: unknown) => describeSyncError(e));
    expect(failed).toMatchObject({ kind: 'auth', retryable: false });
    expect(await tablet.db.books.count()).toBe(0);
    const good = createEndpoint({ url: `${apache.url}/w${folder}/`, auth: { user: apache.user, password: apache.password }, webdavLocks: true });
    await tablet.sync(book.id, good, { passphrase: '芝麻开门' });
    expect(await bookState(tablet.db, book.id)).toEqual(await bookState(laptop.db, book.id));
  }, 60_000);
});
