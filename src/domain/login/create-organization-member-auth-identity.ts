import type { CreateOrganizationMemberAuthIdentityRequest, CreateOrganizationMemberAuthIdentityResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { checkIdList, identityNotExist, MAX_IDENTITIES_PER_GRANT, MAX_MEMBERS_PER_REQUEST, rejectAdmin, requireOrgMembers } from "./rules.js";

/**
 * CreateOrganizationMemberAuthIdentity — let member accounts be accessed with identities: each
 * identity's role is set up in each member account. Granting an identity a member already has
 * sets its role up again with the identity's current policies (Status back to 1).
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter,
 *   ResourceNotFound.OrganizationIdentityNotExist, ResourceNotFound.OrganizationMemberNotExist,
 *   UnsupportedOperation (the organization's admin among the members)
 */
export async function createOrganizationMemberAuthIdentity(
  input: CreateOrganizationMemberAuthIdentityRequest,
  ctx: Context,
): Promise<CreateOrganizationMemberAuthIdentityResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const uins = checkIdList(input.MemberUins, "MemberUins", MAX_MEMBERS_PER_REQUEST);
  const identityIds = checkIdList(input.IdentityIds, "IdentityIds", MAX_IDENTITIES_PER_GRANT);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    const usable = await tx.identities.usable(org.org_id, identityIds);
    const unknown = identityIds.filter((id) => !usable.has(id));
    if (unknown.length > 0) throw identityNotExist(unknown, "IdentityIds");
    await requireOrgMembers(tx, org.org_id, uins, "MemberUins");
    rejectAdmin(org, uins, "MemberUins");
    await tx.identities.grant(uins, identityIds, ctx.now());
  });
  return {};
}
