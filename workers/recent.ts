// "Recent activity": the newest change batches of a book as ChangeRows whose
// params (number, customer, amount, currency, count) fill the UI's i18n strings.

import { Dexie } from 'dexie';
import type { ChangeRow } from '../src/api/contract';
import type { BatchSummary } from '../src/db/changelog';
import type { OverdueDb } from '../src/db/schema';
import { currencyDigits, formatPlain } from '../src/domain/money';
import type { Change, Id } from '../src/domain/types';

export interface NameLookup {
  customerName(id: Id): string | null;
  invoiceNumber(id: Id): string | null;
}

/** Enough of a batch to describe it (a payment and its allocations, an unapply of several). */
const SAMPLE_SIZE = 20;

type Loose = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function describeBatch(batch: BatchSummary, names: NameLookup, bookCurrency: string): Record<string, string | number> {
  const params: Record<string, string | number> = { count: batch.count };
  const first = batch.sample[0];
  if (!first || batch.action === 'demo.load') return params;
  const record = (first.after ?? first.before) as Loose | null;
  if (!record) return params;
  const currency = str(record.currency) || bookCurrency;
  let amount: number | null = null;
  switch (first.table) {
    case 'books':
      if (str(record.name)) params.name = str(record.name) as string;
      break;
    case 'customers':
      if (str(record.name)) params.customer = str(record.name) as string;
      break;
    case 'invoices':
    case 'payments':
      if (str(record.number)) params.number = str(record.number) as string;
      amount = num(record.amount);
      break;
    case 'allocations': {
      // An unapply (or its undo) touches several allocations: report their sum.
      amount = 0;
      for (const c of batch.sample) {
        if (c.table === 'allocations') amount += num(((c.after ?? c.before) as Loose | null)?.amount) ?? 0;
      }
      break;
    }
    case 'adjustments':
      amount = num(record.amount);
      break;
    case 'activities':
      break;
  }
  const invoiceId = str(record.invoiceId);
  if (invoiceId && params.number === undefined) {
    const number = names.invoiceNumber(invoiceId);
    if (number) params.number = number;
  }
  const customerId = str(record.customerId);
  if (customerId && params.customer === undefined) {
    const name = names.customerName(customerId);
    if (name) params.customer = name;
  }
  if (amount !== null) {
    params.amount = formatPlain(amount, digitsOf(currency));
    params.currency = currency;
  }
  return params;
}

function digitsOf(currency: string): number {
  try {
    return currencyDigits(currency);
  } catch {
    return 2;
  }
}

/** What never changes about a committed batch (its undone flag is read afresh each time). */
interface BatchFacts { firstSeq: number; count: number; sample: Change[] }

/** Batches remembered at most; a few screens' worth. */
const MAX_REMEMBERED = 500;

/** Newest changes read per request; covers the last several small batches at once. */
const CHUNK = 64;

/**
 * Reads the newest batches of a book's change log: the newest changes in one
 * request, then each batch's size, first seq and sample once (batches never
 * change after commit, except for their undone flag, which is read afresh).
 * Unlike a walk that loads every key of each batch, a 100,000-record demo load
 * costs no more than a one-record edit.
 */
export class RecentChanges {
  private readonly facts = new Map<string, BatchFacts>();

  constructor(private readonly db: OverdueDb) {}

  async batches(bookId: Id, limit: number): Promise<BatchSummary[]> {
    const out: BatchSummary[] = [];
    let below: number | null = null;
    while (out.length < limit) {
      const chunk: Change[] = await this.db.changes.where('[bookId+seq]')
        .between([bookId, Dexie.minKey], [bookId, below ?? Dexie.maxKey], false, false)
        .reverse().limit(CHUNK).toArray();
      if (chunk.length === 0) break;
      // A batch's changes are consecutive in seq (one transaction), so each new batch id starts a batch.
      const heads: Change[] = [];
      for (const c of chunk) if (c.batch !== heads[heads.length - 1]?.batch) heads.push(c);
      const wanted = heads.slice(0, limit - out.length);
      const facts = await Promise.all(wanted.map((h) => this.batchFacts(h.batch, h.seq ?? 0)));
      wanted.forEach((newest, i) => {
        const f = facts[i] as BatchFacts;
        out.push({
          batch: newest.batch, action: newest.action, seq: newest.seq ?? 0, stamp: newest.stamp, undone: newest.undone,
          count: f.count, sample: f.sample,
        });
        below = f.firstSeq;
      });
    }
    return out;
  }

  async rows(bookId: Id, limit: number, names: NameLookup, bookCurrency: string): Promise<ChangeRow[]> {
    const batches = await this.batches(bookId, Math.max(0, Math.floor(limit)));
    return batches.map((b) => ({
      seq: b.seq,
      action: b.action,
      params: describeBatch(b, names, bookCurrency),
      stamp: b.stamp,
      undone: b.undone === 1,
    }));
  }

  private async batchFacts(batch: string, newestSeq: number): Promise<BatchFacts> {
    const known = this.facts.get(batch);
    if (known) return known;
    // The batch index orders equal keys by seq, so the first entries are the batch's oldest.
    // Two collections: Dexie's limit() changes the collection it is called on.
    const inBatch = () => this.db.changes.where('batch').equals(batch);
    const [count, sample] = await Promise.all([inBatch().count(), inBatch().limit(SAMPLE_SIZE).toArray()]);
    // A bulk batch logs one entry per chunk; its first entry knows how many records it wrote.
    const facts = { firstSeq: sample[0]?.seq ?? newestSeq, count: sample[0]?.bulk?.total ?? count, sample };
    if (this.facts.size >= MAX_REMEMBERED) this.facts.clear();
    this.facts.set(batch, facts);
    return facts;
  }
}
