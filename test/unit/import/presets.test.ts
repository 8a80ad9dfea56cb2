import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInvoiceFile } from '../../../src/import/invoices';
import { applyPreset, detectPreset, getPreset, PRESETS } from '../../../src/import/presets';
import type { ImportOptions, ParsedFile } from '../../../src/import/types';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const base: ImportOptions = { defaultCurrency: 'CNY', defaultTermsDays: 30, importDate: '2024-04-01' };

function withPreset(id: string, file: string, extra: Partial<ImportOptions> = {}): ParsedFile {
  const preset = getPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return parseInvoiceFile(fixture(file), applyPreset(preset, { ...base, ...extra }));
}

/** The invoices without their line numbers, for comparison. */
const summary = (f: ParsedFile) =>
  f.invoices.map((i) => ({
    number: i.number, customerKey: i.customerKey, customerName: i.customerName, issueDate: i.issueDate,
    dueDate: i.dueDate, amount: i.amount, currency: i.currency, disputed: i.disputed, payments: i.payments,
  }));
const errors = (f: ParsedFile) => f.problems.filter((p) => p.severity === 'error');
const codes = (f: ParsedFile, severity: 'error' | 'warning') =>
  f.problems.filter((p) => p.severity === severity).map((p) => `${p.line}:${p.code}`);

describe('shipped presets on files in each tool\'s layout', () => {
  it('ships the seven presets, each with required columns mapped', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['xero', 'quickbooks', 'zoho', 'invoiceninja', 'freshbooks', 'wave', 'cn-ledger']);
    for (const p of PRESETS) {
      expect(p.map.number, p.id).toBeTruthy();
      expect(p.map.amount, p.id).toBeTruthy();
      expect(p.map.issue_date, p.id).toBeTruthy();
      expect(p.map.customer || p.map.customer_name, p.id).toBeTruthy();
      expect(p.notes.length, p.id).toBeGreaterThan(40);
    }
  });

  it('xero: line items take Total once, InvoiceAmountDue is the balance, drafts/voids/credit notes left out', () => {
    const f = withPreset('xero', 'xero-sales-invoices.csv');
    expect(errors(f)).toEqual([]);
    expect(f.groupAmounts).toBe('same');
    expect(summary(f)).toEqual([
      { number: 'INV-0101', customerKey: 'Harbour Bikes Ltd', customerName: 'Harbour Bikes Ltd', issueDate: '2024-02-03', dueDate: '2024-03-04', amount: 138000, currency: 'GBP', disputed: false, payments: [] },
      { number: 'INV-0102', customerKey: 'Kiwi Coffee Roasters', customerName: 'Kiwi Coffee Roasters', issueDate: '2024-02-15', dueDate: '2024-03-15', amount: 60000, currency: 'GBP', disputed: false, payments: [{ date: '2024-04-01', amount: 60000 }] },
      { number: 'INV-0103', customerKey: 'Northern Lights Studio', customerName: 'Northern Lights Studio', issueDate: '2024-02-20', dueDate: '2024-03-21', amount: 240000, currency: 'GBP', disputed: false, payments: [{ date: '2024-04-01', amount: 100000 }] },
    ]);
    expect(f.invoices[2]?.description).toBe('Logo design, "final" round; Brand guidelines; Business cards');
    expect(codes(f, 'warning')).toEqual(['4:import.paidNoDate', '5:import.paidNoDate', '8:import.filtered', '9:import.filtered', '10:import.filtered']);
  });

  it('quickbooks: report preamble, TOTAL and timestamp lines skipped; Open Balance gives the paid part', () => {
    const f = withPreset('quickbooks', 'quickbooks-invoice-list.csv');
    expect(f.headerLine).toBe(5);
    expect(errors(f)).toEqual([]);
    expect(summary(f)).toEqual([
      { number: '1001', customerKey: 'Maple Dental Group', customerName: 'Maple Dental Group', issueDate: '2024-01-05', dueDate: '2024-02-04', amount: 125000, currency: 'CNY', disputed: false, payments: [{ date: '2024-04-01', amount: 125000 }] },
      { number: '1002', customerKey: 'Oak & Ivy Cafe', customerName: 'Oak & Ivy Cafe', issueDate: '2024-01-18', dueDate: '2024-02-17', amount: 48000, currency: 'CNY', disputed: false, payments: [] },
      { number: '1003', customerKey: 'Maple Dental Group', customerName: 'Maple Dental Group', issueDate: '2024-02-02', dueDate: '2024-03-03', amount: 367550, currency: 'CNY', disputed: false, payments: [{ date: '2024-04-01', amount: 200000 }] },
    ]);
    expect(codes(f, 'warning')).toEqual(['6:import.paidNoDate', '8:import.paidNoDate', '9:import.filtered', '10:import.rowSkipped', '13:import.rowSkipped']);
  });

  it('zoho: Customer ID is the key, Total/Balance taken once, terms fill a missing due date', () => {
    const f = withPreset('zoho', 'zoho-invoices.csv');
    expect(errors(f)).toEqual([]);
    expect(summary(f)).toEqual([
      { number: 'INV-000021', customerKey: '4815000000000101', customerName: 'Blue Fjord Trading AS', issueDate: '2024-03-01', dueDate: '2024-03-31', amount: 157500, currency: 'USD', disputed: false, payments: [] },
      { number: 'INV-000022', customerKey: '4815000000000102', customerName: 'Alpine Tools GmbH', issueDate: '2024-03-05', dueDate: '2024-03-20', amount: 98000, currency: 'EUR', disputed: false, payments: [{ date: '2024-04-01', amount: 60000 }] },
      { number: 'INV-000024', customerKey: '4815000000000101', customerName: 'Blue Fjord Trading AS', issueDate: '2024-03-08', dueDate: '2024-04-07', amount: 9999, currency: 'USD', disputed: false, payments: [{ date: '2024-04-01', amount: 9999 }] },
    ]);
    expect(f.invoices[0]?.description).toBe('Consulting hours; Travel');
  });

  it('invoiceninja: Balance wins over Paid to Date when credits were applied', () => {
    const f = withPreset('invoiceninja', 'invoiceninja-invoices.csv');
    expect(errors(f)).toEqual([]);
    expect(summary(f)).toEqual([
      { number: '0001', customerKey: 'Sunrise Yoga Collective', customerName: 'Sunrise Yoga Collective', issueDate: '2024-01-10', dueDate: '2024-01-24', amount: 35000, currency: 'AUD', disputed: false, payments: [] },
      { number: '0002', customerKey: 'Coastal Print Co.', customerName: 'Coastal Print Co.', issueDate: '2024-01-12', dueDate: '2024-01-26', amount: 102000, currency: 'AUD', disputed: false, payments: [{ date: '2024-04-01', amount: 102000 }] },
      { number: '0004', customerKey: 'Coastal Print Co.', customerName: 'Coastal Print Co.', issueDate: '2024-02-01', dueDate: '2024-02-15', amount: 50000, currency: 'AUD', disputed: false, payments: [{ date: '2024-04-01', amount: 30000 }] },
    ]);
    expect(codes(f, 'warning')).toEqual(['3:import.paidNoDate', '4:import.filtered', '5:import.balanceMismatch', '5:import.paidNoDate']);
  });

  it('freshbooks: line totals add up (discount lines too), Date Paid alone is paid in full, multi-line cell keeps line numbers', () => {
    const f = withPreset('freshbooks', 'freshbooks-invoices.csv');
    expect(errors(f)).toEqual([]);
    expect(f.groupAmounts).toBe('sum');
    expect(summary(f)).toEqual([
      { number: '0000045', customerKey: 'Greenleaf Landscaping', customerName: 'Greenleaf Landscaping', issueDate: '2024-01-08', dueDate: '2024-02-07', amount: 25200, currency: 'CAD', disputed: false, payments: [{ date: '2024-01-20', amount: 25200 }] },
      { number: '0000046', customerKey: 'Riverside Books', customerName: 'Riverside Books', issueDate: '2024-01-15', dueDate: '2024-02-14', amount: 42500, currency: 'CAD', disputed: false, payments: [] },
    ]);
    expect(f.invoices.map((i) => i.line)).toEqual([2, 4]);
    // The draft sits on line 7: the quoted cell on line 4 spans two lines.
    expect(codes(f, 'warning')).toEqual(['7:import.filtered']);
  });

  it('wave: Amount Due is the balance, not the amount', () => {
    const f = withPreset('wave', 'wave-invoices.csv');
    expect(errors(f)).toEqual([]);
    expect(summary(f).map((i) => [i.number, i.amount, i.payments])).toEqual([
      ['12', 110000, []],
      ['13', 24000, [{ date: '2024-04-01', amount: 24000 }]],
      ['14', 56025, [{ date: '2024-04-01', amount: 26025 }]],
    ]);
  });

  it('cn-ledger: GBK file detected, title lines and 合计 skipped, 是否争议, terms, rounding and paid-in-full dates', () => {
    const f = withPreset('cn-ledger', 'cn-ledger-gbk.csv');
    expect(f.encoding).toBe('gb18030');
    expect(f.headerLine).toBe(4);
    expect(errors(f)).toEqual([]);
    expect(summary(f)).toEqual([
      { number: 'XS-2024-001', customerKey: 'C001', customerName: '上海明远科技有限公司', issueDate: '2024-01-05', dueDate: '2024-02-04', amount: 1130000, currency: 'CNY', disputed: false, payments: [{ date: '2024-02-01', amount: 1130000 }] },
      { number: 'XS-2024-002', customerKey: 'C002', customerName: '杭州青禾餐饮管理有限公司', issueDate: '2024-01-12', dueDate: '2024-02-26', amount: 565000, currency: 'CNY', disputed: false, payments: [{ date: '2024-02-20', amount: 200000 }] },
      { number: 'XS-2024-003', customerKey: 'C002', customerName: '杭州青禾餐饮管理有限公司', issueDate: '2024-01-12', dueDate: '2024-02-26', amount: 113001, currency: 'CNY', disputed: true, payments: [] },
      { number: 'XS-2024-004', customerKey: 'C003', customerName: '苏州恒通物流有限公司', issueDate: '2024-02-01', dueDate: '2024-03-02', amount: 450000, currency: 'CNY', disputed: false, payments: [{ date: '2024-03-15', amount: 450000 }] },
    ]);
    expect(f.invoices.map((i) => i.line)).toEqual([5, 6, 7, 9]);
    expect(codes(f, 'warning')).toEqual(['7:import.rounded', '11:import.rowSkipped']);
  });

  it('without a preset the synonyms map the same files to the same invoices (except date orders and filters)', () => {
    const cn = parseInvoiceFile(fixture('cn-ledger-gbk.csv'), base);
    expect(summary(cn)).toEqual(summary(withPreset('cn-ledger', 'cn-ledger-gbk.csv')));
    const zoho = parseInvoiceFile(fixture('zoho-invoices.csv'), { ...base, filters: [{ column: 'Invoice Status', skip: ['Draft'] }] });
    expect(zoho.groupAmounts).toBe('same'); // Total beside Item Total
    expect(summary(zoho).map((i) => [i.number, i.amount, i.payments.length])).toEqual([
      ['INV-000021', 157500, 0], ['INV-000022', 98000, 1], ['INV-000024', 9999, 1],
    ]);
  });

  it('recognises which tool an export came from by its header', () => {
    const header = (file: string) => new TextDecoder().decode(fixture(file)).split(/\r?\n/);
    expect(detectPreset((header('xero-sales-invoices.csv')[0] ?? '').split(','))?.id).toBe('xero');
    expect(detectPreset((header('zoho-invoices.csv')[0] ?? '').split(','))?.id).toBe('zoho');
    expect(detectPreset((header('freshbooks-invoices.csv')[0] ?? '').split(','))?.id).toBe('freshbooks');
    expect(detectPreset((header('wave-invoices.csv')[0] ?? '').split(','))?.id).toBe('wave');
    expect(detectPreset((header('quickbooks-invoice-list.csv')[4] ?? '').split(','))?.id).toBe('quickbooks');
    expect(detectPreset(['a', 'b'])).toBeNull();
  });

  it('a preset\'s date order only decides what the dates cannot tell', () => {
    const quickbooks = getPreset('quickbooks');
    const xero = getPreset('xero');
    if (!quickbooks || !xero) throw new Error('presets missing');
    const text = 'Date,Num,Customer,Amount\n01/05/2024,1,A,10\n02/03/2024,2,B,20\n';
    expect(parseInvoiceFile(text, applyPreset(quickbooks, base)).invoices.map((i) => i.issueDate)).toEqual(['2024-01-05', '2024-02-03']);
    const asXero = applyPreset(xero, { ...base, map: { number: 'Num', customer_name: 'Customer', issue_date: 'Date', amount: 'Amount' } });
    expect(parseInvoiceFile(text, asXero).invoices.map((i) => i.issueDate)).toEqual(['2024-05-01', '2024-03-02']);
    // 01/13 proves month first, whatever the preset assumes.
    expect(parseInvoiceFile(`${text}01/13/2024,3,C,30\n`, asXero).invoices.map((i) => i.issueDate))
      .toEqual(['2024-01-05', '2024-02-03', '2024-01-13']);
  });

  it('a user correction overrides the preset (US Xero organisation)', () => {
    const preset = getPreset('xero');
    if (!preset) throw new Error('no xero');
    const opts = applyPreset(preset, { ...base, dateOrder: 'mdy', map: { description: '' } });
    expect(opts.dateOrder).toBe('mdy');
    expect(opts.map?.description).toBe('');
    expect(opts.map?.number).toBe('InvoiceNumber');
    const f = parseInvoiceFile(fixture('xero-sales-invoices.csv'), opts);
    // 15/02/2024 is no month/day date: those rows fail instead of being misread.
    expect(f.invoices.map((i) => [i.number, i.issueDate])).toEqual([['INV-0101', '2024-03-02']]);
    expect(errors(f).some((p) => p.code === 'date.invalid' && p.column === 'InvoiceDate' && p.line === 4)).toBe(true);
  });
});
