import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { TcoServer, type TestAccount } from "../helpers/server.js";

/*
 * TC3 requests whose body is left out of the signature (header X-TC-Content-SHA256: UNSIGNED-PAYLOAD),
 * built by the rules of the two SDKs that offer it, as their published signing code reads:
 *
 * Go SDK (tencentcloud-sdk-go, tencentcloud/common/client.go, sendWithSignatureV3; profile field
 * UnsignedPayload): Host header and signed host are the endpoint with its port; service "organization";
 * Content-Type application/x-www-form-urlencoded for GET, application/json for POST; a GET carries the
 * action's flattened parameters as url.Values.Encode() (keys sorted, QueryEscape: space as "+") with
 * Action, Version, Nonce, Region, RequestClient and Timestamp left out (they travel as X-TC-* headers)
 * and no body; a POST carries json.Marshal of the request (compact JSON). With UnsignedPayload the
 * payload hash is sha256hex("UNSIGNED-PAYLOAD") whatever the method, and the header is added.
 *
 * Python SDK (tencentcloud-sdk-python, tencentcloud/common/abstract_client.py,
 * _build_req_with_tc3_signature/_get_tc3_signature; ClientProfile.unsignedPayload): Host header and
 * signed host are the endpoint exactly as the profile gives it; service "organization"; a GET carries
 * urlencode() of the flattened parameters in their own order (quote_plus) and signs an empty payload,
 * a POST carries json.dumps() of the parameters (separators ", " and ": "); with unsignedPayload the
 * payload becomes the literal "UNSIGNED-PAYLOAD" for GET and POST alike, hashed as the payload hash.
 *
 * Both sign exactly content-type;host. The signing chain below is written here from those rules, not
 * taken from TCO's own signer.
 */

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: string | Buffer, s: string) => createHmac("sha256", key).update(s, "utf8").digest();

interface Recipe {
  name: string;
  /** the Host header the SDK sends (and signs) for a server at 127.0.0.1:port */
  host(port: string): string;
  query(params: Record<string, string | number>): string;
  json(params: Record<string, unknown>): string;
}

/** Go's url.QueryEscape: everything but A-Z a-z 0-9 - _ . ~ escaped, space as "+". */
const goQueryEscape = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, "+");
/** Python's quote_plus: the same safe set (Python 3.7+ keeps "~"), space as "+". */
const pyQuotePlus = goQueryEscape;

const GO: Recipe = {
  name: "Go SDK",
  host: (port) => `127.0.0.1:${port}`,
  query: (params) =>
    Object.keys(params)
      .sort()
      .map((k) => `${goQueryEscape(k)}=${goQueryEscape(String(params[k]))}`)
      .join("&"),
  json: (params) => JSON.stringify(params),
};

/** Python's json.dumps with its default separators (", " and ": "); ASCII data only. */
const pyJsonDumps = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(pyJsonDumps).join(", ")}]`
    : v !== null && typeof v === "object"
      ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyJsonDumps(x)}`).join(", ")}}`
      : JSON.stringify(v);

const PYTHON: Recipe = {
  name: "Python SDK",
  // endpoint given as "localhost:<port>": the Host header and the signed host are that string
  host: (port) => `localhost:${port}`,
  query: (params) =>
    Object.entries(params)
      .map(([k, v]) => `${pyQuotePlus(k)}=${pyQuotePlus(String(v))}`)
      .join("&"),
  json: pyJsonDumps,
};

interface Signed {
  port: number;
  headers: Record<string, string>;
}

/**
 * Headers of a call signed by a recipe's unsigned-payload rule: the canonical request holds the
 * method, "/", the query, content-type and host, and sha256hex("UNSIGNED-PAYLOAD") — never the body.
 */
function signUnsigned(server: TcoServer, keys: TestAccount, recipe: Recipe, method: "GET" | "POST", action: string, query = ""): Signed {
  const port = server.endpoint.split(":")[1];
  const host = recipe.host(port);
  const timestamp = Math.floor(Date.now() / 1000);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const contentType = method === "GET" ? "application/x-www-form-urlencoded" : "application/json";
  const canonical = [method, "/", query, `content-type:${contentType}\nhost:${host}\n`, "content-type;host", sha256("UNSIGNED-PAYLOAD")].join("\n");
  const scope = `${date}/organization/tc3_request`;
  const key = hmac(hmac(hmac(`TC3${keys.secretKey}`, date), "organization"), "tc3_request");
  const signature = createHmac("sha256", key).update(`TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`).digest("hex");
  return {
    port: Number(port),
    headers: {
      host,
      "content-type": contentType,
      authorization: `TC3-HMAC-SHA256 Credential=${keys.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
      "x-tc-action": action,
      "x-tc-version": "2021-03-31",
      "x-tc-timestamp": String(timestamp),
      "x-tc-requestclient": recipe === GO ? "SDK_GO_1.0.606" : "SDK_PYTHON_3.0.0",
      "x-tc-content-sha256": "UNSIGNED-PAYLOAD",
    },
  };
}

/** Flip the first hex digit of the signature. */
function tampered(s: Signed): Signed {
  const auth = s.headers.authorization.replace(/Signature=([0-9a-f])/, (_, c: string) => `Signature=${c === "0" ? "1" : "0"}`);
  return { ...s, headers: { ...s.headers, authorization: auth } };
}

/** Send a signed call to TCO (GET with `query`, POST with `body`); answers the envelope's Response. */
function send(s: Signed, method: "GET" | "POST", o: { query?: string; body?: string }): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: s.port, method, path: o.query ? `/?${o.query}` : "/", headers: s.headers }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => {
        assert.equal(res.statusCode, 200);
        resolve(JSON.parse(text).Response);
      });
    });
    req.on("error", reject);
    req.end(method === "POST" ? o.body ?? "" : undefined);
  });
}

describe("TC3 with an unsigned payload (X-TC-Content-SHA256: UNSIGNED-PAYLOAD)", () => {
  let server: TcoServer;
  let account: TestAccount;
  before(async () => {
    server = await TcoServer.start();
    account = await server.createAccount();
    await server.client(account).CreateOrganization();
  });
  after(async () => {
    await server.stop();
  });

  for (const recipe of [GO, PYTHON]) {
    it(`${recipe.name}: a POST with an unsigned body is served, and its body is read`, async () => {
      const ok = await send(signUnsigned(server, account, recipe, "POST", "DescribeOrganizationNodes"), "POST", { body: recipe.json({ Limit: 10, Offset: 0 }) });
      assert.equal(ok.Error, undefined, JSON.stringify(ok.Error));
      assert.equal(ok.Total, 1, "the root department");
      const wrong = await send(signUnsigned(server, account, recipe, "POST", "DescribeOrganizationNodes"), "POST", { body: recipe.json({ Limit: 10, Offset: "zero" }) });
      assert.equal(wrong.Error.Code, "InvalidParameter");
      assert.match(wrong.Error.Message, /`Offset`/);
    });

    it(`${recipe.name}: a GET signed with the unsigned-payload hash is served`, async () => {
      const query = recipe.query({ Offset: 0, Limit: 10, Lang: "en" });
      const ok = await send(signUnsigned(server, account, recipe, "GET", "DescribeOrganizationMembers", query), "GET", { query });
      assert.equal(ok.Error, undefined, JSON.stringify(ok.Error));
      assert.equal(ok.Total, 1, "the admin");
    });

    it(`${recipe.name}: a tampered signature gets AuthFailure.SignatureFailure, GET and POST`, async () => {
      const post = await send(tampered(signUnsigned(server, account, recipe, "POST", "DescribeOrganizationNodes")), "POST", { body: recipe.json({ Limit: 10, Offset: 0 }) });
      assert.equal(post.Error.Code, "AuthFailure.SignatureFailure");
      const query = recipe.query({ Offset: 0, Limit: 10 });
      const get = await send(tampered(signUnsigned(server, account, recipe, "GET", "DescribeOrganizationMembers", query)), "GET", { query });
      assert.equal(get.Error.Code, "AuthFailure.SignatureFailure");
    });
  }

  it("without the header the body is hashed: the same signature gets AuthFailure.SignatureFailure", async () => {
    const signed = signUnsigned(server, account, GO, "POST", "DescribeOrganizationNodes");
    delete signed.headers["x-tc-content-sha256"];
    const answer = await send(signed, "POST", { body: GO.json({ Limit: 10, Offset: 0 }) });
    assert.equal(answer.Error.Code, "AuthFailure.SignatureFailure");
  });

  it("the query stays signed: a GET whose parameters changed after signing is refused", async () => {
    const signed = signUnsigned(server, account, GO, "GET", "DescribeOrganizationMembers", GO.query({ Offset: 0, Limit: 10 }));
    const answer = await send(signed, "GET", { query: GO.query({ Offset: 0, Limit: 20 }) });
    assert.equal(answer.Error.Code, "AuthFailure.SignatureFailure");
  });

  it("the body is not: one signature serves two different POST bodies (the client chose that)", async () => {
    const signed = signUnsigned(server, account, GO, "POST", "DescribeOrganizationNodes");
    const ten = await send(signed, "POST", { body: GO.json({ Limit: 10, Offset: 0 }) });
    const one = await send(signed, "POST", { body: GO.json({ Limit: 1, Offset: 0 }) });
    assert.equal(ten.Error, undefined, JSON.stringify(ten.Error));
    assert.equal(one.Error, undefined, JSON.stringify(one.Error));
    assert.equal(one.Items.length, 1);
  });
});
