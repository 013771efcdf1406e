import { ApiError } from "../../protocol/api-error.js";
import type { CancelOrganizationMemberAuthAccountRequest, CancelOrganizationMemberAuthAccountResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { requireBound, requireCovered } from "./bindings.js";
import { requirePolicy, requireSubAccounts } from "./rules.js";

/**
 * CancelOrganizationMemberAuthAccount — stop one of the admin's sub-accounts logging in to a member
 * account through a member access policy covering that member alone (CancelOrganizationPolicySubAccount
 * serves policies covering several).
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.MemberPolicyNotExist,
 *   ResourceNotFound.MemberNotExist, FailedOperation.SubAccountNotExist, FailedOperation.OperatePolicy
 */
export async function cancelOrganizationMemberAuthAccount(
  input: CancelOrganizationMemberAuthAccountRequest,
  ctx: Context,
): Promise<CancelOrganizationMemberAuthAccountResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const policy = await requirePolicy(tx, org.org_id, input.PolicyId);
    const members = await requireCovered(tx, policy, input.MemberUin);
    if (members.length > 1) {
      throw new ApiError("InvalidParameter", {
        en: `Parameter \`PolicyId\`: member access policy ${policy.policy_id} covers ${members.length} members; unbind its sub-accounts with CancelOrganizationPolicySubAccount.`,
        zh: `参数\`PolicyId\`：成员访问策略 ${policy.policy_id} 包含 ${members.length} 个成员，请使用 CancelOrganizationPolicySubAccount 解绑子账号。`,
      });
    }
    await requireSubAccounts(tx, org, [input.OrgSubAccountUin], "OrgSubAccountUin");
    await requireBound(tx, policy.policy_id, [input.OrgSubAccountUin], "OrgSubAccountUin");
    await tx.memberPolicies.unbind(policy.policy_id, [input.OrgSubAccountUin]);
  });
  return {};
}
