// Demo invoices: monthly bookkeeping fees for service clients, goods sales for
// the others, spread over the history and numbered in issue order.

import type { DayNumber, Invoice } from '../domain/types';
import { fromDayNumber, toDayNumber } from '../domain/calendar';
import { toMinor } from '../domain/money';
import type { DemoContext } from './context';
import type { DemoCustomer } from './customers';

export interface DemoInvoice {
  record: Invoice;
  owner: DemoCustomer;
  issueDay: DayNumber;
  dueDay: DayNumber;
}

const GOODS_ZH = ['货款', '销售货款', '材料款', '设备款', '配件款'];
const GOODS_EN = ['Goods', 'Materials', 'Equipment', 'Spare parts', 'Supplies'];
const DISPUTES_ZH = ['数量与送货单不符', '单价有异议', '质量问题，待退货', '服务未完成', '重复开票'];
const DISPUTES_EN = ['Quantity differs from delivery note', 'Unit price disputed', 'Quality issue, return pending', 'Service not completed', 'Invoiced twice'];

/** Goods invoices: log-uniform 1,000-200,000 yuan, some round hundreds, some whole yuan, some with fen. */
function goodsAmount(ctx: DemoContext): number {
  const x = ctx.random.logUniform(1_000, 200_000);
  const r = ctx.random.float();
  const major = r < 0.3 ? Math.round(x / 100) * 100 : r < 0.6 ? Math.round(x) : x;
  return toMinor(major, 2);
}

export function makeInvoices(ctx: DemoContext, customers: DemoCustomer[], count: number): DemoInvoice[] {
  const { random, locale } = ctx;
  const cumulative = new Float64Array(customers.length);
  let sum = 0;
  customers.forEach((c, i) => { sum += c.weight; cumulative[i] = sum; });

  interface Draft { owner: DemoCustomer; issueDay: DayNumber; amount: number; description: string; order: number }
  const drafts: Draft[] = [];
  for (let k = 0; k < count && customers.length > 0; k++) {
    const owner = customers[random.weighted(cumulative)] as DemoCustomer;
    let issueDay = random.int(ctx.startDay, ctx.endDay);
    let description: string;
    let amount: number;
    if (owner.service) {
      // Fees are billed on the first of the month for the month before.
      const iso = fromDayNumber(issueDay);
      issueDay = toDayNumber(`${iso.slice(0, 8)}01`);
      const prev = fromDayNumber(issueDay - 1);
      const year = prev.slice(0, 4);
      const month = Number(prev.slice(5, 7));
      description = locale === 'zh-CN' ? `${year}年${month}月代理记账服务费` : `Bookkeeping fee ${prev.slice(0, 7)}`;
      amount = owner.monthlyFee;
    } else {
      const contract = `${fromDayNumber(issueDay).slice(0, 4)}${String(random.int(1, 9999)).padStart(4, '0')}`;
      description = locale === 'zh-CN'
        ? `${random.pick(GOODS_ZH)}（合同号 HT${contract}）`
        : `${random.pick(GOODS_EN)} per order PO-${contract}`;
      amount = goodsAmount(ctx);
    }
    drafts.push({ owner, issueDay, amount, description, order: k });
  }
  drafts.sort((a, b) => a.issueDay - b.issueDay || a.order - b.order);

  const prefix = locale === 'zh-CN' ? 'YS' : 'INV-';
  const width = Math.max(5, String(drafts.length).length);
  return drafts.map((d, seq) => {
    const terms = d.owner.record.termsDays;
    const dueDay = d.issueDay + terms;
    const issueDate = fromDayNumber(d.issueDay);
    const disputed = random.chance(d.owner.service ? 0.003 : d.owner.payer === 'good' ? 0.008 : 0.02);
    const record: Invoice = {
      id: ctx.ids(),
      bookId: '',
      updatedAt: '',
      deleted: 0,
      customerId: d.owner.record.id,
      // The running sequence alone keeps numbers unique; the year is for the reader.
      number: `${prefix}${issueDate.slice(0, 4)}-${String(seq + 1).padStart(width, '0')}`,
      issueDate,
      dueDate: fromDayNumber(dueDay),
      amount: d.amount,
      currency: 'CNY',
      description: d.description,
      disputed: disputed ? 1 : 0,
      disputeReason: disputed ? random.pick(locale === 'zh-CN' ? DISPUTES_ZH : DISPUTES_EN) : '',
    };
    return { record, owner: d.owner, issueDay: d.issueDay, dueDay };
  });
}
