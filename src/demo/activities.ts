// Collection activities (催收记录) on invoices still overdue at the end of the
// history, following the stages of the default collection policy in DOMAIN.md.

import type { Activity, Channel, DayNumber, Minor, Outcome } from '../domain/types';
import { fromDayNumber } from '../domain/calendar';
import type { DemoContext } from './context';
import type { DemoInvoice } from './invoices';

/** Stage and channel by days overdue (the default policy's offsets). */
function stageFor(daysOverdue: number): { stage: string; channels: readonly Channel[] } {
  if (daysOverdue < 15) return { stage: 'firstReminder', channels: ['phone', 'wechat', 'sms'] };
  if (daysOverdue < 30) return { stage: 'writtenNotice', channels: ['letter', 'email'] };
  if (daysOverdue < 45) return { stage: 'secondNotice', channels: ['letter', 'email'] };
  if (daysOverdue < 60) return { stage: 'meeting', channels: ['visit', 'phone'] };
  if (daysOverdue < 90) return { stage: 'suspension', channels: ['letter', 'phone'] };
  if (daysOverdue < 120) return { stage: 'lawyerLetter', channels: ['lawyer'] };
  return { stage: 'litigation', channels: ['litigation', 'lawyer'] };
}

const NOTES_ZH: Partial<Record<Outcome, string>> = {
  reached: '已联系财务，答复正在走付款流程', noAnswer: '电话无人接听', promised: '承诺近期付款',
  refused: '对方以资金紧张为由拒绝付款', note: '已发送对账单', disputed: '客户对发票有异议',
};
const NOTES_EN: Partial<Record<Outcome, string>> = {
  reached: 'Spoke to accounts, payment in process', noAnswer: 'No answer', promised: 'Promised to pay soon',
  refused: 'Refused, citing cash-flow problems', note: 'Statement sent', disputed: 'Customer disputes the invoice',
};

export function makeActivities(ctx: DemoContext, invoice: DemoInvoice, balance: Minor): Activity[] {
  const { random, endDay, locale } = ctx;
  const overdueDays = endDay - invoice.dueDay;
  if (balance <= 0 || overdueDays < 3) return [];
  const disputed = invoice.record.disputed === 1;
  if (!disputed && (invoice.owner.payer === 'good' || !random.chance(0.5))) return [];

  const count = disputed ? 1 : random.int(1, 3);
  const days: DayNumber[] = [];
  for (let i = 0; i < count; i++) days.push(invoice.dueDay + random.int(1, overdueDays));
  days.sort((a, b) => a - b);

  const notes = locale === 'zh-CN' ? NOTES_ZH : NOTES_EN;
  return days.map((day) => {
    const { stage, channels } = stageFor(day - invoice.dueDay);
    const outcome: Outcome = disputed
      ? 'disputed'
      : random.pick(['reached', 'noAnswer', 'promised', 'refused', 'note'] as const);
    const promised = outcome === 'promised';
    return {
      id: ctx.ids(), bookId: '', updatedAt: '', deleted: 0,
      customerId: invoice.record.customerId,
      invoiceId: invoice.record.id,
      date: fromDayNumber(day),
      channel: random.pick(channels),
      stage,
      outcome,
      note: notes[outcome] ?? '',
      nextActionDate: fromDayNumber(day + random.int(3, 14)),
      promiseAmount: promised ? balance : null,
      promiseDate: promised ? fromDayNumber(day + random.int(7, 30)) : null,
    };
  });
}
