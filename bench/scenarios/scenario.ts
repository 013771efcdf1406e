import type { Workload } from "../driver/load.js";

/** What a row of the report stands for: the bare limit, the peer emulator, or a TCO action. */
export type RowKind = "limit" | "peer-read" | "peer-write" | "read" | "write";

/** A row of the report that a scenario produces: one label of its recorder. */
export interface RowSpec {
  /** recorder label */
  label: string;
  /** printed name */
  title: string;
  kind: RowKind;
  /** the peer emulator's action this row is compared with */
  peer?: "ListAccounts" | "CreateAccount";
}

/** One measured workload: warmed up, then run several times against one server process. */
export interface Scenario {
  name: string;
  rows: RowSpec[];
  /** the row whose errors decide whether the timed runs are worth doing */
  primary: string;
  /**
   * A fresh workload for a run of `seconds` (requests are signed here, so each run's pool is new
   * and inside the 300 s window). `expectedRate` sizes pools of one-shot requests: the best rate
   * seen so far, per second.
   */
  prepare(seconds: number, expectedRate: number): Promise<Workload>;
}
