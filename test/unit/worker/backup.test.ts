import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src/domain/errors';
import { bookInput, must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';
import type { CustomerInput, InvoiceInput, RestoreReport } from '../../../src/api/contract';
import { canonicalJson, checksumOf } from '../../../src/backup/format';
import type { OverdueDb } from '../../../src/db/schema';

const customerInput = (name: string): CustomerInput => ({ name, uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' });
const invoiceInput = (customerId: string, number: string, issueDate: string, dueDate: string, amount: number): InvoiceInput => ({
  customerId, number, issueDate, dueDate, amount, currency: 'CNY', description: '', disputed: false, disputeReason: '',
});

const start = workerApis();

const AS_OF = '2025-04-15';

/** Two books; the first with a payment, an undone invoice (a tombstone) and an unapplied payment. */
async function twoBooks(api: WorkerApi) {
  const one = must(await api.createBook(bookInput('一号账套')));
  const c1 = must(await api.saveCustomer(one.id, customerInput('杭州恒达贸易有限公司')));
  const c2 = must(await api.saveCustomer(one.id, customerInput('上海远景科技')));
  must(await api.saveInvoice(one.id, invoiceInput(c1.id, 'A-1', '2025-01-10', '2025-02-09', 100_000)));
  must(await api.saveInvoice(one.id, invoiceInput(c2.id, 'B-1', '2025-03-01', '2025-03-31', 50_000)));
  must(await api.recordPayment(one.id, { customerId: c1.id, date: '2025-03-10', amount: 30_000, method: 'bank', reference: 'R1', allocation: 'auto' }));
  must(await api.saveInvoice(one.id, invoiceInput(c2.id, 'B-2', '2025-03-05', '2025-04-04', 7_000)));
  must(await api.undo(one.id)); // B-2 becomes a tombstone
  const two = must(await api.createBook({ ...bookInput('Second Ltd'), currency: 'USD', agingBasis: 'issue' }));
  const c3 = must(await api.saveCustomer(two.id, customerInput('Acme')));
  must(await api.saveInvoice(two.id, { ...invoiceInput(c3.id, 'INV-9', '2024-12-01', '2024-12-31', 123_456), currency: 'USD' }));
  return { one, two };
}

/** The figures a bookkeeper would compare between two copies of a book. */
async function figures(api: WorkerApi, bookId: string) {
  const d = await api.dashboard(bookId, AS_OF);
  const invoices = await api.listInvoices(bookId, { asOf: AS_OF, sort: 'number', offset: 0, limit: 100 });
  const customers = await api.listCustomers(bookId, { asOf: AS_OF, offset: 0, limit: 100 });
  return {
    totalOpen: d.totalOpen, overdue: d.overdue, aging: d.aging,
    invoices: invoices.rows.map(({ id: _id, customerId: _c, ...r }) => r),
    customers: customers.rows.map(({ id: _id, ...r }) => r),
  };
}

async function tableCounts(db: OverdueDb) {
  const out: Record<string, number> = {};
  for (const t of ['books', 'customers', 'invoices', 'payments', 'allocations', 'adjustments', 'activities', 'changes']) out[t] = await db.table(t).count();
  return out;
}

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('backupAll', () => {
  it('writes every book and all its records, tombstones included, under a checked header', async () => {
    const { api } = start();
    const { one, two } = await twoBooks(api);
    const file = await api.backupAll();
    expect(file.filename).toMatch(/^overdue-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(doc.format).toBe('overdue.backup');
    expect(doc.version).toBe(2);
    expect(typeof doc.deviceId).toBe('string');
    expect(Number.isNaN(Date.parse(doc.exportedAt))).toBe(false);
    // Same creation day: by name in code-point order.
    expect(doc.books.map((b: { book: { id: string } }) => b.book.id)).toEqual([two.id, one.id]);
    expect(doc.counts).toEqual({ books: 2, customers: 3, invoices: 4, payments: 1, allocations: 1, adjustments: 0, activities: 0, plans: 0, promises: 0, notices: 0, attachments: 0 });
    expect(doc.books[1].invoices.filter((i: { deleted: number }) => i.deleted === 1).map((i: { number: string }) => i.number)).toEqual(['B-2']);
    expect(doc.checksum).toBe(await checksumOf(doc.books));
    expect(doc.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe(canonicalJson({ a: [{ c: 'x', d: null }], b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('restoreBackup', () => {
  it("'check' reports what the file holds and which books exist here, and writes nothing", async () => {
    const { api, db } = start();
    const { one } = await twoBooks(api);
    const file = await api.backupAll();
    const before = await tableCounts(db);
    const report = must(await api.restoreBackup(file.bytes, 'check'));
    expect(report.restored).toEqual([]);
    expect(report.books.map((b) => [b.name, b.customers, b.invoices, b.payments, b.existing?.name ?? null])).toEqual([
      ['Second Ltd', 1, 1, 0, 'Second Ltd'], ['一号账套', 2, 2, 1, '一号账套'],
    ]);
    expect(report.books[1]?.existing?.id).toBe(one.id);
    expect(await tableCounts(db)).toEqual(before);

    // On another device nothing exists yet.
    const other = start();
    const fresh = must(await other.api.restoreBackup(file.bytes, 'check'));
    expect(fresh.books.map((b) => b.existing)).toEqual([null, null]);
  });

  it("'asNew' makes copies with new ids and the same figures; undo takes a copy back", async () => {
    const { api, db } = start();
    const { one, two } = await twoBooks(api);
    const file = await api.backupAll();
    const report = must(await api.restoreBackup(file.bytes, 'asNew'));
    expect(report.restored.map((r) => r.name)).toEqual(['Second Ltd (2)', '一号账套 (2)']);
    const [copyTwo, copyOne] = report.restored.map((r) => r.id);
    expect([copyOne, copyTwo]).not.toContain(one.id);
    expect(copyTwo).not.toBe(two.id);
    expect((await api.listBooks()).length).toBe(4);
    expect(await figures(api, copyOne as string)).toEqual(await figures(api, one.id));
    expect(await figures(api, copyTwo as string)).toEqual(await figures(api, two.id));
    // No record id shared between original and copy; the tombstone came along as a tombstone.
    const originalIds = new Set((await db.invoices.where('bookId').equals(one.id).toArray()).map((i) => i.id));
    const copied = await db.invoices.where('bookId').equals(copyOne as string).toArray();
    expect(copied.some((i) => originalIds.has(i.id))).toBe(false);
    expect(copied.filter((i) => i.deleted === 1).map((i) => i.number)).toEqual(['B-2']);
    // Allocations point at the copy's payment and invoice.
    const allocation = (await db.allocations.where('bookId').equals(copyOne as string).toArray())[0];
    expect(copied.map((i) => i.id)).toContain(allocation?.invoiceId);
    expect((await db.payments.get(allocation?.paymentId as string))?.bookId).toBe(copyOne);

    const recent = await api.recentChanges(copyOne as string, 1);
    expect(recent[0]?.action).toBe('backup.restore');
    must(await api.undo(copyOne as string));
    expect((await api.listBooks()).map((b) => b.id)).not.toContain(copyOne);
    expect(await db.invoices.where('[bookId+deleted]').equals([copyOne as string, 0]).count()).toBe(0);
  });

  it("'asNew' on an empty device restores every book with the same totals", async () => {
    const source = start();
    const { one } = await twoBooks(source.api);
    const file = await source.api.backupAll();
    const expected = await figures(source.api, one.id);
    const target = start();
    const report = must(await target.api.restoreBackup(file.bytes, 'asNew'));
    expect(report.restored.map((r) => r.name)).toEqual(['Second Ltd', '一号账套']);
    expect(await figures(target.api, report.restored[1]?.id as string)).toEqual(expected);
  });

  it("'replace' puts a book back wholly as it was in the file, and undo brings today's version back", async () => {
    const { api, db } = start();
    const { one } = await twoBooks(api);
    const atBackup = await figures(api, one.id);
    const file = await api.backupAll();
    // Changes after the backup: a new customer with an invoice, and a renamed book.
    const late = must(await api.saveCustomer(one.id, customerInput('后来的客户')));
    must(await api.saveInvoice(one.id, invoiceInput(late.id, 'L-1', '2025-04-01', '2025-04-10', 999)));
    must(await api.updateBook(one.id, { ...bookInput('改名了'), agingBounds: [30, 60, 90, 180, 365] }));
    const now = await figures(api, one.id);
    expect(now).not.toEqual(atBackup);

    const report = must(await api.restoreBackup(file.bytes, 'replace'));
    expect(report.restored.map((r) => [r.id, r.name])).toEqual([[expect.any(String), 'Second Ltd'], [one.id, '一号账套']]);
    expect((await api.listBooks()).length).toBe(2); // nothing merged, nothing added
    expect(await figures(api, one.id)).toEqual(atBackup);
    expect((await api.getBook(one.id))?.name).toBe('一号账套');
    expect((await db.customers.get(late.id))?.deleted).toBe(1);

    must(await api.undo(one.id));
    expect(await figures(api, one.id)).toEqual(now);
    expect((await api.getBook(one.id))?.name).toBe('改名了');
  });

  describe('refuses a damaged or foreign file, naming the place, and writes nothing', () => {
    async function refused(edit: (text: string) => string | ArrayBuffer) {
      const { api, db } = start();
      await twoBooks(api);
      const text = new TextDecoder().decode((await api.backupAll()).bytes);
      const before = await tableCounts(db);
      const edited = edit(text);
      const bytes = typeof edited === 'string' ? bytesOf(edited) : edited;
      const results: Result<RestoreReport>[] = [];
      for (const mode of ['check', 'asNew', 'replace'] as const) results.push(await api.restoreBackup(bytes.slice(0), mode));
      expect(await tableCounts(db)).toEqual(before);
      const first = results[0];
      if (!first || first.ok) throw new Error('expected a refusal');
      for (const r of results) expect(r).toEqual(first);
      return first.errors;
    }
    const editDoc = (f: (doc: any) => void) => (text: string) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const doc = JSON.parse(text);
      f(doc);
      return JSON.stringify(doc, null, 1);
    };

    it('truncated: bad JSON at the end, with line and column', async () => {
      const errors = await refused((t) => t.slice(0, Math.floor(t.length * 0.6)));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field: '', code: 'backup.json', params: { line: 1 } });
      expect(errors[0]?.params?.column).toBeGreaterThan(10);
    });

    it('bad JSON in the middle names the line', async () => {
      const errors = await refused((t) => {
        const pretty = JSON.stringify(JSON.parse(t), null, 1).split('\n');
        pretty[5] = `${pretty[5]} ,,`;
        return pretty.join('\n');
      });
      expect(errors[0]).toMatchObject({ code: 'backup.json', params: { line: 6 } });
    });

    it('an edited amount fails the checksum', async () => {
      const errors = await refused(editDoc((doc) => { doc.books[1].invoices[1].amount += 100; }));
      expect(errors).toEqual([{ field: 'checksum', code: 'backup.checksum' }]);
    });

    it('a fractional amount is named by its place', async () => {
      const errors = await refused(editDoc((doc) => { doc.books[0].invoices[0].amount = 12.5; }));
      expect(errors).toContainEqual({ field: 'books[0].invoices[0].amount', code: 'backup.notInteger' });
    });

    it('a broken date, a dangling reference and a missing record are named', async () => {
      const errors = await refused(editDoc((doc) => {
        doc.books[1].payments[0].date = '2025-02-30';
        doc.books[1].allocations[0].invoiceId = 'gone';
      }));
      expect(errors).toEqual([
        { field: 'books[1].payments[0].date', code: 'backup.notDate' },
        { field: 'books[1].allocations[0].invoiceId', code: 'backup.missingRef', params: { table: 'invoices' } },
      ]);
      const missing = await refused(editDoc((doc) => { doc.books[1].customers.pop(); }));
      expect(missing[0]?.code).toBe('backup.missingRef'); // its invoice now points nowhere
      const dropped = await refused(editDoc((doc) => { doc.books[0].invoices.pop(); }));
      expect(dropped).toEqual([{ field: 'counts.invoices', code: 'backup.counts', params: { expected: '4', found: 3 } }]);
    });

    it('wrong format, wrong version', async () => {
      expect(await refused(editDoc((doc) => { doc.format = 'something.else'; }))).toEqual([{ field: 'format', code: 'backup.foreign' }]);
      expect(await refused(editDoc((doc) => { doc.version = 3; }))).toEqual([{ field: 'version', code: 'backup.version', params: { found: '3' } }]);
    });

    it('foreign files: a CSV, other JSON, binary bytes', async () => {
      expect(await refused(() => 'invoice,amount\r\nA-1,100\r\n')).toEqual([{ field: '', code: 'backup.foreign' }]);
      expect(await refused(() => '{"name":"package","version":"1.0.0"}')).toEqual([{ field: 'format', code: 'backup.foreign' }]);
      expect(await refused(() => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]).buffer)).toEqual([{ field: '', code: 'backup.foreign' }]);
    });
  });

  it('a replace whose record id belongs to another book here is refused whole', async () => {
    const { api, db } = start();
    const { one, two } = await twoBooks(api);
    const doc = JSON.parse(new TextDecoder().decode((await api.backupAll()).bytes));
    // Forge a consistent file holding only the second book, whose customer claims an id of the first book here.
    expect(doc.books[0].book.id).toBe(two.id);
    const stolen = doc.books[1].customers[0].id;
    const own = doc.books[0].customers[0].id;
    const forged = JSON.parse(JSON.stringify({ ...doc, books: [doc.books[0]] }).split(own).join(stolen));
    forged.counts = { books: 1, customers: 1, invoices: 1, payments: 0, allocations: 0, adjustments: 0, activities: 0, plans: 0, promises: 0, notices: 0, attachments: 0 };
    forged.checksum = await checksumOf(forged.books);
    const before = await tableCounts(db);
    const result = await api.restoreBackup(bytesOf(JSON.stringify(forged)), 'replace');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'backup.idConflict', field: `customers.${stolen}` });
    expect(await tableCounts(db)).toEqual(before);
    expect((await db.customers.get(stolen))?.bookId).toBe(one.id);
  });
});

describe('collections records in the backup', () => {
  it('carries promises, plans and notices, and a copy points them at the copied invoices', async () => {
    const { api } = start();
    const book = must(await api.createBook(bookInput('备份催收')));
    const customer = must(await api.saveCustomer(book.id, { name: '甲', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
    const invoice = must(await api.saveInvoice(book.id, {
      customerId: customer.id, number: 'FP-1', issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 50_000, currency: '',
      description: '', disputed: false, disputeReason: '',
    }));
    must(await api.logContact(book.id, {
      customerId: customer.id, invoiceId: invoice.id, date: '2026-02-05', channel: 'phone', stage: 'first', outcome: 'promised', note: '',
      nextActionDate: null, promise: { amount: 10_000, date: '2026-02-20', invoiceIds: [invoice.id], graceDays: 0 },
      attachment: { name: 'proof.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 0, 255]).buffer },
    }));
    must(await api.saveLetterhead(book.id, { contact: '王会计 138 0000 0000', creditorContact: '', paymentDetails: '', options: '', consequences: '' }));
    must(await api.savePlan(book.id, {
      customerId: customer.id, invoiceIds: [invoice.id], madeOn: '2026-02-06', graceDays: 0, note: '',
      instalments: [{ date: '2026-03-01', amount: 25_000 }, { date: '2026-04-01', amount: 25_000 }],
    }));
    must(await api.issueNotice(book.id, { customerId: customer.id, template: 'notice', stageId: 'written', date: '2026-02-16', deadline: '2026-02-23', locale: 'zh-CN' }));
    const file = await api.backupAll();
    const doc = JSON.parse(new TextDecoder().decode(file.bytes));
    expect([doc.counts.promises, doc.counts.plans, doc.counts.notices, doc.counts.attachments]).toEqual([1, 1, 1, 1]);

    const report = must(await api.restoreBackup(file.bytes, 'asNew'));
    const copyId = report.restored[0]?.id ?? '';
    const copyCustomer = (await api.listCustomers(copyId, { asOf: '2026-02-16', offset: 0, limit: 5 })).rows[0];
    const copied = await api.customerCollections(copyId, copyCustomer?.id ?? '', '2026-02-16');
    const copyInvoice = (await api.listInvoices(copyId, { asOf: '2026-02-16', offset: 0, limit: 5 })).rows[0];
    expect(copyInvoice?.id).not.toBe(invoice.id);
    expect(copied?.promises.map((p) => p.invoiceIds)).toEqual([[copyInvoice?.id]]);
    expect(copied?.plans.map((p) => p.invoiceIds)).toEqual([[copyInvoice?.id]]);
    expect(copied?.notices.map((n) => [n.number, n.invoiceIds])).toEqual([['N-2026-0001', [copyInvoice?.id]]]);
    // The proof of delivery comes back byte for byte, on the copied contact; the letterhead with the book.
    const proof = copied?.attachments[0];
    expect(copied?.activities.map((a) => a.id)).toContain(proof?.activityId);
    expect([...new Uint8Array((await api.attachmentFile(copyId, proof?.id ?? ''))?.bytes ?? new ArrayBuffer(0))]).toEqual([137, 80, 78, 71, 0, 255]);
    expect((await api.collectionSettings(copyId)).letterhead.contact).toBe('王会计 138 0000 0000');
  });

  it('refuses an attachment whose bytes do not match its size, naming the place', async () => {
    const { api } = start();
    const book = must(await api.createBook(bookInput('备份催收')));
    const customer = must(await api.saveCustomer(book.id, { name: '乙', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
    must(await api.logContact(book.id, {
      customerId: customer.id, invoiceId: null, date: '2026-02-05', channel: 'visit', stage: '', outcome: 'reached', note: '',
      nextActionDate: null, attachment: { name: 'p.jpg', type: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]).buffer },
    }));
    const doc = JSON.parse(new TextDecoder().decode((await api.backupAll()).bytes));
    doc.books[0].attachments[0].data = 'AQI=';
    doc.checksum = await checksumOf(doc.books);
    const r = await api.restoreBackup(bytesOf(JSON.stringify(doc)), 'asNew');
    expect(r.ok ? [] : r.errors).toEqual([{ field: 'books[0].attachments[0].data', code: 'backup.badValue' }]);
  });

  it('still reads a version 1 file, which has no collections tables', async () => {
    const { api } = start();
    await twoBooks(api);
    const doc = JSON.parse(new TextDecoder().decode((await api.backupAll()).bytes));
    for (const entry of doc.books) for (const t of ['plans', 'promises', 'notices', 'attachments', 'settings']) delete entry[t];
    for (const t of ['plans', 'promises', 'notices', 'attachments']) delete doc.counts[t];
    doc.version = 1;
    doc.checksum = await checksumOf(doc.books);
    const report = must(await api.restoreBackup(bytesOf(JSON.stringify(doc)), 'asNew'));
    expect(report.restored).toHaveLength(2);
  });
});

