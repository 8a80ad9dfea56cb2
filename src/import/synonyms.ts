// Column names by field, English and Chinese, as exports and home-made ledgers
// write them. Rank 0 names say exactly what the column is; rank 1 names are generic
// ('Date', 'Amount', '客户') and lose to a rank 0 column for the same field; rank 2
// names only fill a field nothing better claims.
//
// Some names look close but mean something else, so they are deliberately absent or
// sent to another field:
// - 'Balance', 'Balance Due', 'Amount Due', 'Open Balance', 'InvoiceAmountDue' (Xero),
//   未收金额: what is still owed, NOT the invoice amount and NOT the paid amount;
//   they map to `balance`, from which the paid part is derived.
// - 'Subtotal', 'TaxTotal', 税额: before or only tax; the receivable is the total.
// - 'Invoice ID' (Zoho) is an internal key, so the visible 'Invoice Number' wins.
// - 序号 is a row counter, never an invoice number; 单位 alone is a unit of measure;
//   'Account Code' (Xero) is a ledger account; 'Days' in aging reports is days overdue.
// - 'Due' alone is a due date (Wave lists "Due"); 'Amount Due' is a balance.
import type { ImportField } from './fields';
import { normalizeHeader, withoutBrackets } from './normalize';
import { synonymIndex, type Tiers } from './synonym-index';


const SYNONYMS: Record<ImportField, Tiers> = {
  number: [
    [
      'Invoice Number', 'Invoice No.', 'Invoice #', 'InvoiceNumber', 'Invoice Num', 'Inv No', 'Inv #', 'Inv Number',
      'Bill Number', 'Document Number', 'Doc Number', 'Doc No', 'Document No', 'Invoice Reference',
      '发票号', '发票号码', '发票编号', '单据编号', '单据号', '单据号码', '应收单号', '单号', '票据号', '票据编号', '发票单号',
    ],
    ['Invoice', 'Number', 'Num', 'No.', 'Ref No', '编号', '号码', '单据'],
    ['Invoice ID', 'Transaction No', 'Txn No'],
  ],
  customer: [
    [
      'Customer ID', 'Customer Code', 'Customer No', 'Customer Number', 'Customer Ref', 'Client ID', 'Client Code',
      'Client Number', 'Contact ID', 'Debtor Code', '客户编号', '客户编码', '客户代码', '客户号',
      '往来单位编码', '单位编码',
    ],
    ['Customer', 'Client', 'Contact', 'Debtor', 'Bill To', 'Customer/Job', '客户', '往来单位', '购买方', '购方'],
  ],
  customer_name: [
    [
      'Customer Name', 'Client Name', 'Contact Name', 'ContactName', 'Company Name', 'Customer Full Name',
      'Bill To Name', 'Debtor Name', 'Business Name', 'Organisation', 'Organization',
      '客户名称', '单位名称', '购买方名称', '购方名称', '客户全称', '公司名称', '往来单位名称', '客户单位', '付款单位',
    ],
    [],
    // A generic 'Customer' becomes the name when an id column already took `customer`.
    ['Customer', 'Client', 'Contact', 'Debtor', '客户', '往来单位', '购买方', '购方'],
  ],
  issue_date: [
    [
      'Invoice Date', 'Date Issued', 'Issue Date', 'Issued', 'Issued On', 'Issued Date', 'InvoiceDate', 'Bill Date',
      'Document Date', 'Doc Date', 'Txn Date', 'Transaction Date',
      '开票日期', '单据日期', '发票日期', '开单日期', '业务日期', '销售日期', '确认日期',
    ],
    ['Date', '日期', '记账日期'],
    ['Created', 'Created Date', 'Date Created'],
  ],
  due_date: [
    [
      'Due Date', 'DueDate', 'Payment Due', 'Payment Due Date', 'Due On', 'Date Due', 'Due By',
      '到期日', '到期日期', '应收日期', '约定收款日', '约定收款日期', '最迟收款日期', '约定付款日期',
    ],
    ['Due', '到期'],
  ],
  paid_date: [
    [
      'Paid Date', 'Date Paid', 'Settled Date', 'Settlement Date', 'Clear Date', 'Cleared Date', 'Payment Date',
      'Paid On', 'Fully Paid On Date', 'FullyPaidOnDate', 'Last Payment Date', 'Date of Payment',
      '收款日期', '回款日期', '到账日期', '实收日期', '收款时间', '结清日期',
    ],
    ['付款日期'],
  ],
  terms_days: [
    [
      'Terms', 'Payment Terms', 'Terms Days', 'Term Days', 'Net Days', 'Credit Days', 'Credit Terms', 'Payment Term',
      '账期', '账期天数', '信用期', '信用天数', '结算期', '收款账期',
    ],
    ['Term'],
    ['Payment Terms Label'],
  ],
  amount: [
    [
      'Invoice Amount', 'Invoice Total', 'Total Amount', 'Amount Incl Tax', 'Total Incl Tax', 'Total Including Tax',
      'Gross Amount', 'Grand Total', '应收金额', '价税合计', '发票金额', '含税金额', '开票金额', '应收账款', '应收款',
      '合计金额',
    ],
    ['Amount', 'Total', '金额', '合计'],
    ['Line Amount', 'LineAmount', 'Line Total', 'Item Total', 'Item Amount', '行金额', '明细金额'],
  ],
  paid_amount: [
    [
      'Amount Paid', 'Paid Amount', 'Paid to Date', 'InvoiceAmountPaid', 'Total Paid', 'Amount Received',
      'Received Amount', 'Payment Amount', 'Payments',
      '已收金额', '已收款', '已收款金额', '收款金额', '实收金额', '回款金额', '已回款', '已回款金额', '累计收款', '已收',
    ],
    ['Paid', 'Received', '收款'],
  ],
  balance: [
    [
      'Balance', 'Balance Due', 'Amount Due', 'Open Balance', 'InvoiceAmountDue', 'Outstanding', 'Amount Outstanding',
      'Outstanding Amount', 'Outstanding Balance', 'Remaining Balance', 'Unpaid Amount', 'Due Amount',
      '余额', '未收金额', '应收余额', '欠款', '欠款金额', '未收款', '未收款金额', '剩余金额', '尚欠金额', '未收', '期末余额',
    ],
    ['Remaining'],
  ],
  currency: [['Currency', 'Currency Code', 'Curr', 'Ccy', '币种', '币别', '货币', '币种代码']],
  disputed: [['Disputed', 'Dispute', 'In Dispute', 'Dispute Flag', '争议', '是否争议', '有争议', '争议标记', '争议中']],
  description: [
    ['Description', 'Memo', 'Memo/Description', 'Details', '摘要', '说明', '内容'],
    ['Item Description', 'Notes', 'Public Notes', 'Note', '备注'],
    ['Reference', 'Item', 'Item Name', '项目', '商品名称'],
  ],
};

/** Amount columns that hold one line item's amount, not the invoice's (see GroupAmounts). */
const LINE_AMOUNT_NAMES = ['Line Amount', 'LineAmount', 'Line Total', 'Item Total', 'Item Amount', 'Line Subtotal', '行金额', '明细金额'];

export interface FieldMatch {
  field: ImportField;
  rank: number;
}

const byName: Map<string, FieldMatch[]> = synonymIndex(SYNONYMS);
const lineAmountKeys = new Set(LINE_AMOUNT_NAMES.map(normalizeHeader));

/** The fields a column header may stand for, best first. Empty when it is no known name. */
export function matchHeader(header: string): FieldMatch[] {
  const exact = byName.get(normalizeHeader(header));
  const found = exact ?? byName.get(normalizeHeader(withoutBrackets(header))) ?? [];
  return [...found].sort((a, b) => a.rank - b.rank);
}

/** Is this header a line item's amount ('LineAmount', 'Item Total', ...)? */
export function isLineAmountHeader(header: string): boolean {
  return lineAmountKeys.has(normalizeHeader(header)) || lineAmountKeys.has(normalizeHeader(withoutBrackets(header)));
}

/** The synonyms of a field, rank by rank (for the mapping screen's hints). */
export function synonymsOf(field: ImportField): readonly (readonly string[])[] {
  return SYNONYMS[field];
}
