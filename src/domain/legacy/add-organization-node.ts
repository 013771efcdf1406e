import type { AddOrganizationNodeRequest, AddOrganizationNodeResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { addNode, type AddNodeCodes } from "../organization/add-organization-node.js";

const ADD_NODE_CODES_2018: AddNodeCodes = { parentNotExist: "ResourceNotFound.NodeNotExist", nameUsed: "ResourceInUse.NodeName" };

/** AddOrganizationNode (2018-12-25) — add a department (no remark or tags in this version).
 *  @throws InvalidParameter (Name), ResourceNotFound.OrganizationNotExist, ResourceNotFound.NodeNotExist,
 *   LimitExceeded.NodeDepthExceedLimit, LimitExceeded.NodeExceedLimit, ResourceInUse.NodeName */
export async function addOrganizationNodeLegacy(input: AddOrganizationNodeRequest, ctx: Context): Promise<AddOrganizationNodeResponse> {
  return { NodeId: await addNode(ctx, { parentId: input.ParentNodeId, name: input.Name }, ADD_NODE_CODES_2018) };
}
