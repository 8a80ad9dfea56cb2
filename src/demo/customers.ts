// Demo customers: a mix of monthly bookkeeping clients and goods buyers, each a
// good, slow or bad payer, with terms of 15/30/45/60 days.

import type { Contact, Customer, Minor } from '../domain/types';
import { toMinor } from '../domain/money';
import type { DemoContext, PayerClass } from './context';
import { companyName, INDUSTRIES, mobilePhone, personName, streetAddress } from './names';
import { demoUscc } from './uscc';

export const TERMS_DAYS = [15, 30, 45, 60] as const;
/** Monthly bookkeeping fees in yuan, as small firms are charged. */
const MONTHLY_FEES = [300, 400, 500, 600, 800, 1000, 1200, 1500, 2000];

export interface DemoCustomer {
  record: Customer;
  payer: PayerClass;
  /** Monthly bookkeeping client (fixed fee each month) rather than a goods buyer. */
  service: boolean;
  monthlyFee: Minor;
  /** Relative share of the book's invoices. */
  weight: number;
  /** Good payers pay in runs on fixed days of the month (several invoices in one transfer). */
  payRunDays: readonly number[] | null;
}

export function makeCustomers(ctx: DemoContext, count: number): DemoCustomer[] {
  const { random, locale } = ctx;
  const taken = new Set<string>();
  const out: DemoCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const service = random.chance(0.4);
    const industry = random.pick(INDUSTRIES);
    const company = companyName(random, locale, industry, taken);
    const roll = random.float();
    const payer: PayerClass = roll < 0.6 ? 'good' : roll < 0.88 ? 'slow' : 'bad';
    const termsDays = service ? random.pick([15, 30] as const) : random.pick(TERMS_DAYS);
    const monthlyFee = toMinor(random.pick(MONTHLY_FEES), 2);
    const contacts: Contact[] = [];
    const contactCount = random.int(1, 2);
    for (let c = 0; c < contactCount; c++) {
      contacts.push({
        name: personName(random, locale),
        phone: mobilePhone(random, locale),
        email: `${c === 0 ? 'finance' : 'ap'}${i + 1}@example.com`,
        wechat: random.chance(0.7) ? `wx_${Math.floor(random.float() * 1e8).toString(36)}` : '',
        address: c === 0 ? streetAddress(random, locale, company) : '',
      });
    }
    const creditLimit: Minor | null = random.chance(0.45)
      ? toMinor(service ? 10_000 : random.pick([50_000, 100_000, 200_000, 500_000, 1_000_000]), 2)
      : null;
    const tags = locale === 'zh-CN' ? [service ? '代理记账' : '货款'] : [service ? 'bookkeeping' : 'goods'];
    const record: Customer = {
      id: ctx.ids(),
      bookId: '',
      updatedAt: '',
      deleted: 0,
      name: company.name,
      // Only some customers have their credit code on file, as in practice.
      uscc: random.chance(0.25) ? demoUscc(random, company.division) : '',
      termsDays,
      creditLimit,
      contacts,
      tags,
      notes: '',
    };
    out.push({
      record,
      payer,
      service,
      monthlyFee,
      weight: service ? 1 : random.logUniform(0.3, 6),
      payRunDays: payer === 'good' && random.chance(0.5) ? random.pick([[10, 25], [15], [5, 20]] as const) : null,
    });
  }
  return out;
}
