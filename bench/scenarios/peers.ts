import { poolWorkload, RequestPool } from "../driver/load.js";
import { sigv4JsonRequest, type AwsJsonTarget } from "../signing/sigv4-request.js";
import { tc3Request } from "../signing/tc3-request.js";
import { awsClassify, statusClassify } from "./classify.js";
import { oneShotPoolSize, Random } from "./random.js";
import type { Scenario } from "./scenario.js";

/**
 * The bare limit: the same signed DescribeOrganizationMembers requests the TCO read scenario sends,
 * answered by a server that does nothing but answer.
 */
export function bareScenario(host: string): Scenario {
  return {
    name: "bare",
    primary: "bare",
    rows: [{ label: "bare", title: "bare node:http, fixed 120-byte JSON", kind: "limit" }],
    async prepare() {
      const rnd = new Random(0x5eed);
      const now = Math.floor(Date.now() / 1000);
      const target = { host, secretId: "AKIDbenchbare", secretKey: "bare" };
      const pool = Array.from({ length: 2_000 }, (_, i) =>
        tc3Request(target, { action: "DescribeOrganizationMembers", version: "2021-03-31", params: { Offset: rnd.int(500) * 20, Limit: 20 }, timestamp: now - (i % 60) }),
      );
      return poolWorkload("bare", new RequestPool(pool, true), statusClassify);
    },
  };
}

let createRun = 0;

/** moto's AWS Organizations: ListAccounts (first page of 20) and CreateAccount, SigV4-signed. */
export function motoScenarios(target: AwsJsonTarget): Scenario[] {
  return [
    {
      name: "moto-list",
      primary: "ListAccounts",
      rows: [{ label: "ListAccounts", title: "moto ListAccounts (MaxResults 20)", kind: "peer-read" }],
      async prepare() {
        const now = Date.now();
        const pool = Array.from({ length: 600 }, (_, i) => sigv4JsonRequest(target, "ListAccounts", { MaxResults: 20 }, new Date(now - (i % 60) * 1000)));
        return poolWorkload("ListAccounts", new RequestPool(pool, true), awsClassify);
      },
    },
    {
      name: "moto-create",
      primary: "CreateAccount",
      rows: [{ label: "CreateAccount", title: "moto CreateAccount", kind: "peer-write" }],
      async prepare(seconds, rate) {
        const run = createRun++;
        const pool = Array.from({ length: oneShotPoolSize(rate, seconds) }, (_, i) =>
          sigv4JsonRequest(target, "CreateAccount", { AccountName: `bench-${run}-${i}`, Email: `bench-${run}-${i}@example.com` }),
        );
        return poolWorkload("CreateAccount", new RequestPool(pool, false), awsClassify);
      },
    },
  ];
}
