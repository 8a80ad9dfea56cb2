// A customer as entered on its form, checked and normalised. A USCC that fails
// its checksum is stored anyway (the UI warns); only its spelling is normalised.

import type { CustomerInput } from '../api/contract';
import type { FieldError, Result } from '../domain/errors';
import type { Contact } from '../domain/types';
import { normalizeUscc } from '../domain/uscc';
import { MAX_TERMS_DAYS, checkWholeNumber, text } from './validate-common';

function cleanContacts(contacts: unknown): Contact[] {
  if (!Array.isArray(contacts)) return [];
  return contacts
    .map((c: Partial<Contact>) => ({
      name: text(c?.name), phone: text(c?.phone), email: text(c?.email), wechat: text(c?.wechat), address: text(c?.address),
    }))
    .filter((c) => Object.values(c).some((v) => v !== ''));
}

function cleanTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  return [...new Set(tags.map(text).filter((t) => t !== ''))];
}

export function validateCustomerInput(input: CustomerInput): Result<CustomerInput> {
  const errors: FieldError[] = [];
  const name = text(input.name);
  if (name === '') errors.push({ field: 'name', code: 'required' });
  const terms = checkWholeNumber('termsDays', input.termsDays, 0, MAX_TERMS_DAYS);
  if (terms) errors.push(terms);
  const limit = input.creditLimit;
  if (limit !== null) {
    if (typeof limit !== 'number' || !Number.isInteger(limit)) errors.push({ field: 'creditLimit', code: 'money.invalid' });
    else if (!Number.isSafeInteger(limit)) errors.push({ field: 'creditLimit', code: 'money.tooLarge' });
    else if (limit < 0) errors.push({ field: 'creditLimit', code: 'money.negative' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      uscc: normalizeUscc(text(input.uscc)),
      termsDays: input.termsDays,
      creditLimit: limit,
      contacts: cleanContacts(input.contacts),
      tags: cleanTags(input.tags),
      notes: typeof input.notes === 'string' ? input.notes : '',
    },
  };
}
