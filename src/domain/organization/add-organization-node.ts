import { ApiError } from "../../protocol/api-error.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { TagPair } from "../../store/tags-repo.js";
import { lockOrg } from "../base/caller.js";
import type { AdminContext } from "../base/context.js";
import { v2018, v2021 } from "../base/contract.js";
import { checkLength } from "../base/names.js";
import { checkTags } from "../base/tags.js";
import { FIRST_NODE_ID } from "./create-organization.js";
import { checkNodeName, NODE_REMARK_MAX, nodeNameUsed } from "./node-rules.js";

interface NewNode {
  parentId: number;
  name: string;
  remark?: string;
  tags?: readonly TagPair[];
}

/**
 * Add a department under `parentId` in the caller's organization; answers its id. The
 * organization row is locked so concurrent additions respect the count limit. A department's
 * name is unique in the whole organization, not only among its siblings (FAQ "Operation",
 * https://www.tencentcloud.com/document/product/1031/32016: the name must be unique within the
 * organization); the database's index on the organization and name settles a race on it. The
 * other areas then do their part (nodeAdded: the default policies once service control policies
 * are enabled).
 * @throws InvalidParameter (Name, Remark), InvalidParameter.TagError, ResourceNotFound.OrganizationNodeNotExist,
 *   LimitExceeded.NodeDepthExceedLimit, LimitExceeded.NodeExceedLimit, FailedOperation.OrganizationNodeNameUsed
 */
async function addNode(ctx: AdminContext, n: NewNode): Promise<number> {
  checkNodeName(n.name);
  if (n.remark !== undefined) checkLength(n.remark, "Remark", NODE_REMARK_MAX);
  const tags = checkTags(n.tags);
  const { org } = ctx;
  try {
    return await ctx.store.transaction(async (tx) => {
      await lockOrg(tx, org);
      const parent = await tx.nodes.find(org.org_id, n.parentId);
      if (!parent) {
        throw new ApiError("ResourceNotFound.OrganizationNodeNotExist", {
          en: `Parameter \`ParentNodeId\`: department ${n.parentId} does not exist in the organization.`,
          zh: `参数\`ParentNodeId\`：组织中不存在部门 ${n.parentId}。`,
        });
      }
      if (parent.depth + 1 > ctx.settings.maxNodeDepth) {
        throw new ApiError("LimitExceeded.NodeDepthExceedLimit", {
          en: `Departments can be nested at most ${ctx.settings.maxNodeDepth} levels below the root.`,
          zh: `部门最多只能在根部门下嵌套 ${ctx.settings.maxNodeDepth} 层。`,
        });
      }
      if ((await tx.nodes.count(org.org_id)) >= ctx.settings.maxNodes) {
        throw new ApiError("LimitExceeded.NodeExceedLimit", {
          en: `An organization can have at most ${ctx.settings.maxNodes} departments, the root included.`,
          zh: `一个组织最多有 ${ctx.settings.maxNodes} 个部门（含根部门）。`,
        });
      }
      if (await tx.nodes.findByName(org.org_id, n.name)) throw nodeNameUsed(n.name);
      const now = ctx.now();
      const nodeId = await tx.counters.next("node", FIRST_NODE_ID);
      await tx.nodes.insert({ node_id: nodeId, org_id: org.org_id, parent_id: parent.node_id, name: n.name, remark: n.remark ?? null, depth: parent.depth + 1, created_at: now, updated_at: now });
      await tx.tags.set("node", nodeId, tags);
      await ctx.hooks.nodeAdded(tx, { org, nodeId, now });
      return nodeId;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nodeNameUsed(n.name);
    throw e;
  }
}

/** AddOrganizationNode (2021-03-31) — add a department, with remark and tags (see addNode). */
export const addOrganizationNode = v2021(
  "AddOrganizationNode",
  {
    caller: "admin",
    codes: [
      "InvalidParameter",
      "InvalidParameter.TagError",
      "ResourceNotFound.OrganizationNotExist",
      "ResourceNotFound.OrganizationNodeNotExist",
      "LimitExceeded.NodeDepthExceedLimit",
      "LimitExceeded.NodeExceedLimit",
      "FailedOperation.OrganizationNodeNameUsed",
    ],
  },
  async (input, ctx) => ({ NodeId: await addNode(ctx, { parentId: input.ParentNodeId, name: input.Name, remark: input.Remark, tags: input.Tags }) }),
);

/** AddOrganizationNode (2018-12-25) — add a department (no remark or tags in this version), with this version's codes. */
export const addOrganizationNode2018 = v2018(
  "AddOrganizationNode",
  {
    caller: "admin",
    codes: ["InvalidParameter", "ResourceNotFound.OrganizationNotExist", "ResourceNotFound.NodeNotExist", "LimitExceeded.NodeDepthExceedLimit", "LimitExceeded.NodeExceedLimit", "ResourceInUse.NodeName"],
    translate: { "ResourceNotFound.OrganizationNodeNotExist": "ResourceNotFound.NodeNotExist", "FailedOperation.OrganizationNodeNameUsed": "ResourceInUse.NodeName" },
  },
  async (input, ctx) => ({ NodeId: await addNode(ctx, { parentId: input.ParentNodeId, name: input.Name }) }),
);
