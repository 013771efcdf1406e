import { HttpConnection } from "../driver/http-connection.js";
import { awsClassify } from "../scenarios/classify.js";
import { sigv4JsonRequest, type AwsJsonTarget } from "../signing/sigv4-request.js";

/** How the bench talks to moto's AWS Organizations. */
export function motoTarget(host: string): AwsJsonTarget {
  return {
    host,
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    region: "us-east-1",
    service: "organizations",
    targetPrefix: "AWSOrganizationsV20161128",
  };
}

/** Create moto's organization and `accounts` member accounts through its API (8 connections). */
export async function seedMoto(target: AwsJsonTarget, port: number, accounts: number): Promise<void> {
  const call = async (conn: HttpConnection, op: string, params: Record<string, unknown>) => {
    const res = await conn.request(sigv4JsonRequest(target, op, params));
    const code = awsClassify(res);
    if (code) throw new Error(`moto ${op}: ${code}`);
  };
  const first = new HttpConnection("127.0.0.1", port);
  await call(first, "CreateOrganization", { FeatureSet: "ALL" });
  first.close();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      const conn = new HttpConnection("127.0.0.1", port);
      for (let i = next++; i < accounts; i = next++) await call(conn, "CreateAccount", { AccountName: `seed-${i}`, Email: `seed-${i}@example.com` });
      conn.close();
    }),
  );
}
