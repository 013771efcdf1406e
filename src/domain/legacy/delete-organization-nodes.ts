import type { DeleteOrganizationNodesRequest, DeleteOrganizationNodesResponse } from "../../spec/generated/v20181225.js";
import type { Context } from "../base/context.js";
import { deleteNodes, type DeleteNodesCodes } from "../organization/delete-organization-nodes.js";

/** 2018-12-25 has one code for a department that is not empty, of members or of sub-departments. */
const DELETE_NODES_CODES_2018: DeleteNodesCodes = {
  hasMembers: "FailedOperation.NodeNotEmpty",
  hasChildren: "FailedOperation.NodeNotEmpty",
  tooMany: "InvalidParameter",
};

/** DeleteOrganizationNodes (2018-12-25) — delete empty departments.
 *  @throws InvalidParameter, ResourceNotFound.OrganizationNotExist, FailedOperation.NodeNotEmpty */
export async function deleteOrganizationNodesLegacy(input: DeleteOrganizationNodesRequest, ctx: Context): Promise<DeleteOrganizationNodesResponse> {
  await deleteNodes(ctx, input.NodeIds, "NodeIds", DELETE_NODES_CODES_2018);
  return {};
}
