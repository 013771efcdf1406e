import { ApiError } from "../../protocol/api-error.js";
import type { DetachPolicyRequest, DetachPolicyResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { lockManagedOrg, policyTypeParam, requireEnabled, requireManager, requirePolicy, SCP } from "./rules.js";
import { requireTarget, targetTypeParam } from "./targets.js";

/**
 * DetachPolicy — the admin unbinds a policy from a department or member. A department or member
 * must keep at least one service control policy, so the last one cannot be unbound; tag policies
 * have no such rule.
 * @throws InvalidParameter.ParamError (Type, TargetType), UnauthorizedOperation, InvalidParameter.OrganizationMemberNotManager,
 *   FailedOperation.OrganizationPolicyIsNotEnabled, ResourceNotFound.PolicyNotExist, InvalidParameter.PolicyIdNotExist (other type),
 *   FailedOperation.OrganizationDetachPolicyError (not bound there), FailedOperation.OrganizationDetachLastPolicyError
 */
export async function detachPolicy(input: DetachPolicyRequest, ctx: Context): Promise<DetachPolicyResponse> {
  const type = policyTypeParam(input.Type, "Type", "InvalidParameter.ParamError");
  const targetType = targetTypeParam(input.TargetType);
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "UnauthorizedOperation", member: "InvalidParameter.OrganizationMemberNotManager" });
  const notBound = () =>
    new ApiError("FailedOperation.OrganizationDetachPolicyError", {
      en: `Policy ${input.PolicyId} is not bound to ${targetType === "NODE" ? "department" : "member"} ${input.TargetId}.`,
      zh: `策略 ${input.PolicyId} 未绑定到${targetType === "NODE" ? "部门" : "成员"} ${input.TargetId}。`,
    });
  await ctx.store.transaction(async (tx) => {
    await lockManagedOrg(tx, org, "UnauthorizedOperation");
    await requireEnabled(tx, org.org_id, type);
    const policy = await requirePolicy(tx, org.org_id, input.PolicyId, type, { notExist: "ResourceNotFound.PolicyNotExist", otherType: "InvalidParameter.PolicyIdNotExist" });
    const target = await requireTarget(tx, org.org_id, targetType, input.TargetId, {
      node: "FailedOperation.OrganizationDetachPolicyError",
      member: "FailedOperation.OrganizationDetachPolicyError",
    });
    if (!(await tx.policyAttachments.find(policy.policy_id, target))) throw notBound();
    if (type === SCP && (await tx.policyAttachments.countForTarget(target, SCP)) <= 1) {
      throw new ApiError("FailedOperation.OrganizationDetachLastPolicyError", {
        en: `Policy ${input.PolicyId} is the last service control policy of ${input.TargetId}; bind another one before unbinding it.`,
        zh: `策略 ${input.PolicyId} 是 ${input.TargetId} 的最后一个服务管控策略，请先绑定其他策略再解绑。`,
      });
    }
    await tx.policyAttachments.delete(policy.policy_id, target);
  });
  return {};
}
