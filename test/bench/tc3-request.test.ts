import assert from "node:assert/strict";
import { createServer, type AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import { HttpConnection } from "../../bench/driver/http-connection.js";
import { tcoClassify } from "../../bench/scenarios/classify.js";
import { tc3Request } from "../../bench/signing/tc3-request.js";
import { ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer } from "../helpers/server.js";

const header = (raw: string, name: string) => new RegExp(`\\r\\n${name}: ([^\\r]*)`, "i").exec(raw)?.[1];

/** The raw bytes the official SDK sends for one call, caught by a listener that never answers properly. */
async function sdkRequest(call: (client: InstanceType<typeof tencentcloud.organization.v20210331.Client>) => Promise<unknown>): Promise<{ raw: string; host: string }> {
  let raw = "";
  const server = createServer((sock) => {
    sock.on("data", (d) => {
      raw += d.toString("latin1");
      if (raw.includes("\r\n\r\n")) sock.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new tencentcloud.organization.v20210331.Client({
    credential: { secretId: "AKIDbenchtest", secretKey: "bench-test-key" },
    region: "",
    profile: { httpProfile: { endpoint: host, protocol: "http://" } },
  });
  await call(client).catch(() => undefined);
  server.close();
  return { raw, host };
}

describe("bench pre-signed requests", () => {
  it("carry the signature the official Node SDK computes for the same call", async () => {
    const { raw, host } = await sdkRequest((c) => c.DescribeOrganizationMembers({ Offset: 40, Limit: 20 }));
    const timestamp = Number(header(raw, "X-TC-Timestamp"));
    const ours = tc3Request({ host, secretId: "AKIDbenchtest", secretKey: "bench-test-key" }, {
      action: "DescribeOrganizationMembers",
      version: "2021-03-31",
      params: { Offset: 40, Limit: 20 },
      timestamp,
    }).toString("latin1");
    assert.equal(header(ours, "Authorization"), header(raw, "Authorization"));
    assert.equal(ours.slice(ours.indexOf("\r\n\r\n")), raw.slice(raw.indexOf("\r\n\r\n")));
  });

  describe("against a real server", () => {
    let server: TcoServer;
    before(async () => {
      server = await TcoServer.start();
    });
    after(async () => {
      await server.stop();
    });

    it("pass authentication (the answer is the action's, not an AuthFailure)", async () => {
      const [host, port] = server.endpoint.split(":");
      const conn = new HttpConnection(host, Number(port));
      const res = await conn.request(
        tc3Request({ host: server.endpoint, secretId: ROOT_SECRET_ID, secretKey: ROOT_SECRET_KEY }, { action: "ListAccounts", version: "operator", params: { Limit: 1 } }),
      );
      conn.close();
      assert.equal(tcoClassify(res), undefined, res.body.toString());
    });
  });
});
