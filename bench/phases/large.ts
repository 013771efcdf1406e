import { memory, resetPeak } from "../measure/proc-stats.js";
import { measurePaging } from "../measure/paging.js";
import { runLoad, type Workload } from "../driver/load.js";
import type { DialectFacts } from "../report/model.js";
import { tcoReadScenarios } from "../scenarios/tco-reads.js";
import { createBenchDatabase, type DialectName } from "../seed/database.js";
import { seedOrganization } from "../seed/organization.js";
import { startTco } from "../targets/servers.js";
import { progress, secondsSince } from "./log.js";
import { idleRss } from "./tco.js";

/** Alternate between workloads, one step each. */
function alternate(workloads: Workload[]): Workload {
  let i = 0;
  return { step: (conn, rec) => workloads[i++ % workloads.length].step(conn, rec) };
}

/**
 * A large organization: resident memory at rest and after `loadSeconds` of member pages and
 * searches at `connections` connections (peak included), then member paging server times at the
 * start, middle and end and with a SearchKey (a second server, logging at info level, whose
 * request log carries the times).
 */
export async function benchLarge(dialect: DialectName, o: { members: number; departments: number; connections: number; loadSeconds: number; postgresUrl?: string }) {
  progress(`TCO on ${dialect} with ${o.members} members`);
  const db = await createBenchDatabase(dialect, o.postgresUrl);
  try {
    const t0 = performance.now();
    const org = await seedOrganization(db.db, { members: o.members, departments: o.departments });
    await db.analyze();
    const seedSeconds = secondsSince(t0);
    progress(`  seeded in ${seedSeconds.toFixed(1)} s`);

    let server = await startTco(db);
    let large: NonNullable<DialectFacts["large"]>;
    try {
      resetPeak(server.pid);
      const rssIdleBytes = await idleRss(server, org.adminKey);
      const target = { host: server.host, ...org.adminKey };
      const [pages, search] = tcoReadScenarios(target, org);
      const load = await runLoad({
        host: "127.0.0.1",
        port: server.port,
        connections: o.connections,
        durationMs: o.loadSeconds * 1000,
        workload: alternate([await pages.prepare(o.loadSeconds, 0), await search.prepare(o.loadSeconds, 0)]),
      });
      const s = load.stats.DescribeOrganizationMembers;
      const loadAnswers: Record<string, number> = { OK: s?.ok ?? 0, ...(s?.errors ?? {}) };
      const mem = memory(server.pid);
      large = { members: o.members, seedSeconds, rssIdleBytes, rssAfterLoadBytes: mem.rss, peakRssBytes: mem.peak, loadAnswers, paging: [] };
      progress(`  RSS idle ${(rssIdleBytes / 2 ** 20).toFixed(0)} MB, after ${o.loadSeconds} s of paging ${(mem.rss / 2 ** 20).toFixed(0)} MB, peak ${(mem.peak / 2 ** 20).toFixed(0)} MB`);
    } finally {
      await server.stop();
    }

    server = await startTco(db, { TCO_LOG_LEVEL: "info" });
    try {
      large.paging = await measurePaging(server, { host: server.host, ...org.adminKey }, org, 30);
    } finally {
      await server.stop();
    }
    return large;
  } finally {
    await db.dispose();
  }
}
