import { poolWorkload, RequestPool } from "../driver/load.js";
import type { SeededOrg } from "../seed/organization.js";
import { tc3Request, type Tc3Target } from "../signing/tc3-request.js";
import { tcoClassify } from "./classify.js";
import { Random } from "./random.js";
import type { Scenario } from "./scenario.js";

const V2021 = "2021-03-31";
/** distinct pre-signed requests per read pool (cycled through during a run) */
const POOL = 2_000;

/** Sign `POOL` requests of one action; params vary per request, timestamps spread over the last minute. */
function signPool(target: Tc3Target, action: string, params: (i: number) => Record<string, unknown>): Buffer[] {
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: POOL }, (_, i) => tc3Request(target, { action, version: V2021, params: params(i), timestamp: now - (i % 60) }));
}

function readScenario(name: string, title: string, action: string, target: Tc3Target, params: (rnd: Random) => Record<string, unknown>): Scenario {
  return {
    name,
    primary: action,
    rows: [{ label: action, title, kind: "read", peer: "ListAccounts" }],
    async prepare() {
      const rnd = new Random(0x5eed);
      return poolWorkload(action, new RequestPool(signPool(target, action, () => params(rnd)), true), tcoClassify);
    },
  };
}

/** The read scenarios: member pages at random offsets, member search, the organization, its departments. */
export function tcoReadScenarios(target: Tc3Target, org: SeededOrg): Scenario[] {
  const pages = Math.floor((org.memberCount - 20) / 20) + 1;
  return [
    readScenario("members-page", "DescribeOrganizationMembers (Limit 20, random Offset)", "DescribeOrganizationMembers", target, (rnd) => ({
      Offset: rnd.int(pages) * 20,
      Limit: 20,
    })),
    readScenario("members-search", "DescribeOrganizationMembers (SearchKey)", "DescribeOrganizationMembers", target, (rnd) => ({
      Offset: 0,
      Limit: 20,
      SearchKey: org.memberName(rnd.int(org.memberCount)),
    })),
    readScenario("organization", "DescribeOrganization", "DescribeOrganization", target, () => ({})),
    readScenario("nodes", "DescribeOrganizationNodes (Limit 50)", "DescribeOrganizationNodes", target, () => ({ Offset: 0, Limit: 50 })),
  ];
}
