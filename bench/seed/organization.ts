import { createHash } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../src/store/schema.js";
import { bulkInsert } from "./bulk-insert.js";

/** Identifiers of the seeded organization. They sit far from the ranges TCO allocates from. */
export const ORG_ID = 9_000_001;
export const ROOT_NODE_ID = 9_100_000;
export const ADMIN_UIN = 200_000_000_000;
const FIRST_MEMBER_UIN = ADMIN_UIN + 1;
/** invitees of the pair scenario: accounts outside any organization */
export const FIRST_INVITEE_UIN = 300_000_000_000;
export const ENTITY = "Bench Enterprise Ltd";

export interface Key {
  secretId: string;
  secretKey: string;
}

/** What the scenarios need to know about the seeded organization. */
export interface SeededOrg {
  orgId: number;
  adminUin: number;
  adminKey: Key;
  departmentIds: number[];
  memberCount: number;
  /** UIN of the i-th seeded member (0-based) */
  memberUin(i: number): number;
  /** name of the i-th seeded member */
  memberName(i: number): string;
}

const memberName = (i: number) => `bench-m${String(i + 1).padStart(6, "0")}`;

/** A deterministic key for a seeded account: the bench has to sign with it, nobody else uses it. */
export function benchKey(uin: number): Key {
  const secretKey = createHash("sha256").update(`tco-bench-${uin}`).digest("hex").slice(0, 32);
  return { secretId: `AKIDbench${uin}`, secretKey };
}

const account = (uin: number, name: string, now: number): Insertable<DB["accounts"]> => ({
  uin,
  name,
  mail: null,
  verification: "enterprise",
  entity_name: ENTITY,
  site: "china",
  created_at: now,
});

/**
 * Seed one organization straight into the tables, in bulk: an enterprise-verified admin with an
 * access key, `departments` departments under the root node, and `members` member accounts spread
 * evenly over the departments, each with one tag. Members get no keys: only the admin calls.
 */
export async function seedOrganization(db: Kysely<DB>, o: { members: number; departments: number; now?: number }): Promise<SeededOrg> {
  const now = o.now ?? Date.now();
  const adminKey = benchKey(ADMIN_UIN);
  const departmentIds = Array.from({ length: o.departments }, (_, i) => ROOT_NODE_ID + 1 + i);

  await db.transaction().execute(async (tx) => {
    await tx.insertInto("accounts").values(account(ADMIN_UIN, "bench-admin", now)).execute();
    await tx.insertInto("access_keys").values({ secret_id: adminKey.secretId, secret_key: adminKey.secretKey, uin: ADMIN_UIN, created_at: now }).execute();
    await tx.insertInto("organizations").values({ org_id: ORG_ID, host_uin: ADMIN_UIN, org_type: 1, root_node_id: ROOT_NODE_ID, created_at: now }).execute();
    const node = (node_id: number, parent_id: number | null, name: string, depth: number) => ({
      node_id,
      org_id: ORG_ID,
      parent_id,
      name,
      remark: null,
      depth,
      created_at: now,
      updated_at: now,
    });
    await tx.insertInto("org_nodes").values(node(ROOT_NODE_ID, null, "Root", 0)).execute();
    await bulkInsert(tx, "org_nodes", departmentIds.map((id, i) => node(id, ROOT_NODE_ID, `dept-${String(i + 1).padStart(2, "0")}`, 1)));

    const membership = (uin: number, nodeId: number, name: string, isAdmin: boolean, joinedAt: number): Insertable<DB["org_members"]> => ({
      member_uin: uin,
      org_id: ORG_ID,
      node_id: nodeId,
      is_admin: isAdmin ? 1 : 0,
      name,
      // the admin's own membership is of type Invite (the organization did not create its account)
      member_type: isAdmin ? "Invite" : "Create",
      policy_type: "Financial",
      permission_ids: "1,2",
      is_allow_quit: isAdmin ? "Denied" : "Allow",
      pay_uin: null,
      remark: isAdmin ? null : "seeded by the bench",
      auth_relation_id: null,
      joined_at: joinedAt,
      updated_at: joinedAt,
    });
    await tx.insertInto("org_members").values(membership(ADMIN_UIN, ROOT_NODE_ID, "bench-admin", true, now - o.members - 1)).execute();

    const accounts: Insertable<DB["accounts"]>[] = [];
    const members: Insertable<DB["org_members"]>[] = [];
    const tags: Insertable<DB["resource_tags"]>[] = [];
    for (let i = 0; i < o.members; i++) {
      const uin = FIRST_MEMBER_UIN + i;
      const dept = i % o.departments;
      accounts.push(account(uin, memberName(i), now));
      members.push(membership(uin, departmentIds[dept], memberName(i), false, now - o.members + i));
      tags.push({ resource_type: "member", resource_id: uin, tag_key: "team", tag_value: `dept-${String(dept + 1).padStart(2, "0")}` });
    }
    await bulkInsert(tx, "accounts", accounts);
    await bulkInsert(tx, "org_members", members);
    await bulkInsert(tx, "resource_tags", tags);
    // id counters continue after the seeded ids (names as the domain allocates them)
    await bulkInsert(tx, "counters", [
      { name: "org", value: ORG_ID },
      { name: "node", value: departmentIds[departmentIds.length - 1] ?? ROOT_NODE_ID },
    ]);
  });

  return {
    orgId: ORG_ID,
    adminUin: ADMIN_UIN,
    adminKey,
    departmentIds,
    memberCount: o.members,
    memberUin: (i) => FIRST_MEMBER_UIN + i,
    memberName,
  };
}

/** An account outside any organization, with a key, for the invitation pairs. */
export interface Invitee extends Key {
  uin: number;
}

let nextInvitee = FIRST_INVITEE_UIN;

/** Add `count` enterprise-verified accounts (same entity as the admin) with one key each. */
export async function seedInvitees(db: Kysely<DB>, count: number, now = Date.now()): Promise<Invitee[]> {
  const out: Invitee[] = [];
  for (let i = 0; i < count; i++) out.push({ uin: nextInvitee, ...benchKey(nextInvitee++) });
  await db.transaction().execute(async (tx) => {
    await bulkInsert(tx, "accounts", out.map((a) => account(a.uin, `bench-i${a.uin - FIRST_INVITEE_UIN}`, now)));
    await bulkInsert(tx, "access_keys", out.map((a) => ({ secret_id: a.secretId, secret_key: a.secretKey, uin: a.uin, created_at: now })));
  });
  return out;
}
