import { randomUUID } from "node:crypto";
import { signTc3 } from "../../src/protocol/tc3.js";

export interface Tc3Target {
  /** host:port the requests go to */
  host: string;
  secretId: string;
  secretKey: string;
}

export interface Tc3Call {
  action: string;
  version: string;
  params: Record<string, unknown>;
  /** Unix seconds; now when absent */
  timestamp?: number;
}

/** The SDK version whose request shape is copied (the project's devDependency). */
const SDK_CLIENT = "SDK_NODEJS_4.1.313";

/**
 * A complete HTTP/1.1 request, TC3-signed the way tencentcloud-sdk-nodejs signs it: POST with a
 * JSON body, `host` signed without the port, the service taken as the first label of the endpoint
 * (`127` for 127.0.0.1:port), and the SDK's headers in the SDK's order.
 */
export function tc3Request(t: Tc3Target, call: Tc3Call): Buffer {
  const body = JSON.stringify(call.params);
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const hostname = t.host.startsWith("[") ? t.host.slice(0, t.host.indexOf("]") + 1) : t.host.split(":")[0];
  const authorization = signTc3({
    secretId: t.secretId,
    secretKey: t.secretKey,
    method: "POST",
    host: hostname,
    body,
    timestamp,
    service: t.host.split(".")[0],
  });
  const head =
    "POST / HTTP/1.1\r\n" +
    `X-TC-TraceId: ${randomUUID()}\r\n` +
    `Host: ${t.host}\r\n` +
    `X-TC-Action: ${call.action}\r\n` +
    `X-TC-Timestamp: ${timestamp}\r\n` +
    `X-TC-Version: ${call.version}\r\n` +
    `X-TC-RequestClient: ${SDK_CLIENT}\r\n` +
    "Content-Type: application/json\r\n" +
    `Authorization: ${authorization}\r\n` +
    "Accept: */*\r\n" +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    "User-Agent: node-fetch/1.0\r\n" +
    "Accept-Encoding: gzip,deflate\r\n" +
    "Connection: keep-alive\r\n\r\n";
  return Buffer.concat([Buffer.from(head, "latin1"), Buffer.from(body)]);
}
