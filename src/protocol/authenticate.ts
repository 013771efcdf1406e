import type { IncomingHttpHeaders } from "node:http";
import { ApiError } from "./api-error.js";
import type { CredentialCache, Credential } from "./credentials.js";
import { parseTc3Authorization, sameSignature, sha256Hex, tc3Signature, utcDate } from "./tc3.js";
import { sameV1Signature, v1Signature, v1StringToSign, type V1Method } from "./v1.js";

/** Allowed distance between a request's timestamp and the server clock. */
export const MAX_SKEW_SECONDS = 300;

export interface SignedRequest {
  method: string;
  path: string;
  /** raw query string, without "?" */
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The first value of a request header. */
export const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The Host header as sent and without its port: the Node SDK signs the latter, the Go SDK the
 * former. The likelier form goes first so most requests cost one HMAC chain: the Go SDK puts
 * "organization" in the credential scope, the Node SDK the endpoint's first label.
 */
function hostCandidates(h: IncomingHttpHeaders, service?: string): string[] {
  const host = header(h, "host") ?? "";
  const bare = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  if (!bare || bare === host) return [host];
  return service === undefined || service === "organization" ? [host, bare] : [bare, host];
}

function checkTimestamp(raw: string | undefined, name: string, nowMs: number): number {
  if (raw === undefined || raw === "") {
    throw new ApiError("MissingParameter", { en: `Missing required parameter \`${name}\`.`, zh: `缺少必选参数\`${name}\`。` });
  }
  if (!/^\d{1,12}$/.test(raw)) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${name}\` must be a Unix time in seconds.`, zh: `参数\`${name}\`应为以秒计的 Unix 时间。` });
  }
  const ts = Number(raw);
  if (Math.abs(nowMs / 1000 - ts) > MAX_SKEW_SECONDS) {
    throw new ApiError("AuthFailure.SignatureExpire", {
      en: `The request timestamp ${ts} is more than ${MAX_SKEW_SECONDS} seconds away from the server time ${Math.floor(nowMs / 1000)}.`,
      zh: `请求时间戳 ${ts} 与服务器时间 ${Math.floor(nowMs / 1000)} 相差超过 ${MAX_SKEW_SECONDS} 秒。`,
    });
  }
  return ts;
}

async function findKey(creds: CredentialCache, secretId: string, nowMs: number): Promise<Credential> {
  const cred = await creds.lookup(secretId, nowMs);
  if (!cred) {
    throw new ApiError("AuthFailure.SecretIdNotFound", { en: `The SecretId ${secretId} is not known.`, zh: `SecretId ${secretId} 不存在。` });
  }
  return cred;
}

/**
 * The value of X-TC-Content-SHA256 by which a client leaves the body out of its TC3 signature: the
 * Go SDK (profile.ClientProfile.UnsignedPayload, tencentcloud/common/client.go) and the Python SDK
 * (ClientProfile.unsignedPayload, tencentcloud/common/abstract_client.py) send this header and put
 * the SHA-256 of the literal string, not of the body, in the canonical request, for GET and POST
 * alike; they still sign content-type and host only. The header itself is not signed.
 *
 * What it means for integrity: such a signature covers the method, path, query string, content
 * type, host, timestamp and credential scope, but not a byte of the body. Anyone who can alter the
 * request in transit can rewrite a POST body — the action's parameters — and it still verifies
 * (for a GET the parameters are in the signed query, so nothing the action reads is unsigned).
 * That is the client's choice, made by turning the option on, as on the real service; TCO answers
 * such requests as the real endpoint does and relies on the transport (TLS in front of TCO) for the
 * body's integrity.
 */
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const UNSIGNED_PAYLOAD_HASH = sha256Hex(UNSIGNED_PAYLOAD);

/** The payload hash of the canonical request: the body's, or the literal's when the client left the body unsigned. */
const payloadHashOf = (req: SignedRequest): string =>
  header(req.headers, "x-tc-content-sha256") === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD_HASH : sha256Hex(req.body);

const signatureFailure = () =>
  new ApiError("AuthFailure.SignatureFailure", {
    en: "The signature does not match the one computed from the request and the secret key.",
    zh: "请求签名与服务端按密钥计算的签名不一致。",
  });

/** Verify a TC3-HMAC-SHA256 request; answers the key that signed it. */
export async function verifyTc3(req: SignedRequest, authorization: string, creds: CredentialCache, nowMs: number): Promise<Credential> {
  const auth = parseTc3Authorization(authorization);
  if (!auth) {
    throw new ApiError("AuthFailure.InvalidAuthorization", {
      en: "The Authorization header is not of the form `TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=..., Signature=...`.",
      zh: "Authorization 头格式不正确，应为 `TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=..., Signature=...`。",
    });
  }
  const timestamp = checkTimestamp(header(req.headers, "x-tc-timestamp"), "X-TC-Timestamp", nowMs);
  if (!auth.signedHeaders.includes("content-type") || !auth.signedHeaders.includes("host")) {
    throw new ApiError("AuthFailure.InvalidAuthorization", {
      en: "SignedHeaders must include content-type and host.",
      zh: "SignedHeaders 必须包含 content-type 和 host。",
    });
  }
  const cred = await findKey(creds, auth.secretId, nowMs);
  if (auth.date !== utcDate(timestamp)) {
    throw new ApiError("AuthFailure.SignatureFailure", {
      en: `The credential date ${auth.date} is not the UTC date of X-TC-Timestamp (${utcDate(timestamp)}).`,
      zh: `签名凭证日期 ${auth.date} 与 X-TC-Timestamp 的 UTC 日期（${utcDate(timestamp)}）不一致。`,
    });
  }
  const payloadHash = payloadHashOf(req);
  for (const host of hostCandidates(req.headers, auth.service)) {
    const headers: Record<string, string> = {};
    for (const name of auth.signedHeaders) headers[name] = name === "host" ? host : header(req.headers, name) ?? "";
    const expected = tc3Signature(
      { method: req.method, path: req.path, query: req.query, headers, signedHeaders: auth.signedHeaders, payloadHash },
      cred.secretKey,
      timestamp,
      auth.date,
      auth.service,
    );
    if (sameSignature(expected, auth.signature)) return cred;
  }
  throw signatureFailure();
}

/** Verify a legacy v1 (HmacSHA1/HmacSHA256) request whose parameters are `params`. */
export async function verifyV1(req: SignedRequest, params: Record<string, string>, creds: CredentialCache, nowMs: number): Promise<Credential> {
  for (const name of ["SecretId", "Nonce"]) {
    if (!params[name]) throw new ApiError("MissingParameter", { en: `Missing required parameter \`${name}\`.`, zh: `缺少必选参数\`${name}\`。` });
  }
  checkTimestamp(params.Timestamp, "Timestamp", nowMs);
  const method = (params.SignatureMethod ?? "HmacSHA1") as V1Method;
  if (method !== "HmacSHA1" && method !== "HmacSHA256") {
    throw new ApiError("AuthFailure.SignatureFailure", {
      en: `SignatureMethod ${method} is not supported; use HmacSHA1 or HmacSHA256.`,
      zh: `不支持的 SignatureMethod ${method}，请使用 HmacSHA1 或 HmacSHA256。`,
    });
  }
  const cred = await findKey(creds, params.SecretId, nowMs);
  for (const host of hostCandidates(req.headers)) {
    const expected = v1Signature(cred.secretKey, v1StringToSign(req.method, host, req.path, params), method);
    if (sameV1Signature(expected, params.Signature)) return cred;
  }
  throw signatureFailure();
}
