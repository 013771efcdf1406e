import { createHash, createHmac } from "node:crypto";

export interface AwsJsonTarget {
  host: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** X-Amz-Target prefix, e.g. AWSOrganizationsV20161128 */
  targetPrefix: string;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const hmac = (key: string | Buffer, s: string) => createHmac("sha256", key).update(s).digest();

/** `YYYYMMDDTHHMMSSZ` */
const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/**
 * A complete HTTP/1.1 request of the AWS JSON 1.1 protocol, signed with Signature Version 4 the
 * way the AWS SDKs sign it (moto does not check the signature, but the peer gets the same kind of
 * request TCO gets).
 */
export function sigv4JsonRequest(t: AwsJsonTarget, operation: string, params: Record<string, unknown>, now = new Date()): Buffer {
  const body = JSON.stringify(params);
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const contentType = "application/x-amz-json-1.1";
  const target = `${t.targetPrefix}.${operation}`;
  const signedHeaders = "content-type;host;x-amz-date;x-amz-target";
  const canonical = ["POST", "/", "", `content-type:${contentType}\nhost:${t.host}\nx-amz-date:${date}\nx-amz-target:${target}\n`, signedHeaders, sha256(body)].join("\n");
  const scope = `${day}/${t.region}/${t.service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(hmac(`AWS4${t.secretAccessKey}`, day), t.region), t.service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  const head =
    "POST / HTTP/1.1\r\n" +
    `Host: ${t.host}\r\n` +
    `Content-Type: ${contentType}\r\n` +
    `X-Amz-Target: ${target}\r\n` +
    `X-Amz-Date: ${date}\r\n` +
    `Authorization: AWS4-HMAC-SHA256 Credential=${t.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    "Connection: keep-alive\r\n\r\n";
  return Buffer.concat([Buffer.from(head, "latin1"), Buffer.from(body)]);
}
