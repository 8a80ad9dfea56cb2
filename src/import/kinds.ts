// Files of customers and files of payments, beside files of invoices: their fields,
// the column names that stand for them (English and Chinese), and what a header row
// of each kind must name. Matching works as for invoices (synonyms.ts): rank 0 names
// say exactly what the column is; rank 1 names are generic and lose to rank 0 ones.
import { IMPORT_FIELDS } from './fields';
import { normalizeHeader, withoutBrackets } from './normalize';
import { synonymIndex, type Tiers } from './synonym-index';

export type ImportKind = 'invoices' | 'customers' | 'payments';
export const IMPORT_KINDS: readonly ImportKind[] = ['invoices', 'customers', 'payments'];

export function isImportKind(s: unknown): s is ImportKind {
  return typeof s === 'string' && (IMPORT_KINDS as readonly string[]).includes(s);
}

/** The fields a file of this kind can map. */
export function fieldsOfKind(kind: ImportKind): readonly string[] {
  return kind === 'customers' ? CUSTOMER_FIELDS : kind === 'payments' ? PAYMENT_FIELDS : IMPORT_FIELDS;
}

/** Customer fields, in the order the automatic mapping claims columns (codes before names). */
export const CUSTOMER_FIELDS = [
  'code', 'name', 'uscc', 'terms_days', 'credit_limit', 'contact', 'phone', 'email', 'wechat', 'address', 'notes',
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Payment fields; `customer` is a code or a name, `customer_name` a name beside a code. */
export const PAYMENT_FIELDS = [
  'customer', 'customer_name', 'date', 'amount', 'method', 'reference', 'invoice_number',
] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];


const CUSTOMER_SYNONYMS: Record<CustomerField, Tiers> = {
  code: [
    ['Customer ID', 'Customer Code', 'Customer No', 'Customer Number', 'Client ID', 'Client Code', 'Account Number',
      '客户编码', '客户编号', '客户代码', '客户号', '单位编码', '往来单位编码'],
    ['Code', 'ID', '编码', '编号', '代码'],
  ],
  name: [
    ['Customer Name', 'Client Name', 'Company Name', 'Customer Full Name', 'Business Name', 'Organisation', 'Organization',
      '客户名称', '单位名称', '公司名称', '客户全称', '往来单位名称', '企业名称'],
    ['Customer', 'Client', 'Name', 'Company', '客户', '往来单位', '名称', '单位'],
  ],
  uscc: [
    ['USCC', 'Unified Social Credit Code', 'Social Credit Code', 'Credit Code', 'Tax ID', 'Tax Number',
      '统一社会信用代码', '信用代码', '社会信用代码', '纳税人识别号', '税号'],
  ],
  terms_days: [
    ['Payment Terms', 'Terms', 'Terms Days', 'Credit Days', 'Credit Terms', 'Net Days',
      '账期', '付款期限', '账期天数', '信用期', '信用天数', '结算期', '收款账期'],
  ],
  credit_limit: [['Credit Limit', 'Credit Line', '信用额度', '授信额度', '信用限额', '额度']],
  contact: [['Contact', 'Contact Name', 'Contact Person', 'Attention', '联系人', '联系人姓名', '负责人']],
  phone: [['Phone', 'Telephone', 'Tel', 'Mobile', 'Phone Number', 'Mobile Phone', '电话', '手机', '联系电话', '手机号', '手机号码', '电话号码']],
  email: [['Email', 'E-mail', 'Email Address', '邮箱', '电子邮箱', '电子邮件', '邮件']],
  wechat: [['WeChat', 'Wechat ID', 'WeChat Account', '微信', '微信号']],
  address: [['Address', 'Billing Address', 'Street', '地址', '联系地址', '公司地址', '通讯地址', '注册地址']],
  notes: [['Notes', 'Note', 'Memo', 'Remarks', 'Comments', '备注', '说明', '备注说明']],
};

const PAYMENT_SYNONYMS: Record<PaymentField, Tiers> = {
  customer: [
    ['Customer ID', 'Customer Code', 'Customer No', 'Client ID', 'Client Code', '客户编码', '客户编号', '客户代码', '客户号', '单位编码'],
    ['Customer', 'Client', 'Payer', 'Received From', '客户', '往来单位', '付款单位', '付款方', '交易对方'],
  ],
  customer_name: [
    ['Customer Name', 'Client Name', 'Company Name', 'Payer Name', '客户名称', '单位名称', '公司名称', '付款单位名称', '付款人名称'],
    [],
    // A generic 'Customer' is the name when a code column already took `customer`.
    ['Customer', 'Client', '客户', '往来单位', '付款单位'],
  ],
  date: [
    ['Payment Date', 'Date Paid', 'Paid Date', 'Date Received', 'Received Date', 'Receipt Date', 'Value Date',
      '收款日期', '到账日期', '回款日期', '付款日期', '交易日期', '入账日期'],
    ['Date', '日期'],
  ],
  amount: [
    ['Payment Amount', 'Amount Received', 'Received Amount', 'Amount Paid', 'Paid Amount',
      '收款金额', '到账金额', '实收金额', '回款金额', '付款金额', '收入金额'],
    ['Amount', 'Total', '金额'],
  ],
  method: [['Payment Method', 'Method', 'Payment Type', 'Paid By', '收款方式', '付款方式', '结算方式', '支付方式', '方式']],
  reference: [
    ['Reference', 'Ref', 'Ref No', 'Reference Number', 'Transaction ID', 'Transaction No', 'Cheque No',
      '流水号', '交易流水号', '凭证号', '参考号', '银行流水号'],
    ['Memo', 'Notes', '摘要', '备注'],
  ],
  invoice_number: [
    ['Invoice Number', 'Invoice No.', 'Invoice #', 'Invoice No', 'Applied To', '发票号', '发票号码', '单据编号', '应收单号', '对应发票'],
    ['Invoice', '发票'],
  ],
};


const customerIndex = synonymIndex(CUSTOMER_SYNONYMS);
const paymentIndex = synonymIndex(PAYMENT_SYNONYMS);

function lookup<F extends string>(index: Map<string, { field: F; rank: number }[]>, header: string): { field: F; rank: number }[] {
  const found = index.get(normalizeHeader(header)) ?? index.get(normalizeHeader(withoutBrackets(header))) ?? [];
  return [...found].sort((a, b) => a.rank - b.rank);
}

export function matchCustomerHeader(header: string): { field: CustomerField; rank: number }[] {
  return lookup(customerIndex, header);
}

export function matchPaymentHeader(header: string): { field: PaymentField; rank: number }[] {
  return lookup(paymentIndex, header);
}

export function customerSynonymsOf(field: CustomerField): Tiers {
  return CUSTOMER_SYNONYMS[field];
}

export function paymentSynonymsOf(field: PaymentField): Tiers {
  return PAYMENT_SYNONYMS[field];
}

/** Known cells of a customers header row, or 0 when it names no customer name. */
export function customerHeaderScore(cells: readonly string[]): number {
  let known = 0;
  let name = false;
  for (const cell of cells) {
    const m = matchCustomerHeader(cell);
    if (m.length === 0) continue;
    known++;
    if (m.some((x) => x.field === 'name')) name = true;
  }
  return name ? known : 0;
}

/** Known cells of a payments header row, or 0 when it lacks an amount or a customer. */
export function paymentHeaderScore(cells: readonly string[]): number {
  let known = 0;
  let amount = false;
  let customer = false;
  for (const cell of cells) {
    const m = matchPaymentHeader(cell);
    if (m.length === 0) continue;
    known++;
    if (m.some((x) => x.field === 'amount')) amount = true;
    if (m.some((x) => x.field === 'customer' || x.field === 'customer_name')) customer = true;
  }
  return amount && customer ? known : 0;
}
