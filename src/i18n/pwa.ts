// Strings of the PWA pieces (update prompt, storage info), kept apart from the main
// dictionary so engineer P's components do not edit it; same zh-CN/en pair.
import type { Locale } from '../domain/types';

const en = {
  'pwa.updateReady': 'A new version is ready',
  'pwa.reload': 'Reload',
  'pwa.dismiss': 'Later',
  'pwa.storageTitle': 'Storage on this device',
  'pwa.usage': '{usage} used of {quota} ({percent})',
  'pwa.usageUnknown': 'This browser does not report storage use',
  'pwa.persistent': 'Persistent storage: on (the browser will not clear this data on its own)',
  'pwa.notPersistent': 'Persistent storage: off (the browser may clear this data when space runs low)',
  'pwa.persistUnsupported': 'Persistent storage is not available in this browser',
  'pwa.askPersist': 'Ask to keep data',
} as const;

export type PwaKey = keyof typeof en;

const zhCN: Record<PwaKey, string> = {
  'pwa.updateReady': '新版本已就绪',
  'pwa.reload': '重新加载',
  'pwa.dismiss': '稍后',
  'pwa.storageTitle': '本机存储',
  'pwa.usage': '已用 {usage}，共 {quota}（{percent}）',
  'pwa.usageUnknown': '此浏览器不提供存储用量',
  'pwa.persistent': '持久存储：已开启（浏览器不会自行清除这些数据）',
  'pwa.notPersistent': '持久存储：未开启（空间不足时浏览器可能清除这些数据）',
  'pwa.persistUnsupported': '此浏览器不支持持久存储',
  'pwa.askPersist': '申请保留数据',
};

const dictionaries: Record<Locale, Record<PwaKey, string>> = { en, 'zh-CN': zhCN };

export type PwaTranslate = (key: PwaKey, params?: Record<string, string>) => string;

/** The string for `key` in `lang`, with {name} placeholders filled from `params`. */
export function pwaText(lang: Locale, key: PwaKey, params?: Record<string, string>): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
