import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { runScenario, type RunOptions, type ScenarioResult } from "../measure/run-scenario.js";
import type { ReportRow } from "../report/model.js";
import { bareScenario, motoScenarios } from "../scenarios/peers.js";
import type { Scenario } from "../scenarios/scenario.js";
import { motoTarget, seedMoto } from "../seed/moto.js";
import type { Child } from "../targets/child.js";
import { findMotoPython, startBare, startMoto } from "../targets/servers.js";
import { progress, secondsSince } from "./log.js";

/** Rows of a scenario's result, tagged with where they ran. */
export const rowsOf = (result: ScenarioResult, target: string): ReportRow[] => result.rows.map((r) => ({ ...r, target }));

/** Run scenarios one after the other against one server; answers their rows. */
export async function runAll(scenarios: Scenario[], server: Child, target: string, o: RunOptions, only?: RegExp): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const sc of scenarios) {
    if (only && !only.test(sc.name)) continue;
    progress(`  ${sc.name} on ${server.name}`);
    const result = await runScenario(sc, server, o, progress);
    if (result.skipped) progress(`    no success in the warm-up (${result.rows[0].errorCode}): timed runs skipped`);
    rows.push(...rowsOf(result, target));
  }
  return rows;
}

/** The bare node:http limit. */
export async function benchBare(o: RunOptions, only?: RegExp): Promise<ReportRow[]> {
  progress("bare node:http server");
  const bare = await startBare();
  try {
    return await runAll([bareScenario(bare.host)], bare, "bare", o, only);
  } finally {
    await bare.stop();
  }
}

export interface MotoOutcome {
  rows: ReportRow[];
  info: { available: boolean; version?: string; seededAccounts?: number; note?: string };
}

/** moto's AWS Organizations as the peer emulator, when `python3 -m moto.server` is there. */
export async function benchMoto(o: RunOptions, accounts: number, only?: RegExp): Promise<MotoOutcome> {
  const python = await findMotoPython();
  if (!python) return { rows: [], info: { available: false, note: "python3 with moto not found" } };
  const { stdout } = await promisify(execFile)(python, ["-c", "import moto; print(moto.__version__)"]);
  const version = stdout.trim();
  progress(`moto ${version}`);
  const moto = await startMoto(python);
  try {
    const target = motoTarget(moto.host);
    const t0 = performance.now();
    await seedMoto(target, moto.port, accounts);
    progress(`  seeded ${accounts} accounts through its API in ${secondsSince(t0).toFixed(1)} s`);
    const rows = await runAll(motoScenarios(target), moto, "moto", o, only);
    return { rows, info: { available: true, version, seededAccounts: accounts } };
  } finally {
    await moto.stop();
  }
}
