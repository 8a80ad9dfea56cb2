// Seeded demo book: customers, invoices, payments with allocations, credit
// notes, charges, write-offs and collection activities over two years ending
// on options.endDate. Same seed, same book (ids included, unless the caller
// supplies its own id source).

import type { BookInput, DemoOptions } from '../api/contract';
import type { BulkRecords } from '../db/repository';
import type { Activity, Adjustment } from '../domain/types';
import { fromDayNumber, toDayNumber } from '../domain/calendar';
import { DEFAULT_BOUNDS } from '../domain/aging';
import type { DemoContext } from './context';
import { makeActivities } from './activities';
import { makeCustomers } from './customers';
import { makeInvoices } from './invoices';
import { makePayments, type AllocationIntent } from './payments';
import { Random, seededIds } from './random';
import { settleInvoice } from './settlement';

export type DemoBook = BulkRecords & { book: BookInput };

/** Days of generated history before endDate. */
export const HISTORY_DAYS = 730;

export function generateBook(options: DemoOptions, ids: () => string = seededIds(options.seed)): DemoBook {
  if (!Number.isInteger(options.customers) || options.customers < 1) throw new RangeError('customers must be a positive integer');
  if (!Number.isInteger(options.invoices) || options.invoices < 0) throw new RangeError('invoices must be a non-negative integer');
  const endDay = toDayNumber(options.endDate);
  const ctx: DemoContext = {
    random: Random.seeded(options.seed),
    ids,
    locale: options.locale,
    startDay: endDay - HISTORY_DAYS + 1,
    endDay,
  };
  const zh = options.locale === 'zh-CN';

  const customers = makeCustomers(ctx, options.customers);
  const invoices = makeInvoices(ctx, customers, options.invoices);

  const intents: AllocationIntent[] = [];
  const adjustments: Adjustment[] = [];
  const balances = invoices.map((invoice) => settleInvoice(ctx, invoice, {
    allocate: (inv, day, amount) => { intents.push({ invoice: inv, day, amount }); },
    adjust: (inv, kind, day, amount, reason, basis) => {
      adjustments.push({
        id: ctx.ids(), bookId: '', updatedAt: '', deleted: 0,
        kind, invoiceId: inv.record.id, customerId: inv.record.customerId,
        date: fromDayNumber(day), amount, reason, basis,
      });
    },
  }));
  const { payments, allocations } = makePayments(ctx, intents, customers);
  const activities: Activity[] = [];
  invoices.forEach((invoice, i) => { activities.push(...makeActivities(ctx, invoice, balances[i] ?? 0)); });

  const book: BookInput = {
    name: zh ? `演示账套 ${options.seed}` : `Demo book ${options.seed}`,
    currency: 'CNY',
    locale: options.locale,
    agingBounds: [...DEFAULT_BOUNDS],
    agingBasis: 'due',
    defaultTermsDays: 30,
    commaDecimal: false,
    limitationYears: 3,
  };
  return {
    book,
    customers: customers.map((c) => c.record),
    invoices: invoices.map((i) => i.record),
    payments,
    allocations,
    adjustments,
    activities,
  };
}
