import type { PagingCase } from "../measure/paging.js";
import type { RowResult } from "../measure/summarize-row.js";
import type { StartupResult } from "../measure/startup.js";

/** A figure of a row divided by the same figure of the bare limit and of moto's comparable action. */
export interface Ratios {
  rps: number | null;
  p50: number | null;
  p99: number | null;
  cpu: number | null;
  rss: number | null;
}

/** A report row: where it ran, its figures, and its ratios. */
export interface ReportRow extends Omit<RowResult, "runs"> {
  /** "bare", "moto", or the TCO database */
  target: string;
  vsBare?: Ratios;
  vsMoto?: Ratios;
  runs: RowResult["runs"];
}

/** Figures of one TCO database that are not per action. */
export interface DialectFacts {
  dialect: string;
  seed: { members: number; departments: number; seconds: number; how: string };
  startup?: StartupResult;
  rssIdleBytes?: number;
  large?: {
    members: number;
    seedSeconds: number;
    rssIdleBytes: number;
    /** after a short load of member pages and searches */
    rssAfterLoadBytes: number;
    peakRssBytes: number;
    loadAnswers: Record<string, number>;
    paging: PagingCase[];
  };
}

export interface TargetCheck {
  target: string;
  value: string;
  verdict: "met" | "missed" | "n/a";
  note?: string;
}

/** The JSON report (bench/results/<date>.json). */
export interface Report {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; platform: string };
  options: Record<string, unknown>;
  driver: string;
  moto: { available: boolean; version?: string; seededAccounts?: number; note?: string };
  rows: ReportRow[];
  dialects: DialectFacts[];
  targets: TargetCheck[];
}
