// Translation lookup with {param} interpolation, reactive on the current language.
import type { ErrorCode } from '../domain/errors';
import type { ChangeAction } from './actions';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';
import { lang } from './lang';

export type { MessageKey };
export type Params = Record<string, string | number>;

// Compile-time guarantees: every error code and every change action has its messages.
type Missing<K extends string> = Exclude<K, MessageKey>;
const _everyErrorTranslated: [Missing<`error.${ErrorCode}`>] extends [never] ? true : never = true;
const _everyActionTranslated: [Missing<`action.${ChangeAction}` | `actionLabel.${ChangeAction}`>] extends [never] ? true : never = true;
void _everyErrorTranslated;
void _everyActionTranslated;

const dictionaries: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function formatParam(value: string | number, locale: string): string {
  if (typeof value === 'string') return value;
  let nf = numberFormats.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale);
    numberFormats.set(locale, nf);
  }
  return nf.format(value);
}

/** Fills {name} placeholders; reports the names it had no value for. */
export function interpolate(template: string, params: Params | undefined, locale: string): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') {
      missing.push(name);
      return whole;
    }
    return formatParam(value, locale);
  });
  return { text, missing };
}

/** Translates a known key in the current language (reactive: call inside JSX or an effect). */
export function t(key: MessageKey, params?: Params): string {
  const l = lang();
  return interpolate(dictionaries[l][key], params, l).text;
}

/** For keys built at run time ('status.' + s): falls back when the key is unknown. */
export function tDynamic(key: string, params?: Params, fallback?: string): string {
  return isMessageKey(key) ? t(key, params) : (fallback ?? key);
}

/** Like t(), but says which params were missing so a caller can choose a shorter message. */
export function tChecked(key: MessageKey, params?: Params): { text: string; missing: string[] } {
  const l = lang();
  return interpolate(dictionaries[l][key], params, l);
}
