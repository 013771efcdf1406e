import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { HttpConnection } from "../driver/http-connection.js";
import { memory } from "../measure/proc-stats.js";
import type { RunOptions } from "../measure/run-scenario.js";
import { measureStartup } from "../measure/startup.js";
import type { DialectFacts, ReportRow } from "../report/model.js";
import { tcoReadScenarios } from "../scenarios/tco-reads.js";
import { tcoWriteScenarios } from "../scenarios/tco-writes.js";
import { createBenchDatabase, type BenchDatabase, type DialectName } from "../seed/database.js";
import { seedOrganization, type Key, type SeededOrg } from "../seed/organization.js";
import { tc3Request } from "../signing/tc3-request.js";
import type { Child } from "../targets/child.js";
import { startTco } from "../targets/servers.js";
import { progress, secondsSince } from "./log.js";
import { runAll } from "./limit-and-peer.js";

/** How the bench seeds, as the report says it. */
export const SEED_HOW = "bulk INSERTs into the store's tables (Kysely), not through the API";

/** One signed DescribeOrganization, then `settleMs` of quiet: the server's resident set at rest. */
export async function idleRss(server: Child, key: Key, settleMs = 1_000): Promise<number> {
  const conn = new HttpConnection("127.0.0.1", server.port);
  await conn.request(tc3Request({ host: server.host, ...key }, { action: "DescribeOrganization", version: "2021-03-31", params: {} }));
  conn.close();
  await sleep(settleMs);
  return memory(server.pid).rss;
}

export interface TcoPhaseOptions extends RunOptions {
  members: number;
  departments: number;
  postgresUrl?: string;
  only?: RegExp;
  /** profile the server that runs the scenarios into this directory */
  cpuProfDir?: string;
  /** when above 1, the scenarios run again on `tco serve --workers <workers>` */
  workers: number;
}

/** Every TCO scenario on one database: seed, time start-ups, then run the scenarios. */
export async function benchTco(dialect: DialectName, o: TcoPhaseOptions): Promise<{ rows: ReportRow[]; facts: DialectFacts }> {
  progress(`TCO on ${dialect}`);
  const db = await createBenchDatabase(dialect, o.postgresUrl);
  try {
    const t0 = performance.now();
    const org = await seedOrganization(db.db, { members: o.members, departments: o.departments });
    await db.analyze();
    const facts: DialectFacts = { dialect, seed: { members: o.members, departments: o.departments, seconds: secondsSince(t0), how: SEED_HOW } };
    progress(`  seeded ${o.members} members in ${facts.seed.seconds.toFixed(1)} s`);
    facts.startup = await measureStartup(db, org.adminKey, 3);
    progress(`  start to first served request: ${Math.round(facts.startup.medianMs)} ms (median of 3)`);
    const server = await startTco(db, {}, o.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${resolve(o.cpuProfDir)}`] : []);
    try {
      facts.rssIdleBytes = await idleRss(server, org.adminKey);
      const target = { host: server.host, ...org.adminKey };
      const scenarios = [...tcoReadScenarios(target, org), ...tcoWriteScenarios(target, org, db.db)];
      const rows = await runAll(scenarios, server, dialect, o, o.only);
      await server.stop();
      if (o.workers > 1) rows.push(...(await benchCluster(db, org, dialect, o)));
      return { rows, facts };
    } finally {
      await server.stop();
    }
  } finally {
    await db.dispose();
  }
}

/** The scenarios again on a cluster of `o.workers` server processes; their rows' target is e.g. "sqlite ×2". */
async function benchCluster(db: BenchDatabase, org: SeededOrg, dialect: DialectName, o: TcoPhaseOptions): Promise<ReportRow[]> {
  progress(`TCO on ${dialect}, ${o.workers} workers`);
  const server = await startTco(db, { TCO_WORKERS: String(o.workers) });
  try {
    await idleRss(server, org.adminKey, 0);
    const target = { host: server.host, ...org.adminKey };
    const scenarios = [...tcoReadScenarios(target, org), ...tcoWriteScenarios(target, org, db.db)];
    return await runAll(scenarios, server, `${dialect} ×${o.workers}`, o, o.only);
  } finally {
    await server.stop();
  }
}
