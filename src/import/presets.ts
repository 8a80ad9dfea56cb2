// Named mappings for the exports bookkeepers bring. Each records which column feeds
// which field, the day/month order the tool writes, how its line-item rows carry the
// amount, and which status rows are not receivables. The layouts are those of each
// tool's standard invoice export as we understand them; a user whose export differs
// corrects the mapping on the preview and saves it as a preset of their own.
import type { DateOrder } from '../domain/calendar';
import type { ImportField } from './fields';
import { findColumn } from './mapping';
import type { GroupAmounts, ImportOptions, RowFilter } from './types';

export type PresetId = 'xero' | 'quickbooks' | 'zoho' | 'invoiceninja' | 'freshbooks' | 'wave' | 'cn-ledger';

export interface ImportPreset {
  id: string;
  name: string;
  /** Where the file comes from in the tool. */
  source: string;
  /** What the preset assumes about the file. */
  notes: string;
  /** Field -> header; '' keeps a field unmapped. */
  map: Partial<Record<ImportField, string>>;
  /** The day/month order the tool usually writes: assumed only where the file's dates cannot tell. */
  dateOrder?: DateOrder;
  groupAmounts?: GroupAmounts;
  filters?: RowFilter[];
}

export const PRESETS: readonly ImportPreset[] = [
  {
    id: 'xero',
    name: 'Xero',
    source: 'Business › Invoices › Export (sales invoices CSV)',
    notes:
      'One row per line item; Total, InvoiceAmountPaid and InvoiceAmountDue repeat the invoice figures on every line, ' +
      'so they are taken once (LineAmount is ignored). InvoiceAmountDue is the balance still owed. The export has no ' +
      'payment date, so paid parts are recorded on the import date. Dates are written in the organisation\'s regional ' +
      'format; where the file cannot tell, dd/mm/yyyy (UK, Australia, New Zealand) is assumed: US organisations pick ' +
      'month/day. Drafts, voided, ' +
      'deleted and unapproved invoices and credit notes are left out.',
    map: {
      number: 'InvoiceNumber',
      customer: '',
      customer_name: 'ContactName',
      issue_date: 'InvoiceDate',
      due_date: 'DueDate',
      amount: 'Total',
      paid_amount: 'InvoiceAmountPaid',
      balance: 'InvoiceAmountDue',
      currency: 'Currency',
      description: 'Description',
    },
    dateOrder: 'dmy',
    groupAmounts: 'same',
    filters: [
      { column: 'Status', skip: ['Draft', 'Voided', 'Deleted', 'Awaiting Approval', 'Submitted'] },
      { column: 'Type', skip: ['Sales credit note', 'ACCRECCREDIT', 'Credit note'] },
    ],
  },
  {
    id: 'quickbooks',
    name: 'QuickBooks Online',
    source: 'Reports › Invoice List › Export to CSV',
    notes:
      'A report export: company name, report title and date range above the header, a TOTAL line and a timestamp ' +
      'below the rows (all skipped). One row per invoice; Open Balance is what is still owed, the paid part is ' +
      'Amount minus Open Balance, recorded on the import date. US dates, mm/dd/yyyy. Credit memos, payments and ' +
      'sales receipts in the list are left out.',
    map: {
      issue_date: 'Date',
      number: 'Num',
      customer: 'Customer',
      description: 'Memo/Description',
      due_date: 'Due Date',
      amount: 'Amount',
      balance: 'Open Balance',
    },
    dateOrder: 'mdy',
    groupAmounts: 'sum',
    filters: [{ column: 'Transaction Type', skip: ['Credit Memo', 'Payment', 'Sales Receipt', 'Refund Receipt', 'Estimate'] }],
  },
  {
    id: 'zoho',
    name: 'Zoho Books',
    source: 'Sales › Invoices › Export Invoices (CSV)',
    notes:
      'One row per line item; Total and Balance repeat the invoice figures on every line and are taken once (Item ' +
      'Total is the line). Customer ID is the customer key. Balance is what is still owed; the paid part is recorded ' +
      'on the import date. Dates yyyy-mm-dd (the export default), so no order is needed; a day/month format is ' +
      'detected. Payment Terms is a number of days. Draft and void invoices are left out.',
    map: {
      issue_date: 'Invoice Date',
      number: 'Invoice Number',
      customer: 'Customer ID',
      customer_name: 'Customer Name',
      due_date: 'Due Date',
      terms_days: 'Payment Terms',
      currency: 'Currency Code',
      amount: 'Total',
      balance: 'Balance',
      description: 'Item Name',
    },
    groupAmounts: 'same',
    filters: [{ column: 'Invoice Status', skip: ['Draft', 'Void'] }],
  },
  {
    id: 'invoiceninja',
    name: 'Invoice Ninja',
    source: 'Reports › Invoices › Export (CSV), Invoice Ninja v5',
    notes:
      'One row per invoice. Amount is the invoice total, Paid to Date what was paid, Balance what is still owed ' +
      '(kept when the two disagree, e.g. after credits). No payment date, so payments are recorded on the import ' +
      'date. Dates yyyy-mm-dd. Draft, cancelled and reversed invoices are left out.',
    map: {
      number: 'Invoice Number',
      customer_name: 'Client Name',
      issue_date: 'Date',
      due_date: 'Due Date',
      amount: 'Amount',
      paid_amount: 'Paid to Date',
      balance: 'Balance',
      currency: 'Currency',
      description: 'Public Notes',
    },
    groupAmounts: 'sum',
    filters: [{ column: 'Status', skip: ['Draft', 'Cancelled', 'Reversed'] }],
  },
  {
    id: 'freshbooks',
    name: 'FreshBooks',
    source: 'Invoices › More actions › Export to CSV (invoice details)',
    notes:
      'One row per line item; Line Total (after tax) is added up per invoice. Date Paid is filled when the invoice ' +
      'is paid in full and means paid in full that day; partly paid invoices import as unpaid (bring their ' +
      'payments separately). US dates, mm/dd/yyyy. Drafts are left out.',
    map: {
      customer_name: 'Client Name',
      number: 'Invoice #',
      issue_date: 'Date Issued',
      due_date: 'Due Date',
      paid_date: 'Date Paid',
      amount: 'Line Total',
      description: 'Item Name',
      currency: 'Currency',
    },
    dateOrder: 'mdy',
    groupAmounts: 'sum',
    filters: [{ column: 'Invoice Status', skip: ['Draft'] }],
  },
  {
    id: 'wave',
    name: 'Wave',
    source: 'Sales & Payments › Invoices › Export (CSV)',
    notes:
      'One row per invoice. Total is the invoice amount; Amount Due is the balance still owed (NOT the amount), ' +
      'so the paid part is Total minus Amount Due, recorded on the import date. Dates yyyy-mm-dd. Drafts are left out.',
    map: {
      number: 'Invoice Number',
      customer: 'Customer',
      issue_date: 'Invoice Date',
      due_date: 'Due Date',
      amount: 'Total',
      balance: 'Amount Due',
      currency: 'Currency',
      description: 'Memo',
    },
    groupAmounts: 'sum',
    filters: [{ column: 'Status', skip: ['Draft'] }],
  },
  {
    id: 'cn-ledger',
    name: '应收账款台账',
    source: '通用 Excel 应收账款台账（另存为 CSV，通常为 GBK 编码）',
    notes:
      'A generic Chinese receivables ledger: title and 编制单位/截止日期 lines above the header, a 合计 line below ' +
      '(skipped). 单据编号 may repeat for several goods lines whose 价税合计 add up. 已收金额 with 收款日期 is a ' +
      'payment; 收款日期 alone means paid in full; 未收金额 is kept when it disagrees. Dates year first ' +
      '(2024-01-05, 2024/1/5, 2024年1月5日); day/month-first dates are read only where the file proves their order. ' +
      '是否争议 takes 是/否.',
    map: {
      customer: '客户编码',
      customer_name: '客户名称',
      issue_date: '单据日期',
      number: '单据编号',
      description: '摘要',
      amount: '价税合计',
      paid_amount: '已收金额',
      paid_date: '收款日期',
      balance: '未收金额',
      terms_days: '账期(天)',
      due_date: '到期日',
      currency: '币种',
      disputed: '是否争议',
    },
    dateOrder: 'ymd',
    groupAmounts: 'sum',
  },
];

export function getPreset(id: string): ImportPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/**
 * Options for importing with a preset. The caller's own map entries, date order and
 * grouping win over the preset's (a correction on the preview); filters add up. The
 * preset's date order is a hint: dates that prove the other order (13/01 or 01/13)
 * are read the way they prove.
 */
export function applyPreset(preset: ImportPreset, options: ImportOptions): ImportOptions {
  const merged: ImportOptions = { ...options, map: { ...preset.map, ...options.map } };
  const hint = options.dateOrderHint ?? preset.dateOrder;
  if (hint && !options.dateOrder) merged.dateOrderHint = hint;
  const groupAmounts = options.groupAmounts ?? preset.groupAmounts;
  if (groupAmounts) merged.groupAmounts = groupAmounts;
  const filters = [...(preset.filters ?? []), ...(options.filters ?? [])];
  if (filters.length > 0) merged.filters = filters;
  return merged;
}

/** The preset whose columns a header row has: all its required ones, then the most others. */
export function detectPreset(headers: readonly string[]): ImportPreset | null {
  let best: ImportPreset | null = null;
  let bestScore = 0;
  for (const preset of PRESETS) {
    const named = Object.entries(preset.map).filter(([, h]) => h !== undefined && h !== '') as [ImportField, string][];
    const has = (field: ImportField): boolean => {
      const h = preset.map[field];
      return h !== undefined && h !== '' && findColumn(headers, h) >= 0;
    };
    if (!has('number') || !has('amount') || !has('issue_date') || !(has('customer') || has('customer_name'))) continue;
    const score = named.filter(([f]) => has(f)).length / named.length;
    if (score > bestScore) {
      best = preset;
      bestScore = score;
    }
  }
  return best;
}
