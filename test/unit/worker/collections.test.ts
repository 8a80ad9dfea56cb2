// The collections workflow through the worker API: an invoice walks through the
// default policy day by day, contacts move it on, a promise pauses it, a broken
// promise brings it back at the next stage, a payment ends it; disputed
// invoices are never chased; bad input changes nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';
import type { ContactInput } from '../../../src/api/collections';
import { addDays } from '../../../src/domain/calendar';
import { ATTACHMENT_MAX_BYTES } from '../../../src/domain/collections';

const BOOK = bookInput('催收测试');
const DUE = '2026-03-31';
const start = workerApis();

async function setUp(api: WorkerApi) {
  const book = must(await api.createBook(BOOK));
  const customer = must(await api.saveCustomer(book.id, {
    name: '杭州恒达贸易有限公司', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '',
  }));
  const invoice = must(await api.saveInvoice(book.id, {
    customerId: customer.id, number: 'FP-1', issueDate: '2026-03-01', dueDate: DUE, amount: 100_000, currency: '',
    description: '', disputed: false, disputeReason: '',
  }));
  return { book, customer, invoice };
}

const stageOn = async (api: WorkerApi, bookId: string, day: string) => (await api.collectionQueue(bookId, day)).rows[0]?.stage.id ?? null;

describe('collections queue', () => {
  it('shows the stage due each day of the default policy, and a logged stage moves it on', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    expect(await stageOn(api, book.id, addDays(DUE, -4))).toBe(null);
    expect(await stageOn(api, book.id, addDays(DUE, -3))).toBe('courtesy');
    expect(await stageOn(api, book.id, DUE)).toBe('courtesy');
    expect(await stageOn(api, book.id, addDays(DUE, 1))).toBe('first');
    expect(await stageOn(api, book.id, addDays(DUE, 15))).toBe('written');

    const row = (await api.collectionQueue(book.id, addDays(DUE, 16))).rows[0];
    expect(row).toMatchObject({ customerId: customer.id, driverInvoiceId: invoice.id, daysLate: 1, overdueTotal: 100_000, oldestDaysOverdue: 16 });

    const contact: ContactInput = {
      customerId: customer.id, invoiceId: invoice.id, date: addDays(DUE, 16), channel: 'letter', stage: 'written',
      outcome: 'reached', note: '', nextActionDate: null,
    };
    must(await api.logContact(book.id, contact));
    expect(await stageOn(api, book.id, addDays(DUE, 16))).toBe(null);
    expect(await stageOn(api, book.id, addDays(DUE, 30))).toBe('final');
    // Undo takes the contact back, and the stage is due again.
    expect(must(await api.undo(book.id)).action).toBe('contact.log');
    expect(await stageOn(api, book.id, addDays(DUE, 16))).toBe('written');
  });

  it('pauses for a promise, resumes at the next stage when it is broken, and a payment ends it', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const day = addDays(DUE, 2);
    must(await api.logContact(book.id, {
      customerId: customer.id, invoiceId: invoice.id, date: day, channel: 'phone', stage: 'first', outcome: 'promised',
      note: '月底前付清', nextActionDate: null, promise: { amount: 100_000, date: addDays(DUE, 20), invoiceIds: [invoice.id], graceDays: 0 },
    }));
    // Paused through the promised day, even past the written-notice offset (15).
    const paused = await api.collectionQueue(book.id, addDays(DUE, 20));
    expect(paused.rows).toEqual([]);
    expect(paused.paused).toBe(1);
    const c = await api.customerCollections(book.id, customer.id, addDays(DUE, 20));
    expect(c?.pausedBy).toBe('promise');
    expect(c?.promises.map((p) => p.state)).toEqual(['pending']);
    // Broken the day after: back at the stage after 'first', at once.
    expect(await stageOn(api, book.id, addDays(DUE, 21))).toBe('written');
    expect((await api.customerCollections(book.id, customer.id, addDays(DUE, 21)))?.promises.map((p) => p.state)).toEqual(['broken']);

    must(await api.recordPayment(book.id, { customerId: customer.id, date: addDays(DUE, 22), amount: 100_000, method: 'bank', reference: '', allocation: 'auto' }));
    expect(await stageOn(api, book.id, addDays(DUE, 22))).toBe(null);
  });

  it('counts a promise kept when the payment arrives by the date', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    must(await api.logContact(book.id, {
      customerId: customer.id, invoiceId: invoice.id, date: addDays(DUE, 1), channel: 'phone', stage: 'first', outcome: 'promised',
      note: '', nextActionDate: null, promise: { amount: 40_000, date: addDays(DUE, 10), invoiceIds: [invoice.id], graceDays: 0 },
    }));
    must(await api.recordPayment(book.id, { customerId: customer.id, date: addDays(DUE, 9), amount: 40_000, method: 'bank', reference: '', allocation: 'auto' }));
    const c = await api.customerCollections(book.id, customer.id, addDays(DUE, 30));
    expect(c?.promises.map((p) => [p.state, p.paid])).toEqual([['kept', 40_000]]);
    // The rest is still chased: the final demand is due at 30.
    expect(c?.next?.stage.id).toBe('final');
    expect(c?.next?.overdueTotal).toBe(60_000);
  });

  it('never chases a disputed invoice, and snooze hides the customer until the date', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    must(await api.logContact(book.id, {
      customerId: customer.id, invoiceId: null, date: addDays(DUE, 5), channel: 'phone', stage: '', outcome: 'snoozed',
      note: '出差', nextActionDate: addDays(DUE, 10),
    }));
    expect(await stageOn(api, book.id, addDays(DUE, 9))).toBe(null);
    expect(await stageOn(api, book.id, addDays(DUE, 10))).toBe('first');
    must(await api.saveInvoice(book.id, {
      customerId: customer.id, number: 'FP-1', issueDate: '2026-03-01', dueDate: DUE, amount: 100_000, currency: '',
      description: '', disputed: true, disputeReason: '数量不符',
    }, invoice.id));
    expect(await stageOn(api, book.id, addDays(DUE, 10))).toBe(null);
  });

  it('charges a stage fee and suspends service when the stage says so', async () => {
    const { api, db } = start();
    const { book, customer, invoice } = await setUp(api);
    const { DEFAULT_POLICY } = await import('../../../src/domain/policy');
    const policy = { ...DEFAULT_POLICY, stages: DEFAULT_POLICY.stages.map((s) => (s.id === 'suspend' ? { ...s, fee: 5_000 } : s)) };
    await db.settings.put({ bookId: book.id, key: 'collections.policies', value: [policy] });
    const r = must(await api.logContact(book.id, {
      customerId: customer.id, invoiceId: invoice.id, date: addDays(DUE, 60), channel: 'phone', stage: 'suspend',
      outcome: 'reached', note: '', nextActionDate: null,
    }));
    expect([r.feeCharged, r.suspended]).toEqual([5_000, true]);
    const c = await api.customerCollections(book.id, customer.id, addDays(DUE, 60));
    expect(c?.suspended).toBe(true);
    expect((await api.invoiceDetail(book.id, invoice.id, addDays(DUE, 60)))?.balance).toBe(105_000);
    const row = (await api.collectionQueue(book.id, addDays(DUE, 90))).rows[0];
    expect([row?.stage.id, row?.suspended]).toEqual(['lawyer', true]);
    // Shown wherever the customer appears.
    expect((await api.listCustomers(book.id, { asOf: addDays(DUE, 90), offset: 0, limit: 5 })).rows[0]?.suspended).toBe(true);
    expect((await api.listInvoices(book.id, { asOf: addDays(DUE, 90), offset: 0, limit: 5 })).rows[0]?.customerSuspended).toBe(true);
    // Resumed by hand, with no reason needed; suspending by hand needs one.
    const noReason = await api.setSuspended(book.id, customer.id, true, '');
    expect(noReason.ok ? null : noReason.errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    must(await api.setSuspended(book.id, customer.id, false, ''));
    expect((await api.listCustomers(book.id, { asOf: addDays(DUE, 90), offset: 0, limit: 5 })).rows[0]?.suspended).toBe(false);
  });

  it('refuses bad contacts at their field and writes nothing', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const base: ContactInput = {
      customerId: customer.id, invoiceId: invoice.id, date: addDays(DUE, 2), channel: 'phone', stage: 'first',
      outcome: 'reached', note: '', nextActionDate: null,
    };
    const before = await api.recentChanges(book.id, 50);
    const fields = async (input: ContactInput) => {
      const r = await api.logContact(book.id, input);
      return r.ok ? [] : r.errors.map((e) => [e.field, e.code]);
    };
    expect(await fields({ ...base, outcome: 'skipped' })).toEqual([['note', 'required']]);
    expect(await fields({ ...base, outcome: 'snoozed', nextActionDate: base.date })).toEqual([['nextActionDate', 'date.outOfRange']]);
    expect(await fields({ ...base, outcome: 'promised', promise: { amount: 100_001, date: addDays(DUE, 9), invoiceIds: [invoice.id], graceDays: 0 } }))
      .toEqual([['promise.amount', 'promise.exceedsBalance']]);
    expect(await fields({ ...base, outcome: 'promised', promise: { amount: 100, date: '2026-02-01', invoiceIds: [invoice.id], graceDays: 0 } }))
      .toEqual([['promise.date', 'promise.dateBefore']]);
    expect(await fields({ ...base, date: '2026-02-30' })).toEqual([['date', 'date.invalid']]);
    expect(await api.recentChanges(book.id, 50)).toEqual(before);
  });

  it('keeps a payment plan current while instalments are met and reports a sum that does not add up', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const bad = await api.savePlan(book.id, {
      customerId: customer.id, invoiceIds: [invoice.id], madeOn: addDays(DUE, 5), graceDays: 0, note: '',
      instalments: [{ date: addDays(DUE, 30), amount: 50_000 }, { date: addDays(DUE, 20), amount: 50_000 }],
    });
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toContain('plan.order');
    const short = await api.savePlan(book.id, {
      customerId: customer.id, invoiceIds: [invoice.id], madeOn: addDays(DUE, 5), graceDays: 0, note: '',
      instalments: [{ date: addDays(DUE, 20), amount: 50_000 }, { date: addDays(DUE, 50), amount: 40_000 }],
    });
    expect(short.ok ? [] : short.errors.map((e) => [e.field, e.code])).toEqual([['instalments', 'plan.sum']]);
    must(await api.savePlan(book.id, {
      customerId: customer.id, invoiceIds: [invoice.id], madeOn: addDays(DUE, 5), graceDays: 0, note: '分两期',
      instalments: [{ date: addDays(DUE, 20), amount: 50_000 }, { date: addDays(DUE, 50), amount: 50_000 }],
    }));
    must(await api.recordPayment(book.id, { customerId: customer.id, date: addDays(DUE, 19), amount: 50_000, method: 'bank', reference: '', allocation: 'auto' }));
    const mid = await api.customerCollections(book.id, customer.id, addDays(DUE, 40));
    expect(mid?.plans.map((p) => [p.state, p.schedule.map((i) => i.state)])).toEqual([['current', ['kept', 'pending']]]);
    expect(mid?.next).toBe(null);
    expect(mid?.pausedBy).toBe('plan');
    const late = await api.customerCollections(book.id, customer.id, addDays(DUE, 51));
    expect(late?.plans[0]?.state).toBe('broken');
    expect(late?.next).not.toBe(null);
  });
});

describe('notices', () => {
  it('drafts without storing, produces numbered notices with their exact text, logs the stage and records delivery', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const day = addDays(DUE, 16);
    const request = { customerId: customer.id, template: 'notice' as const, stageId: 'written', date: day, deadline: addDays(day, 7), locale: 'zh-CN' as const };
    const draft = await api.noticeDraft(book.id, request);
    expect(draft?.number).toBe('N-2026-0001');
    expect(draft?.text).toContain('FP-1');
    expect(draft?.text).toContain('壹仟元整');
    expect(draft?.total).toBe(100_000);
    expect(draft?.blocks.some((b) => b.kind === 'invoices')).toBe(true);
    expect((await api.customerCollections(book.id, customer.id, day))?.notices).toEqual([]);

    const notice = must(await api.issueNotice(book.id, request));
    expect(notice).toMatchObject({ number: 'N-2026-0001', stageId: 'written', deliveredOn: null, invoiceIds: [invoice.id] });
    expect(notice.text).toBe(draft?.text);
    // Producing the written notice does the stage.
    expect(await stageOn(api, book.id, day)).toBe(null);
    expect(must(await api.issueNotice(book.id, { ...request, template: 'final', stageId: 'final', date: addDays(DUE, 30) })).number).toBe('N-2026-0002');

    const bad = await api.markNoticeDelivered(book.id, notice.id, addDays(day, -1));
    expect(bad.ok ? null : bad.errors[0]).toMatchObject({ field: 'date', code: 'date.outOfRange' });
    expect(must(await api.markNoticeDelivered(book.id, notice.id, addDays(day, 2))).deliveredOn).toBe(addDays(day, 2));
    const stored = await api.getNotice(book.id, notice.id);
    expect(stored).toMatchObject({ deliveredOn: addDays(day, 2), customerName: '杭州恒达贸易有限公司', text: notice.text });
    const c = await api.customerCollections(book.id, customer.id, addDays(DUE, 40));
    expect(c?.notices.map((n) => n.number)).toEqual(['N-2026-0002', 'N-2026-0001']);
  });

  it('refuses a notice when nothing is overdue and writes nothing', async () => {
    const { api } = start();
    const { book, customer } = await setUp(api);
    const before = await api.recentChanges(book.id, 50);
    const r = await api.issueNotice(book.id, { customerId: customer.id, template: 'notice', stageId: 'written', date: '2026-03-10', deadline: '2026-03-17', locale: 'en' });
    expect(r.ok ? null : r.errors[0]?.code).toBe('notice.nothingDue');
    expect(await api.recentChanges(book.id, 50)).toEqual(before);
  });
});

describe('proof of delivery', () => {
  it('stores a photo with its contact, refuses other files and files over the limit, and writes nothing then', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const base: ContactInput = {
      customerId: customer.id, invoiceId: invoice.id, date: addDays(DUE, 16), channel: 'letter', stage: 'written',
      outcome: 'reached', note: '快递签收', nextActionDate: null,
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).buffer;
    const before = await api.recentChanges(book.id, 50);
    const big = await api.logContact(book.id, { ...base, attachment: { name: 'scan.pdf', type: 'application/pdf', bytes: new ArrayBuffer(ATTACHMENT_MAX_BYTES + 1) } });
    expect(big.ok ? null : big.errors[0]).toEqual({ field: 'attachment', code: 'attachment.tooLarge', params: { size: ATTACHMENT_MAX_BYTES + 1, max: ATTACHMENT_MAX_BYTES } });
    const text = await api.logContact(book.id, { ...base, attachment: { name: 'notes.txt', type: 'text/plain', bytes: png } });
    expect(text.ok ? null : text.errors[0]).toEqual({ field: 'attachment', code: 'attachment.type', params: { name: 'notes.txt' } });
    expect(await api.recentChanges(book.id, 50)).toEqual(before);

    const logged = must(await api.logContact(book.id, { ...base, attachment: { name: '签收单.png', type: 'image/png', bytes: png } }));
    const c = await api.customerCollections(book.id, customer.id, addDays(DUE, 16));
    expect(c?.attachments).toEqual([{ id: expect.any(String), activityId: logged.activity.id, name: '签收单.png', type: 'image/png', size: 7 }]);
    const file = await api.attachmentFile(book.id, c?.attachments[0]?.id ?? '');
    expect(new Uint8Array(file?.bytes ?? new ArrayBuffer(0))).toEqual(new Uint8Array(png));
    // Undo takes the contact and its file back together.
    must(await api.undo(book.id));
    expect((await api.customerCollections(book.id, customer.id, addDays(DUE, 16)))?.attachments).toEqual([]);
  });
});
