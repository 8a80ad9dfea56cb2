// Turns the per-invoice allocation intents into payments: what one customer
// pays on one day is one transfer covering several invoices. Some transfers are
// rounded up and some customers prepay, which leaves unapplied credit.

import type { Allocation, DayNumber, Minor, Payment } from '../domain/types';
import { fromDayNumber } from '../domain/calendar';
import { toMinor } from '../domain/money';
import type { DemoContext } from './context';
import type { DemoCustomer } from './customers';
import type { DemoInvoice } from './invoices';

export interface AllocationIntent { invoice: DemoInvoice; day: DayNumber; amount: Minor }

const METHODS = ['bank', 'bank', 'bank', 'bank', 'bank', 'bank', 'wechat', 'alipay', 'cash', 'cheque'] as const;

function reference(ctx: DemoContext, method: string, day: DayNumber): string {
  const { random } = ctx;
  const ymd = fromDayNumber(day).replaceAll('-', '');
  switch (method) {
    case 'bank': return `${ymd}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    case 'wechat': return `4200${ymd}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    case 'alipay': return `${ymd}2088${String(random.int(0, 999_999)).padStart(6, '0')}`;
    case 'cheque': return String(random.int(10_000_000, 99_999_999));
    default: return '';
  }
}

export function makePayments(
  ctx: DemoContext,
  intents: AllocationIntent[],
  customers: DemoCustomer[],
): { payments: Payment[]; allocations: Allocation[] } {
  const { random } = ctx;
  // Group by customer and day, keeping first-seen order so ids stay deterministic.
  const groups = new Map<string, AllocationIntent[]>();
  for (const intent of intents) {
    const key = `${intent.invoice.record.customerId}|${intent.day}`;
    const list = groups.get(key);
    if (list) list.push(intent);
    else groups.set(key, [intent]);
  }

  const payments: Payment[] = [];
  const allocations: Allocation[] = [];
  for (const group of groups.values()) {
    const first = group[0] as AllocationIntent;
    const customerId = first.invoice.record.customerId;
    const date = fromDayNumber(first.day);
    const method = random.pick(METHODS);
    const applied = group.reduce((s, a) => s + a.amount, 0);
    let amount = applied;
    if (first.invoice.owner.payer !== 'bad' && random.chance(0.03)) {
      // Paid a round sum: the surplus stays as credit on the customer.
      const step = toMinor(1_000, 2);
      amount = (Math.floor(applied / step) + 1) * step;
    }
    const payment: Payment = {
      id: ctx.ids(), bookId: '', updatedAt: '', deleted: 0,
      customerId, date, amount, method, reference: reference(ctx, method, first.day),
    };
    payments.push(payment);
    for (const a of group) {
      allocations.push({
        id: ctx.ids(), bookId: '', updatedAt: '', deleted: 0,
        paymentId: payment.id, invoiceId: a.invoice.record.id, customerId, date, amount: a.amount,
      });
    }
  }

  // Prepayments (预收款): money received before anything was invoiced against it.
  for (const c of customers) {
    if (c.payer === 'bad' || !random.chance(0.04)) continue;
    const day = random.int(ctx.startDay, ctx.endDay);
    const method = random.pick(METHODS);
    payments.push({
      id: ctx.ids(), bookId: '', updatedAt: '', deleted: 0,
      customerId: c.record.id, date: fromDayNumber(day),
      amount: toMinor(random.int(1, 20) * 1_000, 2), method, reference: reference(ctx, method, day),
    });
  }
  return { payments, allocations };
}
