// The worker's answers for customer statements (对账单): one customer's account over a
// period, with the confirmation slip (询证函) it can be sent with, and the same
// statement as a CSV file. Part of OverdueApi.

import type { NoticeLayoutBlock } from '../domain/collections';
import type { Result } from '../domain/errors';
import type { Statement } from '../domain/statement';
import type { Id, IsoDate } from '../domain/types';

/** The confirmation letter with its reply slip, rendered from the book's 'confirmation' template. */
export interface StatementSlip {
  locale: 'zh-CN' | 'en';
  /** The date the customer is asked to reply by. */
  replyBy: IsoDate;
  subject: string;
  /** Plain text (to copy); `blocks` is the same letter laid out for print. */
  text: string;
  blocks: NoticeLayoutBlock[];
}

export interface CustomerStatement extends Statement {
  customerId: Id;
  /** The book: whose receivable the account is. */
  creditor: string;
  /** The customer. */
  debtor: string;
  /** The book's currency: every amount of the statement is in it. */
  currency: string;
  /** The book's aging bounds the aging line uses (due basis). */
  bounds: number[];
  /** Open items as of `to` (invoices, and payments not yet applied as negative items), totalling closingBalance. */
  confirmation: StatementSlip;
}

export interface StatementOptions {
  /** Language of the confirmation slip; default the book's. */
  locale?: 'zh-CN' | 'en';
  /** Reply-by date on the slip; default `to` + 14 days. */
  replyBy?: IsoDate;
}

/** A finished CSV file, as bytes (the shape of ExportFile in contract.ts). */
export interface StatementFile {
  filename: string;
  mime: string;
  bytes: ArrayBuffer;
}

export interface StatementsApi {
  /**
   * The statement from `from` to `to` (inclusive). A malformed date is 'date.invalid' on
   * 'from' / 'to' (or 'replyBy'); a period that ends before it starts is
   * 'statement.periodReversed' on 'to'; an unknown customer 'customer.notFound'.
   */
  customerStatement(bookId: Id, customerId: Id, from: IsoDate, to: IsoDate, options?: StatementOptions): Promise<Result<CustomerStatement>>;
  /** The statement as CSV: UTF-8 with a BOM, or GBK; the same errors as customerStatement. */
  statementCsv(bookId: Id, customerId: Id, from: IsoDate, to: IsoDate, encoding: 'utf-8' | 'gbk'): Promise<Result<StatementFile>>;
}
