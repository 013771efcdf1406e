import type { MoveOrganizationMembersToNodeRequest, MoveOrganizationMembersToNodeResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { moveMembers } from "../members/move-organization-node-members.js";
import { requireAdminOrg } from "../undeclared.js";

/** MoveOrganizationMembersToNode (2018-12-25) — put members into a unit (department).
 *  @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.NodeNotExist,
 *    FailedOperation.SomeUinsNotInOrganization, InvalidParameter */
export async function moveOrganizationMembersToNode(input: MoveOrganizationMembersToNodeRequest, ctx: Context): Promise<MoveOrganizationMembersToNodeResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await moveMembers(ctx, org, input.NodeId, input.Uins, "Uins", { missing: "ResourceNotFound.NodeNotExist", vanished: "ResourceNotFound.NodeNotExist" });
  return {};
}
