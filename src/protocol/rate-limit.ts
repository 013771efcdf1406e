/**
 * Per-key token buckets: `perSecond` calls a second, with bursts up to the same number. A key is
 * (account, action), so one noisy action does not starve the others. 0 turns limiting off.
 * In-process: each server process of a cluster limits on its own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perSecond: number) {}

  /** Take one token for `key` at time `now` (ms); false when the bucket is empty. */
  take(key: string, now: number): boolean {
    if (this.perSecond <= 0) return true;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 100_000) this.sweep(now);
      b = { tokens: this.perSecond, at: now };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(this.perSecond, b.tokens + ((now - b.at) * this.perSecond) / 1000);
      b.at = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Forget buckets that have refilled completely: they carry no information. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) if (now - b.at > 1000) this.buckets.delete(key);
  }
}
