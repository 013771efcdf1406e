import { setTimeout as sleep } from "node:timers/promises";
import { HttpConnection } from "./http-connection.js";
import { Recorder, type LabelStats } from "./recorder.js";
import type { HttpResponse } from "./response-parser.js";

/** Tells an error answer from a success: the error code, or undefined for a success. */
export type Classifier = (res: HttpResponse) => string | undefined;

/** What each connection does, over and over, until the time is up. */
export interface Workload {
  /** One iteration: one request, or a short sequence. Answers false when the workload has run dry. */
  step(conn: HttpConnection, rec: Recorder): Promise<boolean>;
}

export interface LoadOptions {
  host: string;
  port: number;
  connections: number;
  durationMs: number;
  workload: Workload;
}

export interface LoadResult {
  /** from the first request to the last response, milliseconds */
  elapsedMs: number;
  /** responses of every label */
  total: number;
  stats: Record<string, LabelStats>;
  /** the workload ran dry before the time was up (a pool of one-shot requests was too small) */
  exhausted: boolean;
  /** connections opened beyond the first per connection slot */
  reconnects: number;
}

/**
 * Closed-loop load: `connections` connections, each with one request in flight, for `durationMs`.
 * Requests in flight at the deadline are waited for and counted.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const rec = new Recorder();
  const conns = Array.from({ length: o.connections }, () => new HttpConnection(o.host, o.port));
  let exhausted = false;
  const started = performance.now();
  const deadline = started + o.durationMs;
  await Promise.all(
    conns.map(async (conn) => {
      while (!exhausted && performance.now() < deadline) {
        if (!(await o.workload.step(conn, rec))) exhausted = true;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  let reconnects = 0;
  for (const c of conns) {
    reconnects += Math.max(0, c.opens - 1);
    c.close();
  }
  return { elapsedMs, total: rec.total(), stats: rec.summary(), exhausted, reconnects };
}

/** Send one request, time it and record the outcome under `label`; answers the response, if any. */
export async function timedRequest(conn: HttpConnection, rec: Recorder, label: string, bytes: Buffer, classify: Classifier): Promise<HttpResponse | undefined> {
  const t0 = performance.now();
  let res: HttpResponse;
  try {
    res = await conn.request(bytes);
  } catch {
    rec.transportError(label);
    await sleep(5); // no hot loop against a dead server
    return undefined;
  }
  const ms = performance.now() - t0;
  const code = classify(res);
  if (code === undefined) rec.ok(label, ms);
  else rec.error(label, code);
  return code === undefined ? res : undefined;
}

/** Pre-built requests handed out in turn: cycling forever, or each once (one-shot writes). */
export class RequestPool {
  private i = 0;

  constructor(
    private readonly requests: readonly Buffer[],
    private readonly cycle: boolean,
  ) {
    if (requests.length === 0) throw new Error("empty request pool");
  }

  /** The next request; undefined when a one-shot pool is used up. */
  next(): Buffer | undefined {
    if (this.i >= this.requests.length) {
      if (!this.cycle) return undefined;
      this.i = 0;
    }
    return this.requests[this.i++];
  }
}

/** A workload that sends the requests of a pool, one per step, under one label. */
export function poolWorkload(label: string, pool: RequestPool, classify: Classifier): Workload {
  return {
    async step(conn, rec) {
      const bytes = pool.next();
      if (!bytes) return false;
      await timedRequest(conn, rec, label, bytes, classify);
      return true;
    },
  };
}
