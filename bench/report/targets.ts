import { NOT_REACHED } from "../measure/summarize-row.js";
import type { DialectFacts, ReportRow, TargetCheck } from "./model.js";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const MB = 1024 * 1024;

function check(target: string, value: number | null | undefined, ok: (v: number) => boolean, show: (v: number) => string, why?: string): TargetCheck {
  if (value === null || value === undefined || !Number.isFinite(value)) return { target, value: "-", verdict: "n/a", note: why };
  return { target, value: show(value), verdict: ok(value) ? "met" : "missed" };
}

const errorNote = (r: ReportRow | undefined) => (!r ? "not measured" : r.errorCode === NOT_REACHED ? NOT_REACHED : `error: ${r.errorCode}`);

/** The targets, judged from the measured figures (reported, never asserted). */
export function checkTargets(rows: ReportRow[], dialects: DialectFacts[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const d of dialects) {
    const mine = rows.filter((r) => r.target === d.dialect && r.label !== "pair");
    for (const r of mine) {
      const share = r.kind === "read" ? 0.4 : 0.3;
      out.push(check(`[${d.dialect}] ${r.title}: ≥ ${pct(share)} of bare`, r.vsBare?.rps, (v) => v >= share, pct, r.status === "ok" ? "no bare figure" : errorNote(r)));
    }
    for (const r of mine) {
      out.push(check(`[${d.dialect}] ${r.title}: p99 ≤ 10 ms`, r.status === "ok" ? r.p99Ms : null, (v) => v <= 10, (v) => `${v.toFixed(2)} ms`, errorNote(r)));
    }
    for (const [scenario, action, peer] of [
      ["members-page", "DescribeOrganizationMembers", "ListAccounts"],
      ["member-create", "CreateOrganizationMember", "CreateAccount"],
    ]) {
      const r = mine.find((x) => x.scenario === scenario);
      out.push(check(`[${d.dialect}] ${action}: ≥ 20× moto ${peer}`, r?.vsMoto?.rps, (v) => v >= 20, (v) => `${v.toFixed(1)}×`, r?.status === "ok" ? "no moto figure" : errorNote(r)));
    }
    out.push(check(`[${d.dialect}] start to first request ≤ 1 s`, d.startup?.medianMs, (v) => v <= 1000, (v) => `${Math.round(v)} ms`, "not measured"));
    if (d.large) {
      // memory under a load that only got errors says nothing about holding the members
      const { OK: answered = 0, ...failed } = d.large.loadAnswers;
      out.push(
        check(
          `[${d.dialect}] RSS ≤ 200 MB with ${d.large.members.toLocaleString("en-US")} members`,
          answered > 0 ? d.large.peakRssBytes : null,
          (v) => v <= 200 * MB,
          (v) => `${(v / MB).toFixed(0)} MB peak`,
          `the paging load got only errors: ${Object.keys(failed).join(", ")}`,
        ),
      );
      for (const c of d.large.paging) {
        // without the server's request log, the round trip stands in (it is a little longer)
        const logged = Number.isFinite(c.serverMedianMs);
        out.push(
          check(
            `[${d.dialect}] members ${c.title}: ≤ 20 ms server time`,
            c.answer === "OK" ? (logged ? c.serverMedianMs : c.clientMedianMs) : null,
            (v) => v <= 20,
            (v) => `${v.toFixed(2)} ms${logged ? "" : " (round trip)"}`,
            `error: ${c.answer}`,
          ),
        );
      }
    }
  }
  return out;
}
