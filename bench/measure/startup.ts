import { setTimeout as sleep } from "node:timers/promises";
import { HttpConnection } from "../driver/http-connection.js";
import { tcoClassify } from "../scenarios/classify.js";
import type { BenchDatabase } from "../seed/database.js";
import type { Key } from "../seed/organization.js";
import { tc3Request } from "../signing/tc3-request.js";
import { Child, freePort } from "../targets/child.js";
import { tcoCommand, tcoEnv } from "../targets/servers.js";
import { median } from "./summarize-row.js";

export interface StartupResult {
  /** median over the starts, milliseconds */
  medianMs: number;
  samplesMs: number[];
  /** what the first request got: "OK" or its error code */
  firstAnswer: string;
}

/**
 * Time from spawning `tco serve` to the first answered API request (a signed DescribeOrganization
 * by the seeded admin, retried every 2 ms until the server answers), over several fresh starts.
 */
export async function measureStartup(db: BenchDatabase, key: Key, starts: number): Promise<StartupResult> {
  const samplesMs: number[] = [];
  let firstAnswer = "";
  for (let i = 0; i < starts; i++) {
    const port = await freePort();
    const [cmd, args] = tcoCommand();
    const target = { host: `127.0.0.1:${port}`, ...key };
    const request = tc3Request(target, { action: "DescribeOrganization", version: "2021-03-31", params: {} });
    const t0 = performance.now();
    const child = Child.spawn(`tco (${db.dialect})`, cmd, args, port, tcoEnv(db, port));
    try {
      for (;;) {
        if (child.exited) throw new Error(`tco exited during start-up:\n${child.output.join("\n")}`);
        if (performance.now() - t0 > 30_000) throw new Error("tco did not answer within 30 s");
        const conn = new HttpConnection("127.0.0.1", port);
        try {
          const res = await conn.request(request);
          samplesMs.push(performance.now() - t0);
          firstAnswer = tcoClassify(res) ?? "OK";
          break;
        } catch {
          await sleep(2);
        } finally {
          conn.close();
        }
      }
    } finally {
      await child.stop();
    }
  }
  return { medianMs: median(samplesMs), samplesMs, firstAnswer };
}
