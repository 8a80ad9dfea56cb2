// Column names by field, in tiers (rank 0 names say exactly what the column is,
// rank 1 names are generic), turned into a lookup by normalised header: each
// header name lists the fields it may stand for, with its rank for each.
import { normalizeHeader } from './normalize';

export type Tiers = readonly (readonly string[])[];

export function synonymIndex<F extends string>(synonyms: Record<F, Tiers>): Map<string, { field: F; rank: number }[]> {
  const byName = new Map<string, { field: F; rank: number }[]>();
  for (const [field, tiers] of Object.entries(synonyms) as [F, Tiers][]) {
    tiers.forEach((names, rank) => {
      for (const name of names) {
        const key = normalizeHeader(name);
        const list = byName.get(key) ?? [];
        if (!list.some((m) => m.field === field)) list.push({ field, rank });
        byName.set(key, list);
      }
    });
  }
  return byName;
}
