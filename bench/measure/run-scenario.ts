import { setTimeout as sleep } from "node:timers/promises";
import { runLoad, type LoadResult } from "../driver/load.js";
import type { Child } from "../targets/child.js";
import type { RowKind, Scenario } from "../scenarios/scenario.js";
import { cpuMicros, machineBusyMicros, memory, resetPeak } from "./proc-stats.js";

export interface RunOptions {
  connections: number;
  warmupSeconds: number;
  runs: number;
  runSeconds: number;
  /** requests per second assumed before anything was measured (sizes the warm-up's one-shot pool) */
  initialRate: number;
}

/** One timed run of a scenario. */
export interface RunRecord {
  elapsedMs: number;
  /** requests sent (sequences not counted again) */
  requests: number;
  /** server CPU time used during the run, microseconds */
  serverCpuMicros: number;
  /** CPU the bench process (the driver) used, in % of one core */
  driverCpuPercent: number;
  /** CPU everything else on the machine used, in % of one core: noise from other work */
  otherCpuPercent: number;
  exhausted: boolean;
  reconnects: number;
  load: LoadResult["stats"];
}

/** The figures of one report row: medians over the timed runs. */
export interface RowResult {
  scenario: string;
  label: string;
  title: string;
  kind: RowKind;
  peer?: string;
  /** "error" when more than 1% of the answers were errors (or none succeeded) */
  status: "ok" | "error";
  errorCode?: string;
  /** share of error answers, 0..1 */
  errorShare: number;
  errors: Record<string, number>;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** server CPU per request (per sequence for a sequence row), microseconds */
  cpuUsPerRequest: number;
  peakRssBytes: number;
  /** medians over the runs, in % of one core: the driver's CPU, and everything else's (noise) */
  driverCpuPercent: number;
  otherCpuPercent: number;
  /** per-run figures behind the medians */
  runs: { rps: number; p50Ms: number; p99Ms: number; cpuUsPerRequest: number; ok: number; failed: number; driverCpuPercent: number; otherCpuPercent: number }[];
}

export interface ScenarioResult {
  name: string;
  warmup: RunRecord;
  runs: RunRecord[];
  peakRssBytes: number;
  rows: RowResult[];
  /** timed runs were skipped because the warm-up got no success */
  skipped: boolean;
}

/** Median of a list (NaN for an empty one). */
export function median(values: number[]): number {
  const s = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function once(sc: Scenario, server: Child, seconds: number, rate: number, connections: number): Promise<RunRecord> {
  const workload = await sc.prepare(seconds, rate);
  const cpu0 = cpuMicros(server.pid);
  const busy0 = machineBusyMicros();
  const self0 = process.cpuUsage();
  const r = await runLoad({ host: "127.0.0.1", port: server.port, connections, durationMs: seconds * 1000, workload });
  const self = process.cpuUsage(self0);
  const busy = machineBusyMicros() - busy0;
  const serverCpuMicros = cpuMicros(server.pid) - cpu0;
  if (server.exited) throw new Error(`${server.name} died during ${sc.name}:\n${server.output.join("\n")}`);
  const driverMicros = self.user + self.system;
  const percent = (micros: number) => Math.round((micros / (r.elapsedMs * 1000)) * 100);
  return {
    elapsedMs: r.elapsedMs,
    requests: r.total,
    serverCpuMicros,
    driverCpuPercent: percent(driverMicros),
    otherCpuPercent: Math.max(0, percent(busy - serverCpuMicros - driverMicros)),
    exhausted: r.exhausted,
    reconnects: r.reconnects,
    load: r.stats,
  };
}

/** errorCode of a row no request reached: an earlier step of its sequence failed */
export const NOT_REACHED = "not reached";

const okRate = (r: RunRecord, label: string) => ((r.load[label]?.ok ?? 0) * 1000) / r.elapsedMs;
const failedOf = (s: RunRecord["load"][string] | undefined) => (s ? s.transportErrors + Object.values(s.errors).reduce((a, b) => a + b, 0) : 0);

/**
 * Warm up, then time `runs` runs of a scenario against one server process, reading the server's
 * CPU time around each run and its peak RSS over all of them. When the warm-up gets no success
 * the timed runs are skipped: the action answers errors, and no throughput is reported for it.
 */
export async function runScenario(sc: Scenario, server: Child, o: RunOptions, log: (line: string) => void): Promise<ScenarioResult> {
  resetPeak(server.pid);
  const warmup = await once(sc, server, o.warmupSeconds, o.initialRate, o.connections);
  let rate = Math.max(okRate(warmup, sc.primary), 50);
  const skipped = (warmup.load[sc.primary]?.ok ?? 0) === 0;
  const runs: RunRecord[] = [];
  if (!skipped) {
    for (let i = 0; i < o.runs; i++) {
      await sleep(300);
      const run = await once(sc, server, o.runSeconds, rate, o.connections);
      runs.push(run);
      rate = Math.max(rate, okRate(run, sc.primary));
      log(
        `    run ${i + 1}/${o.runs}: ${Math.round(okRate(run, sc.primary))} ${sc.primary}/s; CPU: driver ${run.driverCpuPercent}%, other processes ${run.otherCpuPercent}%` +
          (run.exhausted ? "; the request pool ran dry" : ""),
      );
    }
  }
  const peakRssBytes = memory(server.pid).peak;
  const measured = skipped ? [warmup] : runs;
  const rows = sc.rows.map((spec): RowResult => {
    const errors: Record<string, number> = {};
    let ok = 0;
    let failed = 0;
    for (const r of measured) {
      const s = r.load[spec.label];
      ok += s?.ok ?? 0;
      failed += failedOf(s);
      for (const [code, n] of Object.entries(s?.errors ?? {})) errors[code] = (errors[code] ?? 0) + n;
      if (s?.transportErrors) errors["(no response)"] = (errors["(no response)"] ?? 0) + s.transportErrors;
    }
    const errorShare = ok + failed === 0 ? 1 : failed / (ok + failed);
    const top = Object.entries(errors).sort((a, b) => b[1] - a[1])[0]?.[0];
    const perRun = runs.map((r) => {
      const s = r.load[spec.label];
      const count = s?.sequence ? s.ok : r.requests;
      return {
        rps: okRate(r, spec.label),
        p50Ms: s?.p50 ?? NaN,
        p99Ms: s?.p99 ?? NaN,
        cpuUsPerRequest: count ? r.serverCpuMicros / count : NaN,
        ok: s?.ok ?? 0,
        failed: failedOf(s),
        driverCpuPercent: r.driverCpuPercent,
        otherCpuPercent: r.otherCpuPercent,
      };
    });
    return {
      scenario: sc.name,
      label: spec.label,
      title: spec.title,
      kind: spec.kind,
      peer: spec.peer,
      status: skipped || errorShare > 0.01 ? "error" : "ok",
      errorCode: top ?? (ok === 0 ? NOT_REACHED : undefined),
      errorShare,
      errors,
      rps: median(perRun.map((r) => r.rps)),
      p50Ms: median(perRun.map((r) => r.p50Ms)),
      p99Ms: median(perRun.map((r) => r.p99Ms)),
      cpuUsPerRequest: median(perRun.map((r) => r.cpuUsPerRequest)),
      peakRssBytes,
      driverCpuPercent: Math.round(median(measured.map((r) => r.driverCpuPercent))),
      otherCpuPercent: Math.round(median(measured.map((r) => r.otherCpuPercent))),
      runs: perRun,
    };
  });
  return { name: sc.name, warmup, runs, peakRssBytes, rows, skipped };
}
