// The book's collections settings as the settings page edits them: policies, the
// late-charge rule, the letterhead texts and the book's own notice templates. Part of
// OverdueApi. Each saver validates everything first and writes nothing on an error.

import type { Result } from '../domain/errors';
import type { ChargeRule, Policy, TemplateId } from '../domain/collections';
import type { Id } from '../domain/types';

export type NoticeLocale = 'zh-CN' | 'en';

/** A notice template's two texts, with {{placeholder}}s. */
export interface TemplateText {
  subject: string;
  body: string;
}

/** Texts every letter of the book repeats; an empty one falls back to the app's wording. */
export interface LetterheadTexts {
  contact: string;
  creditorContact: string;
  paymentDetails: string;
  options: string;
  consequences: string;
}

export type TemplateTexts = Record<NoticeLocale, Partial<Record<TemplateId, TemplateText>>>;

export interface CollectionSettings {
  /** The book's policies; the default policy (grades []) is always among them. */
  policies: Policy[];
  chargeRule: ChargeRule;
  letterhead: LetterheadTexts;
  templates: {
    /** The book's own wording, only where it differs from the shipped text. */
    own: TemplateTexts;
    /** The shipped texts, for display and for "reset". */
    shipped: Record<NoticeLocale, Record<TemplateId, TemplateText>>;
  };
}

export interface CollectionSettingsApi {
  collectionSettings(bookId: Id): Promise<CollectionSettings>;
  /**
   * Replaces the book's policies. Errors name the place: 'policies' (no default
   * policy), 'policies.<i>.name', 'policies.<i>.stages.<j>.offsetDays', 'policies.<i>.grades'...
   */
  savePolicies(bookId: Id, policies: Policy[]): Promise<Result<Policy[]>>;
  /** Errors on the ChargeRule key: 'percentBp', 'dailyBp', 'yearlyBp', 'graceDays', 'capBp'. */
  saveChargeRule(bookId: Id, rule: ChargeRule): Promise<Result<ChargeRule>>;
  /** Errors on the LetterheadTexts key. */
  saveLetterhead(bookId: Id, letterhead: LetterheadTexts): Promise<Result<LetterheadTexts>>;
  /**
   * The book's wording of one template; null (or the shipped text itself) goes back to
   * the shipped text. Errors on 'subject' or 'body' with params line and column.
   */
  saveTemplate(bookId: Id, locale: NoticeLocale, templateId: TemplateId, text: TemplateText | null): Promise<Result<TemplateText>>;
}
