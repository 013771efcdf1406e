import { Agent } from "node:http";
import { connect } from "node:net";
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import type { Keys, SignMode, TcoServer } from "./server.js";

/** The domain the Tag API tests name their endpoint in; nothing resolves it. */
export const TAG_TEST_DOMAIN = "tco.test";

/**
 * An HTTP agent that opens every connection to the test server, whatever host the request names:
 * the SDK keeps `tag.<domain>:<port>` in the Host header and in what it signs, as it would against a
 * real `tag.` endpoint, while the bytes reach 127.0.0.1.
 */
function agentFor(server: TcoServer): Agent {
  const [host, port] = server.endpoint.split(":");
  const agent = new Agent({ keepAlive: false });
  (agent as unknown as { createConnection: () => unknown }).createConnection = () => connect(Number(port), host);
  return agent;
}

/**
 * The official SDK's Tag client (tencentcloud.tag.v20180813.Client) with endpoint
 * `tag.tco.test:<port>`: the SDK takes the service of the credential scope from the endpoint's
 * first label, `tag`, so the server sees what a real Tag endpoint would.
 */
export function tagClient(server: TcoServer, keys: Keys, mode: SignMode = "TC3-POST") {
  const port = server.endpoint.split(":")[1];
  return new tencentcloud.tag.v20180813.Client({
    credential: keys,
    region: "",
    profile: {
      signMethod: mode === "HmacSHA1" || mode === "HmacSHA256" ? mode : ("TC3-HMAC-SHA256" as const),
      httpProfile: {
        endpoint: `tag.${TAG_TEST_DOMAIN}:${port}`,
        protocol: "http://",
        reqMethod: mode === "TC3-GET" || mode === "HmacSHA1" ? ("GET" as const) : ("POST" as const),
        agent: agentFor(server),
      },
    },
  });
}
