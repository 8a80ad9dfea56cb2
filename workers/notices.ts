// Notices in the worker: a draft rendered on request (nothing stored), the
// notice produced under its number with its exact text, one notice for the
// print view, and its delivery.

import type { CollectionsApi, NoticeDraft, NoticeRequest } from '../src/api/collections';
import type { Repository } from '../src/db/repository';
import type { OverdueDb } from '../src/db/schema';
import { nextNoticeNumber } from '../src/db/write-collections';
import { fail, type Result } from '../src/domain/errors';
import { DEFAULT_TEMPLATES, renderNotice } from '../src/domain/notice-template';
import type { Channel, Id } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import { bookPolicies } from './policies';
import { gatherNotice } from './notice-data';

/** Book setting with the book's own wording of a template, per language. */
export const TEMPLATES_KEY = 'collections.templates';

type NoticeMethods = Pick<CollectionsApi, 'noticeDraft' | 'issueNotice' | 'getNotice' | 'markNoticeDelivered'>;

export function createNoticeApi(
  db: OverdueDb,
  write: <T>(run: (repo: Repository) => Promise<Result<T>>) => Promise<Result<T>>,
  ledgerOf: (bookId: Id) => Promise<Ledger>,
): NoticeMethods {
  async function templateOf(bookId: Id, request: NoticeRequest): Promise<{ subject: string; body: string }> {
    const own = (await db.settings.get([bookId, TEMPLATES_KEY]))?.value as
      Partial<Record<string, Partial<Record<string, { subject: string; body: string }>>>> | undefined;
    return own?.[request.locale]?.[request.template] ?? DEFAULT_TEMPLATES[request.locale][request.template];
  }

  /**
   * Reads everything the notice states (outside any write, which could not see the
   * settings table) and returns a renderer for a number, or null when nothing is overdue.
   */
  async function prepare(bookId: Id, request: NoticeRequest): Promise<((number: string) => NoticeDraft) | null> {
    const [book, customer, ledger] = await Promise.all([db.books.get(bookId), db.customers.get(request.customerId), ledgerOf(bookId)]);
    if (!book || book.deleted === 1 || !customer || customer.bookId !== bookId || customer.deleted === 1) return null;
    const gathered = await gatherNotice(db, ledger, book, customer, request, '');
    if (!gathered) return null;
    const template = await templateOf(bookId, request);
    return (number) => {
      const { subject, text, blocks } = renderNotice(template, { ...gathered.data, number });
      return { number, subject, text, blocks, invoiceIds: gathered.invoiceIds, total: gathered.total, email: gathered.email };
    };
  }

  return {
    async noticeDraft(bookId, request) {
      const render = await prepare(bookId, request);
      return render ? render(await nextNoticeNumber(db, bookId, request.date)) : null;
    },

    async issueNotice(bookId, request) {
      const stage = (await bookPolicies(db, bookId)).flatMap((p) => p.stages).find((s) => s.id === request.stageId);
      const channel: Channel = stage?.channel ?? 'letter';
      const render = await prepare(bookId, request);
      if (!render) return fail('', 'notice.nothingDue');
      // Rendered inside the write's transaction, under the number it takes there.
      return write((repo) => repo.issueNotice(bookId, { ...request, channel }, (number) => {
        const draft = render(number);
        return { subject: draft.subject, text: draft.text, blocks: draft.blocks, invoiceIds: draft.invoiceIds, total: draft.total };
      }));
    },

    async getNotice(bookId, noticeId) {
      const notice = await db.notices.get(noticeId);
      if (!notice || notice.bookId !== bookId || notice.deleted === 1) return null;
      const customer = await db.customers.get(notice.customerId);
      return { ...notice, customerName: customer?.name ?? '', email: customer?.contacts.find((c) => c.email)?.email ?? '' };
    },

    markNoticeDelivered(bookId, noticeId, date) {
      if (typeof date !== 'string') return Promise.resolve(fail('date', 'date.invalid'));
      return write((repo) => repo.markNoticeDelivered(bookId, noticeId, date));
    },
  };
}
