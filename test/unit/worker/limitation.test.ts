// The limitation period (诉讼时效) through the worker API: each kind of record that
// restarts an invoice's period, written the way the app writes it (a delivered
// notice, a promise logged on a call, a payment plan, a part payment, a filing);
// contacts that never reached the debtor change nothing; the 90- and 30-day
// warnings and the queue's warnings list; the period length is the book's setting.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';
import type { BookInput } from '../../../src/api/contract';
import type { ContactInput, NoticeRequest } from '../../../src/api/collections';
import { addDays } from '../../../src/domain/calendar';
import { addYears } from '../../../src/domain/limitation';
import { contactKinds } from '../../../workers/limitation-events';
import type { Channel, Outcome } from '../../../src/domain/types';

const BOOK = bookInput('时效测试');
/** Due 2021-03-31: the period runs from 2021-04-01 and, untouched, ends on 2024-04-01. */
const DUE = '2021-03-31';
const START = '2021-04-01';
const UNTOUCHED_END = '2024-04-01';
const start = workerApis();

async function setUp(api: WorkerApi, input: BookInput = BOOK) {
  const book = must(await api.createBook(input));
  const customer = must(await api.saveCustomer(book.id, {
    name: '苏州明远机械有限公司', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '',
  }));
  const invoice = await addInvoice(api, book.id, customer.id, 'FP-1', DUE);
  return { book, customer, invoice };
}

async function addInvoice(api: WorkerApi, bookId: string, customerId: string, number: string, dueDate: string, opts: { amount?: number; disputed?: boolean } = {}) {
  return must(await api.saveInvoice(bookId, {
    customerId, number, issueDate: addDays(dueDate, -30), dueDate, amount: opts.amount ?? 100_000, currency: '',
    description: '', disputed: opts.disputed ?? false, disputeReason: opts.disputed ? '质量问题' : '',
  }));
}

function contact(customerId: string, invoiceId: string | null, date: string, channel: Channel, outcome: Outcome): ContactInput {
  return { customerId, invoiceId, date, channel, stage: '', outcome, note: '', nextActionDate: null };
}

describe('one invoice’s limitation period', () => {
  it('runs from the day after the due date for the book’s years when nothing restarted it', async () => {
    const { api } = start();
    const { book, invoice } = await setUp(api);
    const period = await api.invoiceLimitation(book.id, invoice.id, '2022-06-01');
    expect(period).toEqual({ start: START, lastEvent: null, endsOn: UNTOUCHED_END, warning: null, years: 3 });
    expect(await api.invoiceLimitation(book.id, 'no-such-invoice', '2022-06-01')).toBeNull();
  });

  it('restarts from a notice once it is marked delivered, not when it is produced', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const second = await addInvoice(api, book.id, customer.id, 'FP-2', '2021-09-30');
    const request: NoticeRequest = {
      customerId: customer.id, template: 'notice', stageId: 'written', date: '2022-05-10', deadline: '2022-05-20', locale: 'zh-CN',
    };
    const notice = must(await api.issueNotice(book.id, request));
    expect(new Set(notice.invoiceIds)).toEqual(new Set([invoice.id, second.id]));
    expect((await api.invoiceLimitation(book.id, invoice.id, '2022-06-01'))?.lastEvent).toBeNull();

    must(await api.markNoticeDelivered(book.id, notice.id, '2022-05-13'));
    // Every invoice the notice lists was demanded.
    for (const id of [invoice.id, second.id]) {
      const period = await api.invoiceLimitation(book.id, id, '2022-06-01');
      expect(period?.lastEvent).toEqual({ kind: 'demand', date: '2022-05-13' });
      expect(period?.endsOn).toBe('2025-05-13');
    }
    // As of a day before the delivery the notice had not reached anyone yet.
    expect((await api.invoiceLimitation(book.id, invoice.id, '2022-05-12'))?.endsOn).toBe(UNTOUCHED_END);
  });

  it('restarts from a promise to pay logged on a call', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const second = await addInvoice(api, book.id, customer.id, 'FP-2', '2021-09-30');
    must(await api.logContact(book.id, {
      ...contact(customer.id, invoice.id, '2022-08-08', 'phone', 'promised'),
      promise: { amount: 150_000, date: '2022-09-30', invoiceIds: [invoice.id, second.id], graceDays: 0 },
    }));
    // The call reached the debtor (a demand) and the debtor agreed to pay: the same day, the promise is named;
    // the promise covers the second invoice too, though the call was logged against the first.
    for (const id of [invoice.id, second.id]) {
      const period = await api.invoiceLimitation(book.id, id, '2022-10-01');
      expect(period?.lastEvent).toEqual({ kind: 'promise', date: '2022-08-08' });
      expect(period?.endsOn).toBe('2025-08-08');
    }
  });

  it('restarts from a payment plan on the day it was agreed', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    must(await api.savePlan(book.id, {
      customerId: customer.id, invoiceIds: [invoice.id], madeOn: '2023-02-14', graceDays: 0, note: '',
      instalments: [{ date: '2023-03-14', amount: 50_000 }, { date: '2023-04-14', amount: 50_000 }],
    }));
    const period = await api.invoiceLimitation(book.id, invoice.id, '2023-03-01');
    expect(period?.lastEvent).toEqual({ kind: 'plan', date: '2023-02-14' });
    expect(period?.endsOn).toBe('2026-02-14');
  });

  it('restarts from a part payment, and a payment before the due date changes nothing', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    must(await api.recordPayment(book.id, { customerId: customer.id, date: addDays(DUE, -5), amount: 10_000, method: 'bank', reference: '', allocation: 'auto' }));
    expect((await api.invoiceLimitation(book.id, invoice.id, '2022-01-01'))?.endsOn).toBe(UNTOUCHED_END);
    must(await api.recordPayment(book.id, { customerId: customer.id, date: '2022-11-30', amount: 30_000, method: 'bank', reference: '', allocation: 'auto' }));
    const period = await api.invoiceLimitation(book.id, invoice.id, '2023-01-01');
    expect(period?.lastEvent).toEqual({ kind: 'payment', date: '2022-11-30' });
    expect(period?.endsOn).toBe('2025-11-30');
  });

  it('restarts from a filing (a litigation contact that went through)', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    must(await api.logContact(book.id, { ...contact(customer.id, invoice.id, '2024-01-15', 'litigation', 'reached'), stage: 'litigation' }));
    const period = await api.invoiceLimitation(book.id, invoice.id, '2024-02-01');
    expect(period?.lastEvent).toEqual({ kind: 'filing', date: '2024-01-15' });
    expect(period?.endsOn).toBe('2027-01-15');
  });

  it('takes no restart from a contact that never reached the debtor, and a contact about the customer counts for each invoice', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const second = await addInvoice(api, book.id, customer.id, 'FP-2', '2021-06-30');
    for (const outcome of ['noAnswer', 'note', 'skipped'] as const) {
      must(await api.logContact(book.id, { ...contact(customer.id, invoice.id, '2022-03-01', 'phone', outcome), note: '无人接听' }));
    }
    expect((await api.invoiceLimitation(book.id, invoice.id, '2022-04-01'))?.lastEvent).toBeNull();

    // Refused to pay, but the demand got there: a demand, for both invoices (the contact names none).
    must(await api.logContact(book.id, contact(customer.id, null, '2022-04-06', 'wechat', 'refused')));
    for (const id of [invoice.id, second.id]) {
      const period = await api.invoiceLimitation(book.id, id, '2022-05-01');
      expect(period?.lastEvent).toEqual({ kind: 'demand', date: '2022-04-06' });
      expect(period?.endsOn).toBe('2025-04-06');
    }
    // A contact about one invoice leaves the other alone.
    must(await api.logContact(book.id, contact(customer.id, second.id, '2022-09-09', 'email', 'reached')));
    expect((await api.invoiceLimitation(book.id, invoice.id, '2022-10-01'))?.endsOn).toBe('2025-04-06');
    expect((await api.invoiceLimitation(book.id, second.id, '2022-10-01'))?.endsOn).toBe('2025-09-09');
  });

  it('takes the latest of several restarts, and nothing after the as-of day', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    must(await api.logContact(book.id, contact(customer.id, invoice.id, '2022-01-10', 'letter', 'reached')));
    must(await api.recordPayment(book.id, { customerId: customer.id, date: '2023-06-20', amount: 1_000, method: 'bank', reference: '', allocation: 'auto' }));
    expect((await api.invoiceLimitation(book.id, invoice.id, '2023-06-19'))?.lastEvent).toEqual({ kind: 'demand', date: '2022-01-10' });
    expect((await api.invoiceLimitation(book.id, invoice.id, '2023-06-20'))).toMatchObject({
      lastEvent: { kind: 'payment', date: '2023-06-20' }, endsOn: '2026-06-20',
    });
  });

  it('warns 90 and 30 days ahead and once the period has ended; no warning once nothing is left to claim', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const warningOn = async (day: string) => (await api.invoiceLimitation(book.id, invoice.id, day))?.warning ?? null;
    expect(await warningOn(addDays(UNTOUCHED_END, -91))).toBeNull();
    expect(await warningOn(addDays(UNTOUCHED_END, -90))).toBe('days90');
    expect(await warningOn(addDays(UNTOUCHED_END, -31))).toBe('days90');
    expect(await warningOn(addDays(UNTOUCHED_END, -30))).toBe('days30');
    expect(await warningOn(UNTOUCHED_END)).toBe('days30');
    expect(await warningOn(addDays(UNTOUCHED_END, 1))).toBe('expired');

    must(await api.recordPayment(book.id, { customerId: customer.id, date: '2024-05-01', amount: 100_000, method: 'bank', reference: '', allocation: 'auto' }));
    expect(await warningOn('2024-05-01')).toBeNull();
    expect(await warningOn('2024-04-30')).toBe('expired');
  });

  it('follows the book’s period length', async () => {
    const { api } = start();
    const { book, invoice } = await setUp(api);
    must(await api.updateBook(book.id, { ...BOOK, limitationYears: 5 }));
    expect(await api.invoiceLimitation(book.id, invoice.id, '2022-01-01')).toMatchObject({ endsOn: addYears(START, 5), years: 5 });
    must(await api.updateBook(book.id, { ...BOOK, limitationYears: 1 }));
    expect(await api.invoiceLimitation(book.id, invoice.id, '2022-01-01')).toMatchObject({ endsOn: '2022-04-01', warning: 'days90', years: 1 });
  });
});

describe('limitation warnings list', () => {
  it('lists open invoices ending within 90 days or ended, running ones soonest first, then ended ones', async () => {
    const { api } = start();
    const { book, customer, invoice } = await setUp(api);
    const other = must(await api.saveCustomer(book.id, {
      name: '无锡华晟电子有限公司', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '',
    }));
    const asOf = '2024-03-01';
    // FP-1 ends 2024-04-01 (31 days left, days90).
    const soon = await addInvoice(api, book.id, other.id, 'WX-1', '2021-03-10'); // ends 2024-03-11: days30
    const disputed = await addInvoice(api, book.id, other.id, 'WX-2', '2021-02-27', { disputed: true }); // ended 2024-02-28
    const older = await addInvoice(api, book.id, customer.id, 'FP-0', '2020-12-31'); // ended 2024-01-01
    await addInvoice(api, book.id, customer.id, 'FP-3', '2021-06-30'); // ends 2024-07-01: 122 days, no warning
    const paid = await addInvoice(api, book.id, other.id, 'WX-3', '2021-03-01');
    must(await api.recordPayment(book.id, { customerId: other.id, date: '2021-02-01', amount: 100_000, method: 'bank', reference: '', allocation: [{ invoiceId: paid.id, amount: 100_000 }] }));
    // Issued after the as-of day: not there yet.
    await addInvoice(api, book.id, other.id, 'WX-4', addDays(asOf, 40));

    const list = await api.limitationWarnings(book.id, asOf);
    expect(list.rows.map((r) => [r.number, r.warning, r.endsOn])).toEqual([
      ['WX-1', 'days30', '2024-03-11'],
      ['FP-1', 'days90', '2024-04-01'],
      ['WX-2', 'expired', '2024-02-28'],
      ['FP-0', 'expired', '2024-01-01'],
    ]);
    expect(list.total).toBe(4);
    expect(list.counts).toEqual({ expired: 2, days30: 1, days90: 1 });
    expect(list.rows[0]).toMatchObject({
      invoiceId: soon.id, customerId: other.id, customerName: '无锡华晟电子有限公司', dueDate: '2021-03-10', balance: 100_000, lastEvent: null,
    });
    expect(list.rows.map((r) => r.invoiceId)).toEqual([soon.id, invoice.id, disputed.id, older.id]);

    // A part payment on FP-1 restarts it and takes it off the list; the rest is still owed.
    must(await api.recordPayment(book.id, { customerId: customer.id, date: '2024-02-20', amount: 1_000, method: 'bank', reference: '', allocation: [{ invoiceId: invoice.id, amount: 1_000 }] }));
    const after = await api.limitationWarnings(book.id, asOf);
    expect(after.rows.map((r) => r.number)).toEqual(['WX-1', 'WX-2', 'FP-0']);
    expect((await api.invoiceLimitation(book.id, invoice.id, asOf))?.lastEvent).toEqual({ kind: 'payment', date: '2024-02-20' });

    // Capped rows, the full count.
    const capped = await api.limitationWarnings(book.id, asOf, 2);
    expect([capped.rows.map((r) => r.number), capped.total]).toEqual([['WX-1', 'WX-2'], 3]);
  });

  it('lists an invoice from exactly 90 days before its end, for any period length', async () => {
    const { api } = start();
    const { book, customer } = await setUp(api);
    // Due 2020-02-28: the period runs from 2020-02-29, the tightest year there is (a 1-year period is 365 days).
    const invoice = await addInvoice(api, book.id, customer.id, 'LEAP-1', '2020-02-28');
    for (const years of [1, 2, 3, 4, 10]) {
      must(await api.updateBook(book.id, { ...BOOK, limitationYears: years }));
      const endsOn = addYears('2020-02-29', years);
      const listed = async (day: string) => (await api.limitationWarnings(book.id, day)).rows.some((r) => r.invoiceId === invoice.id);
      expect([years, await listed(addDays(endsOn, -91)), await listed(addDays(endsOn, -90))]).toEqual([years, false, true]);
      expect((await api.invoiceLimitation(book.id, invoice.id, addDays(endsOn, -90)))?.endsOn).toBe(endsOn);
    }
  });

  it('agrees with each invoice’s own period, whatever the events', async () => {
    const { api } = start();
    const { book, customer } = await setUp(api);
    const ids: string[] = [];
    for (let k = 0; k < 6; k++) ids.push((await addInvoice(api, book.id, customer.id, `G-${k}`, addDays('2020-06-30', k * 45))).id);
    must(await api.logContact(book.id, contact(customer.id, ids[1] ?? null, '2021-02-01', 'visit', 'reached')));
    must(await api.logContact(book.id, contact(customer.id, null, '2020-12-01', 'sms', 'disputed')));
    must(await api.savePlan(book.id, {
      customerId: customer.id, invoiceIds: [ids[3] ?? ''], madeOn: '2021-03-01', graceDays: 0, note: '',
      instalments: [{ date: '2021-04-01', amount: 100_000 }],
    }));
    for (const asOf of ['2023-05-01', '2023-10-01', '2024-02-01']) {
      const list = await api.limitationWarnings(book.id, asOf);
      for (const row of list.rows) {
        const own = await api.invoiceLimitation(book.id, row.invoiceId, asOf);
        expect([own?.endsOn, own?.warning, own?.lastEvent]).toEqual([row.endsOn, row.warning, row.lastEvent]);
      }
      for (const id of ids.filter((id) => !list.rows.some((r) => r.invoiceId === id))) {
        expect((await api.invoiceLimitation(book.id, id, asOf))?.warning).toBeNull();
      }
    }
  });
});

describe('which contacts restart the period', () => {
  it('counts a contact that reached the debtor as a demand (a filing on the litigation channel) and a promise as agreement', () => {
    expect(contactKinds({ channel: 'phone', outcome: 'reached' })).toEqual(['demand']);
    expect(contactKinds({ channel: 'letter', outcome: 'refused' })).toEqual(['demand']);
    expect(contactKinds({ channel: 'visit', outcome: 'disputed' })).toEqual(['demand']);
    expect(contactKinds({ channel: 'wechat', outcome: 'promised' })).toEqual(['demand', 'promise']);
    expect(contactKinds({ channel: 'litigation', outcome: 'reached' })).toEqual(['filing']);
    for (const outcome of ['noAnswer', 'note', 'skipped', 'snoozed', 'paid'] as const) {
      expect(contactKinds({ channel: 'lawyer', outcome })).toEqual([]);
    }
  });
});
