import type { UpdateOrganizationNodeRequest, UpdateOrganizationNodeResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { updateNode, type UpdateNodeCodes } from "../organization/update-organization-node.js";

const UPDATE_NODE_CODES_2018: UpdateNodeCodes = {
  nodeNotExist: "ResourceNotFound.NodeNotExist",
  parentNotExist: "ResourceNotFound.NodeNotExist",
  nameUsed: "ResourceInUse.NodeNameUsed",
};

/** UpdateOrganizationNode (2018-12-25) — rename a department and/or move it under ParentNodeId.
 *  @throws InvalidParameter (Name, moving the root or into its own subtree), ResourceNotFound.OrganizationNotExist,
 *   ResourceNotFound.NodeNotExist, LimitExceeded.NodeDepthExceedLimit, ResourceInUse.NodeNameUsed */
export async function updateOrganizationNodeLegacy(input: UpdateOrganizationNodeRequest, ctx: Context): Promise<UpdateOrganizationNodeResponse> {
  await updateNode(ctx, { nodeId: input.NodeId, name: input.Name, parentId: input.ParentNodeId }, UPDATE_NODE_CODES_2018);
  return {};
}
