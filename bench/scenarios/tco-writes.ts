import type { Kysely } from "kysely";
import type { DB } from "../../src/store/schema.js";
import { poolWorkload, RequestPool, timedRequest, type Workload } from "../driver/load.js";
import { seedInvitees, type Invitee, type SeededOrg } from "../seed/organization.js";
import { tc3Request, type Tc3Target } from "../signing/tc3-request.js";
import { tcoClassify } from "./classify.js";
import { oneShotPoolSize, Random } from "./random.js";
import type { Scenario } from "./scenario.js";

const V2021 = "2021-03-31";
const V2018 = "2018-12-25";
const FINANCIAL = { PolicyType: "Financial", PermissionIds: [1, 2] };

/** A tag unique to each prepared run, so one-shot names never repeat across runs. */
let runCounter = 0;
const runTag = () => `${Date.now().toString(36).slice(-5)}${(runCounter++).toString(36)}`;

/** UpdateOrganizationMember: the admin changes the remark of random members (repeatable, so cycled). */
function updateScenario(target: Tc3Target, org: SeededOrg): Scenario {
  const action = "UpdateOrganizationMember";
  return {
    name: "member-update",
    primary: action,
    rows: [{ label: action, title: "UpdateOrganizationMember (Remark)", kind: "write", peer: "CreateAccount" }],
    async prepare() {
      const rnd = new Random(0xfeed);
      const tag = runTag();
      const now = Math.floor(Date.now() / 1000);
      const pool = Array.from({ length: 2_000 }, (_, i) =>
        tc3Request(target, { action, version: V2021, params: { MemberUin: org.memberUin(rnd.int(org.memberCount)), Remark: `bench ${tag} ${i}` }, timestamp: now - (i % 60) }),
      );
      return poolWorkload(action, new RequestPool(pool, true), tcoClassify);
    },
  };
}

/** CreateOrganizationMember: a new member account per request, so each request is sent once. */
function createScenario(target: Tc3Target, org: SeededOrg): Scenario {
  const action = "CreateOrganizationMember";
  return {
    name: "member-create",
    primary: action,
    rows: [{ label: action, title: "CreateOrganizationMember", kind: "write", peer: "CreateAccount" }],
    async prepare(seconds, rate) {
      const rnd = new Random(0xc0de);
      const tag = runTag();
      const now = Math.floor(Date.now() / 1000);
      const pool = Array.from({ length: oneShotPoolSize(rate, seconds) }, (_, i) => {
        const name = `bc-${tag}-${i}`;
        const params = { Name: name, ...FINANCIAL, NodeId: rnd.pick(org.departmentIds), AccountName: name };
        return tc3Request(target, { action, version: V2021, params, timestamp: now });
      });
      return poolWorkload(action, new RequestPool(pool, false), tcoClassify);
    },
  };
}

/** The id of the pending invitation of an account: read from the store (InviteOrganizationMember answers none). */
async function pendingInvitation(db: Kysely<DB>, orgId: number, uin: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("org_invitations")
    .select("invitation_id")
    .where("org_id", "=", orgId)
    .where("invitee_uin", "=", uin)
    .where("status", "=", "Pending")
    .executeTakeFirst();
  return row?.invitation_id;
}

/**
 * InviteOrganizationMember (admin, 2021-03-31) then AcceptOrganizationInvitation (invitee,
 * 2018-12-25), per fresh account. The invite is pre-signed; the accept is signed when the
 * invitation id is known, read from the store by the bench (the API hands it only to
 * ListOrganizationInvitations, which is not under test).
 */
function pairScenario(target: Tc3Target, org: SeededOrg, db: Kysely<DB>): Scenario {
  const invite = "InviteOrganizationMember";
  const accept = "AcceptOrganizationInvitation";
  return {
    name: "invite-accept",
    primary: invite,
    rows: [
      { label: invite, title: "InviteOrganizationMember (in pairs)", kind: "write", peer: "CreateAccount" },
      { label: accept, title: "AcceptOrganizationInvitation (in pairs)", kind: "write", peer: "CreateAccount" },
      { label: "pair", title: "Invite + Accept pair", kind: "write", peer: "CreateAccount" },
    ],
    async prepare(seconds, rate) {
      const rnd = new Random(0x1a1a);
      const invitees: Invitee[] = await seedInvitees(db, oneShotPoolSize(rate, seconds));
      const now = Math.floor(Date.now() / 1000);
      const invites = invitees.map((a) =>
        tc3Request(target, {
          action: invite,
          version: V2021,
          params: { MemberUin: a.uin, Name: `bi-${a.uin}`, ...FINANCIAL, NodeId: rnd.pick(org.departmentIds), IsAllowQuit: "Allow" },
          timestamp: now,
        }),
      );
      let next = 0;
      const workload: Workload = {
        async step(conn, rec) {
          const i = next++;
          if (i >= invitees.length) return false;
          const t0 = performance.now();
          if (!(await timedRequest(conn, rec, invite, invites[i], tcoClassify))) return true;
          const id = await pendingInvitation(db, org.orgId, invitees[i].uin);
          if (id === undefined) {
            rec.error(accept, "NoPendingInvitationInStore");
            return true;
          }
          const acceptBytes = tc3Request({ ...target, ...invitees[i] }, { action: accept, version: V2018, params: { Id: id } });
          if (await timedRequest(conn, rec, accept, acceptBytes, tcoClassify)) rec.sequence("pair", performance.now() - t0);
          return true;
        },
      };
      return workload;
    },
  };
}

/** The write scenarios: member update, member creation, invitation pairs. */
export function tcoWriteScenarios(target: Tc3Target, org: SeededOrg, db: Kysely<DB>): Scenario[] {
  return [updateScenario(target, org), createScenario(target, org), pairScenario(target, org, db)];
}
