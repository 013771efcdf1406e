/**
 * `npm run bench`: TCO under load from a separate driver process, beside a bare node:http server
 * (the machine's limit) and moto (the peer emulator). See bench/README.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions, USAGE } from "./options.js";
import { benchBare, benchMoto } from "./phases/limit-and-peer.js";
import { benchLarge } from "./phases/large.js";
import { progress } from "./phases/log.js";
import { benchTco } from "./phases/tco.js";
import type { Report, ReportRow } from "./report/model.js";
import { formatReport } from "./report/print.js";
import { attachRatios } from "./report/ratios.js";
import { checkTargets } from "./report/targets.js";
import type { DialectName } from "./seed/database.js";

const DRIVER =
  "bench/driver (Node, this process): keep-alive sockets sending pre-built, pre-signed HTTP/1.1 requests, closed loop, one request in flight per connection";

const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../bench/results");

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (!o) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const startedAt = new Date().toISOString();
  const run = { connections: o.connections, warmupSeconds: o.warmupSeconds, runs: o.runs, runSeconds: o.runSeconds, initialRate: 5_000 };
  const rows: ReportRow[] = [];
  rows.push(...(await benchBare(run, o.only)));
  const moto = o.moto ? await benchMoto(run, o.motoAccounts, o.only) : { rows: [], info: { available: false, note: "--no-moto" } };
  rows.push(...moto.rows);

  const dialects: DialectName[] = o.postgresUrl ? ["sqlite", "postgres"] : ["sqlite"];
  const facts = [];
  for (const dialect of dialects) {
    const tco = await benchTco(dialect, { ...run, members: o.members, departments: o.departments, postgresUrl: o.postgresUrl, only: o.only, cpuProfDir: o.cpuProfDir, workers: o.workers });
    rows.push(...tco.rows);
    if (o.largeMembers > 0) {
      tco.facts.large = await benchLarge(dialect, { members: o.largeMembers, departments: o.departments, connections: o.connections, loadSeconds: Math.min(5, o.runSeconds), postgresUrl: o.postgresUrl });
    }
    facts.push(tco.facts);
  }

  attachRatios(rows);
  const cpu = cpus();
  const report: Report = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? "?", memoryBytes: totalmem(), node: process.versions.node, platform: `${process.platform} ${process.arch}` },
    options: { ...o, only: o.only?.source, postgresUrl: o.postgresUrl ? "(set)" : undefined },
    driver: DRIVER,
    moto: moto.info,
    rows,
    dialects: facts,
    targets: checkTargets(rows, facts),
  };
  const out = o.out ?? join(RESULTS_DIR, `${startedAt.replace(/:/g, "-").replace(/\.\d+Z$/, "Z")}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  process.stdout.write(formatReport(report));
  progress(`report written to ${out}`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
