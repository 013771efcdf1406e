import type { RowKind, RowSpec, Scenario } from "../scenarios/scenario.js";
import type { RunRecord } from "./run-scenario.js";

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

/** Median of a list (NaN for an empty one). */
export function median(values: number[]): number {
  const s = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** errorCode of a row no request reached: an earlier step of its sequence failed */
export const NOT_REACHED = "not reached";

const okRate = (r: RunRecord, label: string) => ((r.load[label]?.ok ?? 0) * 1000) / r.elapsedMs;
const failedOf = (s: RunRecord["load"][string] | undefined) => (s ? s.transportErrors + Object.values(s.errors).reduce((a, b) => a + b, 0) : 0);

/**
 * The figures of one row from the runs of its scenario: per-run rate, latency percentiles and CPU
 * per request, their medians, and the errors of the `measured` runs (the timed ones, or the
 * warm-up when the timed runs were skipped). A row is an error row when more than 1% failed.
 */
export function summarizeRow(sc: Scenario, spec: RowSpec, runs: RunRecord[], measured: RunRecord[], skipped: boolean, peakRssBytes: number): RowResult {
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
}
