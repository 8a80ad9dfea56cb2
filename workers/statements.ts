// Customer statements in the worker: one customer's invoices, payments, allocations
// and adjustments read by their customerId index, turned into the statement for a
// period (src/domain/statement.ts), with the confirmation slip rendered from the
// book's 'confirmation' template, or written out as a CSV file.

import * as Comlink from 'comlink';
import type { CustomerStatement, StatementFile, StatementOptions, StatementSlip, StatementsApi } from '../src/api/statements';
import type { OverdueDb } from '../src/db/schema';
import { ledgerEntries, openBalance, type LedgerEntry } from '../src/domain/balance';
import { addDays, daysBetween, isIsoDate } from '../src/domain/calendar';
import { fail, ok, type FieldError, type Result } from '../src/domain/errors';
import { currencyDigits } from '../src/domain/money';
import { DEFAULT_TEMPLATES, renderNotice, type NoticeData } from '../src/domain/notice-template';
import { buildStatement, type Statement } from '../src/domain/statement';
import type { Adjustment, Allocation, Book, Customer, Id, Invoice, IsoDate, Payment } from '../src/domain/types';
import { writeCsv } from '../src/export/csv';
import { statementFilename, statementRows } from '../src/export/statement';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';
import { LETTERHEAD_KEY, type Letterhead } from './notice-data';
import { TEMPLATES_KEY } from './notices';

/** Days the customer has to return the slip when the caller names no date. */
export const SLIP_REPLY_DAYS = 14;

interface Account {
  book: Book;
  customer: Customer;
  invoices: Invoice[];
  payments: Payment[];
  allocations: Allocation[];
  adjustments: Adjustment[];
}

function digitsOf(currency: string): number {
  try {
    return currencyDigits(currency);
  } catch {
    return 2;
  }
}

/** Both dates well formed and in order; errors name 'from' and 'to'. */
function checkPeriod(from: unknown, to: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const good = (d: unknown): d is IsoDate => typeof d === 'string' && isIsoDate(d);
  if (!good(from)) errors.push({ field: 'from', code: 'date.invalid' });
  if (!good(to)) errors.push({ field: 'to', code: 'date.invalid' });
  if (errors.length === 0 && (from as IsoDate) > (to as IsoDate)) {
    errors.push({ field: 'to', code: 'statement.periodReversed', params: { from: from as IsoDate } });
  }
  return errors;
}

const byDueThenNumber = (a: Invoice, b: Invoice) =>
  (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

export function createStatementsApi(db: OverdueDb, ready: Promise<unknown>): StatementsApi {
  /** The customer's live records, or the reason there are none to read. */
  async function readAccount(bookId: Id, customerId: Id): Promise<Result<Account>> {
    await ready;
    const [book, customer] = await Promise.all([db.books.get(bookId), db.customers.get(customerId)]);
    if (!book || book.deleted === 1) return fail('', 'book.notFound');
    if (!customer || customer.bookId !== bookId || customer.deleted === 1) return fail('', 'customer.notFound');
    const live = <T extends { bookId: Id; deleted: 0 | 1 }>(r: T) => r.bookId === bookId && r.deleted === 0;
    const [invoices, payments, allocations, adjustments] = await Promise.all([
      db.invoices.where('customerId').equals(customerId).filter(live).toArray(),
      db.payments.where('customerId').equals(customerId).filter(live).toArray(),
      db.allocations.where('customerId').equals(customerId).filter(live).toArray(),
      db.adjustments.where('customerId').equals(customerId).filter(live).toArray(),
    ]);
    return ok({ book, customer, invoices, payments, allocations, adjustments });
  }

  function statementOf(account: Account, from: IsoDate, to: IsoDate): Statement {
    return buildStatement({
      from,
      to,
      invoices: account.invoices,
      payments: account.payments,
      adjustments: account.adjustments,
      allocations: account.allocations,
      bounds: account.book.agingBounds,
    });
  }

  /**
   * The confirmation letter's facts: each invoice open as of `to` with its balance, and
   * each payment with a part not yet applied as a negative item, so the letter's total
   * is the statement's closing balance. Nothing is stored and the letter has no number:
   * a numbered, logged confirmation is produced on the notice page.
   */
  async function slipOf(account: Account, to: IsoDate, locale: 'zh-CN' | 'en', replyBy: IsoDate): Promise<StatementSlip> {
    const { book, customer } = account;
    const invoiceIds = new Set(account.invoices.map((i) => i.id));
    const entries = new Map<Id, LedgerEntry[]>();
    for (const e of ledgerEntries(account.allocations, account.adjustments)) {
      const list = entries.get(e.invoiceId);
      if (list) list.push(e);
      else entries.set(e.invoiceId, [e]);
    }
    const items: NoticeData['invoices'] = [];
    for (const inv of [...account.invoices].sort(byDueThenNumber)) {
      const balance = openBalance(inv, entries.get(inv.id) ?? [], to);
      if (balance === 0) continue;
      items.push({
        number: inv.number, issueDate: inv.issueDate, dueDate: inv.dueDate, amount: inv.amount, balance,
        daysOverdue: Math.max(0, daysBetween(inv.dueDate, to)),
      });
    }
    // As in buildStatement: only allocations to this customer's live invoices count as applied.
    const applied = new Map<Id, number>();
    for (const a of account.allocations) {
      if (a.date <= to && invoiceIds.has(a.invoiceId)) applied.set(a.paymentId, (applied.get(a.paymentId) ?? 0) + a.amount);
    }
    const label = (locale === 'en' ? en : zhCN)['statement.slip.unapplied'];
    const payments = account.payments
      .filter((p) => p.date <= to)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    for (const p of payments) {
      const unapplied = p.amount - (applied.get(p.id) ?? 0);
      if (unapplied === 0) continue;
      items.push({
        number: p.reference.trim() === '' ? label : `${label} ${p.reference.trim()}`,
        issueDate: p.date, dueDate: p.date, amount: -p.amount, balance: -unapplied, daysOverdue: 0,
      });
    }

    const [own, head] = await Promise.all([db.settings.get([book.id, TEMPLATES_KEY]), db.settings.get([book.id, LETTERHEAD_KEY])]);
    const templates = own?.value as Partial<Record<string, Partial<Record<string, { subject: string; body: string }>>>> | undefined;
    const template = templates?.[locale]?.confirmation ?? DEFAULT_TEMPLATES[locale].confirmation;
    const letterhead = (head && typeof head.value === 'object' && head.value !== null ? head.value : {}) as Partial<Letterhead>;
    const text = (key: keyof Letterhead) => (letterhead[key] ?? '').trim();
    const rendered = renderNotice(template, {
      creditor: book.name,
      creditorContact: text('creditorContact'),
      debtor: customer.name,
      debtorAddress: customer.contacts.find((c) => c.address)?.address ?? '',
      date: to,
      number: '',
      stage: '',
      currency: book.currency,
      digits: digitsOf(book.currency),
      locale,
      invoices: items,
      charges: [],
      deadline: replyBy,
      paymentDetails: text('paymentDetails'),
      options: text('options'),
      consequences: text('consequences'),
      contact: text('contact') || book.name,
    });
    return { locale, replyBy, subject: rendered.subject, text: rendered.text, blocks: rendered.blocks };
  }

  return {
    async customerStatement(bookId, customerId, from, to, options: StatementOptions = {}) {
      const errors = checkPeriod(from, to);
      const { replyBy } = options;
      if (replyBy !== undefined && !(typeof replyBy === 'string' && isIsoDate(replyBy))) errors.push({ field: 'replyBy', code: 'date.invalid' });
      if (errors.length > 0) return { ok: false, errors };
      const account = await readAccount(bookId, customerId);
      if (!account.ok) return account;
      const { book, customer } = account.value;
      const statement = statementOf(account.value, from, to);
      const locale = options.locale === 'en' || options.locale === 'zh-CN' ? options.locale : book.locale === 'en' ? 'en' : 'zh-CN';
      const confirmation = await slipOf(account.value, to, locale, replyBy ?? addDays(to, SLIP_REPLY_DAYS));
      const result: CustomerStatement = {
        ...statement,
        customerId,
        creditor: book.name,
        debtor: customer.name,
        currency: book.currency,
        bounds: [...book.agingBounds],
        confirmation,
      };
      return ok(result);
    },

    async statementCsv(bookId, customerId, from, to, encoding) {
      const errors = checkPeriod(from, to);
      if (errors.length > 0) return { ok: false, errors };
      const account = await readAccount(bookId, customerId);
      if (!account.ok) return account;
      const { book, customer } = account.value;
      const statement = statementOf(account.value, from, to);
      const rows = statementRows(statement, { creditor: book.name, debtor: customer.name, currency: book.currency }, digitsOf(book.currency));
      const charset = encoding === 'gbk' ? 'gbk' : 'utf-8';
      const encoded = writeCsv(rows, { encoding: charset });
      // A fresh ArrayBuffer of exactly the file's length, so it can be transferred.
      const bytes = encoded.buffer.byteLength === encoded.byteLength ? encoded.buffer as ArrayBuffer : encoded.slice().buffer as ArrayBuffer;
      const file: StatementFile = { filename: statementFilename(book.name, customer.name, from, to), mime: `text/csv;charset=${charset}`, bytes };
      return Comlink.transfer(ok(file), [bytes]);
    },
  };
}
