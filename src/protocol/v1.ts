import { createHmac, timingSafeEqual } from "node:crypto";

export type V1Method = "HmacSHA1" | "HmacSHA256";

/** The common parameters of a v1-signed request; everything else is an action parameter. */
export const V1_COMMON_PARAMS = new Set([
  "Action", "Version", "Region", "Timestamp", "Nonce", "SecretId", "Signature", "SignatureMethod", "Token", "Language", "RequestClient",
]);

/** `<METHOD><host><path>?k=v&...` over every parameter but Signature, sorted by name, raw values. */
export function v1StringToSign(method: string, host: string, path: string, params: Record<string, string>): string {
  const keys = Object.keys(params).filter((k) => k !== "Signature").sort();
  return `${method}${host}${path}?${keys.map((k) => `${k}=${params[k]}`).join("&")}`;
}

/** Base64 HMAC of the string to sign. */
export function v1Signature(secretKey: string, stringToSign: string, method: V1Method): string {
  return createHmac(method === "HmacSHA256" ? "sha256" : "sha1", secretKey).update(stringToSign, "utf8").digest("base64");
}

/** Constant-time comparison of two base64 signatures, by their decoded bytes. */
export function sameV1Signature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "base64");
  const b = Buffer.from(given, "base64");
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
