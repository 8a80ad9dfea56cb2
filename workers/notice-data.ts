// Everything a notice states, gathered for one customer on a date: the book as
// creditor, the customer's overdue undisputed invoices with their balances, the
// charges the book's rule accrues on them, and the letterhead texts (payment
// details, options, consequences, contact) kept as book settings.

import type { NoticeRequest } from '../src/api/collections';
import type { OverdueDb } from '../src/db/schema';
import { accruedCharges, describeBasis, DEFAULT_CHARGE_RULE, type ChargeLine } from '../src/domain/charges';
import { daysBetween } from '../src/domain/calendar';
import type { ChargeRule } from '../src/domain/collections';
import { currencyDigits } from '../src/domain/money';
import type { NoticeData } from '../src/domain/notice-template';
import type { Book, Customer, Id, Minor } from '../src/domain/types';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';
import type { Ledger } from '../src/ledger';

export const CHARGE_RULE_KEY = 'collections.chargeRule';
export const LETTERHEAD_KEY = 'collections.letterhead';

/** Texts every letter of the book repeats; empty ones fall back to the app's wording. */
export interface Letterhead {
  contact: string;
  creditorContact: string;
  paymentDetails: string;
  options: string;
  consequences: string;
}

const messages = { 'zh-CN': zhCN, en } as const;

function message(locale: 'zh-CN' | 'en', key: string): string {
  return (messages[locale] as Record<string, string>)[key] ?? '';
}

async function setting<T>(db: OverdueDb, bookId: Id, key: string): Promise<Partial<T>> {
  const row = await db.settings.get([bookId, key]);
  return row && typeof row.value === 'object' && row.value !== null ? (row.value as Partial<T>) : {};
}

export async function chargeRuleOf(db: OverdueDb, bookId: Id): Promise<ChargeRule> {
  return { ...DEFAULT_CHARGE_RULE, ...(await setting<ChargeRule>(db, bookId, CHARGE_RULE_KEY)) };
}

function stageLabel(locale: 'zh-CN' | 'en', stageId: string): string {
  return stageId === '' ? '' : message(locale, `stage.${stageId}`) || stageId;
}

export interface GatheredNotice {
  data: NoticeData;
  invoiceIds: Id[];
  total: Minor;
  email: string;
}

/** The notice's facts, or null when the customer has nothing overdue to demand. */
export async function gatherNotice(
  db: OverdueDb, ledger: Ledger, book: Book, customer: Customer, request: NoticeRequest, number: string,
): Promise<GatheredNotice | null> {
  const { date, locale } = request;
  const chaseable = ledger.chaseCustomers(date, date).find((c) => c.customerId === customer.id);
  // Overdue first; a courtesy reminder before the due date names what falls due.
  const candidates = chaseable?.invoices ?? [];
  const overdue = candidates.filter((i) => i.dueDate < date);
  const chosen = overdue.length > 0 ? overdue : candidates;
  if (chosen.length === 0) return null;
  const stored = await db.invoices.bulkGet(chosen.map((i) => i.id));
  const digits = currencyDigits(book.currency);
  const rule = await chargeRuleOf(db, book.id);
  const letterhead = await setting<Letterhead>(db, book.id, LETTERHEAD_KEY);
  const invoices: NoticeData['invoices'] = [];
  const charges: NoticeData['charges'] = [];
  chosen.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  chosen.forEach((inv, i) => {
    const record = stored[i];
    const number = record?.number ?? ledger.invoiceNumber(inv.id) ?? '';
    invoices.push({
      number, issueDate: record?.issueDate ?? inv.dueDate, dueDate: inv.dueDate, amount: record?.amount ?? inv.balance,
      balance: inv.balance, daysOverdue: Math.max(0, daysBetween(inv.dueDate, date)),
    });
    // Stage fees are charged as records when a stage is done; the letter adds what accrues by the rule.
    const lines: ChargeLine[] = accruedCharges({ principal: inv.balance, dueDate: inv.dueDate, asOf: date, rule: { ...rule, stageFees: false } });
    for (const line of lines) {
      charges.push({ label: `${number} ${message(locale, `charge.${line.kind}`)}`, basis: describeBasis(line, digits, locale), amount: line.amount });
    }
  });
  const total = invoices.reduce((s, i) => s + i.balance, 0) + charges.reduce((s, c) => s + c.amount, 0);
  const pick = (key: keyof Letterhead, fallbackKey: string) => (letterhead[key] ?? '').trim() || message(locale, fallbackKey);
  return {
    data: {
      creditor: book.name,
      creditorContact: (letterhead.creditorContact ?? '').trim(),
      debtor: customer.name,
      debtorAddress: customer.contacts.find((c) => c.address)?.address ?? '',
      date,
      number,
      stage: stageLabel(locale, request.stageId),
      currency: book.currency,
      digits,
      locale,
      invoices,
      charges,
      deadline: request.deadline,
      paymentDetails: pick('paymentDetails', 'notice.default.paymentDetails'),
      options: pick('options', 'notice.default.options'),
      // The shipped templates state the usual consequences; a book may add its own.
      consequences: (letterhead.consequences ?? '').trim(),
      contact: (letterhead.contact ?? '').trim() || book.name,
    },
    invoiceIds: chosen.map((i) => i.id),
    total,
    email: customer.contacts.find((c) => c.email)?.email ?? '',
  };
}
