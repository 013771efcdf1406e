import assert from "node:assert/strict";
import { request } from "node:http";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { TcoServer } from "../helpers/server.js";

/** pids of the workers that logged "listening", once `count` have */
async function workerPids(server: TcoServer, count: number): Promise<number[]> {
  for (let i = 0; i < 200; i++) {
    const pids = server.logs.filter((l) => l.includes('"msg":"listening"')).map((l) => JSON.parse(l).pid as number);
    if (pids.length >= count) return pids;
    await sleep(25);
  }
  throw new Error(`fewer than ${count} workers listened:\n${server.logs.join("\n")}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** GET /healthz on a new connection each time (node:cluster hands connections to workers in turn). */
const health = (server: TcoServer) =>
  new Promise<number>((resolve, reject) => {
    const req = request(`${server.url}/healthz`, { agent: false, headers: { connection: "close" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });

for (const postgres of [false, ...(TEST_DATABASE_URL ? [true] : [])]) {
  const dialect = postgres ? "postgres" : "sqlite";
  describe(`tco serve --workers 2 [${dialect}]`, () => {
    it("serves requests from both workers on one port and stops cleanly", async () => {
      const server = await TcoServer.start({ postgres, env: { TCO_WORKERS: "2" } });
      let stopped = false;
      try {
        const pids = await workerPids(server, 2);
        assert.equal(new Set(pids).size, 2);

        const statuses = await Promise.all(Array.from({ length: 8 }, () => health(server)));
        assert.deepEqual(statuses, Array(8).fill(200));

        // writes from both workers land in the one database: each sees the other's accounts
        const accounts = await Promise.all(Array.from({ length: 6 }, (_, i) => server.createAccount({ name: `cluster${i}` })));
        const orgs = await Promise.all(accounts.map((a) => server.client(a).CreateOrganization()));
        assert.equal(new Set(orgs.map((o) => o.OrgId)).size, accounts.length);
        for (const a of accounts) {
          const d = await server.client(a).DescribeOrganization({});
          assert.equal(d.HostUin, a.uin);
        }
        const served = new Set(server.logs.filter((l) => l.includes('"msg":"request"')).map((l) => JSON.parse(l).pid as number));
        assert.deepEqual([...served].sort(), [...pids].sort(), "both workers answered requests");

        stopped = true;
        assert.equal(await server.stop(), 0);
        for (const pid of pids) assert.equal(alive(pid), false, `worker ${pid} exited`);
      } finally {
        if (!stopped) await server.stop();
      }
    });
  });
}
