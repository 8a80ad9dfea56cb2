// Late charges (违约金 / 滞纳金 / 利息, DOMAIN.md "Late fees and interest"): what an
// overdue invoice owes on top of its principal under a ChargeRule, each line with
// the basis it was computed from so a notice can show how it came about.
//
// Choices where DOMAIN.md is silent:
// - Grace: nothing at all accrues (stage fees included) while days overdue <= graceDays.
//   Once past grace, daily and yearly rates count every day from the due date, grace
//   days included, as most contracts word it ("from the day after the due date").
// - Days overdue = asOf - dueDate in whole calendar days; interest is simple, actual/365.
// - Each line is rounded once, half away from zero, in integer (BigInt) arithmetic.
// - The cap is floor(principal x capBp / 10000): charges never pass the exact share.
//   Lines are cut from the end (interest first, then daily, percent, stage fees), so
//   the fixed fees survive longest; a cut line has basis.capped = true.
// - A principal <= 0 (paid or in credit) accrues nothing.
// - `alreadyCharged` (charges recorded on the invoice earlier) only counts toward the
//   cap; the lines are what the rule gives for the whole span dueDate..asOf.
import type { ChargeRule } from './collections';
import type { IsoDate, Minor } from './types';
import { ok, type FieldError, type Result } from './errors';
import { daysBetween } from './calendar';
import { formatPlain } from './money';

export interface ChargeBasis {
  /** The open balance the charge was computed on. */
  principal: Minor;
  /** Days overdue (asOf - dueDate). */
  days: number;
  /** percent: percentBp; daily: bp a day; interest: bp a year; stage fee: null. */
  rateBp: number | null;
  /** The stage's flat fee before any cap; null for rate-based lines. */
  fee: Minor | null;
  /** The amount was cut down to respect the rule's cap. */
  capped: boolean;
}

export interface ChargeLine {
  kind: 'stageFee' | 'percent' | 'daily' | 'interest';
  amount: Minor;
  basis: ChargeBasis;
}

/** No charges unless the user sets them: stage fees only (stages carry fee 0 by default). */
export const DEFAULT_CHARGE_RULE: ChargeRule = Object.freeze({
  stageFees: true,
  percentBp: null,
  dailyBp: null,
  yearlyBp: null,
  graceDays: 0,
  capBp: null,
});

/** Upper bounds that catch a mistyped rate (1000 for 10 %) without limiting real contracts. */
export const CHARGE_LIMITS = {
  percentBp: 10_000, // 100 % of the balance, once
  dailyBp: 1_000, // 10 % a day
  yearlyBp: 100_000, // 1000 % a year
  graceDays: 3_650, // ten years
  capBp: 100_000, // ten times the principal
} as const;

const BP = 10_000n;
const DAYS_PER_YEAR = 365n;

/**
 * Rates and the cap are null or integers 0..limit, graceDays an integer 0..3650.
 * Every bad field is reported (field = the ChargeRule key). Returns a copy.
 */
export function checkChargeRule(rule: ChargeRule): Result<ChargeRule> {
  const errors: FieldError[] = [];
  const inRange = (v: number, max: number): boolean => Number.isSafeInteger(v) && v >= 0 && v <= max;
  for (const field of ['percentBp', 'dailyBp', 'yearlyBp'] as const) {
    const v = rule[field];
    if (v !== null && !inRange(v, CHARGE_LIMITS[field])) {
      errors.push({ field, code: 'charge.rate', params: { min: 0, max: CHARGE_LIMITS[field] } });
    }
  }
  if (!inRange(rule.graceDays, CHARGE_LIMITS.graceDays)) {
    errors.push({ field: 'graceDays', code: 'charge.grace', params: { min: 0, max: CHARGE_LIMITS.graceDays } });
  }
  if (rule.capBp !== null && !inRange(rule.capBp, CHARGE_LIMITS.capBp)) {
    errors.push({ field: 'capBp', code: 'charge.cap', params: { min: 0, max: CHARGE_LIMITS.capBp } });
  }
  if (errors.length > 0) return { ok: false, errors };
  return ok({ ...rule });
}

/** n / d rounded half away from zero, for n >= 0 and d > 0. */
function divRound(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function checkAmount(name: string, v: Minor): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative safe integer: ${v}`);
}

/**
 * The charges an invoice's open `principal` has accrued by `asOf` under `rule`, plus the
 * given stage fees (those of the dunning stages done; charged only if rule.stageFees).
 * Zero-amount lines are left out; [] while within grace or not yet due.
 * Throws RangeError on a rule checkChargeRule refuses, a malformed date, a negative
 * or unsafe fee or alreadyCharged, or a line too large for a safe integer.
 */
export function accruedCharges(input: {
  principal: Minor;
  dueDate: IsoDate;
  asOf: IsoDate;
  rule: ChargeRule;
  stageFees?: Minor[];
  alreadyCharged?: Minor;
}): ChargeLine[] {
  const { principal, rule } = input;
  const stageFees = input.stageFees ?? [];
  const alreadyCharged = input.alreadyCharged ?? 0;
  if (!Number.isSafeInteger(principal)) throw new RangeError(`Principal must be a safe integer: ${principal}`);
  stageFees.forEach((fee, i) => checkAmount(`stageFees[${i}]`, fee));
  checkAmount('alreadyCharged', alreadyCharged);
  const checked = checkChargeRule(rule);
  if (!checked.ok) throw new RangeError(`Invalid charge rule: ${checked.errors.map((e) => e.field).join(', ')}`);

  const days = daysBetween(input.dueDate, input.asOf);
  if (principal <= 0 || days <= 0 || days <= rule.graceDays) return [];

  const p = BigInt(principal);
  const d = BigInt(days);
  const basis = (rateBp: number | null, fee: Minor | null): ChargeBasis => ({ principal, days, rateBp, fee, capped: false });
  const raw: { kind: ChargeLine['kind']; amount: bigint; basis: ChargeBasis }[] = [];

  if (rule.stageFees) {
    for (const fee of stageFees) raw.push({ kind: 'stageFee', amount: BigInt(fee), basis: basis(null, fee) });
  }
  if (rule.percentBp !== null) {
    raw.push({ kind: 'percent', amount: divRound(p * BigInt(rule.percentBp), BP), basis: basis(rule.percentBp, null) });
  }
  if (rule.dailyBp !== null) {
    raw.push({ kind: 'daily', amount: divRound(p * BigInt(rule.dailyBp) * d, BP), basis: basis(rule.dailyBp, null) });
  }
  if (rule.yearlyBp !== null) {
    raw.push({
      kind: 'interest',
      amount: divRound(p * BigInt(rule.yearlyBp) * d, BP * DAYS_PER_YEAR),
      basis: basis(rule.yearlyBp, null),
    });
  }

  if (rule.capBp !== null) {
    const cap = (p * BigInt(rule.capBp)) / BP;
    let room = cap - BigInt(alreadyCharged);
    if (room < 0n) room = 0n;
    // Walk from the front so the earliest lines keep their room; the last ones are cut.
    for (const line of raw) {
      if (line.amount > room) {
        line.amount = room;
        line.basis.capped = true;
      }
      room -= line.amount;
    }
  }

  const lines: ChargeLine[] = [];
  for (const line of raw) {
    if (line.amount === 0n) continue;
    const amount = Number(line.amount);
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Charge too large for a safe integer: ${line.amount}`);
    lines.push({ kind: line.kind, amount, basis: line.basis });
  }
  return lines;
}

/** Basis points as a percentage without trailing zeros: 1000 -> '10', 5 -> '0.05', 1050 -> '10.5'. */
function bpAsPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const ZH_UNITS = ['', '十', '百', '千'];

/** 1..9999 in everyday Chinese numerals: 5 五, 15 十五, 105 一百零五, 1050 一千零五十. */
function zhSmallNumber(n: number): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((digit, i) => {
    const place = digits.length - 1 - i;
    if (digit === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 十五, not 一十五, at the start.
    out += (digit === 1 && place === 1 && out === '' ? '' : (ZH_DIGITS[digit] ?? '')) + (ZH_UNITS[place] ?? '');
  });
  return out === '' ? '零' : out;
}

/**
 * A daily rate the way Chinese contracts say it: 5 bp 万分之五, 10 bp 千分之一,
 * 100 bp 百分之一, 15 bp 万分之十五 (the largest of 百/千/万 that divides evenly).
 */
function zhDailyRate(bp: number): string {
  if (bp === 0) return '零';
  if (bp % 100 === 0) return `百分之${zhSmallNumber(bp / 100)}`;
  if (bp % 10 === 0) return `千分之${zhSmallNumber(bp / 10)}`;
  return `万分之${zhSmallNumber(bp)}`;
}

/**
 * The basis of a charge as one line of text, with amounts in plain digits (`digits`
 * decimals, no grouping or symbol, so the notice's own currency line stays the only one):
 * - interest: en '100.00 × 10% a year × 15 days / 365', zh '100.00 × 年利率10% × 15天 / 365'
 * - daily: en '100.00 × 0.05% a day × 15 days', zh '100.00 × 日万分之五 × 15天' (Chinese
 *   contracts name daily rates as 万分之/千分之, so zh uses that; en uses a percentage)
 * - percent: '100.00 × 5%' in both
 * - stage fee: en 'stage fee 10.00', zh '催收费 10.00'
 * A capped line ends with ' (capped)' / '（已封顶）', since its amount is below the formula's.
 */
export function describeBasis(line: ChargeLine, digits: number, locale: 'zh-CN' | 'en'): string {
  const { basis } = line;
  const zh = locale === 'zh-CN';
  const principal = formatPlain(basis.principal, digits);
  const rate = basis.rateBp ?? 0;
  const days = zh ? `${basis.days}天` : `${basis.days} ${basis.days === 1 ? 'day' : 'days'}`;
  let text: string;
  switch (line.kind) {
    case 'interest':
      text = zh
        ? `${principal} × 年利率${bpAsPercent(rate)}% × ${days} / 365`
        : `${principal} × ${bpAsPercent(rate)}% a year × ${days} / 365`;
      break;
    case 'daily':
      text = zh ? `${principal} × 日${zhDailyRate(rate)} × ${days}` : `${principal} × ${bpAsPercent(rate)}% a day × ${days}`;
      break;
    case 'percent':
      text = `${principal} × ${bpAsPercent(rate)}%`;
      break;
    case 'stageFee': {
      const fee = formatPlain(basis.fee ?? line.amount, digits);
      text = zh ? `催收费 ${fee}` : `stage fee ${fee}`;
      break;
    }
  }
  if (basis.capped) text += zh ? '（已封顶）' : ' (capped)';
  return text;
}
