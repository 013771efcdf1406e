import { ApiError } from "../../protocol/api-error.js";
import type { UpdateOrganizationMembersPolicyRequest, UpdateOrganizationMembersPolicyResponse } from "../../spec/generated/v20210331.js";
import { isForeignKeyViolation } from "../../store/errors.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { checkIdList, checkPolicyDescription, MAX_MEMBERS_PER_REQUEST, rejectAdmin, requireOrgMembers, requirePolicy, requireSupport } from "./rules.js";

/**
 * UpdateOrganizationMembersPolicy — change which member accounts a member access policy covers and
 * with which identity (and its description when given); the sub-accounts bound to it stay bound.
 * No bound sub-account may end up holding the same identity on a member through two policies.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.MemberPolicyNotExist,
 *   ResourceNotFound.OrganizationMemberNotExist, UnsupportedOperation (the admin among the members),
 *   ResourceNotFound.MemberIdentityNotExist, FailedOperation.OperatePolicy
 */
export async function updateOrganizationMembersPolicy(input: UpdateOrganizationMembersPolicyRequest, ctx: Context): Promise<UpdateOrganizationMembersPolicyResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const uins = checkIdList(input.MemberUins, "MemberUins", MAX_MEMBERS_PER_REQUEST);
  const description = input.Description === undefined ? undefined : checkPolicyDescription(input.Description);
  try {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      const policy = await requirePolicy(tx, org.org_id, input.PolicyId);
      await requireOrgMembers(tx, org.org_id, uins, "MemberUins");
      rejectAdmin(org, uins, "MemberUins");
      await requireSupport(tx, input.IdentityId, uins, "MemberUins");
      const bound = await tx.memberPolicies.boundTo(policy.policy_id);
      const [clash] = await tx.memberPolicies.conflicts(bound, input.IdentityId, uins, policy.policy_id);
      if (clash) {
        throw new ApiError("FailedOperation.OperatePolicy", {
          en: `Sub-account ${clash.sub_uin}, bound to this policy, already holds identity ${input.IdentityId} on member ${clash.member_uin} through policy ${clash.policy_id}.`,
          zh: `绑定在该策略上的子账号 ${clash.sub_uin} 已通过策略 ${clash.policy_id} 拥有成员 ${clash.member_uin} 的身份 ${input.IdentityId}。`,
        });
      }
      await tx.memberPolicies.update(policy.policy_id, input.IdentityId, uins, description ?? policy.description, ctx.now());
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) {
      throw new ApiError("ResourceNotFound.MemberIdentityNotExist", {
        en: `Parameter \`MemberUins\`: a member stopped supporting identity ${input.IdentityId} while the policy was being changed.`,
        zh: `参数\`MemberUins\`：修改策略期间有成员不再支持身份 ${input.IdentityId}。`,
      });
    }
    throw e;
  }
  return {};
}
