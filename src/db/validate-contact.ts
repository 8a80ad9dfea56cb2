// A contact as entered (from the queue or the customer page), checked before it is
// logged: known channel and outcome, real dates, a reason for a skip, a later date
// for a snooze, and a promise no larger than what the chosen invoices still owe.

import type { ContactInput } from '../api/collections';
import { isIsoDate } from '../domain/calendar';
import type { FieldError, Result } from '../domain/errors';
import type { Channel, Outcome } from '../domain/types';
import { text } from './validate-common';

export const CHANNELS: readonly Channel[] = ['email', 'sms', 'wechat', 'phone', 'letter', 'visit', 'lawyer', 'litigation'];
export const OUTCOMES: readonly Outcome[] = ['reached', 'noAnswer', 'promised', 'disputed', 'refused', 'paid', 'note', 'skipped', 'snoozed'];

/** Longest note kept with a contact. */
const NOTE_MAX = 4000;

export function validateContact(input: ContactInput): Result<ContactInput> {
  const errors: FieldError[] = [];
  if (!isIsoDate(String(input.date))) errors.push({ field: 'date', code: 'date.invalid' });
  if (!CHANNELS.includes(input.channel)) errors.push({ field: 'channel', code: 'required' });
  if (!OUTCOMES.includes(input.outcome)) errors.push({ field: 'outcome', code: 'required' });
  const note = typeof input.note === 'string' ? input.note.trim().slice(0, NOTE_MAX) : '';
  // A skipped stage must say why: the history has to explain the gap.
  if (input.outcome === 'skipped' && note === '') errors.push({ field: 'note', code: 'required' });
  const next = input.nextActionDate;
  if (next !== null && !isIsoDate(String(next))) errors.push({ field: 'nextActionDate', code: 'date.invalid' });
  if (input.outcome === 'snoozed') {
    if (next === null) errors.push({ field: 'nextActionDate', code: 'required' });
    else if (isIsoDate(String(next)) && isIsoDate(String(input.date)) && next <= input.date) {
      errors.push({ field: 'nextActionDate', code: 'date.outOfRange', params: { after: input.date } });
    }
  }
  if (input.outcome === 'promised' && !input.promise) errors.push({ field: 'promise.amount', code: 'required' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...input, stage: text(input.stage), note } };
}
