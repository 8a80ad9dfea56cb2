import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldStamp, mergeOp, type Replicated } from '../../../src/sync/field-merge';
import { coalesce, diffOp, recordKey, type SyncOp } from '../../../src/sync/ops';
import { snapshotOps } from '../../../src/sync/replica';

const stamp = (wall: number, counter: number, device: string) =>
  `${String(wall).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${device}`;

type State = Map<string, Replicated>;

function apply(state: State, ops: readonly SyncOp[]): State {
  const next = new Map(state);
  for (const op of ops) next.set(recordKey(op.t, op.id), mergeOp(next.get(recordKey(op.t, op.id)) ?? null, op).next);
  return next;
}

/** Field values and their stamps, independent of how clocks are represented. */
function view(state: State): Record<string, Record<string, [unknown, string]>> {
  const out: Record<string, Record<string, [unknown, string]>> = {};
  for (const [key, rec] of [...state].sort(([a], [b]) => a.localeCompare(b))) {
    out[key] = {};
    for (const name of Object.keys(rec.fields).sort()) out[key]![name] = [rec.fields[name], fieldStamp(rec, name)];
  }
  return out;
}

const arbOp = fc.record({
  t: fc.constantFrom('invoices' as const, 'customers' as const),
  id: fc.constantFrom('a', 'b', 'c'),
  s: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('dev1', 'dev2', 'dev3'))
    .map(([w, c, d]) => stamp(w, c, d)),
  f: fc.dictionary(fc.constantFrom('amount', 'note', 'deleted', 'tags'), fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })), { minKeys: 1 }),
});

describe('per-field last writer wins', () => {
  it('a newer stamp wins a field; an older one is rejected and reported; other fields merge', () => {
    const create: SyncOp = { t: 'invoices', id: 'i1', s: stamp(1, 0, 'a'), f: { amount: 100, note: 'x', deleted: 0 } };
    const laptop: SyncOp = { t: 'invoices', id: 'i1', s: stamp(3, 0, 'a'), f: { amount: 200 } };
    const tablet: SyncOp = { t: 'invoices', id: 'i1', s: stamp(2, 0, 'b'), f: { amount: 150, note: 'y' } };
    let rec = mergeOp(null, create).next;
    rec = mergeOp(rec, laptop).next;
    const result = mergeOp(rec, tablet);
    expect(result.next.fields).toEqual({ amount: 200, note: 'y', deleted: 0 });
    expect(result.applied.map((f) => f.name)).toEqual(['note']);
    expect(result.rejected).toEqual([{ name: 'amount', before: 200, beforeStamp: stamp(3, 0, 'a'), offered: 150 }]);
  });

  it('the same wall time and counter are ordered by device id', () => {
    const a: SyncOp = { t: 'customers', id: 'c', s: stamp(5, 1, 'device-a'), f: { name: 'A' } };
    const b: SyncOp = { t: 'customers', id: 'c', s: stamp(5, 1, 'device-b'), f: { name: 'B' } };
    expect(mergeOp(mergeOp(null, a).next, b).next.fields.name).toBe('B');
    expect(mergeOp(mergeOp(null, b).next, a).next.fields.name).toBe('B');
  });

  it('a tombstone is a field like any other: a later edit of another field does not revive the record', () => {
    const create: SyncOp = { t: 'invoices', id: 'i', s: stamp(1, 0, 'a'), f: { amount: 1, deleted: 0 } };
    const del: SyncOp = { t: 'invoices', id: 'i', s: stamp(3, 0, 'a'), f: { deleted: 1 } };
    const edit: SyncOp = { t: 'invoices', id: 'i', s: stamp(2, 0, 'b'), f: { amount: 5 } };
    for (const order of [[create, del, edit], [edit, del, create], [del, create, edit]]) {
      expect(apply(new Map(), order).get('invoices/i')?.fields).toEqual({ amount: 5, deleted: 1 });
    }
  });

  it('any order, with duplicates, converges to the same fields and stamps (property)', () => {
    fc.assert(fc.property(fc.array(arbOp, { maxLength: 25 }), fc.integer(), (ops, seed) => {
      const shuffled = [...ops, ...ops.slice(0, 3)].map((op, i) => ({ op, k: (i * 7919 + seed) % 101 })).sort((x, y) => x.k - y.k).map((x) => x.op);
      expect(view(apply(new Map(), shuffled))).toEqual(view(apply(new Map(), ops)));
    }));
  });

  it('no field update is lost: each field holds the value of its newest write (property)', () => {
    fc.assert(fc.property(fc.array(arbOp, { maxLength: 25 }), (ops) => {
      const state = apply(new Map(), [...ops].reverse());
      const newest = new Map<string, { s: string; v: unknown }>();
      for (const op of ops) {
        for (const [name, v] of Object.entries(op.f)) {
          const key = `${recordKey(op.t, op.id)}.${name}`;
          const seen = newest.get(key);
          if (!seen || op.s > seen.s || (op.s === seen.s && JSON.stringify(v) > JSON.stringify(seen.v))) newest.set(key, { s: op.s, v });
        }
      }
      for (const [key, { v }] of newest) {
        const dot = key.lastIndexOf('.');
        expect(state.get(key.slice(0, dot))?.fields[key.slice(dot + 1)]).toEqual(v);
      }
    }));
  });

  it('coalescing a device\'s ops changes nothing a replica ends with (property)', () => {
    fc.assert(fc.property(fc.array(arbOp, { maxLength: 25 }), fc.array(arbOp, { maxLength: 10 }), (ops, other) => {
      const unique = ops.filter((op, i) => ops.findIndex((o) => o.s === op.s) === i);
      expect(view(apply(apply(new Map(), other), coalesce(unique)))).toEqual(view(apply(apply(new Map(), other), unique)));
    }));
  });

  it('a snapshot of a replica rebuilds the same replica (property)', () => {
    fc.assert(fc.property(fc.array(arbOp, { maxLength: 25 }), (ops) => {
      const state = apply(new Map(), ops);
      const records = [...state].map(([key, rec]) => {
        const [t, id] = key.split('/') as ['invoices', string];
        return { t, id, v: rec.fields, c: rec.clock };
      });
      expect(view(apply(new Map(), snapshotOps(records)))).toEqual(view(state));
    }));
  });
});

describe('diffOp', () => {
  it('sends only changed fields, never id, bookId or updatedAt; a new record sends all', () => {
    const before = { id: 'x', bookId: 'b', updatedAt: 's1', deleted: 0, amount: 5, tags: ['a'] };
    expect(diffOp('invoices', 'x', 's2', before, { ...before, updatedAt: 's2', amount: 6, tags: ['a'] }))
      .toEqual({ t: 'invoices', id: 'x', s: 's2', f: { amount: 6 } });
    expect(diffOp('invoices', 'x', 's1', null, before)?.f).toEqual({ deleted: 0, amount: 5, tags: ['a'] });
    expect(diffOp('invoices', 'x', 's2', before, { ...before, updatedAt: 's2' })).toBeNull();
  });

  it('a cleared optional field travels as null', () => {
    const before = { id: 'c', gradeOverride: { grade: 'D' }, deleted: 0 };
    expect(diffOp('customers', 'c', 's', before, { id: 'c', deleted: 0 })?.f).toEqual({ gradeOverride: null });
  });
});
