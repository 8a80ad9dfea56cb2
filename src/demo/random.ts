// Small seeded pseudo-random generator for the demo book. Not for anything
// secret: the point is that one seed always yields the same book.

/** mulberry32: 32-bit state, good enough spread for test data, tiny and fast. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience draws over a [0, 1) source. */
export class Random {
  constructor(private readonly next: () => number) {}

  static seeded(seed: number): Random {
    return new Random(mulberry32(seed));
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Log-uniform value in [min, max]: small amounts are as common per decade as large ones. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }

  /** Index drawn with probability proportional to its weight (weights >= 0, sum > 0). */
  weighted(cumulative: Float64Array): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const x = this.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Deterministic UUID-v4-shaped ids from a seed, so a demo book's ids repeat too. */
export function seededIds(seed: number): () => string {
  const next = mulberry32(seed ^ 0x5bd1e995);
  const hex = (n: number) => Math.floor(next() * 16 ** n).toString(16).padStart(n, '0');
  return () => {
    const variant = (8 + Math.floor(next() * 4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(6)}${hex(6)}`;
  };
}
