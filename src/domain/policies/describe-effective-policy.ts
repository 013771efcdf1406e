import { ApiError } from "../../protocol/api-error.js";
import type { DescribeEffectivePolicyRequest, DescribeEffectivePolicyResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { effectiveTagPolicyOf } from "./effective-policy.js";
import { findTarget } from "./rules.js";
import { renderEffectivePolicy } from "./tag-merge.js";

/**
 * DescribeEffectivePolicy — the effective tag policy of a department or member (TargetId: a
 * department id or a member UIN): the tag policies bound from the root down to it, merged by their
 * inheritance operators, shown with plain values. The admin may ask about any department or member
 * of its organization; a member may ask about itself.
 * @throws InvalidParameter.OrganizationNotExist, InvalidParameter.OrganizationMemberNotManager,
 *   InvalidParameter (TargetId), ResourceNotFound.EffectivePolicyNotFound
 */
export async function describeEffectivePolicy(input: DescribeEffectivePolicyRequest, ctx: Context): Promise<DescribeEffectivePolicyResponse> {
  const membership = await ctx.store.members.find(ctx.caller.uin);
  const org = membership ? await ctx.store.organizations.find(membership.org_id) : undefined;
  if (!membership || !org) {
    throw new ApiError("InvalidParameter.OrganizationNotExist", { en: "The caller does not belong to an organization.", zh: "调用者不属于任何组织。" });
  }
  if (membership.is_admin !== 1 && input.TargetId !== ctx.caller.uin) {
    throw new ApiError("InvalidParameter.OrganizationMemberNotManager", {
      en: "A member account may only ask for its own effective policy; the admin may ask for any department or member.",
      zh: "成员账号只能查询自己的有效策略，管理员可查询任意部门或成员。",
    });
  }
  const found = await findTarget(ctx.store, org.org_id, input.TargetId);
  if (!found) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`TargetId\`: ${input.TargetId} is neither a department nor a member of the organization.`,
      zh: `参数\`TargetId\`：${input.TargetId} 不是组织的部门或成员。`,
    });
  }
  const result = await effectiveTagPolicyOf(ctx.store, org.org_id, found);
  if (!result) {
    throw new ApiError("ResourceNotFound.EffectivePolicyNotFound", {
      en: `No tag policy applies to ${input.TargetId}: none is bound to it or to the departments above it.`,
      zh: `${input.TargetId} 没有生效的标签策略：它及其上级部门均未绑定标签策略。`,
    });
  }
  return {
    EffectivePolicy: {
      TargetId: input.TargetId,
      PolicyContent: renderEffectivePolicy(result.effective),
      LastUpdatedTimestamp: Math.floor(result.lastUpdated / 1000),
    },
  };
}
