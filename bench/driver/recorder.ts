/** What one label (an action, or a step of a sequence) did during one run. */
export interface LabelStats {
  /** responses that were successes */
  ok: number;
  /** error envelopes by error code */
  errors: Record<string, number>;
  /** requests that got no response (socket failures) */
  transportErrors: number;
  /** a sequence of requests timed as one (not a request of its own) */
  sequence: boolean;
  /** latency percentiles of the successes, milliseconds */
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

class Samples {
  private data = new Float64Array(1 << 14);
  length = 0;

  add(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

/** Collects every latency (exact percentiles, no histogram rounding) and error codes, per label. */
export class Recorder {
  private readonly labels = new Map<string, { samples: Samples; errors: Map<string, number>; transport: number; sequence: boolean }>();

  private entry(label: string, sequence = false) {
    let e = this.labels.get(label);
    if (!e) {
      e = { samples: new Samples(), errors: new Map(), transport: 0, sequence };
      this.labels.set(label, e);
    }
    return e;
  }

  /** A success and its latency in milliseconds. */
  ok(label: string, ms: number): void {
    this.entry(label).samples.add(ms);
  }

  /** A completed sequence of requests (already counted under their own labels) and its duration. */
  sequence(label: string, ms: number): void {
    this.entry(label, true).samples.add(ms);
  }

  /** An error envelope (or a non-2xx answer) with its code. */
  error(label: string, code: string): void {
    const errors = this.entry(label).errors;
    errors.set(code, (errors.get(code) ?? 0) + 1);
  }

  /** A request that got no answer. */
  transportError(label: string): void {
    this.entry(label).transport++;
  }

  /** Total requests of all labels, answered or failed (sequences not counted again). */
  total(): number {
    let n = 0;
    for (const e of this.labels.values()) {
      if (e.sequence) continue;
      n += e.samples.length + e.transport;
      for (const c of e.errors.values()) n += c;
    }
    return n;
  }

  /** Per-label figures. */
  summary(): Record<string, LabelStats> {
    const out: Record<string, LabelStats> = {};
    for (const [label, e] of this.labels) {
      const s = e.samples.sorted();
      out[label] = {
        ok: s.length,
        errors: Object.fromEntries(e.errors),
        transportErrors: e.transport,
        sequence: e.sequence,
        p50: percentile(s, 50),
        p90: percentile(s, 90),
        p99: percentile(s, 99),
        max: s.length ? s[s.length - 1] : NaN,
      };
    }
    return out;
  }
}
