import { ApiError } from "../../protocol/api-error.js";
import type { CreateOrganizationMemberPolicyRequest, CreateOrganizationMemberPolicyResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { insertPolicy } from "./member-policy.js";
import { checkPolicyDescription, checkPolicyName, organizationMemberNotExist } from "./rules.js";

/**
 * CreateOrganizationMemberPolicy — create a member access policy for one member account: the
 * admin's sub-accounts bound to it (BindOrganizationMemberAuthAccount) may log in to the member
 * with the identity, which the member must support.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.MemberNotExist
 *   (no such account), ResourceNotFound.OrganizationMemberNotExist (an account outside the
 *   organization), ResourceNotFound.MemberIdentityNotExist, FailedOperation.MemberPolicyNameExist
 */
export async function createOrganizationMemberPolicy(input: CreateOrganizationMemberPolicyRequest, ctx: Context): Promise<CreateOrganizationMemberPolicyResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const name = checkPolicyName(input.PolicyName);
  const description = checkPolicyDescription(input.Description);
  if (!(await ctx.store.accounts.find(input.MemberUin))) {
    throw new ApiError("ResourceNotFound.MemberNotExist", { en: `Parameter \`MemberUin\`: there is no account ${input.MemberUin}.`, zh: `参数\`MemberUin\`：账号 ${input.MemberUin} 不存在。` });
  }
  if (!(await ctx.store.members.findInOrg(org.org_id, input.MemberUin))) throw organizationMemberNotExist([input.MemberUin], "MemberUin");
  const policyId = await insertPolicy(ctx, org, { name, identityId: input.IdentityId, description, memberUins: [input.MemberUin], membersParam: "MemberUin" });
  return { PolicyId: policyId };
}
