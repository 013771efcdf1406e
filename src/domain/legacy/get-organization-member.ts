import type { GetOrganizationMemberRequest, GetOrganizationMemberResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { requireMember } from "../members/rules.js";
import { requireAdminOrg } from "../undeclared.js";
import { formatTime } from "../base/time.js";
import { legacyNodeNotExist } from "./list-organization-node-members.js";

/** GetOrganizationMember (2018-12-25) — one member of the caller's organization with its unit.
 *  ParentNodeId is the unit's parent (0 for the root unit).
 *  @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.MemberNotExist, ResourceNotFound.NodeNotExist */
export async function getOrganizationMember(input: GetOrganizationMemberRequest, ctx: Context): Promise<GetOrganizationMemberResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const member = await requireMember(ctx.store, org.org_id, input.MemberUin);
  const node = await ctx.store.nodes.find(org.org_id, member.node_id);
  if (!node) throw legacyNodeNotExist(member.node_id);
  return {
    Uin: member.member_uin,
    Name: member.name,
    Remark: member.remark ?? "",
    JoinTime: formatTime(member.joined_at, ctx.settings.utcOffsetMinutes),
    NodeId: node.node_id,
    NodeName: node.name,
    ParentNodeId: node.parent_id ?? 0,
  };
}
