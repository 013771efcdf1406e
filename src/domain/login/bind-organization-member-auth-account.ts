import { ApiError } from "../../protocol/api-error.js";
import type { BindOrganizationMemberAuthAccountRequest, BindOrganizationMemberAuthAccountResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { requireCovered } from "./bindings.js";
import { checkIdList, MAX_SUB_ACCOUNTS_PER_REQUEST, requirePolicy, requireSubAccounts } from "./rules.js";

/**
 * BindOrganizationMemberAuthAccount — let up to 5 of the admin's sub-accounts log in to a member
 * account through a member access policy covering that member alone (one covering several members
 * is bound with BindOrganizationPolicySubAccount). A sub-account holds an identity on a member
 * through one policy at most; binding one already bound to this policy changes nothing.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.MemberPolicyNotExist,
 *   ResourceNotFound.MemberNotExist, UnsupportedOperation, FailedOperation.SubAccountNotExist,
 *   FailedOperation.SubAccountIdentityExist
 */
export async function bindOrganizationMemberAuthAccount(
  input: BindOrganizationMemberAuthAccountRequest,
  ctx: Context,
): Promise<BindOrganizationMemberAuthAccountResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const subUins = checkIdList(input.OrgSubAccountUins, "OrgSubAccountUins", MAX_SUB_ACCOUNTS_PER_REQUEST);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const policy = await requirePolicy(tx, org.org_id, input.PolicyId);
    const members = await requireCovered(tx, policy, input.MemberUin);
    if (members.length > 1) {
      throw new ApiError("UnsupportedOperation", {
        en: `Member access policy ${policy.policy_id} covers ${members.length} members: a binding applies to all of them, so use BindOrganizationPolicySubAccount.`,
        zh: `成员访问策略 ${policy.policy_id} 包含 ${members.length} 个成员，绑定对其全部生效，请使用 BindOrganizationPolicySubAccount。`,
      });
    }
    await requireSubAccounts(tx, org, subUins, "OrgSubAccountUins");
    const [clash] = await tx.memberPolicies.conflicts(subUins, policy.identity_id, members, policy.policy_id);
    if (clash) {
      throw new ApiError("FailedOperation.SubAccountIdentityExist", {
        en: `Sub-account ${clash.sub_uin} already holds identity ${policy.identity_id} on member ${clash.member_uin} through member access policy ${clash.policy_id}.`,
        zh: `子账号 ${clash.sub_uin} 已通过成员访问策略 ${clash.policy_id} 拥有成员 ${clash.member_uin} 的身份 ${policy.identity_id}。`,
      });
    }
    await tx.memberPolicies.bind(policy.policy_id, subUins, ctx.now());
  });
  return {};
}
