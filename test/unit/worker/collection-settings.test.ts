// The book's collections settings through the worker API: every refused save names
// its field and leaves the stored settings as they were; saved settings change what
// the queue and the notices say.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';
import type { CollectionSettings } from '../../../src/api/collection-settings';
import { addDays } from '../../../src/domain/calendar';
import { DEFAULT_CHARGE_RULE } from '../../../src/domain/charges';
import type { ChargeRule, Policy } from '../../../src/domain/collections';
import type { FieldError, Result } from '../../../src/domain/errors';
import { DEFAULT_TEMPLATES } from '../../../src/domain/notice-template';
import { DEFAULT_POLICY } from '../../../src/domain/policy';

const BOOK = bookInput('Hengda Trading', { locale: 'en' });
const DUE = '2026-03-31';
const start = workerApis();

async function setUp(api: WorkerApi) {
  const book = must(await api.createBook(BOOK));
  const customer = must(await api.saveCustomer(book.id, {
    name: 'Hangzhou Hengda', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '',
  }));
  must(await api.saveInvoice(book.id, {
    customerId: customer.id, number: 'FP-1', issueDate: '2026-03-01', dueDate: DUE, amount: 10_000, currency: '',
    description: '', disputed: false, disputeReason: '',
  }));
  return { book, customer };
}

/** A fresh, editable copy of the default policy. */
const editable = (): Policy => structuredClone({ ...DEFAULT_POLICY, stages: [...DEFAULT_POLICY.stages], grades: [...DEFAULT_POLICY.grades] });

const errorsOf = <T>(r: Result<T>): FieldError[] => (r.ok ? [] : r.errors);

/** Saves with `run`, expects exactly these refusals, and that no setting changed. */
async function expectRefused<T>(api: WorkerApi, bookId: string, run: () => Promise<Result<T>>, expected: Partial<FieldError>[]) {
  const before: CollectionSettings = await api.collectionSettings(bookId);
  const r = await run();
  expect(r.ok).toBe(false);
  expect(errorsOf(r)).toEqual(expected.map((e) => expect.objectContaining(e)));
  expect(await api.collectionSettings(bookId)).toEqual(before);
}

const stageOn = async (api: WorkerApi, bookId: string, day: string) => (await api.collectionQueue(bookId, day)).rows[0]?.stage.id ?? null;

describe('collection settings: reading', () => {
  it('a new book has the default policy, no charges, empty letterhead texts and only shipped templates', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    const s = await api.collectionSettings(book.id);
    expect(s.policies).toEqual([DEFAULT_POLICY]);
    expect(s.chargeRule).toEqual(DEFAULT_CHARGE_RULE);
    expect(s.letterhead).toEqual({ contact: '', creditorContact: '', paymentDetails: '', options: '', consequences: '' });
    expect(s.templates.own).toEqual({ 'zh-CN': {}, en: {} });
    expect(s.templates.shipped).toEqual(DEFAULT_TEMPLATES);
    // What the page edits is a copy: changing it cannot touch the shared default.
    s.policies[0]!.stages[0]!.offsetDays = -5;
    expect(DEFAULT_POLICY.stages[0]!.offsetDays).toBe(-3);
  });
});

describe('collection settings: policies', () => {
  it('refuses two stages on the same day, at the later stage, and writes nothing', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    const p = editable();
    p.stages[2]!.offsetDays = 1; // 'written' on the same day as 'first'
    await expectRefused(api, book.id, () => api.savePolicies(book.id, [p]), [
      { field: 'policies.0.stages.2.offsetDays', code: 'policy.sameOffset', params: { other: 1 } },
    ]);
  });

  it('refuses stages out of order of their days', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    const p = editable();
    p.stages[3]!.offsetDays = 10; // 'final' before 'written' (15)
    await expectRefused(api, book.id, () => api.savePolicies(book.id, [p]), [
      { field: 'policies.0.stages.3.offsetDays', code: 'policy.order', params: { after: 15 } },
    ]);
  });

  it('keeps exactly one default policy and at most one policy per grade', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    const graded = (id: string, name: string, grades: Policy['grades']): Policy => ({ ...editable(), id, name, grades });
    await expectRefused(api, book.id, () => api.savePolicies(book.id, [graded('a', 'Grade A', ['A'])]), [
      { field: 'policies', code: 'policy.noDefault' },
    ]);
    await expectRefused(api, book.id, () => api.savePolicies(book.id, []), [{ field: 'policies', code: 'policy.noDefault' }]);
    await expectRefused(api, book.id, () => api.savePolicies(book.id, [editable(), graded('other', 'Other', [])]), [
      { field: 'policies.1.grades', code: 'policy.secondDefault' },
    ]);
    await expectRefused(
      api, book.id,
      () => api.savePolicies(book.id, [editable(), graded('a', 'Good payers', ['A', 'B']), graded('b', 'Grade B', ['B'])]),
      [{ field: 'policies.2.grades', code: 'policy.gradeTaken', params: { grade: 'B', other: 'Good payers' } }],
    );
    await expectRefused(api, book.id, () => api.savePolicies(book.id, [editable(), graded('default', 'Grade C', ['C'])]), [
      { field: 'policies.1.id', code: 'policy.duplicateId' },
    ]);
  });

  it('reports every bad field of every policy at once', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    const p = editable();
    p.name = ' ';
    p.stages[0]!.offsetDays = 1.5;
    p.stages[1]!.fee = -100;
    p.stages[2]!.template = null; // a notice stage needs its letter
    const d: Policy = { ...editable(), id: 'd', name: 'Grade D', grades: ['D'] };
    d.stages[4]!.id = 'written';
    await expectRefused(api, book.id, () => api.savePolicies(book.id, [p, d]), [
      { field: 'policies.0.name', code: 'required' },
      { field: 'policies.0.stages.0.offsetDays', code: 'number.invalid' },
      { field: 'policies.0.stages.1.fee', code: 'money.negative' },
      { field: 'policies.0.stages.2.template', code: 'policy.template' },
      { field: 'policies.1.stages.4.id', code: 'policy.duplicateStage', params: { other: 2 } },
    ]);
  });

  it('a saved policy changes the stages of the queue, and per-grade policies are kept', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    expect(await stageOn(api, book.id, addDays(DUE, 10))).toBe('first');
    const p = editable();
    p.stages[2]!.offsetDays = 10; // the written notice 5 days earlier
    p.stages.splice(0, 1); // no courtesy reminder
    // Kept for D customers only: this customer's grade in use (A before the due date, B after) takes the edited default.
    const gradeD: Policy = { ...editable(), id: 'grade-d', name: 'Grade D', grades: ['D'] };
    const saved = must(await api.savePolicies(book.id, [p, gradeD]));
    expect(saved.map((x) => x.grades)).toEqual([[], ['D']]);
    expect((await api.collectionSettings(book.id)).policies).toEqual(saved);
    expect(await stageOn(api, book.id, addDays(DUE, 10))).toBe('written');
    expect(await stageOn(api, book.id, addDays(DUE, -1))).toBe(null);
    const row = (await api.collectionQueue(book.id, addDays(DUE, 10))).rows[0];
    expect([row?.stageNumber, row?.stageCount]).toEqual([2, 7]);
  });

  it('refuses to save for a book that does not exist', async () => {
    const { api } = start();
    await setUp(api);
    expect(errorsOf(await api.savePolicies('no-such-book', [editable()]))).toEqual([{ field: '', code: 'book.notFound' }]);
  });
});

describe('collection settings: charges', () => {
  const request = (customerId: string, date: string) => ({
    customerId, template: 'notice' as const, stageId: 'written', date, deadline: addDays(date, 7), locale: 'en' as const,
  });

  it('refuses a rate, grace or cap out of range on its field and writes nothing', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    const rule: ChargeRule = { ...DEFAULT_CHARGE_RULE, yearlyBp: 100_001, dailyBp: 2.5, graceDays: -1, capBp: -5 };
    await expectRefused(api, book.id, () => api.saveChargeRule(book.id, rule), [
      { field: 'dailyBp', code: 'charge.rate' },
      { field: 'yearlyBp', code: 'charge.rate', params: { min: 0, max: 100_000 } },
      { field: 'graceDays', code: 'charge.grace' },
      { field: 'capBp', code: 'charge.cap' },
    ]);
  });

  it('a saved yearly rate puts the interest with its basis on the notice: 100.00, 15 days, 10 % a year -> 0.41', async () => {
    const { api } = start();
    const { book, customer } = await setUp(api);
    const day = addDays(DUE, 15);
    const before = await api.noticeDraft(book.id, request(customer.id, day));
    expect(before?.total).toBe(10_000);
    expect(before?.blocks.some((b) => b.kind === 'charges')).toBe(false);

    const saved = must(await api.saveChargeRule(book.id, { ...DEFAULT_CHARGE_RULE, yearlyBp: 1000 }));
    expect((await api.collectionSettings(book.id)).chargeRule).toEqual(saved);
    const after = await api.noticeDraft(book.id, request(customer.id, day));
    expect(after?.total).toBe(10_041);
    const charges = after?.blocks.find((b) => b.kind === 'charges');
    expect(charges?.kind === 'charges' ? charges.rows : []).toEqual([['FP-1 interest', '100.00 × 10% a year × 15 days / 365', '0.41']]);

    // Grace days hold it back: 15 days overdue is not past a 15-day grace.
    must(await api.saveChargeRule(book.id, { ...DEFAULT_CHARGE_RULE, yearlyBp: 1000, graceDays: 15 }));
    expect((await api.noticeDraft(book.id, request(customer.id, day)))?.total).toBe(10_000);
  });
});

describe('collection settings: letterhead and templates', () => {
  const request = (customerId: string) => ({
    customerId, template: 'notice' as const, stageId: 'written', date: addDays(DUE, 16), deadline: addDays(DUE, 23), locale: 'en' as const,
  });

  it('refuses an unknown placeholder with its line and column, in subject or body, and writes nothing', async () => {
    const { api } = start();
    const { book } = await setUp(api);
    const body = 'Dear {{debtor}},\nyou owe {{total}} to {{ creditor }}.\nPay by {{dueDay}} please, 您好 {{金额}}';
    await expectRefused(api, book.id, () => api.saveTemplate(book.id, 'en', 'notice', { subject: 'Notice {{nmber}}', body }), [
      { field: 'subject', code: 'template.unknownPlaceholder', params: { line: 1, column: 8, name: 'nmber' } },
      { field: 'body', code: 'template.unknownPlaceholder', params: { line: 3, column: 8, name: 'dueDay' } },
      { field: 'body', code: 'template.unknownPlaceholder', params: { line: 3, column: 30, name: '金额' } },
    ]);
    await expectRefused(api, book.id, () => api.saveTemplate(book.id, 'en', 'notice', { subject: 'Notice', body: 'Pay {{total' }), [
      { field: 'body', code: 'template.syntax', params: { line: 1, column: 5 } },
    ]);
    await expectRefused(api, book.id, () => api.saveTemplate(book.id, 'en', 'notice', { subject: '', body: 'x' }), [
      { field: 'subject', code: 'required' },
    ]);
    await expectRefused(api, book.id, () => api.saveTemplate(book.id, 'fr' as 'en', 'notice', { subject: 'x', body: 'x' }), [
      { field: 'locale', code: 'template.unknown' },
    ]);
    await expectRefused(api, book.id, () => api.saveTemplate(book.id, 'en', 'memo' as 'notice', { subject: 'x', body: 'x' }), [
      { field: 'templateId', code: 'template.unknown' },
    ]);
  });

  it('a saved template is what the notice says; null or the shipped text goes back to the shipped text', async () => {
    const { api } = start();
    const { book, customer } = await setUp(api);
    const own = { subject: 'Overdue: {{number}}', body: 'Dear {{debtor}},\nplease pay {{total}} by {{deadline}}.\n{{creditor}}' };
    must(await api.saveTemplate(book.id, 'en', 'notice', own));
    const s = await api.collectionSettings(book.id);
    expect(s.templates.own).toEqual({ 'zh-CN': {}, en: { notice: own } });
    const draft = await api.noticeDraft(book.id, request(customer.id));
    expect(draft?.subject).toBe('Overdue: N-2026-0001');
    expect(draft?.text).toBe('Dear Hangzhou Hengda,\nplease pay CNY 100.00 by 2026-04-23.\nHengda Trading');
    // The Chinese notice still uses the shipped text.
    expect((await api.noticeDraft(book.id, { ...request(customer.id), locale: 'zh-CN' }))?.text).toContain('催缴');

    must(await api.saveTemplate(book.id, 'en', 'notice', null));
    expect((await api.collectionSettings(book.id)).templates.own).toEqual({ 'zh-CN': {}, en: {} });
    expect((await api.noticeDraft(book.id, request(customer.id)))?.subject).not.toBe('Overdue: N-2026-0001');

    must(await api.saveTemplate(book.id, 'en', 'notice', own));
    must(await api.saveTemplate(book.id, 'en', 'notice', { ...DEFAULT_TEMPLATES.en.notice }));
    expect((await api.collectionSettings(book.id)).templates.own).toEqual({ 'zh-CN': {}, en: {} });
  });

  it('saves the letterhead texts the notices repeat, and refuses one too long', async () => {
    const { api } = start();
    const { book, customer } = await setUp(api);
    const letterhead = { contact: 'Ms Li, 0571-8888 0000', creditorContact: '', paymentDetails: '  Bank of Hangzhou 1234 5678  ', options: '', consequences: '' };
    await expectRefused(api, book.id, () => api.saveLetterhead(book.id, { ...letterhead, options: 'x'.repeat(2_001) }), [
      { field: 'options', code: 'text.tooLong', params: { max: 2_000 } },
    ]);
    const saved = must(await api.saveLetterhead(book.id, letterhead));
    expect(saved.paymentDetails).toBe('Bank of Hangzhou 1234 5678');
    expect((await api.collectionSettings(book.id)).letterhead).toEqual(saved);
    const text = (await api.noticeDraft(book.id, request(customer.id)))?.text ?? '';
    expect(text).toContain('Bank of Hangzhou 1234 5678');
    expect(text).toContain('Ms Li, 0571-8888 0000');
  });
});
