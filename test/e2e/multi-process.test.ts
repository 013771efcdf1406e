import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { dropSchema, TEST_DATABASE_URL } from "../helpers/dialects.js";
import { TcoServer } from "../helpers/server.js";

describe("two server processes sharing one PostgreSQL database", { skip: !TEST_DATABASE_URL && "TCO_TEST_DATABASE_URL is not set" }, () => {
  const schema = `tco_mp_${randomBytes(6).toString("hex")}`;
  let a: TcoServer;
  let b: TcoServer;
  before(async () => {
    // created once up front: two concurrent CREATE SCHEMA IF NOT EXISTS can collide in PostgreSQL
    const pg = await import("pg");
    const c = new pg.default.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA "${schema}"`);
    await c.end();
    const started = await Promise.allSettled([TcoServer.start({ postgres: true, sharedSchema: schema }), TcoServer.start({ postgres: true, sharedSchema: schema })]);
    const failed = started.find((s) => s.status === "rejected");
    if (failed) {
      // stop the one that did start, or it keeps this test process alive
      await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
      throw (failed as PromiseRejectedResult).reason;
    }
    [a, b] = started.map((s) => (s as PromiseFulfilledResult<TcoServer>).value);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropSchema(schema);
  });

  it("[postgres] see each other's accounts and keep one organization per account", async () => {
    const account = await a.createAccount();
    const attempts = Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).client(account).CreateOrganization());
    const results = await Promise.allSettled(attempts);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results) {
      if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "FailedOperation.OrganizationExistAlready");
    }
    const [viaA, viaB] = await Promise.all([a.client(account).DescribeOrganization({}), b.client(account).DescribeOrganization({})]);
    assert.equal(viaA.OrgId, viaB.OrgId);
  });
});
