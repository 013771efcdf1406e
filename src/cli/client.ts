import { signTc3 } from "../protocol/tc3.js";

export interface OperatorClientOptions {
  endpoint: string;
  secretId: string;
  secretKey: string;
}

/** A TC3-signed caller of the operator API (`X-TC-Version: operator`). */
export async function callOperator(o: OperatorClientOptions, action: string, params: Record<string, unknown>): Promise<Record<string, any>> {
  const url = new URL(o.endpoint.includes("://") ? o.endpoint : `http://${o.endpoint}`);
  const body = JSON.stringify(params);
  const timestamp = Math.floor(Date.now() / 1000);
  const authorization = signTc3({ secretId: o.secretId, secretKey: o.secretKey, method: "POST", host: url.host, body, timestamp });
  const res = await fetch(new URL("/", url), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization,
      "x-tc-action": action,
      "x-tc-version": "operator",
      "x-tc-timestamp": String(timestamp),
    },
    body,
  });
  const data = (await res.json()) as { Response: Record<string, any> };
  if (data.Response.Error) {
    const err = new Error(`${data.Response.Error.Code}: ${data.Response.Error.Message}`) as Error & { code?: string };
    err.code = data.Response.Error.Code;
    throw err;
  }
  return data.Response;
}
