// The checks a book's collections settings pass before they are stored: the set of
// policies as a whole (one default, each grade served by at most one policy) on top
// of checkPolicy for each, the charge rule, the letterhead texts, and one template's
// subject and body. Pure: every error names the field the settings page shows it at.

import type { LetterheadTexts, NoticeLocale, TemplateText } from '../src/api/collection-settings';
import { checkChargeRule } from '../src/domain/charges';
import { TEMPLATE_IDS, type ChargeRule, type Grade, type Policy, type TemplateId } from '../src/domain/collections';
import { ok, type FieldError, type Result } from '../src/domain/errors';
import { checkTemplate } from '../src/domain/notice-template';
import { checkPolicy } from '../src/domain/policy';

export const NOTICE_LOCALES: readonly NoticeLocale[] = ['zh-CN', 'en'];
export const LETTERHEAD_KEYS: readonly (keyof LetterheadTexts)[] = ['contact', 'creditorContact', 'paymentDetails', 'options', 'consequences'];
/** A letterhead text is a few lines (bank details, a contact block), not a letter. */
export const LETTERHEAD_MAX = 2_000;
/** Far beyond any real letter; stops a pasted document from being stored as a template. */
export const TEMPLATE_MAX = 20_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A book's policies: each passes checkPolicy (its errors under 'policies.<i>.'), ids are
 * present and distinct, exactly one policy has no grades (the default: it serves everyone
 * else, so without it some customers would have no policy and a second would never be
 * used), and no grade is served by two policies. Returns the checked copies, in order.
 */
export function checkPolicies(policies: Policy[]): Result<Policy[]> {
  if (!Array.isArray(policies) || policies.length === 0) return { ok: false, errors: [{ field: 'policies', code: 'policy.noDefault' }] };
  const errors: FieldError[] = [];
  const checked: Policy[] = [];
  const firstWithId = new Map<string, number>();
  const servedBy = new Map<Grade, string>();
  let defaultAt: number | null = null;

  policies.forEach((p, i) => {
    const at = `policies.${i}`;
    if (!isObject(p)) {
      errors.push({ field: at, code: 'required' });
      return;
    }
    const id = typeof p.id === 'string' ? p.id.trim() : '';
    if (id === '') errors.push({ field: `${at}.id`, code: 'required' });
    else if (firstWithId.has(id)) errors.push({ field: `${at}.id`, code: 'policy.duplicateId', params: { other: firstWithId.get(id) ?? 0 } });
    else firstWithId.set(id, i);

    const one = checkPolicy(p);
    if (!one.ok) errors.push(...one.errors.map((e) => ({ ...e, field: `${at}.${e.field}` })));
    else checked.push({ ...one.value, id });

    const grades = Array.isArray(p.grades) ? p.grades : [];
    if (grades.length === 0) {
      if (defaultAt === null) defaultAt = i;
      else errors.push({ field: `${at}.grades`, code: 'policy.secondDefault' });
    }
    const name = typeof p.name === 'string' ? p.name.trim() : '';
    for (const g of new Set(grades)) {
      const other = servedBy.get(g);
      if (other !== undefined) errors.push({ field: `${at}.grades`, code: 'policy.gradeTaken', params: { grade: g, other } });
      else servedBy.set(g, name);
    }
  });
  if (defaultAt === null) errors.push({ field: 'policies', code: 'policy.noDefault' });
  return errors.length > 0 ? { ok: false, errors } : ok(checked);
}

/** checkChargeRule, plus the shape: only the rule's own keys are kept. */
export function checkRule(rule: ChargeRule): Result<ChargeRule> {
  if (!isObject(rule)) return { ok: false, errors: [{ field: '', code: 'required' }] };
  const shaped: ChargeRule = {
    stageFees: rule.stageFees === true,
    percentBp: rule.percentBp ?? null,
    dailyBp: rule.dailyBp ?? null,
    yearlyBp: rule.yearlyBp ?? null,
    graceDays: rule.graceDays,
    capBp: rule.capBp ?? null,
  };
  return checkChargeRule(shaped);
}

/** Each text at most LETTERHEAD_MAX characters; trimmed (a missing one is ''). */
export function checkLetterhead(letterhead: LetterheadTexts): Result<LetterheadTexts> {
  const source: Record<string, unknown> = isObject(letterhead) ? letterhead : {};
  const errors: FieldError[] = [];
  const out = {} as LetterheadTexts;
  for (const key of LETTERHEAD_KEYS) {
    const v = source[key];
    const text = typeof v === 'string' ? v.trim() : '';
    if (v !== undefined && typeof v !== 'string') errors.push({ field: key, code: 'required' });
    else if (text.length > LETTERHEAD_MAX) errors.push({ field: key, code: 'text.tooLong', params: { max: LETTERHEAD_MAX } });
    out[key] = text;
  }
  return errors.length > 0 ? { ok: false, errors } : ok(out);
}

export const isNoticeLocale = (v: unknown): v is NoticeLocale => (NOTICE_LOCALES as readonly unknown[]).includes(v);
export const isTemplateId = (v: unknown): v is TemplateId => (TEMPLATE_IDS as readonly unknown[]).includes(v);

/**
 * One template's texts: a known language and template, and subject and body that
 * checkTemplate accepts; its errors move from 'template' to 'subject' or 'body' and
 * keep their line and column.
 */
export function checkTemplateText(locale: NoticeLocale, templateId: TemplateId, text: TemplateText): Result<TemplateText> {
  const errors: FieldError[] = [];
  if (!isNoticeLocale(locale)) errors.push({ field: 'locale', code: 'template.unknown' });
  if (!isTemplateId(templateId)) errors.push({ field: 'templateId', code: 'template.unknown' });
  const source: Record<string, unknown> = isObject(text) ? text : {};
  const out: TemplateText = { subject: '', body: '' };
  for (const field of ['subject', 'body'] as const) {
    const v = source[field];
    const value = typeof v === 'string' ? v : '';
    if (value.length > TEMPLATE_MAX) {
      errors.push({ field, code: 'text.tooLong', params: { max: TEMPLATE_MAX } });
      continue;
    }
    const checked = checkTemplate(value);
    if (!checked.ok) errors.push(...checked.errors.map((e) => ({ ...e, field })));
    out[field] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : ok(out);
}
