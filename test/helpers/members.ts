import { FIRST_NODE_ID } from "../../src/domain/organization/create-organization.js";
import type { Store } from "../../src/store/store.js";

/**
 * A department under `parentId`, inserted through the store (AddOrganizationNode is another
 * area's action); its id comes from the same counter the actions use.
 */
export async function addDepartment(store: Store, orgId: number, parentId: number, name: string): Promise<number> {
  return store.transaction(async (tx) => {
    const parent = await tx.nodes.find(orgId, parentId);
    const nodeId = await tx.counters.next("node", FIRST_NODE_ID);
    const now = Date.now();
    await tx.nodes.insert({ node_id: nodeId, org_id: orgId, parent_id: parentId, name, remark: null, depth: (parent?.depth ?? 0) + 1, created_at: now, updated_at: now });
    return nodeId;
  });
}

/** A membership for addMember: an Invite-type member by default. */
export interface InvitedMember {
  uin: number;
  orgId: number;
  nodeId: number;
  name: string;
  permissions?: string;
  payUin?: number | null;
  allowQuit?: "Allow" | "Denied";
  authRelationId?: number | null;
  memberType?: "Invite" | "Create";
  joinedAt?: number;
}

/**
 * A membership as accepting an invitation leaves it (the invitation actions are another area's),
 * inserted through the store for an account that already exists.
 */
export async function addMember(store: Store, m: InvitedMember): Promise<void> {
  const now = m.joinedAt ?? Date.now();
  await store.members.insert({
    member_uin: m.uin,
    org_id: m.orgId,
    node_id: m.nodeId,
    is_admin: 0,
    name: m.name,
    member_type: m.memberType ?? "Invite",
    policy_type: "Financial",
    permission_ids: m.permissions ?? "1,2",
    is_allow_quit: m.allowQuit ?? "Allow",
    pay_uin: m.payUin ?? null,
    remark: null,
    auth_relation_id: m.authRelationId ?? null,
    joined_at: now,
    updated_at: now,
  });
}
