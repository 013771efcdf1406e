import type { DeleteOrganizationMembersPolicyRequest, DeleteOrganizationMembersPolicyResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { requirePolicy } from "./rules.js";

/**
 * DeleteOrganizationMembersPolicy — delete a member access policy; the sub-accounts bound to it
 * can no longer log in to its members through it.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberPolicyNotExist
 */
export async function deleteOrganizationMembersPolicy(input: DeleteOrganizationMembersPolicyRequest, ctx: Context): Promise<DeleteOrganizationMembersPolicyResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const policy = await requirePolicy(tx, org.org_id, input.PolicyId);
    await tx.memberPolicies.delete(policy.policy_id);
  });
  return {};
}
