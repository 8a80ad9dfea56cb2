// Notice templates (催缴通知 / 催款函), DOMAIN.md "Notices": plain text with {{name}}
// placeholders, shipped in zh-CN and English, editable per book; rendered to plain text
// (SMS, WeChat, email) plus blocks an HTML print view can lay out as A4 tables; and
// packed as a mailto link or an .eml file.
//
// Rendering rules (DOMAIN.md is silent on these):
// - A placeholder is `{{name}}` (spaces inside the braces allowed) on one line.
// - A line whose placeholders all render to nothing is left out, so an empty address,
//   no charges or a foreign currency's missing RMB capitals leave no dangling label.
// - {{invoiceTable}} or {{charges}} alone on its line becomes a table block; anywhere
//   else it is the table's text. In the text each table row is one aligned line.
// - Inserted values are not scanned again: a debtor named "{{total}}" stays that name.
// - An unknown placeholder is left as typed (checkTemplate refuses it on save).
// - Amounts use ',' for thousands and '.' for decimals in both locales, written here
//   rather than through Intl, so every machine prints the same letter.
import type { TemplateId } from './collections';
import type { IsoDate, Minor } from './types';
import { fail, ok, type FieldError, type Result } from './errors';
import { formatPlain } from './money';
import { RMB_CAPITALS_LIMIT, rmbCapitals } from './rmb-capitals';

export const PLACEHOLDERS = [
  'creditor', 'creditorContact', 'debtor', 'debtorAddress', 'date', 'number', 'invoiceTable', 'total',
  'totalCapitals', 'charges', 'grandTotal', 'deadline', 'paymentDetails', 'options', 'consequences', 'contact', 'stage',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

// ---------------------------------------------------------------------------------------
// Scanning and checking

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'placeholder'; name: string; raw: string; column: number };

interface LineScan {
  tokens: Token[];
  errors: { code: 'template.syntax' | 'template.unknownPlaceholder'; name?: string; column: number }[];
}

/** Columns count code points from 1, so a Chinese character is one column, as an editor shows it. */
const columnAt = (line: string, index: number): number => Array.from(line.slice(0, index)).length + 1;

/** Split one line into literal text and placeholders; malformed braces stay literal and are reported. */
function scanLine(line: string): LineScan {
  const tokens: Token[] = [];
  const errors: LineScan['errors'] = [];
  let literal = '';
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('{{', i);
    const close = line.indexOf('}}', i);
    if (close !== -1 && (open === -1 || close < open)) {
      // '}}' with no '{{' before it: most likely a typo such as {total}}.
      errors.push({ code: 'template.syntax', column: columnAt(line, close) });
      literal += line.slice(i, close + 2);
      i = close + 2;
      continue;
    }
    if (open === -1) {
      literal += line.slice(i);
      break;
    }
    literal += line.slice(i, open);
    const end = line.indexOf('}}', open + 2);
    const reopen = line.indexOf('{{', open + 2);
    if (end === -1 || (reopen !== -1 && reopen < end)) {
      errors.push({ code: 'template.syntax', column: columnAt(line, open) });
      const next = reopen === -1 ? line.length : reopen;
      literal += line.slice(open, next);
      i = next;
      continue;
    }
    const raw = line.slice(open, end + 2);
    const name = line.slice(open + 2, end).trim();
    const column = columnAt(line, open);
    if (name === '') errors.push({ code: 'template.syntax', column });
    else if (!isPlaceholder(name)) errors.push({ code: 'template.unknownPlaceholder', name, column });
    if (literal !== '') tokens.push({ kind: 'literal', text: literal });
    literal = '';
    tokens.push({ kind: 'placeholder', name, raw, column });
    i = end + 2;
  }
  if (literal !== '') tokens.push({ kind: 'literal', text: literal });
  return { tokens, errors };
}

const splitLines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/**
 * A template text that renders: not blank, every '{{' closed by '}}' on its line, every
 * name one of PLACEHOLDERS. Errors have field 'template' and params line and column
 * (1-based; the column of the '{{'), plus name for an unknown placeholder. All
 * problems are reported, in order. Returns the text unchanged.
 */
export function checkTemplate(text: string): Result<string> {
  if (text.trim() === '') return fail('template', 'required');
  const errors: FieldError[] = [];
  splitLines(text).forEach((line, index) => {
    for (const e of scanLine(line).errors) {
      const params: Record<string, string | number> = { line: index + 1, column: e.column };
      if (e.name !== undefined) params.name = e.name;
      errors.push({ field: 'template', code: e.code, params });
    }
  });
  return errors.length === 0 ? ok(text) : { ok: false, errors };
}

// ---------------------------------------------------------------------------------------
// Default texts. Short sentences, no jargon; each step firmer than the one before.

export type NoticeLocale = 'zh-CN' | 'en';

export const DEFAULT_TEMPLATES: Record<NoticeLocale, Record<TemplateId, { subject: string; body: string }>> = {
  'zh-CN': {
    reminder: {
      subject: '付款提醒：{{creditor}}（{{number}}）',
      body: `{{debtor}}：

您好！这是{{creditor}}的友好提醒。截至{{date}}，我们尚未收到以下款项：

{{invoiceTable}}

合计：{{total}}

如您已付款，谢谢！请告诉我们付款日期，方便我们核对。如尚未付款，请在{{deadline}}前安排支付。
{{paymentDetails}}

如有疑问，请联系：{{contact}}

{{creditor}}
{{date}}
`,
    },
    notice: {
      subject: '催缴通知书（{{number}}）',
      body: `催缴通知书
编号：{{number}}

致：{{debtor}}
地址：{{debtorAddress}}

截至{{date}}，贵司下列款项已逾期未付：

{{invoiceTable}}

欠款合计：{{total}}
人民币（大写）：{{totalCapitals}}
{{charges}}
应付总额：{{grandTotal}}

请于{{deadline}}前付清上述款项。付款方式：
{{paymentDetails}}

如一次付清确有困难，请在期限前与我们商量：{{options}}
如对金额有异议，请在期限前书面告知，并附上相关凭据。

联系人：{{contact}}

{{creditor}}
{{creditorContact}}
{{date}}
`,
    },
    final: {
      subject: '催款函：请于{{deadline}}前付款（{{number}}）',
      body: `催款函
编号：{{number}}

致：{{debtor}}
地址：{{debtorAddress}}

我方已多次提醒贵司付款。截至{{date}}，贵司仍有下列款项逾期未付：

{{invoiceTable}}

欠款合计：{{total}}
人民币（大写）：{{totalCapitals}}
{{charges}}
应付总额：{{grandTotal}}

请务必于{{deadline}}前付清，这是最后期限。付款方式：
{{paymentDetails}}

如到期仍未付款，我方将：按约定计收逾期利息和费用；暂停对贵司的服务；通过诉讼或仲裁追收欠款。
{{consequences}}

如需分期或延期，请在期限前联系我们：{{options}}

联系人：{{contact}}

{{creditor}}
{{creditorContact}}
{{date}}
`,
    },
    lawyer: {
      subject: '【草稿，待律师审阅】律师函（{{number}}）',
      body: `【草稿：本函须经律师审阅、修改并签署后方可发出】

律师函
编号：{{number}}

致：{{debtor}}
地址：{{debtorAddress}}

本律师受{{creditor}}（以下称“委托人”）委托，就贵司拖欠委托人款项一事，致函如下：

截至{{date}}，贵司尚欠委托人下列款项：

{{invoiceTable}}

欠款合计：{{total}}
人民币（大写）：{{totalCapitals}}
{{charges}}
应付总额：{{grandTotal}}

委托人已多次催告，贵司至今未付。请贵司于{{deadline}}前将上述款项付至委托人账户：
{{paymentDetails}}

如逾期仍未付款，本律师将建议委托人依法提起诉讼或申请仲裁，并主张逾期付款利息、违约金及为追收欠款支出的费用。
{{consequences}}

联系方式：{{contact}}

______________律师事务所
律师（签字）：______________
{{date}}
`,
    },
    statement: {
      subject: '对账单：{{creditor}}（{{number}}）',
      body: `{{debtor}}：

您好！现将截至{{date}}贵司在{{creditor}}的未结款项明细发给您，请核对：

{{invoiceTable}}

未结合计：{{total}}

请在{{deadline}}前核对。如无异议，请按期付款；如有不符，请告诉我们差异和相关凭据。
{{paymentDetails}}

联系人：{{contact}}

{{creditor}}
{{date}}
`,
    },
    confirmation: {
      subject: '往来款项询证函（{{number}}）',
      body: `往来款项询证函
编号：{{number}}

致：{{debtor}}
地址：{{debtorAddress}}

为核对账目，请核对截至{{date}}贵司应付{{creditor}}的下列款项：

{{invoiceTable}}

余额合计：{{total}}
人民币（大写）：{{totalCapitals}}

请在{{deadline}}前于下方回执中确认或说明差异，签字盖章后寄回，或将扫描件发给我们。

联系人：{{contact}}

{{creditor}}
{{creditorContact}}
{{date}}

------------------------------------------------------------
回执

一、上述余额正确，我司确认。

    单位（盖章）：______________
    经办人（签字）：______________    日期：______________

二、上述余额不符，差异如下：

    ____________________________________________________
    ____________________________________________________

    单位（盖章）：______________
    经办人（签字）：______________    日期：______________
`,
    },
  },
  en: {
    reminder: {
      subject: 'Payment reminder from {{creditor}} ({{number}})',
      body: `Dear {{debtor}},

This is a friendly reminder from {{creditor}}. As of {{date}} we have not yet received payment for:

{{invoiceTable}}

Total: {{total}}

If you have already paid, thank you. Please tell us the payment date so we can match it. If not, please pay by {{deadline}}.
{{paymentDetails}}

Any questions? Please contact {{contact}}.

{{creditor}}
{{date}}
`,
    },
    notice: {
      subject: 'Payment notice ({{number}})',
      body: `PAYMENT NOTICE
No. {{number}}

To: {{debtor}}
{{debtorAddress}}

As of {{date}}, the following amounts are overdue:

{{invoiceTable}}

Total overdue: {{total}}
{{charges}}
Total due: {{grandTotal}}

Please pay the full amount by {{deadline}}.
How to pay:
{{paymentDetails}}

If paying in full at once is difficult, please talk to us before the deadline: {{options}}
If you disagree with any amount, tell us in writing before the deadline and include your documents.

Contact: {{contact}}

{{creditor}}
{{creditorContact}}
{{date}}
`,
    },
    final: {
      subject: 'Final demand: please pay by {{deadline}} ({{number}})',
      body: `FINAL DEMAND
No. {{number}}

To: {{debtor}}
{{debtorAddress}}

We have reminded you several times. As of {{date}}, the following amounts are still unpaid:

{{invoiceTable}}

Total overdue: {{total}}
{{charges}}
Total due: {{grandTotal}}

Please pay in full by {{deadline}}. This is the final deadline.
How to pay:
{{paymentDetails}}

If we have not received payment by then, we will charge late interest and fees as agreed, suspend our services to you, and take legal action to recover the debt.
{{consequences}}

If you need instalments or more time, contact us before the deadline: {{options}}

Contact: {{contact}}

{{creditor}}
{{creditorContact}}
{{date}}
`,
    },
    lawyer: {
      subject: "[DRAFT for the lawyer's review] Lawyer's letter ({{number}})",
      body: `[DRAFT: a lawyer must review, change and sign this letter before it is sent]

LAWYER'S LETTER
No. {{number}}

To: {{debtor}}
{{debtorAddress}}

We act for {{creditor}} ("our client") about the money you owe our client.

As of {{date}}, you owe our client the following amounts:

{{invoiceTable}}

Total overdue: {{total}}
{{charges}}
Total due: {{grandTotal}}

Our client has asked you for payment several times without result. Please pay the full amount by {{deadline}} to:
{{paymentDetails}}

If you do not pay by then, we will advise our client to start court or arbitration proceedings and to claim late interest, penalties and the costs of recovery.
{{consequences}}

Contact: {{contact}}

______________ Law Firm
Lawyer (signature): ______________
{{date}}
`,
    },
    statement: {
      subject: 'Statement of account from {{creditor}} ({{number}})',
      body: `Dear {{debtor}},

Please find below your open items with {{creditor}} as of {{date}}:

{{invoiceTable}}

Total open: {{total}}

Please check it by {{deadline}}. If it is correct, please pay on time; if anything differs, tell us what and send us your documents.
{{paymentDetails}}

Contact: {{contact}}

{{creditor}}
{{date}}
`,
    },
    confirmation: {
      subject: 'Balance confirmation request ({{number}})',
      body: `BALANCE CONFIRMATION
No. {{number}}

To: {{debtor}}
{{debtorAddress}}

To keep our records in agreement, please check the amounts you owed {{creditor}} as of {{date}}:

{{invoiceTable}}

Balance: {{total}}

Please confirm the balance or state the differences in the reply slip below by {{deadline}}, then sign, stamp and return it to us (a scan is fine).

Contact: {{contact}}

{{creditor}}
{{creditorContact}}
{{date}}

------------------------------------------------------------
REPLY SLIP

1. The balance above is correct.

    Company (stamp): ______________
    Name and signature: ______________    Date: ______________

2. The balance above is not correct. The differences are:

    ____________________________________________________
    ____________________________________________________

    Company (stamp): ______________
    Name and signature: ______________    Date: ______________
`,
    },
  },
};

// ---------------------------------------------------------------------------------------
// Rendering

export interface NoticeData {
  creditor: string;
  creditorContact: string;
  debtor: string;
  debtorAddress: string;
  date: IsoDate;
  number: string;
  stage: string;
  currency: string;
  digits: number;
  locale: 'zh-CN' | 'en';
  invoices: { number: string; issueDate: IsoDate; dueDate: IsoDate; amount: Minor; balance: Minor; daysOverdue: number }[];
  charges: { label: string; basis: string; amount: Minor }[];
  deadline: IsoDate;
  paymentDetails: string;
  options: string;
  consequences: string;
  contact: string;
}

export type NoticeBlock =
  | { kind: 'text'; text: string }
  | { kind: 'invoices'; rows: string[][]; header: string[] }
  | { kind: 'charges'; rows: string[][]; header: string[] };

/** '1,234,567.89': ',' every three integer digits, whatever the locale. */
export function formatGrouped(amount: Minor, digits: number): string {
  const plain = formatPlain(amount, digits);
  const sign = plain.startsWith('-') ? '-' : '';
  const [whole = '', fraction] = plain.slice(sign.length).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/** 2025年3月1日 in Chinese, 2025-03-01 in English. */
export function formatNoticeDate(iso: IsoDate, locale: NoticeLocale): string {
  if (locale === 'en') return iso;
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** A total with its currency: '¥1,234.56' for CNY in Chinese, else 'USD 1,234.56'. */
function formatTotal(amount: Minor, data: NoticeData): string {
  const grouped = formatGrouped(amount, data.digits);
  if (data.locale === 'zh-CN' && data.currency === 'CNY') {
    return grouped.startsWith('-') ? `-¥${grouped.slice(1)}` : `¥${grouped}`;
  }
  return `${data.currency} ${grouped}`;
}

const HEADERS: Record<NoticeLocale, { invoices: (c: string) => string[]; charges: (c: string) => string[] }> = {
  'zh-CN': {
    invoices: (c) => ['发票号', '开票日期', '到期日', `金额（${c}）`, `未付余额（${c}）`, '逾期天数'],
    charges: (c) => ['费用', '计算依据', `金额（${c}）`],
  },
  en: {
    invoices: (c) => ['Invoice', 'Issued', 'Due', `Amount (${c})`, `Balance (${c})`, 'Days overdue'],
    charges: (c) => ['Charge', 'Basis', `Amount (${c})`],
  },
};

/** Columns of numbers line up on the right. */
const RIGHT_ALIGNED = { invoices: [false, false, false, true, true, true], charges: [false, false, true] };

/**
 * Width in a monospaced font: East Asian wide and full-width characters take two
 * cells, so Chinese headers and names line up with digits.
 */
function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Header and rows as aligned lines, two spaces between columns, no trailing spaces. */
function tableText(header: string[], rows: string[][], right: boolean[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => displayWidth(row[col] ?? ''))));
  return all
    .map((row) =>
      row
        .map((cell, col) => {
          const pad = ' '.repeat((widths[col] ?? 0) - displayWidth(cell));
          return right[col] ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

interface Table {
  kind: 'invoices' | 'charges';
  header: string[];
  rows: string[][];
  text: string;
}

function tablesOf(data: NoticeData): { invoices: Table; charges: Table } {
  const headers = HEADERS[data.locale];
  const money = (m: Minor) => formatGrouped(m, data.digits);
  const date = (d: IsoDate) => formatNoticeDate(d, data.locale);
  const invoiceRows = data.invoices.map((inv) => [
    inv.number, date(inv.issueDate), date(inv.dueDate), money(inv.amount), money(inv.balance), String(inv.daysOverdue),
  ]);
  const chargeRows = data.charges.map((c) => [c.label, c.basis, money(c.amount)]);
  const invoiceHeader = headers.invoices(data.currency);
  const chargeHeader = headers.charges(data.currency);
  return {
    invoices: {
      kind: 'invoices', header: invoiceHeader, rows: invoiceRows,
      // No invoices, no table: the line is then left out like any empty placeholder.
      text: invoiceRows.length === 0 ? '' : tableText(invoiceHeader, invoiceRows, RIGHT_ALIGNED.invoices),
    },
    charges: {
      kind: 'charges', header: chargeHeader, rows: chargeRows,
      text: chargeRows.length === 0 ? '' : tableText(chargeHeader, chargeRows, RIGHT_ALIGNED.charges),
    },
  };
}

/** Total of the balances, charges, and what each placeholder renders to. */
function valuesOf(data: NoticeData, tables: { invoices: Table; charges: Table }): Record<Placeholder, string> {
  const total = data.invoices.reduce((sum, inv) => sum + inv.balance, 0);
  const grandTotal = total + data.charges.reduce((sum, c) => sum + c.amount, 0);
  // Capitals are for RMB only, and only for what can be owed (rmbCapitals refuses the rest).
  const capitals = data.currency === 'CNY' && total >= 0 && total < RMB_CAPITALS_LIMIT ? rmbCapitals(total) : '';
  return {
    creditor: data.creditor,
    creditorContact: data.creditorContact,
    debtor: data.debtor,
    debtorAddress: data.debtorAddress,
    date: formatNoticeDate(data.date, data.locale),
    number: data.number,
    invoiceTable: tables.invoices.text,
    total: formatTotal(total, data),
    totalCapitals: capitals,
    charges: tables.charges.text,
    grandTotal: formatTotal(grandTotal, data),
    deadline: formatNoticeDate(data.deadline, data.locale),
    paymentDetails: data.paymentDetails,
    options: data.options,
    consequences: data.consequences,
    contact: data.contact,
    stage: data.stage,
  };
}

type RenderedLine = { kind: 'text'; text: string } | { kind: 'table'; table: Table } | null;

/** One template line: its text, a table standing alone, or null when it is left out. */
function renderLine(line: string, values: Record<Placeholder, string>, tables: { invoices: Table; charges: Table }): RenderedLine {
  const { tokens } = scanLine(line);
  const known = tokens.filter((t): t is Extract<Token, { kind: 'placeholder' }> => t.kind === 'placeholder' && isPlaceholder(t.name));
  if (known.length > 0 && known.every((t) => values[t.name as Placeholder] === '')) return null;
  const others = tokens.filter((t) => t !== known[0]);
  const only = known.length === 1 && others.every((t) => t.kind === 'literal' && t.text.trim() === '') ? known[0] : undefined;
  if (only?.name === 'invoiceTable') return { kind: 'table', table: tables.invoices };
  if (only?.name === 'charges') return { kind: 'table', table: tables.charges };
  const text = tokens
    .map((t) => (t.kind === 'literal' ? t.text : isPlaceholder(t.name) ? values[t.name] : t.raw))
    .join('');
  return { kind: 'text', text };
}

/** The plain text and the print blocks of a template filled with `data`. */
export function renderNotice(
  template: { subject: string; body: string },
  data: NoticeData,
): { subject: string; text: string; blocks: NoticeBlock[] } {
  const tables = tablesOf(data);
  const values = valuesOf(data, tables);

  // The subject is one line: its parts joined with spaces.
  const subject = splitLines(template.subject)
    .map((line) => renderLine(line, values, tables))
    .map((r) => (r === null ? '' : r.kind === 'text' ? r.text : r.table.text))
    .filter((s) => s.trim() !== '')
    .join(' ')
    .replace(/\s*\n\s*/g, ' ');

  const textLines: string[] = [];
  const blocks: NoticeBlock[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ kind: 'text', text: pending.join('\n') });
    pending = [];
  };
  for (const line of splitLines(template.body)) {
    const r = renderLine(line, values, tables);
    if (r === null) continue;
    if (r.kind === 'text') {
      textLines.push(r.text);
      pending.push(r.text);
    } else {
      textLines.push(r.table.text);
      flush();
      blocks.push({ kind: r.table.kind, header: [...r.table.header], rows: r.table.rows.map((row) => [...row]) });
    }
  }
  flush();
  return { subject, text: textLines.join('\n'), blocks };
}

// ---------------------------------------------------------------------------------------
// Email: a mailto link, or an .eml file the mail program opens as a draft.

/**
 * mailto: link (RFC 6068). Line ends become CRLF (%0D%0A); '@' and the commas between
 * addresses stay readable. Mail programs cap link length (about 2,000 characters in
 * some): long notices go out as .eml instead.
 */
export function mailtoLink(to: string, subject: string, text: string): string {
  const address = encodeURIComponent(to.trim()).replace(/%40/g, '@').replace(/%2C/gi, ',');
  const crlf = (s: string) => s.replace(/\r\n?|\n/g, '\r\n');
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf(text))}`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 of bytes, with padding. Written out so it runs alike in browser, worker and Node. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63];
    out += BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const isPlainAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);
/** A header value is one line: a CR or LF in it would start a header of its own. */
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim();

/**
 * RFC 2047 encoded-words (UTF-8, base64), split between characters so that each word
 * stays within 75 characters (42 bytes of text -> 56 of base64), folded with CRLF SP.
 */
function encodedWords(s: string): string {
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const ch of s) {
    const n = utf8(ch).length;
    if (chunkBytes + n > 42) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += ch;
    chunkBytes += n;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8(w))}?=`).join('\r\n ');
}

/** Plain printable ASCII that fits a line stays as it is; anything else is encoded. */
function headerText(s: string, room: number): string {
  return isPlainAscii(s) && s.length <= room ? s : encodedWords(s);
}

/** Split an address list on commas outside quotes and angle brackets. */
function splitAddresses(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if (ch === ',' && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** 'Name <a@b>' with a non-ASCII name gets the name encoded; the address itself stays. */
function addressHeader(list: string): string {
  return splitAddresses(oneLine(list))
    .map((a) => {
      const m = /^(.*?)\s*<([^<>]*)>$/.exec(a);
      if (!m) return a;
      const name = (m[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
      const address = m[2] ?? '';
      if (name === '') return `<${address}>`;
      if (isPlainAscii(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`;
      return `${encodedWords(name)} <${address}>`;
    })
    .join(', ');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in UTC: 'Sat, 01 Mar 2025 08:05:09 +0000'. */
function rfc5322Date(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/**
 * An RFC 5322 message, UTF-8 text/plain, body in base64 (76-character lines), CRLF
 * line ends. X-Unsent: 1 makes Outlook open it as a draft to send, not as received mail.
 */
export function emlFile(input: { from: string; to: string; subject: string; text: string; date: Date }): string {
  const body = base64(utf8(input.text.replace(/\r\n?|\n/g, '\r\n')));
  const bodyLines: string[] = [];
  for (let i = 0; i < body.length; i += 76) bodyLines.push(body.slice(i, i + 76));
  const headers = [
    `Date: ${rfc5322Date(input.date)}`,
    `From: ${addressHeader(input.from)}`,
    `To: ${addressHeader(input.to)}`,
    `Subject: ${headerText(oneLine(input.subject), 78 - 'Subject: '.length)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    'X-Unsent: 1',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${bodyLines.map((l) => `${l}\r\n`).join('')}`;
}
