import type { Store } from "../../store/store.js";
import { pathFromRoot, TAG, type FoundTarget } from "./rules.js";
import { mergeTagPolicies, type EffectiveTagPolicy } from "./tag-merge.js";
import { parseTagPolicy, type TagPolicyDoc } from "./tag-syntax.js";

/** The effective tag policy of a target and when what it is made of last changed (epoch ms). */
export interface EffectiveResult {
  effective: EffectiveTagPolicy;
  lastUpdated: number;
}

/**
 * The effective tag policy of a department or member: the tag policies attached from the root down
 * to it, merged level by level (a member's own attachments come last). Undefined when no tag
 * policy applies to it.
 */
export async function effectiveTagPolicyOf(store: Store, orgId: number, found: FoundTarget): Promise<EffectiveResult | undefined> {
  const path = await pathFromRoot(store, orgId, found.nodeId);
  const memberUin = found.target.type === "MEMBER" ? found.target.uin : null;
  const attached = await store.policyAttachments.forTargets(orgId, TAG, path, memberUin);
  if (attached.length === 0) return undefined;
  const parsed = new Map<number, TagPolicyDoc>();
  const docOf = (policyId: number, content: string) => {
    if (!parsed.has(policyId)) parsed.set(policyId, parseTagPolicy(content));
    return parsed.get(policyId)!;
  };
  const levels: TagPolicyDoc[][] = path.map((nodeId) => attached.filter((a) => a.node_id === nodeId).map((a) => docOf(a.policy_id, a.content)));
  if (memberUin !== null) levels.push(attached.filter((a) => a.member_uin === memberUin).map((a) => docOf(a.policy_id, a.content)));
  const lastUpdated = Math.max(...attached.map((a) => Math.max(a.created_at, a.policy_updated_at)));
  return { effective: mergeTagPolicies(levels), lastUpdated };
}
