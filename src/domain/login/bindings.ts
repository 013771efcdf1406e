import { ApiError } from "../../protocol/api-error.js";
import type { MemberPolicyRow } from "../../store/member-policies-repo.js";
import type { Store } from "../../store/store.js";

/** The member accounts a policy covers, by UIN. */
export async function coveredMembers(store: Store, policy: MemberPolicyRow): Promise<number[]> {
  return ((await store.memberPolicies.membersOf([policy.policy_id])).get(policy.policy_id) ?? []).map((m) => m.member_uin);
}

/**
 * The member-specific binding actions address a policy through one of its members: the member must
 * be covered by the policy → ResourceNotFound.MemberNotExist. Answers the members covered.
 */
export async function requireCovered(store: Store, policy: MemberPolicyRow, memberUin: number): Promise<number[]> {
  const members = await coveredMembers(store, policy);
  if (!members.includes(memberUin)) {
    throw new ApiError("ResourceNotFound.MemberNotExist", {
      en: `Parameter \`MemberUin\`: member access policy ${policy.policy_id} does not cover member ${memberUin}.`,
      zh: `参数\`MemberUin\`：成员访问策略 ${policy.policy_id} 不包含成员 ${memberUin}。`,
    });
  }
  return members;
}

/** The sub-accounts of `subUins` not bound to the policy → FailedOperation.OperatePolicy. */
export async function requireBound(store: Store, policyId: number, subUins: readonly number[], param: string): Promise<void> {
  const bound = await store.memberPolicies.boundOf(policyId, subUins);
  const missing = subUins.filter((u) => !bound.has(u));
  if (missing.length > 0) {
    throw new ApiError("FailedOperation.OperatePolicy", {
      en: `Parameter \`${param}\`: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not bound to member access policy ${policyId}.`,
      zh: `参数\`${param}\`：${missing.join("、")} 未绑定成员访问策略 ${policyId}。`,
    });
  }
}
