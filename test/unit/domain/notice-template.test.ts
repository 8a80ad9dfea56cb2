import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_TEMPLATES, PLACEHOLDERS, checkTemplate, emlFile, formatGrouped, formatNoticeDate, mailtoLink, renderNotice,
  type NoticeData,
} from '../../../src/domain/notice-template';
import { rmbCapitals } from '../../../src/domain/rmb-capitals';
import { formatPlain } from '../../../src/domain/money';
import { TEMPLATE_IDS } from '../../../src/domain/collections';

const LOCALES = ['zh-CN', 'en'] as const;

function sample(over: Partial<NoticeData> = {}): NoticeData {
  return {
    creditor: '杭州明账财务咨询有限公司',
    creditorContact: '杭州市西湖区文三路 1 号  0571-8888 0000',
    debtor: '宁波海曙五金贸易有限公司',
    debtorAddress: '宁波市海曙区中山西路 100 号',
    date: '2025-03-01',
    number: 'N-2025-0007',
    stage: 'final',
    currency: 'CNY',
    digits: 2,
    locale: 'zh-CN',
    invoices: [
      { number: 'INV-0012', issueDate: '2024-12-01', dueDate: '2024-12-31', amount: 1_234_567_89, balance: 1_000_000_00, daysOverdue: 60 },
      { number: 'INV-0015', issueDate: '2025-01-10', dueDate: '2025-02-09', amount: 88_00, balance: 23_456_67, daysOverdue: 20 },
    ],
    charges: [],
    deadline: '2025-03-15',
    paymentDetails: '开户行：招商银行杭州分行  账号：5719 0000 0000 001',
    options: '可分两期支付',
    consequences: '',
    contact: '王会计 138 0000 0000',
    ...over,
  };
}

const linesOf = (text: string) => text.split('\n');

describe('PLACEHOLDERS', () => {
  it('lists the names a template may use', () => {
    expect([...PLACEHOLDERS].sort()).toEqual([
      'charges', 'consequences', 'contact', 'creditor', 'creditorContact', 'date', 'deadline', 'debtor', 'debtorAddress',
      'grandTotal', 'invoiceTable', 'number', 'options', 'paymentDetails', 'stage', 'total', 'totalCapitals',
    ]);
  });
});

describe('checkTemplate', () => {
  it('accepts every placeholder, with or without spaces inside the braces', () => {
    const text = PLACEHOLDERS.map((p, i) => (i % 2 ? `{{${p}}}` : `{{ ${p} }}`)).join('\n');
    expect(checkTemplate(text)).toEqual({ ok: true, value: text });
  });

  it('names an unknown placeholder with its line and column, counting Chinese characters as one column', () => {
    const r = checkTemplate('致：{{debtor}}\n合计：{{amount}} 元');
    expect(r).toEqual({
      ok: false,
      errors: [{ field: 'template', code: 'template.unknownPlaceholder', params: { name: 'amount', line: 2, column: 4 } }],
    });
  });

  it('reports a {{ that is never closed on its line', () => {
    expect(checkTemplate('Dear {{debtor}},\n\nTotal: {{total\n}}')).toEqual({
      ok: false,
      errors: [
        { field: 'template', code: 'template.syntax', params: { line: 3, column: 8 } },
        { field: 'template', code: 'template.syntax', params: { line: 4, column: 1 } },
      ],
    });
    // An opening brace pair before the close belongs to the next placeholder.
    const r = checkTemplate('{{debtor {{total}}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ field: 'template', code: 'template.syntax', params: { line: 1, column: 1 } }]);
  });

  it('reports a stray }} and an empty {{}}', () => {
    const r = checkTemplate('Total: {total}}\n{{}}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { field: 'template', code: 'template.syntax', params: { line: 1, column: 14 } },
        { field: 'template', code: 'template.syntax', params: { line: 2, column: 1 } },
      ]);
    }
  });

  it('reports every problem, in order, and counts CRLF lines once', () => {
    const r = checkTemplate('{{foo}}\r\n{{debtor}} {{bar}}\r\n{{total');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.code, e.params?.name, e.params?.line, e.params?.column])).toEqual([
        ['template.unknownPlaceholder', 'foo', 1, 1],
        ['template.unknownPlaceholder', 'bar', 2, 12],
        ['template.syntax', undefined, 3, 1],
      ]);
    }
  });

  it('refuses a blank template', () => {
    expect(checkTemplate('')).toEqual({ ok: false, errors: [{ field: 'template', code: 'required' }] });
    expect(checkTemplate('  \n ')).toEqual({ ok: false, errors: [{ field: 'template', code: 'required' }] });
  });

  it('accepts any text without braces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((s) => s.trim() !== '' && !s.includes('{') && !s.includes('}')), (s) => {
        expect(checkTemplate(s)).toEqual({ ok: true, value: s });
      }),
    );
  });
});

describe('DEFAULT_TEMPLATES', () => {
  const all = LOCALES.flatMap((locale) => TEMPLATE_IDS.map((id) => [locale, id] as const));

  it.each(all)('%s %s passes checkTemplate and uses the required placeholders', (locale, id) => {
    const t = DEFAULT_TEMPLATES[locale][id];
    expect(checkTemplate(t.subject).ok).toBe(true);
    expect(checkTemplate(t.body)).toEqual({ ok: true, value: t.body });
    for (const p of ['invoiceTable', 'total', 'deadline', 'contact']) expect(t.body).toContain(`{{${p}}}`);
    // The tables stand on their own lines, so the print view gets them as tables.
    expect(linesOf(t.body)).toContain('{{invoiceTable}}');
  });

  it.each(['notice', 'final', 'lawyer', 'confirmation'] as const)('the formal Chinese %s shows the total in capitals', (id) => {
    expect(DEFAULT_TEMPLATES['zh-CN'][id].body).toContain('{{totalCapitals}}');
  });

  it('escalates: the final demand names interest, fees, suspension and legal action', () => {
    const zh = DEFAULT_TEMPLATES['zh-CN'].final.body;
    for (const word of ['利息', '费用', '暂停', '诉讼']) expect(zh).toContain(word);
    const en = DEFAULT_TEMPLATES.en.final.body;
    for (const word of ['interest', 'fees', 'suspend', 'legal action']) expect(en).toContain(word);
    expect(zh).toContain('{{consequences}}');
    expect(en).toContain('{{consequences}}');
  });

  it("marks the lawyer's letter as a draft for the lawyer, in subject and body", () => {
    expect(DEFAULT_TEMPLATES['zh-CN'].lawyer.subject).toContain('草稿');
    expect(linesOf(DEFAULT_TEMPLATES['zh-CN'].lawyer.body)[0]).toContain('草稿');
    expect(DEFAULT_TEMPLATES.en.lawyer.subject).toContain('DRAFT');
    expect(linesOf(DEFAULT_TEMPLATES.en.lawyer.body)[0]).toContain('DRAFT');
  });

  it('gives the confirmation a slip to confirm or state differences, with signature and seal lines', () => {
    const zh = DEFAULT_TEMPLATES['zh-CN'].confirmation.body;
    for (const word of ['余额正确', '不符', '盖章', '签字', '日期']) expect(zh).toContain(word);
    const en = DEFAULT_TEMPLATES.en.confirmation.body;
    for (const word of ['is correct', 'not correct', 'stamp', 'signature', 'Date']) expect(en).toContain(word);
  });

  it('renders every default without leftover braces', () => {
    for (const [locale, id] of all) {
      const r = renderNotice(DEFAULT_TEMPLATES[locale][id], sample({ locale, charges: [{ label: 'fee', basis: 'stage', amount: 1000 }] }));
      expect(r.text).not.toMatch(/\{\{|\}\}/);
      expect(r.subject).not.toMatch(/\{\{|\}\}|\n/);
      expect(r.blocks.some((b) => b.kind === 'invoices')).toBe(true);
    }
  });
});

describe('formatGrouped and formatNoticeDate', () => {
  it('groups thousands with commas in every locale', () => {
    expect(formatGrouped(123_456_789, 2)).toBe('1,234,567.89');
    expect(formatGrouped(100_000_00, 2)).toBe('100,000.00');
    expect(formatGrouped(99, 2)).toBe('0.99');
    expect(formatGrouped(-40_000, 2)).toBe('-400.00');
    expect(formatGrouped(-123_456_789, 2)).toBe('-1,234,567.89');
    expect(formatGrouped(1_234_567, 0)).toBe('1,234,567');
    expect(formatGrouped(123, 0)).toBe('123');
  });

  it('is formatPlain with a comma before every third integer digit from the right', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 4 }), (amount, digits) => {
        const grouped = formatGrouped(amount, digits);
        expect(grouped.replace(/,/g, '')).toBe(formatPlain(amount, digits));
        const whole = grouped.replace(/^-/, '').split('.')[0] ?? '';
        expect(whole).toMatch(/^\d{1,3}(,\d{3})*$/);
      }),
    );
  });

  it('writes dates as 2025年3月1日 in Chinese and 2025-03-01 in English', () => {
    expect(formatNoticeDate('2025-03-01', 'zh-CN')).toBe('2025年3月1日');
    expect(formatNoticeDate('2025-12-31', 'zh-CN')).toBe('2025年12月31日');
    expect(formatNoticeDate('2025-03-01', 'en')).toBe('2025-03-01');
  });
});

describe('renderNotice', () => {
  const tpl = (body: string, subject = '{{number}}') => ({ subject, body });

  it('fills placeholders and writes the total of the balances with its capitals', () => {
    const data = sample();
    const r = renderNotice(tpl('致：{{debtor}}\n日期：{{date}}，请于{{deadline}}前支付{{total}}\n大写：{{totalCapitals}}'), data);
    const total = data.invoices.reduce((s, i) => s + i.balance, 0);
    expect(total).toBe(1_023_456_67);
    expect(r.subject).toBe('N-2025-0007');
    expect(linesOf(r.text)).toEqual([
      '致：宁波海曙五金贸易有限公司',
      '日期：2025年3月1日，请于2025年3月15日前支付¥1,023,456.67',
      `大写：${rmbCapitals(total)}`,
    ]);
    expect(r.text).toContain('大写：壹佰零贰万叁仟肆佰伍拾陆元陆角柒分');
  });

  it('DOMAIN.md example: 100.00 open, interest 0.41 and a stage fee of 10.00 make the notice total 110.41', () => {
    const data = sample({
      locale: 'en',
      invoices: [{ number: 'A-1', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: 100_00, balance: 100_00, daysOverdue: 15 }],
      charges: [
        { label: 'Interest', basis: '100.00 × 10 %/yr × 15 d / 365', amount: 41 },
        { label: 'Stage fee', basis: 'written notice', amount: 10_00 },
      ],
    });
    const r = renderNotice(tpl('Total {{total}}\nDue {{grandTotal}}\nIn words {{totalCapitals}}'), data);
    expect(linesOf(r.text)).toEqual(['Total CNY 100.00', 'Due CNY 110.41', `In words ${rmbCapitals(100_00)}`]);
    const zh = renderNotice(tpl('{{grandTotal}}'), { ...data, locale: 'zh-CN' });
    expect(zh.text).toBe('¥110.41');
  });

  it('leaves out capitals for another currency, and the line that held them', () => {
    const r = renderNotice(tpl('合计：{{total}}\n人民币（大写）：{{totalCapitals}}\n完'), sample({ currency: 'USD' }));
    expect(linesOf(r.text)).toEqual(['合计：USD 1,023,456.67', '完']);
  });

  it('gives each invoice one aligned line in the text, and a table block for the print view', () => {
    const data = sample();
    const r = renderNotice(tpl('明细：\n{{invoiceTable}}\n合计：{{total}}'), data);
    const lines = linesOf(r.text);
    expect(lines[0]).toBe('明细：');
    expect(lines.at(-1)).toBe('合计：¥1,023,456.67');
    const table = lines.slice(1, -1);
    expect(table).toHaveLength(1 + data.invoices.length);
    expect(table[1]).toMatch(/^INV-0012 +2024年12月1日 +2024年12月31日 +1,234,567.89 +1,000,000.00 +60$/);
    expect(table[2]).toMatch(/^INV-0015 +2025年1月10日 +2025年2月9日 +88.00 +23,456.67 +20$/);
    // Right-aligned numbers end in the same column (Chinese characters are two columns wide).
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    expect(new Set(table.map(width)).size).toBe(1);
    const balanceEnd = (s: string) => width(s.slice(0, s.lastIndexOf(' ')).trimEnd());
    expect(balanceEnd(table[1] ?? '')).toBe(balanceEnd(table[2] ?? ''));

    expect(r.blocks).toEqual([
      { kind: 'text', text: '明细：' },
      {
        kind: 'invoices',
        header: ['发票号', '开票日期', '到期日', '金额（CNY）', '未付余额（CNY）', '逾期天数'],
        rows: [
          ['INV-0012', '2024年12月1日', '2024年12月31日', '1,234,567.89', '1,000,000.00', '60'],
          ['INV-0015', '2025年1月10日', '2025年2月9日', '88.00', '23,456.67', '20'],
        ],
      },
      { kind: 'text', text: '合计：¥1,023,456.67' },
    ]);
  });

  it('renders charges as their own table in English, with the basis shown', () => {
    const data = sample({
      locale: 'en',
      charges: [{ label: 'Late interest', basis: '10 %/yr, 15 days', amount: 4_11 }],
    });
    const r = renderNotice(tpl('{{invoiceTable}}\n{{charges}}\nTotal due: {{grandTotal}}'), data);
    expect(r.blocks.map((b) => b.kind)).toEqual(['invoices', 'charges', 'text']);
    const charges = r.blocks[1];
    expect(charges).toEqual({ kind: 'charges', header: ['Charge', 'Basis', 'Amount (CNY)'], rows: [['Late interest', '10 %/yr, 15 days', '4.11']] });
    expect(r.text).toContain('Invoice   Issued      Due         ');
    expect(r.text).toContain('2024-12-01');
    expect(linesOf(r.text).at(-1)).toBe('Total due: CNY 1,023,460.78');
  });

  it('leaves out lines whose placeholders are all empty: no address, no charges, no options', () => {
    const data = sample({ debtorAddress: '', options: '', charges: [] });
    const r = renderNotice(tpl('A\n地址：{{debtorAddress}}\n{{charges}}\n可选：{{options}}\n{{debtor}} {{options}}\nB'), data);
    expect(linesOf(r.text)).toEqual(['A', '宁波海曙五金贸易有限公司 ', 'B']);
    expect(r.blocks).toEqual([{ kind: 'text', text: r.text }]);
  });

  it('keeps blank lines of the template and a table placed inside a sentence as text', () => {
    const data = sample({ invoices: sample().invoices.slice(0, 1), locale: 'en' });
    const r = renderNotice(tpl('Hello\n\nSee: {{invoiceTable}}'), data);
    expect(r.blocks).toHaveLength(1);
    expect(r.blocks[0]?.kind).toBe('text');
    expect(linesOf(r.text)[1]).toBe('');
    expect(linesOf(r.text)[2]).toMatch(/^See: Invoice/);
  });

  it('does not expand placeholders inside the data, and leaves unknown ones as typed', () => {
    const r = renderNotice(tpl('{{debtor}} / {{amount}}'), sample({ debtor: '{{total}}' }));
    expect(r.text).toBe('{{total}} / {{amount}}');
  });

  it('joins a multi-line subject into one line', () => {
    const r = renderNotice(tpl('x', '催款函\n{{number}}\n{{options}}'), sample({ options: '' }));
    expect(r.subject).toBe('催款函 N-2025-0007');
  });

  it('states the sum of the balances, whatever they are', () => {
    const invoice = fc.record({
      number: fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme-ascii' }),
      issueDate: fc.constant('2025-01-01'),
      dueDate: fc.constant('2025-01-31'),
      amount: fc.integer({ min: 0, max: 10_000_000_00 }),
      balance: fc.integer({ min: 0, max: 10_000_000_00 }),
      daysOverdue: fc.integer({ min: 0, max: 999 }),
    });
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 6 }), (invoices) => {
        const r = renderNotice(tpl('{{total}}|{{totalCapitals}}'), sample({ invoices, locale: 'en' }));
        const total = invoices.reduce((s, i) => s + i.balance, 0);
        expect(r.text).toBe(`CNY ${formatGrouped(total, 2)}|${rmbCapitals(total)}`);
      }),
    );
  });
});

/** Decode the RFC 2047 words of an unfolded header value; whitespace between words is dropped. */
function decodeWords(value: string): string {
  const unfolded = value.replace(/\r\n /g, ' ');
  return unfolded
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

function parseEml(eml: string) {
  const split = eml.indexOf('\r\n\r\n');
  const head = eml.slice(0, split);
  const body = eml.slice(split + 4);
  const headers = new Map<string, string>();
  for (const field of head.split(/\r\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    headers.set(field.slice(0, colon), field.slice(colon + 2));
  }
  return { head, body, headers };
}

describe('mailtoLink', () => {
  it('encodes subject and body, with CRLF line ends, and keeps the address readable', () => {
    const link = mailtoLink('finance@example.com', '催款函 & Notice #7', '第一行\n第二行 100%\r\nthird');
    expect(link.startsWith('mailto:finance@example.com?subject=')).toBe(true);
    expect(link).not.toMatch(/[\s\u0080-\uffff]/);
    const query = new URLSearchParams(link.slice(link.indexOf('?') + 1));
    expect(query.get('subject')).toBe('催款函 & Notice #7');
    expect(query.get('body')).toBe('第一行\r\n第二行 100%\r\nthird');
    expect(link).toContain('%0D%0A');
  });

  it('keeps the commas between several addresses', () => {
    expect(mailtoLink('a@x.cn,b@y.cn', 's', 't').startsWith('mailto:a@x.cn,b@y.cn?')).toBe(true);
  });

  it('round-trips any subject and body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (subject, body) => {
        const link = mailtoLink('a@b.c', subject, body);
        const query = link.slice(link.indexOf('?') + 1);
        const [s, b] = query.split('&');
        expect(decodeURIComponent((s ?? '').slice('subject='.length))).toBe(subject);
        expect(decodeURIComponent((b ?? '').slice('body='.length))).toBe(body.replace(/\r\n?|\n/g, '\r\n'));
      }),
    );
  });
});

describe('emlFile', () => {
  const date = new Date(Date.UTC(2025, 2, 1, 8, 5, 9));

  it('writes an RFC 5322 message with encoded Chinese subject and names and a base64 body', () => {
    const text = renderNotice(DEFAULT_TEMPLATES['zh-CN'].final, sample()).text;
    const eml = emlFile({
      from: '王会计 <wang@mingzhang.cn>',
      to: '宁波海曙五金 <ap@nbhs.cn>, plain@example.com',
      subject: '催款函：请于2025年3月15日前付款（N-2025-0007）',
      text,
      date,
    });
    // CRLF everywhere, no bare LF or CR.
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { head, body, headers } = parseEml(eml);
    expect(head).not.toMatch(/[^\x20-\x7e\r\n]/); // headers are pure ASCII
    expect(headers.get('Date')).toBe('Sat, 01 Mar 2025 08:05:09 +0000');
    expect(headers.get('MIME-Version')).toBe('1.0');
    expect(headers.get('Content-Type')).toBe('text/plain; charset=UTF-8');
    expect(headers.get('Content-Transfer-Encoding')).toBe('base64');
    expect(decodeWords(headers.get('Subject') ?? '')).toBe('催款函：请于2025年3月15日前付款（N-2025-0007）');
    expect(decodeWords(headers.get('From') ?? '')).toBe('王会计 <wang@mingzhang.cn>');
    expect(decodeWords(headers.get('To') ?? '')).toBe('宁波海曙五金 <ap@nbhs.cn>, plain@example.com');
    // Every header line within 78 characters, every encoded word within 75.
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    for (const word of head.match(/=\?[^?]+\?B\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);

    const bodyLines = body.split('\r\n');
    expect(bodyLines.at(-1)).toBe('');
    for (const line of bodyLines.slice(0, -2)) expect(line).toHaveLength(76);
    expect((bodyLines.at(-2) ?? '').length).toBeLessThanOrEqual(76);
    const decoded = Buffer.from(bodyLines.join(''), 'base64').toString('utf8');
    expect(decoded).toBe(text.replace(/\n/g, '\r\n'));
    expect(decoded).toContain('壹佰零贰万');
  });

  it('leaves a short ASCII subject as it is and quotes ASCII display names', () => {
    const { headers } = parseEml(emlFile({ from: 'Wang, Li <w@x.cn>', to: '<a@b.cn>', subject: 'Payment reminder', text: 'Hi', date }));
    expect(headers.get('Subject')).toBe('Payment reminder');
    expect(headers.get('To')).toBe('<a@b.cn>');
    // An unquoted comma splits the list; a quoted one does not.
    expect(headers.get('From')).toBe('Wang, "Li" <w@x.cn>');
    const quoted = parseEml(emlFile({ from: '"Wang, Li" <w@x.cn>', to: 'a@b.cn', subject: 's', text: '', date }));
    expect(quoted.headers.get('From')).toBe('"Wang, Li" <w@x.cn>');
  });

  it('cannot be tricked into an extra header by a line break in the subject', () => {
    const eml = emlFile({ from: 'a@b.cn', to: 'c@d.cn', subject: 'Hello\r\nBcc: victim@e.cn', text: 'x', date });
    const { headers } = parseEml(eml);
    expect(headers.has('Bcc')).toBe(false);
    expect(decodeWords(headers.get('Subject') ?? '')).toBe('Hello Bcc: victim@e.cn');
  });

  it('round-trips any subject and body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (subject, text) => {
        const { head, body, headers } = parseEml(emlFile({ from: 'a@b.cn', to: 'c@d.cn', subject, text, date }));
        for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
        const expected = subject.replace(/[\r\n]+/g, ' ').trim();
        expect(decodeWords(headers.get('Subject') ?? '')).toBe(expected);
        const decoded = Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8');
        expect(decoded).toBe(text.replace(/\r\n?|\n/g, '\r\n'));
      }),
    );
  });
});
