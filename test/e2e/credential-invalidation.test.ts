import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { signTc3 } from "../../src/protocol/tc3.js";
import { dropSchema, TEST_DATABASE_URL } from "../helpers/dialects.js";
import { createdMember, newOrg, subAccountKeys, type Member } from "../helpers/orgs.js";
import { TcoServer, type Keys } from "../helpers/server.js";

/**
 * A signed call on a connection of its own (node:cluster hands each new connection to the next
 * worker); answers the error code, or "OK".
 */
function callOnNewConnection(server: TcoServer, keys: Keys, action: string, params: object = {}): Promise<string> {
  const body = JSON.stringify(params);
  const timestamp = Math.floor(Date.now() / 1000);
  const [host, port] = server.endpoint.split(":");
  const authorization = signTc3({ secretId: keys.secretId, secretKey: keys.secretKey, method: "POST", host: server.endpoint, body, timestamp });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port: Number(port),
        method: "POST",
        path: "/",
        agent: false,
        headers: {
          connection: "close",
          "content-type": "application/json",
          authorization,
          "x-tc-action": action,
          "x-tc-version": "2021-03-31",
          "x-tc-timestamp": String(timestamp),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve(JSON.parse(text).Response.Error?.Code ?? "OK"));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The pids of the workers whose request log lines name `uin`. */
const pidsServing = (server: TcoServer, uin: number) =>
  new Set(server.logs.filter((l) => l.includes('"msg":"request"') && l.includes(`"uin":${uin}`)).map((l) => JSON.parse(l).pid as number));

describe("tco serve --workers 2 [sqlite]: a deleted account's key", () => {
  let server: TcoServer;
  before(async () => {
    server = await TcoServer.start({ env: { TCO_WORKERS: "2" } });
    for (let i = 0; i < 200 && server.logs.filter((l) => l.includes('"msg":"listening"')).length < 2; i++) await sleep(25);
  });
  after(async () => {
    await server?.stop();
  });

  it("is refused by every worker at once, the one that did not delete it included", async () => {
    const o = await newOrg(server);
    const member: Member = await createdMember(server, o);
    // both workers authenticate the member's key, and cache it
    for (let i = 0; i < 6; i++) assert.equal(await callOnNewConnection(server, member, "DescribeOrganization"), "OK");
    assert.equal(pidsServing(server, member.uin).size, 2, "both workers served the member");

    await server.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true });
    assert.equal(await callOnNewConnection(server, await subAccountKeys(server, o.admin.uin), "DeleteAccount", { MemberUin: member.uin }), "OK");
    for (let i = 0; i < 6; i++) assert.equal(await callOnNewConnection(server, member, "DescribeOrganization"), "AuthFailure.SecretIdNotFound", `call ${i}`);
  });

  it("is refused by every worker at once after ResetState", async () => {
    const account = await server.createAccount();
    for (let i = 0; i < 6; i++) assert.equal(await callOnNewConnection(server, account, "DescribeOrganization"), "ResourceNotFound.OrganizationNotExist");
    assert.equal(pidsServing(server, account.uin).size, 2, "both workers served the account");
    await server.operator("ResetState");
    for (let i = 0; i < 6; i++) assert.equal(await callOnNewConnection(server, account, "DescribeOrganization"), "AuthFailure.SecretIdNotFound", `call ${i}`);
  });
});

describe("two server processes on one PostgreSQL schema: a deleted account's key", { skip: !TEST_DATABASE_URL && "TCO_TEST_DATABASE_URL is not set" }, () => {
  const schema = `tco_creds_${randomBytes(6).toString("hex")}`;
  let a: TcoServer;
  let b: TcoServer;
  before(async () => {
    const pg = await import("pg");
    const c = new pg.default.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA "${schema}"`);
    await c.end();
    a = await TcoServer.start({ postgres: true, sharedSchema: schema });
    b = await TcoServer.start({ postgres: true, sharedSchema: schema });
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropSchema(schema);
  });

  it("[postgres] is refused by the other process at once after DeleteAccount", async () => {
    const o = await newOrg(a);
    const member = await createdMember(a, o);
    assert.equal((await b.client(member).DescribeOrganization({})).OrgId, o.orgId);
    await a.operator("SetMemberDeletionPermission", { OrgId: o.orgId, Enabled: true });
    await a.client(await subAccountKeys(a, o.admin.uin)).DeleteAccount({ MemberUin: member.uin });
    assert.equal(await callOnNewConnection(b, member, "DescribeOrganization"), "AuthFailure.SecretIdNotFound");
  });

  it("[postgres] is refused by the other process at once after ResetState", async () => {
    const account = await a.createAccount();
    assert.equal(await callOnNewConnection(b, account, "DescribeOrganization"), "ResourceNotFound.OrganizationNotExist");
    await a.operator("ResetState");
    assert.equal(await callOnNewConnection(b, account, "DescribeOrganization"), "AuthFailure.SecretIdNotFound");
  });
});
