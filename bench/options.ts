import { parseArgs } from "node:util";

/** Everything `npm run bench -- ...` can be told. */
export interface BenchOptions {
  connections: number;
  warmupSeconds: number;
  runs: number;
  runSeconds: number;
  /** members of the organization the actions run against */
  members: number;
  departments: number;
  /** members of the organization for the memory and paging figures; 0 skips them */
  largeMembers: number;
  /** accounts seeded into moto before its runs; moto is skipped when false */
  moto: boolean;
  motoAccounts: number;
  /** only scenarios whose name matches */
  only?: RegExp;
  /** PostgreSQL too, when set (TCO_BENCH_DATABASE_URL) */
  postgresUrl?: string;
  /** report file; bench/results/<date>.json by default */
  out?: string;
  /** server processes of the extra cluster runs (`tco serve --workers`); 1 = none */
  workers: number;
  /** directory for V8 CPU profiles of the TCO server under the scenarios' load (node --cpu-prof) */
  cpuProfDir?: string;
}

/** The help text. */
export const USAGE = `npm run bench -- [options]

  --quick               3 runs of 3 s after 1 s of warm-up (default: 3 runs of 10 s after 2 s)
  --runs <n>            timed runs per scenario
  --duration <s>        seconds per timed run
  --warmup <s>          seconds of warm-up per scenario
  --connections <n>     concurrent connections (default 32)
  --members <n>         members of the benchmarked organization (default 10000)
  --large-members <n>   members for the memory and paging figures (default 100000; 0 skips)
  --moto-accounts <n>   accounts seeded into moto (default 1000)
  --no-moto             skip the moto peer
  --only <regex>        only scenarios whose name matches (bare, moto-list, moto-create,
                        members-page, members-search, organization, nodes, member-update,
                        member-create, invite-accept)
  --out <file>          where to write the JSON report
  --workers <n>         also run the TCO scenarios on \`tco serve --workers <n>\` (rows "[sqlite ×n]")
  --cpu-prof <dir>      write a V8 CPU profile of the TCO server that runs the scenarios to <dir>
                        (summarise it with: node dist/bench/tools/profile-summary.js <file>)
  -h, --help            this text

  TCO_BENCH_DATABASE_URL=postgres://...  also run every TCO scenario on PostgreSQL`;

function int(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

/** Parse the command line; undefined when help was asked for. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | undefined {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" },
      runs: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      members: { type: "string" },
      "large-members": { type: "string" },
      "moto-accounts": { type: "string" },
      "no-moto": { type: "boolean" },
      only: { type: "string" },
      out: { type: "string" },
      "cpu-prof": { type: "string" },
      workers: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (v.help) return undefined;
  return {
    connections: int("connections", v.connections, 32, 1),
    warmupSeconds: int("warmup", v.warmup, v.quick ? 1 : 2, 1),
    runs: int("runs", v.runs, 3, 1),
    runSeconds: int("duration", v.duration, v.quick ? 3 : 10, 1),
    members: int("members", v.members, 10_000, 40),
    departments: 20,
    largeMembers: int("large-members", v["large-members"], 100_000),
    moto: !v["no-moto"],
    motoAccounts: int("moto-accounts", v["moto-accounts"], 1_000),
    only: v.only ? new RegExp(v.only) : undefined,
    postgresUrl: env.TCO_BENCH_DATABASE_URL || undefined,
    out: v.out,
    cpuProfDir: v["cpu-prof"],
    workers: int("workers", v.workers, 1, 1),
  };
}
