import { NOT_REACHED } from "../measure/summarize-row.js";
import type { Report, ReportRow } from "./model.js";
import { count, megabytes, millis, ratio, textTable } from "./text-table.js";

const na = (r: ReportRow) => (r.errorCode === NOT_REACHED ? "n/a (not reached)" : `n/a (error: ${r.errorCode})`);

const name = (r: ReportRow) => (r.kind === "limit" || r.kind.startsWith("peer") ? r.title : `${r.title} [${r.target}]`);

function errorsCell(r: ReportRow): string {
  const n = Object.values(r.errors).reduce((a, b) => a + b, 0);
  return n === 0 ? "0" : `${count(n)} (${(r.errorShare * 100).toFixed(n && r.errorShare < 0.001 ? 3 : 1)}%)`;
}

function figures(rows: ReportRow[]): string {
  return textTable(
    ["action", "req/s", "p50 ms", "p99 ms", "CPU µs/req", "peak RSS MB", "errors", "driver/other CPU"],
    rows.map((r) => {
      const noise = `${r.driverCpuPercent}% / ${r.otherCpuPercent}%`;
      return r.status === "error"
        ? [name(r), na(r), "", "", "", megabytes(r.peakRssBytes), errorsCell(r), noise]
        : [name(r), count(r.rps), millis(r.p50Ms), millis(r.p99Ms), count(r.cpuUsPerRequest), megabytes(r.peakRssBytes), errorsCell(r), noise];
    }),
  );
}

function ratios(rows: ReportRow[]): string {
  const pair = (r: ReportRow, k: "rps" | "p50" | "p99" | "cpu" | "rss") => [ratio(r.vsBare?.[k]), ratio(r.vsMoto?.[k])];
  return textTable(
    ["action (÷ bare, ÷ moto)", "req/s ÷bare", "÷moto", "p50 ÷bare", "÷moto", "p99 ÷bare", "÷moto", "CPU ÷bare", "÷moto", "RSS ÷bare", "÷moto"],
    rows
      .filter((r) => r.kind !== "limit")
      .map((r) =>
        r.status === "error"
          ? [name(r), na(r), "", "", "", "", "", "", "", "", ""]
          : [name(r), ...pair(r, "rps"), ...pair(r, "p50"), ...pair(r, "p99"), ...pair(r, "cpu"), ...pair(r, "rss")],
      ),
  );
}

function facts(report: Report): string {
  const lines: string[][] = [];
  for (const d of report.dialects) {
    lines.push([`[${d.dialect}] seeded ${count(d.seed.members)} members in ${d.seed.departments} departments (${d.seed.how})`, `${d.seed.seconds.toFixed(1)} s`]);
    if (d.startup) lines.push([`[${d.dialect}] process start to first served request (median of ${d.startup.samplesMs.length}; first answer ${d.startup.firstAnswer})`, `${Math.round(d.startup.medianMs)} ms`]);
    if (d.rssIdleBytes !== undefined) lines.push([`[${d.dialect}] RSS idle, ${count(d.seed.members)} members`, `${megabytes(d.rssIdleBytes)} MB`]);
    const l = d.large;
    if (!l) continue;
    lines.push([`[${d.dialect}] seeded ${count(l.members)} members`, `${l.seedSeconds.toFixed(1)} s`]);
    const answers = Object.entries(l.loadAnswers).map(([code, n]) => `${code} ${count(n)}`).join(", ");
    lines.push([
      `[${d.dialect}] RSS with ${count(l.members)} members: idle / after paging load (${answers}) / peak`,
      `${megabytes(l.rssIdleBytes)} / ${megabytes(l.rssAfterLoadBytes)} / ${megabytes(l.peakRssBytes)} MB`,
    ]);
    for (const c of l.paging) {
      lines.push([
        `[${d.dialect}] DescribeOrganizationMembers ${c.title}, Limit ${c.params.Limit}: server time median / max (round trip median)`,
        c.answer === "OK" ? `${millis(c.serverMedianMs)} / ${millis(c.serverMaxMs)} ms (${millis(c.clientMedianMs)} ms)` : `n/a (error: ${c.answer})`,
      ]);
    }
  }
  return textTable(["fact", "value"], lines);
}

/** The report as text: figures, ratios, other facts, targets. */
export function formatReport(report: Report): string {
  const targets = textTable(
    ["target", "measured", "verdict"],
    report.targets.map((t) => [t.target, t.value, t.verdict === "n/a" ? `n/a${t.note ? ` (${t.note})` : ""}` : t.verdict]),
  );
  // on PostgreSQL the database's own processes are "other"
  const busiest = Math.max(0, ...report.rows.filter((r) => !r.target.startsWith("postgres")).flatMap((r) => r.runs.map((x) => x.otherCpuPercent)));
  const noise =
    busiest > 10
      ? [`note: other processes used up to ${busiest}% of a core during some timed runs (see "driver/other CPU"); those figures are lower than the machine can do.`, ""]
      : [];
  return [
    `TCO bench — ${report.startedAt} — ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}`,
    `driver: ${report.driver}`,
    report.moto.available ? `peer: moto ${report.moto.version} (${report.moto.seededAccounts} accounts seeded)` : `peer: moto not measured (${report.moto.note})`,
    "",
    figures(report.rows),
    "",
    ...noise,
    ratios(report.rows),
    "",
    facts(report),
    "",
    targets,
    "",
  ].join("\n");
}
