import { ApiError } from "../../protocol/api-error.js";
import type { BindOrganizationPolicySubAccountRequest, BindOrganizationPolicySubAccountResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { coveredMembers } from "./bindings.js";
import { checkIdList, MAX_SUB_ACCOUNTS_PER_REQUEST, requirePolicy, requireSubAccounts } from "./rules.js";

/**
 * BindOrganizationPolicySubAccount — let up to 5 of the admin's sub-accounts log in, with the
 * policy's identity, to every member account a member access policy covers. A sub-account holds an
 * identity on a member through one policy at most; binding one already bound changes nothing.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.MemberPolicyNotExist,
 *   UnsupportedOperation (the policy covers no member any more), FailedOperation.SubAccountNotExist,
 *   FailedOperation.OperatePolicy
 */
export async function bindOrganizationPolicySubAccount(
  input: BindOrganizationPolicySubAccountRequest,
  ctx: Context,
): Promise<BindOrganizationPolicySubAccountResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const subUins = checkIdList(input.OrgSubAccountUins, "OrgSubAccountUins", MAX_SUB_ACCOUNTS_PER_REQUEST);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const policy = await requirePolicy(tx, org.org_id, input.PolicyId);
    const members = await coveredMembers(tx, policy);
    if (members.length === 0) {
      throw new ApiError("UnsupportedOperation", {
        en: `Member access policy ${policy.policy_id} covers no member account any more (its members left the organization): change it with UpdateOrganizationMembersPolicy first.`,
        zh: `成员访问策略 ${policy.policy_id} 已不包含任何成员账号（成员已离开组织），请先通过 UpdateOrganizationMembersPolicy 修改。`,
      });
    }
    await requireSubAccounts(tx, org, subUins, "OrgSubAccountUins");
    const [clash] = await tx.memberPolicies.conflicts(subUins, policy.identity_id, members, policy.policy_id);
    if (clash) {
      throw new ApiError("FailedOperation.OperatePolicy", {
        en: `Sub-account ${clash.sub_uin} already holds identity ${policy.identity_id} on member ${clash.member_uin} through member access policy ${clash.policy_id}.`,
        zh: `子账号 ${clash.sub_uin} 已通过成员访问策略 ${clash.policy_id} 拥有成员 ${clash.member_uin} 的身份 ${policy.identity_id}。`,
      });
    }
    await tx.memberPolicies.bind(policy.policy_id, subUins, ctx.now());
  });
  return {};
}
