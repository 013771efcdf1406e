import { ApiError } from "../../protocol/api-error.js";
import type { AttachPolicyRequest, AttachPolicyResponse } from "../../spec/generated/v20210331.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { insertAttachment, lockManagedOrg, policyTypeParam, requireEnabled, requireManager, requirePolicy, SCP } from "./rules.js";
import { requireTarget, targetTypeParam } from "./targets.js";

/**
 * AttachPolicy — the admin binds a policy (custom or preset) to a department (the root included)
 * or a member; it then applies to everything below the department. The type must be enabled.
 * Binding a policy that is already bound there changes nothing. The organization row is locked so
 * the per-target limit holds under concurrency; the attachment's unique index settles a race on
 * the same binding.
 * @throws InvalidParameter.ParamError (Type, TargetType), UnauthorizedOperation, InvalidParameter.OrganizationMemberNotManager,
 *   FailedOperation.OrganizationPolicyIsNotEnabled, ResourceNotFound.PolicyNotExist, InvalidParameter.PolicyIdNotExist (other type),
 *   ResourceNotFound.OrganizationNodeNotExist, ResourceNotFound.OrganizationMemberNotExist, InvalidParameter.AttachmentFull
 */
export async function attachPolicy(input: AttachPolicyRequest, ctx: Context): Promise<AttachPolicyResponse> {
  const type = policyTypeParam(input.Type, "Type", "InvalidParameter.ParamError");
  const targetType = targetTypeParam(input.TargetType);
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "UnauthorizedOperation", member: "InvalidParameter.OrganizationMemberNotManager" });
  try {
    await ctx.store.transaction(async (tx) => {
      await lockManagedOrg(tx, org, "UnauthorizedOperation");
      await requireEnabled(tx, org.org_id, type);
      const policy = await requirePolicy(tx, org.org_id, input.PolicyId, type, { notExist: "ResourceNotFound.PolicyNotExist", otherType: "InvalidParameter.PolicyIdNotExist" });
      const target = await requireTarget(tx, org.org_id, targetType, input.TargetId, {
        node: "ResourceNotFound.OrganizationNodeNotExist",
        member: "ResourceNotFound.OrganizationMemberNotExist",
      });
      if (await tx.policyAttachments.find(policy.policy_id, target)) return;
      const max = type === SCP ? ctx.settings.maxScpAttachments : ctx.settings.maxTagAttachments;
      if ((await tx.policyAttachments.countForTarget(target, type)) >= max) {
        throw new ApiError("InvalidParameter.AttachmentFull", {
          en: `Parameter \`TargetId\`: ${input.TargetId} already has ${max} policies of type ${type} bound, the most allowed.`,
          zh: `参数\`TargetId\`：${input.TargetId} 已绑定 ${max} 个 ${type} 类型的策略，已达上限。`,
        });
      }
      await insertAttachment(tx, org.org_id, policy, target, ctx.now());
    });
  } catch (e) {
    // a concurrent call bound the same policy to the same target: the binding exists, as asked
    if (!isUniqueViolation(e)) throw e;
  }
  return {};
}
