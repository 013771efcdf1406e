import { ApiError } from "../../protocol/api-error.js";
import type { DeleteOrganizationMemberFromNodeRequest, DeleteOrganizationMemberFromNodeResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { requireMember } from "../members/rules.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { legacyNodeNotExist } from "./list-organization-node-members.js";

/** DeleteOrganizationMemberFromNode (2018-12-25) — take a member out of a unit: it goes back to
 *  the root unit and stays in the organization. A member already at the root cannot be taken out of it.
 *  @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.NodeNotExist,
 *    ResourceNotFound.MemberNotExist, FailedOperation.DisableDeleteMemberFromRootNode */
export async function deleteOrganizationMemberFromNode(input: DeleteOrganizationMemberFromNodeRequest, ctx: Context): Promise<DeleteOrganizationMemberFromNodeResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
    if (!(await tx.nodes.find(org.org_id, input.NodeId))) throw legacyNodeNotExist(input.NodeId);
    const member = await requireMember(tx, org.org_id, input.MemberUin);
    if (input.NodeId === org.root_node_id || member.node_id === org.root_node_id) {
      throw new ApiError("FailedOperation.DisableDeleteMemberFromRootNode", {
        en: `Member ${member.member_uin} cannot be taken out of the root unit, to which every member belongs.`,
        zh: `不能将成员 ${member.member_uin} 从根单元删除：每个成员都属于根单元。`,
      });
    }
    if (member.node_id !== input.NodeId) {
      throw new ApiError("ResourceNotFound.MemberNotExist", {
        en: `Member ${member.member_uin} is not in unit ${input.NodeId}.`,
        zh: `成员 ${member.member_uin} 不在单元 ${input.NodeId} 中。`,
      });
    }
    await tx.members.moveToNode(org.org_id, [member.member_uin], org.root_node_id, ctx.now());
  });
  return {};
}
