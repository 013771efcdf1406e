/** A small seeded generator (mulberry32), so every bench run asks for the same offsets and names. */
export class Random {
  constructor(private state: number) {}

  /** uniform in [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** an integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** one element of a list */
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
}

/** How many one-shot requests a run of `seconds` needs at `rate` per second, with head room. */
export function oneShotPoolSize(rate: number, seconds: number): number {
  return Math.min(400_000, Math.ceil(rate * seconds * 1.5) + 200);
}
