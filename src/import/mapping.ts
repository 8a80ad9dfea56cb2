// Which column feeds which field: the user's (or a preset's) choices first, then the
// synonym list for the rest. Each column feeds at most one field.
import { IMPORT_FIELDS, type ImportField } from './fields';
import { normalizeHeader } from './normalize';
import { matchHeader } from './synonyms';

export type Mapping = Partial<Record<ImportField, number>>;

export interface MissingColumn {
  field: ImportField;
  /** The header text or column number asked for. */
  wanted: string;
}

export interface MappingResult {
  mapping: Mapping;
  /** Mapped by name or number to a column the file does not have. */
  missing: MissingColumn[];
}

/** The column a map entry names: header text first, else a 1-based column number. */
export function findColumn(headers: readonly string[], wanted: string): number {
  const key = normalizeHeader(wanted);
  if (key !== '') {
    const byName = headers.findIndex((h) => normalizeHeader(h) === key);
    if (byName >= 0) return byName;
  }
  const n = /^\s*(\d+)\s*$/.exec(wanted);
  if (n) {
    const index = Number(n[1]) - 1;
    if (index >= 0 && index < headers.length) return index;
  }
  return -1;
}

export function resolveMapping(headers: readonly string[], map: Partial<Record<ImportField, string>> = {}): MappingResult {
  return resolveFieldMapping(headers, map, IMPORT_FIELDS, matchHeader);
}

/**
 * resolveMapping for any set of fields (customers and payments files have their own),
 * `fields` in the order they claim columns, `match` the fields a header may stand for.
 */
export function resolveFieldMapping<F extends string>(
  headers: readonly string[], map: Partial<Record<F, string>>, fields: readonly F[],
  match: (header: string) => readonly { field: F; rank: number }[],
): { mapping: Partial<Record<F, number>>; missing: { field: F; wanted: string }[] } {
  const mapping: Partial<Record<F, number>> = {};
  const missing: { field: F; wanted: string }[] = [];
  const used = new Set<number>();
  const decided = new Set<F>();

  for (const field of fields) {
    const wanted = map[field];
    if (wanted === undefined) continue;
    decided.add(field);
    if (wanted.trim() === '') continue; // explicitly unmapped
    const index = findColumn(headers, wanted);
    if (index < 0) missing.push({ field, wanted });
    else {
      mapping[field] = index;
      used.add(index);
    }
  }

  const matches = headers.map((h) => match(h));
  for (const field of fields) {
    if (decided.has(field)) continue;
    let best = -1;
    let bestRank = Infinity;
    matches.forEach((list, index) => {
      if (used.has(index)) return;
      const m = list.find((x) => x.field === field);
      if (m && m.rank < bestRank) {
        best = index;
        bestRank = m.rank;
      }
    });
    if (best >= 0) {
      mapping[field] = best;
      used.add(best);
    }
  }
  return { mapping, missing };
}
