// Customer name order for sorting: the locale's collation (pinyin order for
// zh-CN) computed once per set of names, so large sorts compare integers.

import type { Locale } from '../domain/types';

/** rank[row] = position of the row's name in collation order (ties by row). */
export function nameRanks(names: readonly string[], count: number, locale: Locale): Int32Array {
  const collator = new Intl.Collator(locale === 'zh-CN' ? 'zh-CN' : 'en', { numeric: true, sensitivity: 'base' });
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => collator.compare(names[a] ?? '', names[b] ?? '') || a - b);
  const rank = new Int32Array(count);
  order.forEach((row, position) => { rank[row] = position; });
  return rank;
}
