import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { V2021_PENDING } from "../../src/domain/v20210331.js";
import { signTc3 } from "../../src/protocol/tc3.js";
import { schemaOf } from "../../src/spec/index.js";
import { REQUIRED } from "../../src/spec/schema-types.js";
import { rawTc3, rawV1Get, send } from "../helpers/raw.js";
import { ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer, type TestAccount } from "../helpers/server.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the API 3.0 protocol, with hand-made requests", () => {
  let server: TcoServer;
  let account: TestAccount;
  before(async () => {
    server = await TcoServer.start({ env: { TCO_MAX_BODY_BYTES: "4096" } });
    account = await server.createAccount();
  });
  after(async () => {
    await server.stop();
  });

  const errorOf = (a: { status: number; body: any }) => {
    assert.equal(a.status, 200, "errors are answered with HTTP 200");
    assert.match(a.body.Response.RequestId, UUID);
    return a.body.Response.Error?.Code as string | undefined;
  };

  it("verifies signatures made by the Go SDK's rule (Host with port, service organization)", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization" });
    assert.equal(errorOf(a), "ResourceNotFound.OrganizationNotExist");
  });

  it("verifies signatures over the host without its port (the Node SDK's rule)", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization", signedHost: "127.0.0.1", service: "127" });
    assert.equal(errorOf(a), "ResourceNotFound.OrganizationNotExist");
  });

  it("accepts a Host of organization.<any domain> and an absolute-form request target", async () => {
    const host = "organization.tco.example";
    const body = "{}";
    const timestamp = Math.floor(Date.now() / 1000);
    const authorization = signTc3({ secretId: account.secretId, secretKey: account.secretKey, method: "POST", host, body, timestamp });
    const [hostname, port] = server.endpoint.split(":");
    const answer = await new Promise<any>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port: Number(port),
          method: "POST",
          path: `http://${host}/`,
          headers: { host, "content-type": "application/json", authorization, "x-tc-action": "DescribeOrganization", "x-tc-version": "2021-03-31", "x-tc-timestamp": String(timestamp) },
        },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(JSON.parse(text)));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    assert.equal(answer.Response.Error.Code, "ResourceNotFound.OrganizationNotExist");
  });

  it("verifies what tccli sends with --endpoint http://HOST:PORT: the Python SDK signs and sends that whole endpoint as the Host", async () => {
    // tencentcloud-sdk-python AbstractClient._build_req_with_tc3_signature sets Host to the endpoint
    // as configured, scheme included; its ApiRequest keeps an endpoint with a scheme as the URL
    const host = `http://${server.endpoint}`;
    const body = "{}";
    const timestamp = Math.floor(Date.now() / 1000);
    const authorization = signTc3({ secretId: account.secretId, secretKey: account.secretKey, method: "POST", host, body, timestamp });
    const [hostname, port] = server.endpoint.split(":");
    const answer = await new Promise<any>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port: Number(port),
          method: "POST",
          path: "/",
          headers: { host, "content-type": "application/json", authorization, "x-tc-action": "DescribeOrganization", "x-tc-version": "2021-03-31", "x-tc-timestamp": String(timestamp) },
        },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(JSON.parse(text)));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    assert.equal(answer.Response.Error.Code, "ResourceNotFound.OrganizationNotExist");
  });

  it("refuses a timestamp ten minutes old with AuthFailure.SignatureExpire", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization", timestamp: Math.floor(Date.now() / 1000) - 600 });
    assert.equal(errorOf(a), "AuthFailure.SignatureExpire");
  });

  it("refuses a body altered after signing with AuthFailure.SignatureFailure", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const authorization = signTc3({ ...account, method: "POST", host: server.endpoint, body: "{}", timestamp });
    const a = await send(`${server.url}/`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization, "x-tc-action": "DescribeOrganization", "x-tc-version": "2021-03-31", "x-tc-timestamp": String(timestamp) },
      body: '{"Lang":"en"}',
    });
    assert.equal(errorOf(a), "AuthFailure.SignatureFailure");
  });

  it("refuses a malformed Authorization header with AuthFailure.InvalidAuthorization", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization", headers: { authorization: "TC3-HMAC-SHA256 Credential=broken" } });
    assert.equal(errorOf(a), "AuthFailure.InvalidAuthorization");
  });

  it("refuses an unsigned request with AuthFailure.InvalidAuthorization", async () => {
    assert.equal(errorOf(await send(`${server.url}/?Action=DescribeOrganization&Version=2021-03-31`, { method: "GET" })), "AuthFailure.InvalidAuthorization");
  });

  it("answers a malformed JSON body with InvalidParameter, not a 5xx", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization", body: '{"Lang": ' });
    assert.equal(errorOf(a), "InvalidParameter");
    assert.match(a.body.Response.Error.Message, /JSON/);
    assert.doesNotMatch(a.text, /at .*\.js/, "no stack trace");
  });

  it("answers a body over the size limit with RequestSizeLimitExceeded", async () => {
    const body = JSON.stringify({ Lang: "x".repeat(5000) });
    const a = await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization", body });
    assert.equal(errorOf(a), "RequestSizeLimitExceeded");
  });

  it("answers an unknown action with InvalidAction and an unknown version with NoSuchVersion", async () => {
    assert.equal(errorOf(await rawTc3(server.endpoint, { keys: account, action: "DescribeNothing" })), "InvalidAction");
    assert.equal(errorOf(await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization", version: "2020-01-01" })), "NoSuchVersion");
  });

  it("answers a wrong type with InvalidParameter naming the parameter", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "DescribeOrganizationMembers", body: '{"Offset":"zero","Limit":10}' });
    assert.equal(errorOf(a), "InvalidParameter");
    assert.match(a.body.Response.Error.Message, /`Offset`/);
  });

  it("keeps integers exact: a 20-digit UIN is refused, never rounded to another account", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "QuitOrganization", body: '{"OrgId":18446744073709551615}' });
    assert.equal(errorOf(a), "InvalidParameterValue");
    const b = await rawTc3(server.endpoint, { keys: account, action: "QuitOrganization", body: '{"OrgId":18446744073709551616}' });
    assert.equal(errorOf(b), "InvalidParameterValue");
    assert.match(b.body.Response.Error.Message, /OrgId/);
  });

  it("coerces flattened v1 parameters by their spec types", async () => {
    const a = await rawV1Get(server.endpoint, account, { Action: "DescribeOrganizationMembers", Version: "2021-03-31", Offset: "x", Limit: "10" });
    assert.equal(errorOf(a), "InvalidParameter");
    assert.match(a.body.Response.Error.Message, /`Offset`/);
  });

  it("refuses methods other than GET and POST with UnsupportedProtocol", async () => {
    assert.equal(errorOf(await send(`${server.url}/`, { method: "PUT", body: "{}" })), "UnsupportedProtocol");
  });

  it("answers GET /healthz without authentication", async () => {
    const a = await send(`${server.url}/healthz`, { method: "GET" });
    assert.equal(a.status, 200);
    assert.equal(a.body.status, "ok");
  });

  it("answers an action not built yet with an honest UnsupportedOperation after validation", async () => {
    // any action still pending whose required parameters are plain strings and integers
    const schema = schemaOf("2021-03-31");
    const requiredOf = (action: string) => schema.objects[schema.actions[action][0]].filter((m) => (m[3] & REQUIRED) !== 0);
    const action = V2021_PENDING.find((a) => requiredOf(a).length > 0 && requiredOf(a).every((m) => m[1] === "string" || m[1] === "int"));
    assert.ok(action, "a pending action with scalar required parameters");
    const missing = await rawTc3(server.endpoint, { keys: account, action, body: "{}" });
    assert.equal(errorOf(missing), "MissingParameter");
    const body = Object.fromEntries(requiredOf(action).map((m) => [m[0], m[1] === "int" ? 1 : "x"]));
    const a = await rawTc3(server.endpoint, { keys: account, action, body: JSON.stringify(body) });
    assert.equal(errorOf(a), "UnsupportedOperation");
    assert.match(a.body.Response.Error.Message, /not implemented yet/);
  });

  it("lets only root keys call the operator API", async () => {
    const a = await rawTc3(server.endpoint, { keys: account, action: "ListAccounts", version: "operator" });
    assert.equal(errorOf(a), "UnauthorizedOperation");
    const b = await rawTc3(server.endpoint, { keys: { secretId: ROOT_SECRET_ID, secretKey: ROOT_SECRET_KEY }, action: "ListAccounts", version: "operator" });
    assert.equal(errorOf(b), undefined);
    assert.ok(b.body.Response.Accounts.some((x: { Uin: number }) => x.Uin === account.uin));
  });
});

/**
 * A burst of `n` calls sent at once: how many were served, the refused answers, and the burst's
 * duration (the buckets refill while it lasts, so the served count may exceed the limit by the
 * refill over that time).
 */
async function burst(n: number, call: () => Promise<{ status: number; body: any }>) {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: n }, call));
  const seconds = (performance.now() - started) / 1000;
  const refused = answers.filter((a) => a.body.Response.Error?.Code === "RequestLimitExceeded");
  return { served: n - refused.length, refused, seconds };
}

describe("rate limiting: each action's documented limit (TCO_RATE_LIMIT unset)", () => {
  let server: TcoServer;
  before(async () => {
    server = await TcoServer.start({ env: { TCO_RATE_LIMIT: "" } });
  });
  after(async () => {
    await server.stop();
  });

  it("DescribeOrganization takes 40 calls at once, DescribeOrganizationNodes 20; RequestLimitExceeded names the limit", async () => {
    const account = await server.createAccount();
    for (const [action, limit] of [["DescribeOrganization", 40], ["DescribeOrganizationNodes", 20]] as const) {
      const body = action === "DescribeOrganizationNodes" ? '{"Limit":10,"Offset":0}' : "{}";
      const { served, refused, seconds } = await burst(3 * limit, () => rawTc3(server.endpoint, { keys: account, action, body }));
      assert.ok(served >= limit, `${action}: served ${served}, the limit is ${limit}`);
      assert.ok(served <= limit + Math.ceil(limit * seconds) + 1, `${action}: served ${served} in ${seconds.toFixed(2)} s`);
      assert.ok(refused.length > 0, `${action}: none refused`);
      const envelope = refused[0];
      assert.equal(envelope.status, 200);
      assert.match(envelope.body.Response.RequestId, UUID);
      assert.match(envelope.body.Response.Error.Message, new RegExp(`${action}.*\\b${limit} per second`));
    }
  });
});

describe("rate limiting: TCO_RATE_LIMIT replaces every action's limit", () => {
  let server: TcoServer;
  before(async () => {
    server = await TcoServer.start({ env: { TCO_RATE_LIMIT: "20" } });
  });
  after(async () => {
    await server.stop();
  });

  it("limits a burst of DescribeOrganization (documented: 40) to 20, with RequestLimitExceeded", async () => {
    const account = await server.createAccount();
    const { served, refused, seconds } = await burst(60, () => rawTc3(server.endpoint, { keys: account, action: "DescribeOrganization" }));
    assert.ok(served >= 20 && served <= 20 + Math.ceil(20 * seconds) + 1, `served ${served} of 60 in ${seconds.toFixed(2)} s`);
    assert.match(refused[0].body.Response.Error.Message, /\b20 per second/);
  });

  it("counts each action and account separately", async () => {
    const a = server.client(await server.createAccount());
    const b = server.client(await server.createAccount());
    await Promise.allSettled(Array.from({ length: 30 }, () => a.DescribeOrganization({})));
    assert.equal(await b.DescribeOrganization({}).catch((e) => e.code), "ResourceNotFound.OrganizationNotExist");
    assert.equal(await a.DescribeOrganizationNodes({ Limit: 10, Offset: 0 }).catch((e) => e.code) === "RequestLimitExceeded", false);
  });

  it("counts a sub-account's calls apart from its owner's (limits are per calling account)", async () => {
    const owner = await server.createAccount();
    const sub = await server.operator("CreateSubAccount", { OwnerUin: owner.uin, Name: "ops" });
    const { refused } = await burst(40, () => rawTc3(server.endpoint, { keys: owner, action: "DescribeOrganization" }));
    assert.ok(refused.length > 0, "the owner's bucket is empty");
    const a = await rawTc3(server.endpoint, { keys: { secretId: sub.SecretId, secretKey: sub.SecretKey }, action: "DescribeOrganization" });
    assert.equal(a.body.Response.Error?.Code, "ResourceNotFound.OrganizationNotExist");
  });
});
