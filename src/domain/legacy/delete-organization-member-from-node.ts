import { ApiError } from "../../protocol/api-error.js";
import type { DeleteOrganizationMemberFromNodeRequest, DeleteOrganizationMemberFromNodeResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../context.js";
import { requireMember } from "../members/rules.js";
import { requireAdminOrg } from "../organization/rules.js";
import { legacyNodeNotExist } from "./list-organization-node-members.js";

/** DeleteOrganizationMemberFromNode (2018-12-25) — take a member out of a unit: it goes back to
 *  the root unit and stays in the organization. A member cannot be taken out of the root.
 *  @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.NodeNotExist,
 *    ResourceNotFound.MemberNotExist, FailedOperation.DisableDeleteMemberFromRootNode */
export async function deleteOrganizationMemberFromNode(input: DeleteOrganizationMemberFromNodeRequest, ctx: Context): Promise<DeleteOrganizationMemberFromNodeResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.nodes.find(org.org_id, input.NodeId))) throw legacyNodeNotExist(input.NodeId);
    if (input.NodeId === org.root_node_id) {
      throw new ApiError("FailedOperation.DisableDeleteMemberFromRootNode", {
        en: "A member cannot be taken out of the root unit: every member belongs to it at least.",
        zh: "不能将成员移出根单元：每个成员至少属于根单元。",
      });
    }
    const member = await requireMember(tx, org.org_id, input.MemberUin);
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
