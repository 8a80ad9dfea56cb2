// Customers files: read with the invoice import's detection, one customer per row,
// problems at their line and column, and planned against the book idempotently.
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../src/domain/uscc';
import { planCustomers } from '../../../src/import/plan-customers';
import { parseCustomerFile } from '../../../src/import/records';
import { encodeGb } from '../../../src/export/gb18030';

const opts = { defaultCurrency: 'CNY' };
const body17 = '91330100MA2XXXXX0';
const goodUscc = body17 + usccCheckChar(body17);
const badUscc = body17 + (usccCheckChar(body17) === '1' ? '2' : '1');

const FILE = [
  '客户档案',
  '',
  '客户编码,客户名称,统一社会信用代码,账期,信用额度,联系人,手机,邮箱,微信,地址,备注',
  `C001,杭州恒达贸易有限公司,${goodUscc},45天,"50,000.00",王经理,13800000000,wang@example.com,wang_hd,杭州市西湖区,老客户`,
  `C002,宁波海通物流,${badUscc},30,,,,,,,`,
  ',,,,,,,,,,x',
  'C003,上海明远,,月结,,,,,,,',
  'C004,苏州立信,,,-5,,,,,,',
  'C001,杭州恒达贸易有限公司,,,,,,,,,',
].join('\r\n');

describe('parseCustomerFile', () => {
  it('finds the header below a title, maps Chinese names and reads every field', () => {
    const f = parseCustomerFile(encodeGb(FILE), opts);
    expect(f.headerLine).toBe(3);
    expect(f.encoding).toMatch(/gb/i);
    expect(f.rows).toBe(6);
    const first = f.records[0];
    expect(first).toEqual({
      line: 4, code: 'C001', name: '杭州恒达贸易有限公司', uscc: goodUscc, termsDays: 45, creditLimit: 5_000_000,
      contact: { name: '王经理', phone: '13800000000', email: 'wang@example.com', wechat: 'wang_hd', address: '杭州市西湖区' },
      notes: '老客户',
    });
    expect(f.records.map((r) => r.code)).toEqual(['C001', 'C002']);
    expect(f.records[1]?.contact).toBeNull();
  });

  it('reports problems at their line and column: bad USCC warns, missing name, bad terms and negative limits are errors', () => {
    const f = parseCustomerFile(FILE, opts);
    const at = (line: number) => f.problems.filter((p) => p.line === line).map((p) => [p.severity, p.column, p.code]);
    expect(at(5)).toEqual([['warning', '统一社会信用代码', 'uscc.checksum']]);
    expect(at(6)).toEqual([['error', '客户名称', 'required']]);
    expect(at(7)).toEqual([['error', '账期', 'import.terms']]);
    expect(at(8)).toEqual([['error', '信用额度', 'money.negative']]);
    expect(at(9)).toEqual([['warning', null, 'import.duplicateCustomer']]);
  });

  it('maps English headers and honours a hand-made mapping', () => {
    const f = parseCustomerFile('Customer Name,Payment Terms,Credit Limit,Email\nAcme Ltd,Net 15,1200.5,a@b.c\n', opts);
    expect(f.records).toEqual([expect.objectContaining({ name: 'Acme Ltd', termsDays: 15, creditLimit: 120_050, code: '' })]);
    const mapped = parseCustomerFile('Firm,Whatever\nAcme,7\n', { ...opts, map: { name: 'Firm', terms_days: 'Whatever' } });
    expect(mapped.records).toEqual([expect.objectContaining({ name: 'Acme', termsDays: 7 })]);
  });

  it('says so when no column holds the name', () => {
    const f = parseCustomerFile('Phone,Email\n1,a@b.c\n', opts);
    expect(f.records).toEqual([]);
    expect(f.problems[0]?.code).toBe('import.noHeader');
  });
});

describe('planCustomers', () => {
  let n = 0;
  const newId = () => `id${++n}`;
  it('creates new customers with their code tag and leaves existing ones (by code, then name) unchanged', () => {
    const f = parseCustomerFile(FILE, opts);
    const first = planCustomers(f.records, { customers: [] }, { termsDays: 30, newId });
    expect(first.customers.map((c) => [c.name, c.tags, c.termsDays])).toEqual([
      ['杭州恒达贸易有限公司', ['import:C001'], 45], ['宁波海通物流', ['import:C002'], 30],
    ]);
    expect(first.existing).toBe(0);
    const again = planCustomers(f.records, { customers: first.customers }, { termsDays: 30, newId });
    expect(again).toEqual({ customers: [], existing: 2 });
    // Matched by name when the book's customer has no code tag (full-width and case ignored).
    const byName = planCustomers(f.records, {
      customers: [{ id: 'x', name: '宁波海通物流 ', tags: [], deleted: 0 }, { id: 'y', name: 'other', tags: ['import:C001'], deleted: 0 }],
    }, { termsDays: 30, newId });
    expect(byName).toEqual({ customers: [], existing: 2 });
  });
});
