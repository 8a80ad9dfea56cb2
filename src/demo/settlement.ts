// What happens to one demo invoice after it is issued: credit note, late
// interest, full or partial payments by payer class, write-off of long-overdue
// bad debts. Events are produced in date order and never exceed the running
// balance, so every allocation fits the invoice's balance as of its date.

import type { AdjustmentKind, DayNumber, Minor } from '../domain/types';
import { formatPlain, roundHalfAwayFromZero } from '../domain/money';
import type { DemoContext } from './context';
import type { DemoInvoice } from './invoices';

export interface SettlementSink {
  allocate(invoice: DemoInvoice, day: DayNumber, amount: Minor): void;
  adjust(invoice: DemoInvoice, kind: AdjustmentKind, day: DayNumber, amount: Minor, reason: string, basis: string): void;
}

interface Instalment { day: DayNumber; share: number }

/** When and how much the customer pays, before clipping to the history's end. */
function paymentPlan(ctx: DemoContext, invoice: DemoInvoice): Instalment[] {
  const { random } = ctx;
  const due = invoice.dueDay;
  const owner = invoice.owner;
  switch (owner.payer) {
    case 'good': {
      let day = due + random.int(-12, 4);
      if (owner.payRunDays) day = nextPayRun(day, owner.payRunDays);
      if (random.chance(0.03)) return [{ day: due + random.int(-5, 5), share: 0.5 }, { day: due + random.int(10, 40), share: 1 }];
      return [{ day, share: 1 }];
    }
    case 'slow': {
      if (random.chance(0.3)) {
        const first = due + random.int(10, 60);
        return [{ day: first, share: 0.3 + random.float() * 0.4 }, { day: first + random.int(20, 90), share: 1 }];
      }
      return [{ day: due + random.int(5, 100), share: 1 }];
    }
    case 'bad': {
      const r = random.float();
      if (r < 0.35) return [];
      if (r < 0.7) {
        const first = due + random.int(30, 180);
        const plan = [{ day: first, share: 0.2 + random.float() * 0.4 }];
        if (random.chance(0.4)) plan.push({ day: first + random.int(60, 200), share: 0.5 });
        return plan;
      }
      return [{ day: due + random.int(60, 300), share: 1 }];
    }
  }
}

/** First day >= `day` that falls on one of the customer's monthly payment-run days. */
function nextPayRun(day: DayNumber, runDays: readonly number[]): DayNumber {
  for (let d = day; d < day + 32; d++) {
    if (runDays.includes(new Date(d * 86_400_000).getUTCDate())) return d;
  }
  return day;
}

/** Plays out one invoice; returns its balance at the end of the history. */
export function settleInvoice(ctx: DemoContext, invoice: DemoInvoice, sink: SettlementSink): Minor {
  const { random, locale, endDay } = ctx;
  const zh = locale === 'zh-CN';
  const owner = invoice.owner;
  let balance = invoice.record.amount;
  // Nothing happens to an invoice on or before the day it is issued.
  let earliest = invoice.issueDay + 1;

  if (random.chance(owner.service ? 0.01 : 0.04)) {
    const day = Math.max(earliest, invoice.issueDay + random.int(2, 25));
    if (day <= endDay) {
      const amount = Math.max(1, Math.round(balance * random.pick([0.05, 0.1, 0.2, 0.3])));
      sink.adjust(invoice, 'credit', day, amount, zh ? random.pick(['销售折让', '退货', '价格调整']) : random.pick(['Discount', 'Goods returned', 'Price adjustment']), '');
      balance -= amount;
      earliest = day;
    }
  }
  // A disputed invoice stays open while the dispute runs.
  if (invoice.record.disputed === 1) return balance;

  const plan = paymentPlan(ctx, invoice);
  const firstPay = plan[0]?.day ?? endDay;
  if (owner.payer !== 'good' && firstPay - invoice.dueDay > 45 && random.chance(0.15)) {
    // Late interest at 0.05 % a day (万分之五) for the first 30 days overdue.
    const day = Math.max(earliest, invoice.dueDay + 30);
    const amount = roundHalfAwayFromZero(balance * 0.0005 * 30);
    if (day <= endDay && amount > 0) {
      const basis = `${formatPlain(balance, 2)} × 0.05 %/d × 30 d`;
      sink.adjust(invoice, 'charge', day, amount, zh ? '逾期违约金' : 'Late payment interest', basis);
      balance += amount;
      earliest = day;
    }
  }

  for (const part of plan) {
    const day = Math.max(earliest, part.day);
    if (day > endDay || balance <= 0) break;
    const amount = part.share >= 1 ? balance : Math.min(balance, Math.max(1, Math.round(balance * part.share)));
    sink.allocate(invoice, day, amount);
    balance -= amount;
    earliest = day;
  }

  if (owner.payer === 'bad' && balance > 0 && endDay - invoice.dueDay > 365 && random.chance(0.6)) {
    const day = Math.max(earliest, invoice.dueDay + random.int(366, 540));
    if (day <= endDay) {
      sink.adjust(invoice, 'writeoff', day, balance, zh ? '逾期超过一年，催收无果，核销坏账' : 'Over a year overdue, collection failed', '');
      balance = 0;
    }
  }
  return balance;
}
