import type { ListOrganizationNodesResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { NO_PARENT } from "../organization/node-rules.js";
import { requireMembership } from "../undeclared.js";

/** ListOrganizationNodes (2018-12-25) — every department of the caller's organization by id (the
 *  root first), with how many accounts sit directly in it (the admin counts in its department).
 *  @throws ResourceNotFound.OrganizationNotExist */
export async function listOrganizationNodes(_input: object, ctx: Context): Promise<ListOrganizationNodesResponse> {
  const { org } = await requireMembership(ctx.store, ctx.caller.uin);
  const [nodes, counts] = await Promise.all([ctx.store.nodes.listByOrg(org.org_id), ctx.store.members.countByNode(org.org_id)]);
  return {
    Nodes: nodes.map((n) => ({ NodeId: n.node_id, Name: n.name, ParentNodeId: n.parent_id ?? NO_PARENT, MemberCount: counts.get(n.node_id) ?? 0 })),
  };
}
