import type { Ratios, ReportRow } from "./model.js";

const div = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null);

function ratios(row: ReportRow, base: ReportRow | undefined): Ratios | undefined {
  if (!base || row.status !== "ok" || base.status !== "ok") return undefined;
  return {
    rps: div(row.rps, base.rps),
    p50: div(row.p50Ms, base.p50Ms),
    p99: div(row.p99Ms, base.p99Ms),
    cpu: div(row.cpuUsPerRequest, base.cpuUsPerRequest),
    rss: div(row.peakRssBytes, base.peakRssBytes),
  };
}

/**
 * Give every row its ratios: to the bare limit, and (TCO rows) to moto's comparable action —
 * ListAccounts for reads, CreateAccount for writes.
 */
export function attachRatios(rows: ReportRow[]): void {
  const bare = rows.find((r) => r.kind === "limit");
  const peers: Record<string, ReportRow | undefined> = {
    ListAccounts: rows.find((r) => r.kind === "peer-read"),
    CreateAccount: rows.find((r) => r.kind === "peer-write"),
  };
  for (const row of rows) {
    if (row.kind === "limit") continue;
    row.vsBare = ratios(row, bare);
    if (row.peer) row.vsMoto = ratios(row, peers[row.peer]);
  }
}
