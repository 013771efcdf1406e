import { signTc3 } from "../../src/protocol/tc3.js";
import { v1Signature, v1StringToSign } from "../../src/protocol/v1.js";
import type { Keys } from "./server.js";

export interface RawAnswer {
  status: number;
  body: any;
  text: string;
}

export interface RawTc3Options {
  keys: Keys;
  action: string;
  version?: string;
  body?: string;
  /** Unix seconds; now by default */
  timestamp?: number;
  /** the host to sign: as the Go SDK does, the Host header with its port (default) */
  signedHost?: string;
  service?: string;
  /** extra or replacing headers */
  headers?: Record<string, string>;
  /** request target; "/" by default */
  target?: string;
}

/** A TC3-signed POST made by hand (the Go SDK's rule by default: host with port, service "organization"). */
export async function rawTc3(endpoint: string, o: RawTc3Options): Promise<RawAnswer> {
  const body = o.body ?? "{}";
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const authorization = signTc3({
    secretId: o.keys.secretId,
    secretKey: o.keys.secretKey,
    method: "POST",
    host: o.signedHost ?? endpoint,
    body,
    timestamp,
    service: o.service ?? "organization",
  });
  return send(`http://${endpoint}${o.target ?? "/"}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization,
      "x-tc-action": o.action,
      "x-tc-version": o.version ?? "2021-03-31",
      "x-tc-timestamp": String(timestamp),
      ...o.headers,
    },
    body,
  });
}

/** A v1-signed GET made by hand. */
export async function rawV1Get(endpoint: string, keys: Keys, params: Record<string, string>, method: "HmacSHA1" | "HmacSHA256" = "HmacSHA256"): Promise<RawAnswer> {
  const all: Record<string, string> = {
    Timestamp: String(Math.floor(Date.now() / 1000)),
    Nonce: "12345",
    SecretId: keys.secretId,
    SignatureMethod: method,
    ...params,
  };
  all.Signature = v1Signature(keys.secretKey, v1StringToSign("GET", endpoint, "/", all), method);
  return send(`http://${endpoint}/?${new URLSearchParams(all)}`, { method: "GET" });
}

/** One HTTP exchange; the body parsed as JSON when it is. */
export async function send(url: string, init: RequestInit): Promise<RawAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}
