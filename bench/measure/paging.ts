import { HttpConnection } from "../driver/http-connection.js";
import { tcoClassify } from "../scenarios/classify.js";
import type { SeededOrg } from "../seed/organization.js";
import { tc3Request, type Tc3Target } from "../signing/tc3-request.js";
import type { Child } from "../targets/child.js";
import { median } from "./summarize-row.js";

export interface PagingCase {
  title: string;
  params: Record<string, unknown>;
  /** "OK" or the error code answered */
  answer: string;
  /** handler time the server logged for the request (`ms` of its request log line), median and max */
  serverMedianMs: number;
  serverMaxMs: number;
  /** round trip seen by the bench on an idle keep-alive connection, median and max */
  clientMedianMs: number;
  clientMaxMs: number;
}

/**
 * DescribeOrganizationMembers one request at a time on an idle connection, at the start, middle
 * and end of a large organization and with a SearchKey. The server must log at info level: its
 * per-request `ms` is the server time reported; the bench's own round trip is reported beside it.
 */
export async function measurePaging(server: Child, target: Tc3Target, org: SeededOrg, repeats: number): Promise<PagingCase[]> {
  const logged = new Map<string, number>();
  server.onLine((line) => {
    if (!line.includes('"msg":"request"')) return;
    const entry = JSON.parse(line) as { requestId?: string; ms?: number };
    if (entry.requestId && typeof entry.ms === "number") logged.set(entry.requestId, entry.ms);
  });
  const last = org.memberCount - (org.memberCount % 50 || 50);
  const middle = Math.floor(org.memberCount / 100) * 50;
  const cases = [
    { title: "Offset 0", params: { Offset: 0, Limit: 50 } },
    { title: `Offset ${middle}`, params: { Offset: middle, Limit: 50 } },
    { title: `Offset ${last}`, params: { Offset: last, Limit: 50 } },
    { title: "SearchKey (one member's name)", params: { Offset: 0, Limit: 50, SearchKey: org.memberName(Math.floor(org.memberCount * 0.9)) } },
  ];
  const conn = new HttpConnection("127.0.0.1", server.port);
  const out: PagingCase[] = [];
  for (const c of cases) {
    const serverMs: number[] = [];
    const clientMs: number[] = [];
    let answer = "OK";
    for (let i = 0; i < repeats + 3; i++) {
      const bytes = tc3Request(target, { action: "DescribeOrganizationMembers", version: "2021-03-31", params: c.params });
      const t0 = performance.now();
      const res = await conn.request(bytes);
      const ms = performance.now() - t0;
      answer = tcoClassify(res) ?? "OK";
      if (i < 3) continue; // warm-up
      clientMs.push(ms);
      const id = (JSON.parse(res.body.toString("utf8")) as { Response: { RequestId: string } }).Response.RequestId;
      for (let wait = 0; !logged.has(id) && wait < 50; wait++) await new Promise((r) => setTimeout(r, 2));
      if (logged.has(id)) serverMs.push(logged.get(id)!);
    }
    out.push({
      title: c.title,
      params: c.params,
      answer,
      serverMedianMs: median(serverMs),
      serverMaxMs: serverMs.length ? Math.max(...serverMs) : NaN,
      clientMedianMs: median(clientMs),
      clientMaxMs: Math.max(...clientMs),
    });
  }
  conn.close();
  return out;
}
