import type { CreateOrganizationMembersPolicyRequest, CreateOrganizationMembersPolicyResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { insertPolicy } from "./member-policy.js";
import { checkIdList, checkPolicyDescription, checkPolicyName, MAX_MEMBERS_PER_REQUEST, rejectAdmin, requireOrgMembers } from "./rules.js";

/**
 * CreateOrganizationMembersPolicy — create a member access policy for up to 10 member accounts,
 * all supporting the identity: the sub-accounts bound to it (BindOrganizationPolicySubAccount) may
 * log in to each of them with it.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter,
 *   ResourceNotFound.OrganizationMemberNotExist, UnsupportedOperation (the admin among the members),
 *   ResourceNotFound.MemberIdentityNotExist, FailedOperation.MemberPolicyNameExist
 */
export async function createOrganizationMembersPolicy(input: CreateOrganizationMembersPolicyRequest, ctx: Context): Promise<CreateOrganizationMembersPolicyResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const uins = checkIdList(input.MemberUins, "MemberUins", MAX_MEMBERS_PER_REQUEST);
  const name = checkPolicyName(input.PolicyName);
  const description = checkPolicyDescription(input.Description);
  await requireOrgMembers(ctx.store, org.org_id, uins, "MemberUins");
  rejectAdmin(org, uins, "MemberUins");
  const policyId = await insertPolicy(ctx, org, { name, identityId: input.IdentityId, description, memberUins: uins, membersParam: "MemberUins" });
  return { PolicyId: policyId };
}
