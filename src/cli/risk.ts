// overdue risk FILE --as-of D: every customer's credit score and grade from the
// history in FILE up to D (payments after D are not yet known), riskiest first, with
// the learned model's probability that their next invoice is paid late. The same
// domain code as the app: riskScore, and the late-payment model trained on the
// file's own paid invoices (a rule-based estimate when the history is too short).
import { openBalance } from '../domain/balance';
import { toDayNumber } from '../domain/calendar';
import type { Grade } from '../domain/collections';
import {
  defaultSplitDay, featuresOf, predictLate, ruleLateProbability, trainLateModel, validateLateModel, type PaidInvoiceFact,
} from '../domain/late-model';
import { formatPlain } from '../domain/money';
import { DEFAULT_RISK_WEIGHTS, riskScore, type RiskFacts } from '../domain/risk-score';
import type { Minor } from '../domain/types';
import { toCsv, type CsvCell } from '../export/csv';
import type { Io } from './io';
import type { ImportedBook } from './load';
import { AGING_OPTIONS } from './aging';
import { dateOption, type Parsed } from './options';
import { readBook } from './read-book';

export const RISK_OPTIONS = AGING_OPTIONS;

export const RISK_USAGE =
  'overdue risk FILE --as-of YYYY-MM-DD [--map FIELD=COLUMN]... [--date-order dmy|mdy|ymd] [--encoding NAME] [--json]';

const YEAR = 365;

export interface CustomerRisk {
  customer: string;
  score: number;
  grade: Grade;
  open: Minor;
  overdue: Minor;
  lateProbability: number;
}

export interface RiskReport {
  rows: CustomerRisk[];
  /** How late_probability was found: the model with its held-out quality, or the rule. */
  model: { kind: 'learned'; examples: number; auc: number | null; maeDays: number | null } | { kind: 'rule'; reason: string; examples: number };
}

/** The day an invoice's balance reached zero by payments on or before asOf, else Infinity. */
function paidDayOf(book: ImportedBook, invoiceId: string, amount: Minor, asOfDay: number): number {
  const entries = [...(book.entriesByInvoice.get(invoiceId) ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let balance = amount;
  for (const e of entries) {
    const day = toDayNumber(e.date);
    if (day > asOfDay) break;
    balance += e.delta;
    if (balance <= 0) return day;
  }
  return Number.POSITIVE_INFINITY;
}

export function riskReport(book: ImportedBook, asOf: string): RiskReport {
  const asOfDay = toDayNumber(asOf);
  interface Acc { name: string; facts: RiskFacts; late: number; paid: number; lastTerms: number; amounts: Minor[] }
  const customers = new Map<string, Acc>();
  const history: PaidInvoiceFact[] = [];
  for (const inv of book.invoices) {
    const issueDay = toDayNumber(inv.issueDate);
    if (issueDay > asOfDay) continue;
    const key = inv.parsed.customerKey;
    let c = customers.get(key);
    if (!c) {
      c = {
        name: inv.parsed.customerName || key, late: 0, paid: 0, lastTerms: 0, amounts: [],
        facts: {
          open: 0, overdue: 0, overdueAgeDays: 0, oldestDaysOverdue: 0, daysLate: [], brokenPromises: 0, keptPromises: 0,
          disputed: 0, creditLimit: null, priorDaysLate: [],
        },
      };
      customers.set(key, c);
    }
    const dueDay = toDayNumber(inv.dueDate);
    const paidDay = paidDayOf(book, inv.id, inv.amount, asOfDay);
    history.push({ customerKey: key, issueDay, dueDay, amount: inv.amount, paidDay });
    c.lastTerms = dueDay - issueDay;
    c.amounts.push(inv.amount);
    const f = c.facts;
    if (Number.isFinite(paidDay)) {
      c.paid += 1;
      if (paidDay > dueDay) c.late += 1;
      if (paidDay > asOfDay - YEAR) f.daysLate.push(paidDay - dueDay);
      else if (paidDay > asOfDay - 2 * YEAR) f.priorDaysLate.push(paidDay - dueDay);
    }
    const balance = openBalance(inv, book.entriesByInvoice.get(inv.id) ?? [], asOf);
    if (balance <= 0) continue;
    f.open += balance;
    if (inv.parsed.disputed) f.disputed += balance;
    if (dueDay < asOfDay) {
      const age = asOfDay - dueDay;
      // Running balance-weighted mean of the overdue invoices' ages.
      f.overdueAgeDays = (f.overdueAgeDays * f.overdue + age * balance) / (f.overdue + balance);
      f.overdue += balance;
      f.oldestDaysOverdue = Math.max(f.oldestDaysOverdue, age);
    }
  }

  const trained = trainLateModel(history);
  let model: RiskReport['model'];
  let probabilities: Map<string, number>;
  if (trained.fallback) {
    model = { kind: 'rule', reason: trained.reason, examples: trained.examples };
    probabilities = new Map([...customers].map(([key, c]) => [key, ruleLateProbability(c.paid, c.late)]));
  } else {
    const split = defaultSplitDay(history);
    const check = split === null ? null : validateLateModel(history, split);
    model = {
      kind: 'learned', examples: trained.examples,
      auc: check && 'auc' in check ? check.auc : null, maeDays: check && 'auc' in check ? check.maeDays : null,
    };
    // The next invoice: issued tomorrow on the customer's latest terms, for their median amount.
    const keys = [...customers.keys()];
    const next = keys.map((key) => {
      const c = customers.get(key) as Acc;
      const sorted = [...c.amounts].sort((a, b) => a - b);
      return { customerKey: key, issueDay: asOfDay + 1, dueDay: asOfDay + 1 + c.lastTerms, amount: sorted[Math.floor(sorted.length / 2)] ?? 0 };
    });
    const features = featuresOf(history, next, { grace: trained.grace });
    probabilities = new Map(keys.map((key, i) => [key, predictLate(trained, features[i] as Float64Array)]));
  }

  const rows = [...customers].map(([key, c]): CustomerRisk => {
    const r = riskScore(c.facts, DEFAULT_RISK_WEIGHTS);
    return { customer: c.name, score: r.score, grade: r.grade, open: c.facts.open, overdue: c.facts.overdue, lateProbability: probabilities.get(key) ?? 0.5 };
  });
  // Riskiest first: lowest score, then the most open, then by name.
  rows.sort((a, b) => a.score - b.score || b.open - a.open || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  return { rows, model };
}

function modelNote(model: RiskReport['model']): string {
  if (model.kind === 'rule') {
    return `late_probability: rule-based (the customer's share of late payments); the model needs more history (${model.reason}, ${model.examples} paid invoices)`;
  }
  const quality = model.auc === null ? 'not validated (too little recent history)' : `AUC ${model.auc.toFixed(3)}, MAE ${model.maeDays?.toFixed(1) ?? '-'} days on the newest fifth`;
  return `late_probability: learned from ${model.examples} paid invoices; ${quality}`;
}

export function runRisk(args: Parsed, io: Io): number {
  const asOf = dateOption(args.values, 'as-of');
  return readBook(args, io, (book) => {
    const report = riskReport(book, asOf);
    const prob = (p: number) => p.toFixed(3);
    if (args.values.json === true) {
      io.out(`${JSON.stringify({
        asOf, currency: book.currency, model: report.model,
        rows: report.rows.map((r) => ({ ...r, open: formatPlain(r.open, book.digits), overdue: formatPlain(r.overdue, book.digits), lateProbability: prob(r.lateProbability) })),
      }, null, 2)}\n`);
    } else {
      const rows: CsvCell[][] = [['customer', 'score', 'grade', 'open', 'overdue', 'late_probability']];
      for (const r of report.rows) {
        rows.push([r.customer, r.score, r.grade, { amount: r.open, digits: book.digits }, { amount: r.overdue, digits: book.digits }, prob(r.lateProbability)]);
      }
      io.out(toCsv(rows, '\n'));
    }
    io.err(`overdue: ${modelNote(report.model)}\n`);
  });
}
