import * as crypto from "node:crypto";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The parts of a `TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` header. */
export interface Tc3Authorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE =
  /^TC3-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request\s*,\s*SignedHeaders=([a-z0-9\-;]+)\s*,\s*Signature=([0-9a-f]{64})$/i;

/** Parse an Authorization header; undefined when it is not a well-formed TC3 header. */
export function parseTc3Authorization(header: string): Tc3Authorization | undefined {
  const m = AUTH_RE.exec(header.trim());
  if (!m) return undefined;
  return {
    secretId: m[1],
    date: m[2],
    service: m[3],
    signedHeaders: m[4].toLowerCase().split(";").filter(Boolean),
    signature: m[5].toLowerCase(),
  };
}

/** crypto.hash (Node ≥ 20.12): one call, no Hash object; the same digest as createHash. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: "hex") => string }).hash;

export const sha256Hex: (data: string | Buffer) => string = oneShot
  ? (data) => oneShot("sha256", data, "hex")
  : (data) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

const DAY_SECONDS = 86_400;
/** the last day asked for and its date: requests arrive within a few minutes of each other */
let lastDay = { day: NaN, date: "" };

/** UTC date (YYYY-MM-DD) of a Unix timestamp in seconds, as the credential scope carries it. */
export function utcDate(timestamp: number): string {
  const day = Math.floor(timestamp / DAY_SECONDS);
  if (day !== lastDay.day) lastDay = { day, date: new Date(timestamp * 1000).toISOString().slice(0, 10) };
  return lastDay.date;
}

const signingKeys = new Map<string, Buffer>();

/** The derived signing key, cached per (secret key, date, service): three HMACs saved per request. */
export function signingKey(secretKey: string, date: string, service: string): Buffer {
  const cacheKey = `${date}\n${service}\n${secretKey}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
    if (signingKeys.size >= 10_000) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

export interface CanonicalRequest {
  method: string;
  path: string;
  query: string;
  /** lower-case header name → value, for the signed headers */
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
}

/** The TC3 signature (lower-case hex) of a canonical request. */
export function tc3Signature(req: CanonicalRequest, secretKey: string, timestamp: number, date: string, service: string): string {
  let canonicalHeaders = "";
  for (const name of req.signedHeaders) canonicalHeaders += `${name}:${(req.headers[name] ?? "").trim().toLowerCase()}\n`;
  const canonical = [req.method, req.path, req.query, canonicalHeaders, req.signedHeaders.join(";"), req.payloadHash].join("\n");
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256Hex(canonical)}`;
  return createHmac("sha256", signingKey(secretKey, date, service)).update(stringToSign).digest("hex");
}

/** Constant-time comparison of two signatures given as strings. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface SignTc3Options {
  secretId: string;
  secretKey: string;
  method: "GET" | "POST";
  host: string;
  path?: string;
  query?: string;
  body?: string;
  contentType?: string;
  timestamp: number;
  service?: string;
}

/** Build the Authorization header for a request, the way the official SDKs do. */
export function signTc3(o: SignTc3Options): string {
  const date = utcDate(o.timestamp);
  const service = o.service ?? "organization";
  const contentType = o.contentType ?? (o.method === "GET" ? "application/x-www-form-urlencoded" : "application/json");
  const signature = tc3Signature(
    {
      method: o.method,
      path: o.path ?? "/",
      query: o.query ?? "",
      headers: { "content-type": contentType, host: o.host },
      signedHeaders: ["content-type", "host"],
      payloadHash: sha256Hex(o.body ?? ""),
    },
    o.secretKey,
    o.timestamp,
    date,
    service,
  );
  return `TC3-HMAC-SHA256 Credential=${o.secretId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
}
