import { setTimeout as sleep } from "node:timers/promises";
import { runLoad, type LoadResult } from "../driver/load.js";
import type { Child } from "../targets/child.js";
import type { Scenario } from "../scenarios/scenario.js";
import { cpuMicros, machineBusyMicros, memory, resetPeak } from "./proc-stats.js";
import { summarizeRow, type RowResult } from "./summarize-row.js";

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

export interface ScenarioResult {
  name: string;
  warmup: RunRecord;
  runs: RunRecord[];
  peakRssBytes: number;
  rows: RowResult[];
  /** timed runs were skipped because the warm-up got no success */
  skipped: boolean;
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

const okRate = (r: RunRecord, label: string) => ((r.load[label]?.ok ?? 0) * 1000) / r.elapsedMs;

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
  const rows = sc.rows.map((spec) => summarizeRow(sc, spec, runs, skipped ? [warmup] : runs, skipped, peakRssBytes));
  return { name: sc.name, warmup, runs, peakRssBytes, rows, skipped };
}
