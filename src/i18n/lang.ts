// The current UI language: a signal, so switching re-renders without a reload.
import { createSignal } from 'solid-js';
import type { Locale } from '../domain/types';

const STORAGE_KEY = 'overdue.lang';

export const LANGS: readonly Locale[] = ['zh-CN', 'en'];

function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en';
}

/** Saved choice first, then the browser's language (any Chinese variant → zh-CN). */
function initialLang(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (privacy mode); fall back to the browser language.
  }
  const nav = globalThis.navigator?.language ?? 'en';
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const [lang, setLangSignal] = createSignal<Locale>(initialLang());

function applyToDocument(l: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}
applyToDocument(lang());

export { lang };

export function setLang(l: Locale): void {
  setLangSignal(l);
  applyToDocument(l);
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}

export function toggleLang(): void {
  setLang(lang() === 'zh-CN' ? 'en' : 'zh-CN');
}
