// Reads typed form values into contract inputs, collecting a FieldError per bad field.
import { isIsoDate } from '../../domain/calendar';
import { fail, ok, type ErrorCode, type FieldError, type Result } from '../../domain/errors';
import { parseMoney } from '../../domain/money';
import type { IsoDate, Minor } from '../../domain/types';

export interface MoneyRules {
  digits: number;
  commaDecimal: boolean;
  /** The field's currency: an amount typed with another ISO code is refused. */
  currency?: string;
  /** Reject 0 (payments, adjustments). */
  positive?: boolean;
  /** Reject negative amounts (limits). */
  nonNegative?: boolean;
}

export class Validator {
  readonly errors: FieldError[] = [];

  add(field: string, code: ErrorCode, params?: FieldError['params']): void {
    this.errors.push(params ? { field, code, params } : { field, code });
  }

  text(field: string, value: string, required = false): string {
    const v = value.trim();
    if (required && !v) this.add(field, 'required');
    return v;
  }

  /** Amount in minor units, or null when empty and not required (or invalid). */
  money(field: string, value: string, rules: MoneyRules & { required: true }): Minor;
  money(field: string, value: string, rules: MoneyRules & { required?: false }): Minor | null;
  money(field: string, value: string, rules: MoneyRules & { required?: boolean }): Minor | null {
    if (!value.trim()) {
      if (rules.required) this.add(field, 'required');
      return rules.required ? 0 : null;
    }
    const parsed = parseMoney(value, rules);
    if (!parsed.ok) {
      for (const e of parsed.errors) this.add(field, e.code, e.params);
      return rules.required ? 0 : null;
    }
    const amount = parsed.value;
    if ((rules.positive || rules.nonNegative) && amount < 0) this.add(field, 'money.negative');
    else if (rules.positive && amount === 0) this.add(field, 'money.zero');
    return amount;
  }

  /** <input type="date"> already yields ISO; still check it is a real date. */
  date(field: string, value: string, required = true): IsoDate {
    const v = value.trim();
    if (!v) {
      if (required) this.add(field, 'required');
      return '';
    }
    if (!isIsoDate(v)) this.add(field, 'date.invalid');
    return v;
  }

  int(field: string, value: string, opts: { min?: number; max?: number; required?: boolean } = {}): number {
    const v = value.trim();
    if (!v) {
      if (opts.required !== false) this.add(field, 'required');
      return 0;
    }
    if (!/^\d+$/.test(v)) {
      this.add(field, 'number.invalid');
      return 0;
    }
    const n = Number(v);
    if (!Number.isSafeInteger(n) || (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      this.add(field, 'number.invalid');
    }
    return n;
  }

  done<T>(value: T): Result<T> {
    if (this.errors.length === 0) return ok(value);
    const [first, ...rest] = this.errors;
    const r = fail<T>(first!.field, first!.code, first!.params);
    if (!r.ok) r.errors.push(...rest);
    return r;
  }
}
