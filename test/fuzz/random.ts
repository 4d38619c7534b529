// The fuzzer's only source of chance: a small seeded generator (mulberry32), so that a run's
// seed and an input's number give back the same bytes on any machine. Each input gets its own
// generator, derived from both, so input N is the same whether or not inputs before it ran.

export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** The generator of input `index` of the run seeded `seed`. */
  static forInput(seed: number, index: number): Random {
    return new Random(mix(mix(seed) ^ Math.imul(index + 1, 0x9e3779b1)))
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [0, n) (0 when n ≤ 0). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n)
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError('pick from an empty list')
    return list[this.int(list.length)]!
  }

  /** A 32-bit value: mostly small, sometimes anything. */
  u32(): number {
    return this.chance(0.5) ? this.int(1 << 16) : (this.int(1 << 16) * 65536 + this.int(1 << 16)) >>> 0
  }
}

/** A 32-bit avalanche (murmur3's finaliser): nearby seeds give unrelated streams. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}
