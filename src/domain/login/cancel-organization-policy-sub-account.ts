import type { CancelOrganizationPolicySubAccountRequest, CancelOrganizationPolicySubAccountResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { requireBound } from "./bindings.js";
import { checkIdList, MAX_SUB_ACCOUNTS_PER_REQUEST, requirePolicy } from "./rules.js";

/**
 * CancelOrganizationPolicySubAccount — unbind up to 5 sub-accounts from a member access policy;
 * all of them must be bound to it, else none is unbound.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.MemberPolicyNotExist,
 *   FailedOperation.OperatePolicy
 */
export async function cancelOrganizationPolicySubAccount(
  input: CancelOrganizationPolicySubAccountRequest,
  ctx: Context,
): Promise<CancelOrganizationPolicySubAccountResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const subUins = checkIdList(input.OrgSubAccountUins, "OrgSubAccountUins", MAX_SUB_ACCOUNTS_PER_REQUEST);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const policy = await requirePolicy(tx, org.org_id, input.PolicyId);
    await requireBound(tx, policy.policy_id, subUins, "OrgSubAccountUins");
    await tx.memberPolicies.unbind(policy.policy_id, subUins);
  });
  return {};
}
