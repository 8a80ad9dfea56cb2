import { describe, expect, it } from 'vitest';
import { mulberry32, Random, seededIds } from '../../../src/demo/random';

describe('seeded random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const xs = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws integers over the whole inclusive range, and by weight', () => {
    const r = Random.seeded(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const n = r.int(-2, 3);
      expect(n >= -2 && n <= 3).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
    // Cumulative weights 1, 1, 4: index 1 has weight 0 and is never drawn; index 2 about three times index 0.
    const counts = [0, 0, 0];
    const cumulative = new Float64Array([1, 1, 4]);
    for (let i = 0; i < 4_000; i++) {
      const k = r.weighted(cumulative);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeGreaterThan(2.4);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeLessThan(3.8);
  });

  it('makes unique UUID-shaped ids, the same for the same seed', () => {
    const ids = seededIds(9);
    const list = Array.from({ length: 5_000 }, () => ids());
    expect(new Set(list).size).toBe(list.length);
    for (const id of list.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = seededIds(9);
    expect(Array.from({ length: 10 }, () => again())).toEqual(list.slice(0, 10));
  });
});
