// The book's collections settings in the worker: read them all for the settings
// page, and save each part after checking it, in a transaction, or not at all.
//
// These are book settings rows (db.settings), written beside the repository: they
// are not in the change log, so they cannot be undone and will not sync until the
// change log learns about settings.

import type {
  CollectionSettings, CollectionSettingsApi, LetterheadTexts, TemplateText, TemplateTexts,
} from '../src/api/collection-settings';
import type { OverdueDb } from '../src/db/schema';
import { putSetting } from '../src/db/settings';
import { storageFailure } from '../src/db/storage-errors';
import type { Policy } from '../src/domain/collections';
import { fail, type Result } from '../src/domain/errors';
import { DEFAULT_TEMPLATES } from '../src/domain/notice-template';
import type { Id } from '../src/domain/types';
import {
  checkLetterhead, checkPolicies, checkRule, checkTemplateText, isNoticeLocale, isTemplateId, LETTERHEAD_KEYS, NOTICE_LOCALES,
} from './collection-settings-check';
import { CHARGE_RULE_KEY, chargeRuleOf, LETTERHEAD_KEY } from './notice-data';
import { TEMPLATES_KEY } from './notices';
import { bookPolicies, POLICIES_KEY } from './policies';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A policy the caller may change without touching the shared, frozen DEFAULT_POLICY. */
const copyPolicy = (p: Policy): Policy => ({ ...p, grades: [...p.grades], stages: p.stages.map((s) => ({ ...s })) });

/** The stored templates, reduced to well-formed entries of known languages and templates. */
function ownTemplates(value: unknown): TemplateTexts {
  const out: TemplateTexts = { 'zh-CN': {}, en: {} };
  if (!isObject(value)) return out;
  for (const locale of NOTICE_LOCALES) {
    const perLocale = value[locale];
    if (!isObject(perLocale)) continue;
    for (const [id, text] of Object.entries(perLocale)) {
      if (isTemplateId(id) && isObject(text) && typeof text.subject === 'string' && typeof text.body === 'string') {
        out[locale][id] = { subject: text.subject, body: text.body };
      }
    }
  }
  return out;
}

function letterheadOf(value: unknown): LetterheadTexts {
  const source = isObject(value) ? value : {};
  const out = {} as LetterheadTexts;
  for (const key of LETTERHEAD_KEYS) {
    const v = source[key];
    out[key] = typeof v === 'string' ? v : '';
  }
  return out;
}

export function createCollectionSettingsApi(db: OverdueDb, ready: Promise<unknown>): CollectionSettingsApi {
  /**
   * Checks, then runs `store` in one transaction over the book and its settings; a
   * missing book or a storage failure comes back as a Result error, and nothing is written.
   */
  async function save<T>(bookId: Id, checked: Result<T>, store: (value: T) => Promise<void>): Promise<Result<T>> {
    if (!checked.ok) return checked;
    try {
      await ready;
      return await db.transaction('rw', db.books, db.settings, async (): Promise<Result<T>> => {
        const book = await db.books.get(bookId);
        if (!book || book.deleted === 1) return fail('', 'book.notFound');
        await store(checked.value);
        return checked;
      });
    } catch (e) {
      return storageFailure(e);
    }
  }

  return {
    async collectionSettings(bookId): Promise<CollectionSettings> {
      await ready;
      const [policies, chargeRule, letterhead, templates] = await Promise.all([
        bookPolicies(db, bookId),
        chargeRuleOf(db, bookId),
        db.settings.get([bookId, LETTERHEAD_KEY]),
        db.settings.get([bookId, TEMPLATES_KEY]),
      ]);
      return {
        policies: policies.map(copyPolicy),
        chargeRule,
        letterhead: letterheadOf(letterhead?.value),
        templates: { own: ownTemplates(templates?.value), shipped: DEFAULT_TEMPLATES },
      };
    },

    savePolicies(bookId, policies) {
      return save(bookId, checkPolicies(policies), (value) => putSetting(db, bookId, POLICIES_KEY, value).then(() => undefined));
    },

    saveChargeRule(bookId, rule) {
      return save(bookId, checkRule(rule), (value) => putSetting(db, bookId, CHARGE_RULE_KEY, value).then(() => undefined));
    },

    saveLetterhead(bookId, letterhead) {
      return save(bookId, checkLetterhead(letterhead), (value) => putSetting(db, bookId, LETTERHEAD_KEY, value).then(() => undefined));
    },

    async saveTemplate(bookId, locale, templateId, text): Promise<Result<TemplateText>> {
      if (!isNoticeLocale(locale)) return fail('locale', 'template.unknown');
      if (!isTemplateId(templateId)) return fail('templateId', 'template.unknown');
      const shipped = DEFAULT_TEMPLATES[locale][templateId];
      const checked = text === null ? { ok: true as const, value: shipped } : checkTemplateText(locale, templateId, text);
      return save(bookId, checked, async (value) => {
        const own = ownTemplates((await db.settings.get([bookId, TEMPLATES_KEY]))?.value);
        // The shipped wording is not stored as the book's own, so the book keeps
        // following the app's text (and its later corrections) until it really differs.
        if (value.subject === shipped.subject && value.body === shipped.body) delete own[locale][templateId];
        else own[locale][templateId] = { subject: value.subject, body: value.body };
        await putSetting(db, bookId, TEMPLATES_KEY, own);
      });
    },
  };
}
