import { ApiError } from "../../protocol/api-error.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { OrgNode } from "../../store/nodes-repo.js";
import type { Store } from "../../store/store.js";
import { lockOrg } from "../base/caller.js";
import type { AdminContext } from "../base/context.js";
import { v2018, v2021 } from "../base/contract.js";
import { checkLength } from "../base/names.js";
import { checkNodeName, NO_PARENT, NODE_REMARK_MAX, nodeNameUsed, subtreeOf } from "./node-rules.js";

interface NodeChange {
  nodeId: number;
  name?: string;
  remark?: string;
  /** move the department (and everything below it) under this one */
  parentId?: number;
}

/**
 * Rename a department, change its remark, or move it with its sub-departments under another
 * department of the same organization. A move may not go below the department itself and must keep
 * every moved department within the depth limit. A new name must be free in the whole organization
 * (see addNode); the database's index settles a race on it.
 * @throws InvalidParameter (Name, Remark, a move of the root or into its own subtree),
 *   FailedOperation.OrganizationNodeNotExist (the department or the new parent),
 *   LimitExceeded.NodeDepthExceedLimit, FailedOperation.OrganizationNodeNameUsed
 */
async function updateNode(ctx: AdminContext, c: NodeChange): Promise<void> {
  if (c.name !== undefined) checkNodeName(c.name);
  if (c.remark !== undefined) checkLength(c.remark, "Remark", NODE_REMARK_MAX);
  const { org } = ctx;
  let name = c.name ?? "";
  try {
    await ctx.store.transaction(async (tx) => {
      await lockOrg(tx, org);
      const node = await tx.nodes.find(org.org_id, c.nodeId);
      if (!node) {
        throw new ApiError("FailedOperation.OrganizationNodeNotExist", {
          en: `Parameter \`NodeId\`: department ${c.nodeId} does not exist in the organization.`,
          zh: `参数\`NodeId\`：组织中不存在部门 ${c.nodeId}。`,
        });
      }
      name = c.name ?? node.name;
      const patch: { name?: string; remark?: string; parent_id?: number } = {};
      if (c.name !== undefined && c.name !== node.name) {
        if (await tx.nodes.findByName(org.org_id, c.name)) throw nodeNameUsed(c.name);
        patch.name = c.name;
      }
      if (c.remark !== undefined && c.remark !== (node.remark ?? "")) patch.remark = c.remark;
      if (c.parentId !== undefined && c.parentId !== (node.parent_id ?? NO_PARENT)) {
        patch.parent_id = await moveSubtree(tx, node, c.parentId, ctx.settings.maxNodeDepth);
      }
      if (Object.keys(patch).length > 0) await tx.nodes.update(node.node_id, { ...patch, updated_at: ctx.now() });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nodeNameUsed(name);
    throw e;
  }
}

/** Check a move of `node` under `parentId` and shift the depths of its subtree; answers the new parent id. */
async function moveSubtree(tx: Store, node: OrgNode, parentId: number, maxDepth: number): Promise<number> {
  if (node.parent_id === null) {
    throw new ApiError("InvalidParameter", { en: "The root department cannot be moved.", zh: "根部门不能移动。" });
  }
  const parent = await tx.nodes.find(node.org_id, parentId);
  if (!parent) {
    throw new ApiError("FailedOperation.OrganizationNodeNotExist", {
      en: `Parameter \`ParentNodeId\`: department ${parentId} does not exist in the organization.`,
      zh: `参数\`ParentNodeId\`：组织中不存在部门 ${parentId}。`,
    });
  }
  const subtree = subtreeOf(await tx.nodes.listByOrg(node.org_id), node.node_id);
  if (subtree.some((n) => n.node_id === parentId)) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`ParentNodeId\`: department ${parentId} is department ${node.node_id} itself or below it.`,
      zh: `参数\`ParentNodeId\`：部门 ${parentId} 是部门 ${node.node_id} 本身或其下级部门。`,
    });
  }
  const height = Math.max(...subtree.map((n) => n.depth)) - node.depth;
  const depth = parent.depth + 1;
  if (depth + height > maxDepth) {
    throw new ApiError("LimitExceeded.NodeDepthExceedLimit", {
      en: `Moving department ${node.node_id} there would nest departments more than ${maxDepth} levels below the root.`,
      zh: `将部门 ${node.node_id} 移到该处会使部门嵌套超过根部门下 ${maxDepth} 层。`,
    });
  }
  await tx.nodes.shiftDepth(subtree.map((n) => n.node_id), depth - node.depth);
  return parent.node_id;
}

/** UpdateOrganizationNode (2021-03-31) — rename a department or change its remark (see updateNode). */
export const updateOrganizationNode = v2021(
  "UpdateOrganizationNode",
  {
    caller: "admin",
    codes: ["InvalidParameter", "ResourceNotFound.OrganizationNotExist", "FailedOperation.OrganizationNodeNotExist", "FailedOperation.OrganizationNodeNameUsed"],
  },
  async (input, ctx) => {
    await updateNode(ctx, { nodeId: input.NodeId, name: input.Name, remark: input.Remark });
    return {};
  },
);

/** UpdateOrganizationNode (2018-12-25) — rename a department and/or move it under ParentNodeId, with this version's codes. */
export const updateOrganizationNode2018 = v2018(
  "UpdateOrganizationNode",
  {
    caller: "admin",
    codes: ["InvalidParameter", "ResourceNotFound.OrganizationNotExist", "ResourceNotFound.NodeNotExist", "LimitExceeded.NodeDepthExceedLimit", "ResourceInUse.NodeNameUsed"],
    translate: { "FailedOperation.OrganizationNodeNotExist": "ResourceNotFound.NodeNotExist", "FailedOperation.OrganizationNodeNameUsed": "ResourceInUse.NodeNameUsed" },
  },
  async (input, ctx) => {
    await updateNode(ctx, { nodeId: input.NodeId, name: input.Name, parentId: input.ParentNodeId });
    return {};
  },
);
