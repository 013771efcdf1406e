import { ApiError } from "../../protocol/api-error.js";
import type { ListOrganizationNodeMembersRequest, ListOrganizationNodeMembersResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { legacyMemberPage } from "./list-organization-members.js";

/** 2018-12-25's answer for a unit (department) that is not in the organization. */
export const legacyNodeNotExist = (nodeId: number) =>
  new ApiError("ResourceNotFound.NodeNotExist", {
    en: `Parameter \`NodeId\`: unit ${nodeId} does not exist in the organization.`,
    zh: `参数\`NodeId\`：组织中不存在单元 ${nodeId}。`,
  });

/** ListOrganizationNodeMembers (2018-12-25) — a page of the direct members of one unit (department).
 *  @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.NodeNotExist, InvalidParameter */
export async function listOrganizationNodeMembers(input: ListOrganizationNodeMembersRequest, ctx: Context): Promise<ListOrganizationNodeMembersResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  if (!(await ctx.store.nodes.find(org.org_id, input.NodeId))) throw legacyNodeNotExist(input.NodeId);
  return legacyMemberPage(ctx, { orgId: org.org_id, nodeIds: [input.NodeId] }, input.Offset, input.Limit);
}
