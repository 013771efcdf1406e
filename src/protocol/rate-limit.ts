import { DEFAULT_RATE_LIMIT } from "../spec/generated/rate-limits.js";

/**
 * The calls per second allowed to one caller for `action`: `override` when set (TCO_RATE_LIMIT,
 * 0 = unlimited), else the action's documented figure from its namespace's table, else — for a
 * namespace without a table (the operator API, or one added later) or an action it does not list —
 * the documented default of 20.
 */
export function rateLimitOf(action: string, table: Readonly<Record<string, number>> | undefined, override: number | undefined): number {
  if (override !== undefined) return override;
  return (table && Object.hasOwn(table, action) ? table[action] : undefined) ?? DEFAULT_RATE_LIMIT;
}

/**
 * Per-key token buckets. A key is (caller, version, action), so one noisy action does not starve the
 * others; each take names the key's rate, so every action keeps its own limit: `perSecond` calls a
 * second, bursts up to the same number. A rate of 0 or less is no limit. In-process: each server
 * process of a cluster limits on its own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Take one token for `key` at time `now` (ms) from a bucket of `perSecond`; false when it is empty. */
  take(key: string, perSecond: number, now: number): boolean {
    if (perSecond <= 0) return true;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 100_000) this.sweep(now);
      b = { tokens: perSecond, at: now };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(perSecond, b.tokens + ((now - b.at) * perSecond) / 1000);
      b.at = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Forget buckets that have refilled completely (a bucket refills within a second): they carry no information. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) if (now - b.at > 1000) this.buckets.delete(key);
  }
}
