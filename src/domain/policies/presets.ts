import type { PolicyTarget } from "../../store/policy-attachments-repo.js";
import type { Store } from "../../store/store.js";
import { insertAttachment, SCP } from "./rules.js";

/**
 * The preset service control policy FullQcloudAccess (allow everything), seeded by migration 0004:
 * once an organization enables service control policies, it is bound to every department and
 * member, and to every department and member added later, so nothing is denied until custom
 * policies say so.
 */
export const FULL_ACCESS_POLICY_ID = 1000;
export const FULL_ACCESS_POLICY_NAME = "FullQcloudAccess";

const FULL_ACCESS = { policy_id: FULL_ACCESS_POLICY_ID, policy_type: SCP };

/**
 * Bind the default policies to a department or member that just joined an organization's tree:
 * FullQcloudAccess when the organization has service control policies enabled. Called, in their
 * transaction, by the actions that add departments and members.
 */
export async function bindDefaultPolicies(tx: Store, orgId: number, target: PolicyTarget, now: number): Promise<void> {
  if (!(await tx.policyTypes.isEnabled(orgId, SCP))) return;
  await insertAttachment(tx, orgId, FULL_ACCESS, target, now);
}

/** Bind FullQcloudAccess to every department and member of an organization (service control policies were just enabled). */
export async function bindFullAccessEverywhere(tx: Store, orgId: number, now: number): Promise<void> {
  for (const n of await tx.nodes.listByOrg(orgId)) await insertAttachment(tx, orgId, FULL_ACCESS, { type: "NODE", nodeId: n.node_id }, now);
  for (const uin of await tx.members.uinsInOrg(orgId)) await insertAttachment(tx, orgId, FULL_ACCESS, { type: "MEMBER", uin }, now);
}
