import type { DeleteOrganizationMembersRequest, DeleteOrganizationMembersResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { removeMembers } from "../members/delete-organization-members.js";
import { requireAdminOrg } from "../undeclared.js";

/** DeleteOrganizationMembers (2018-12-25) — remove members from the organization, under the
 *  rules of 2021-03-31's DeleteOrganizationMembers (whose codes it answers).
 *  @throws ResourceNotFound.OrganizationNotExist, and those of removeMembers */
export async function deleteOrganizationMembersLegacy(input: DeleteOrganizationMembersRequest, ctx: Context): Promise<DeleteOrganizationMembersResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await removeMembers(ctx, org, input.Uins, "Uins");
  return {};
}
