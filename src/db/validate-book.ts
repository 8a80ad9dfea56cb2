// Book settings as entered on the settings page, checked and normalised.

import type { BookInput } from '../api/contract';
import type { FieldError, Result } from '../domain/errors';
import { checkBounds } from '../domain/aging';
import { MAX_TERMS_DAYS, checkWholeNumber, text } from './validate-common';

const LOCALES = ['zh-CN', 'en'] as const;
const BASES = ['due', 'issue'] as const;

export function validateBookInput(input: BookInput): Result<BookInput> {
  const errors: FieldError[] = [];
  const name = text(input.name);
  if (name === '') errors.push({ field: 'name', code: 'required' });
  const currency = text(input.currency).toUpperCase();
  // ISO 4217 codes are three letters; the picker offers nothing else.
  if (!/^[A-Z]{3}$/.test(currency)) errors.push({ field: 'currency', code: 'required' });
  if (!LOCALES.includes(input.locale)) errors.push({ field: 'locale', code: 'required' });
  if (!BASES.includes(input.agingBasis)) errors.push({ field: 'agingBasis', code: 'required' });
  const bounds = checkBounds(input.agingBounds);
  if (!bounds.ok) errors.push(...bounds.errors.map((e) => ({ ...e, field: 'agingBounds' })));
  const terms = checkWholeNumber('defaultTermsDays', input.defaultTermsDays, 0, MAX_TERMS_DAYS);
  if (terms) errors.push(terms);
  const years = checkWholeNumber('limitationYears', input.limitationYears, 1, 30);
  if (years) errors.push(years);
  if (errors.length > 0 || !bounds.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      currency,
      locale: input.locale,
      agingBounds: bounds.value,
      agingBasis: input.agingBasis,
      defaultTermsDays: input.defaultTermsDays,
      commaDecimal: input.commaDecimal === true,
      limitationYears: input.limitationYears,
    },
  };
}
