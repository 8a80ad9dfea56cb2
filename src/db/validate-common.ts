// Small input checks shared by the record validators. Each returns the error for
// its field, or null when the value is acceptable.

import type { FieldError } from '../domain/errors';

/** A positive amount in minor units (payments, invoices, adjustments). */
export function checkPositiveAmount(field: string, amount: unknown): FieldError | null {
  if (typeof amount !== 'number' || !Number.isInteger(amount)) return { field, code: 'money.invalid' };
  if (!Number.isSafeInteger(amount)) return { field, code: 'money.tooLarge' };
  if (amount === 0) return { field, code: 'money.zero' };
  if (amount < 0) return { field, code: 'money.negative' };
  return null;
}

/** A whole number within [min, max] (days, years). */
export function checkWholeNumber(field: string, value: unknown, min: number, max: number): FieldError | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return { field, code: 'number.invalid', params: { min, max } };
  }
  return null;
}

/** Trimmed text; non-strings become ''. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Longest payment terms accepted, in days (ten years). */
export const MAX_TERMS_DAYS = 3650;
