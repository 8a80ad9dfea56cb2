// Growable typed-array columns: the ledger keeps one array per field so a scan
// over 100,000 invoices touches a few contiguous buffers, not 100,000 objects.

export type Column = Int32Array | Float64Array | Uint8Array;

/** The column itself when it has room for `needed` rows, otherwise a copy with doubled capacity. */
export function ensureCapacity<T extends Column>(column: T, needed: number): T {
  if (needed <= column.length) return column;
  const Ctor = column.constructor as new (length: number) => T;
  const grown = new Ctor(Math.max(needed, column.length * 2, 64));
  grown.set(column as ArrayLike<number> as never);
  return grown;
}

/** The first `count` rows as a standalone ArrayBuffer (structured-clone friendly, no spare capacity). */
export function toBuffer(column: Column, count: number): ArrayBuffer {
  return column.slice(0, count).buffer as ArrayBuffer;
}

/** column[row] += delta (rows in range are never undefined; the cast only quiets the index check). */
export function addAt(column: Float64Array | Int32Array, row: number, delta: number): void {
  column[row] = (column[row] as number) + delta;
}
