import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { AddOrganizationNodeRequest, AddOrganizationNodeResponse } from "../../spec/generated/v20210331.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { TagPair } from "../../store/tags-repo.js";
import type { Context } from "../base/context.js";
import { bindDefaultPolicies } from "../policies/presets.js";
import { FIRST_NODE_ID } from "./create-organization.js";
import { checkNodeName, NODE_REMARK_MAX } from "./node-rules.js";
import { checkLength } from "../base/names.js";
import { checkTags } from "../base/tags.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";

/** The codes a version answers when adding a department goes wrong. */
export interface AddNodeCodes {
  parentNotExist: ErrorCode;
  nameUsed: ErrorCode;
}

export const ADD_NODE_CODES: AddNodeCodes = {
  parentNotExist: "ResourceNotFound.OrganizationNodeNotExist",
  nameUsed: "FailedOperation.OrganizationNodeNameUsed",
};

export interface NewNode {
  parentId: number;
  name: string;
  remark?: string;
  tags?: readonly TagPair[];
}

/**
 * Add a department under `parentId` in the organization the caller administers; answers its id.
 * The organization row is locked so concurrent additions respect the count limit. A department's
 * name is unique in the whole organization, not only among its siblings (FAQ "Operation",
 * https://www.tencentcloud.com/document/product/1031/32016: the name must be unique within the
 * organization); the database's index on the organization and name settles a race on it. The new
 * department gets the organization's default policies (FullQcloudAccess once service control
 * policies are enabled).
 * @throws InvalidParameter (Name, Remark), InvalidParameter.TagError, ResourceNotFound.OrganizationNotExist,
 *   codes.parentNotExist, LimitExceeded.NodeDepthExceedLimit, LimitExceeded.NodeExceedLimit, codes.nameUsed
 */
export async function addNode(ctx: Context, n: NewNode, codes: AddNodeCodes): Promise<number> {
  checkNodeName(n.name);
  if (n.remark !== undefined) checkLength(n.remark, "Remark", NODE_REMARK_MAX);
  const tags = checkTags(n.tags);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  try {
    return await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      const parent = await tx.nodes.find(org.org_id, n.parentId);
      if (!parent) {
        throw new ApiError(codes.parentNotExist, {
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
      if (await tx.nodes.findByName(org.org_id, n.name)) throw nodeNameUsed(codes.nameUsed, n.name);
      const now = ctx.now();
      const nodeId = await tx.counters.next("node", FIRST_NODE_ID);
      await tx.nodes.insert({ node_id: nodeId, org_id: org.org_id, parent_id: parent.node_id, name: n.name, remark: n.remark ?? null, depth: parent.depth + 1, created_at: now, updated_at: now });
      await tx.tags.set("node", nodeId, tags);
      await bindDefaultPolicies(tx, org.org_id, { type: "NODE", nodeId }, now);
      return nodeId;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nodeNameUsed(codes.nameUsed, n.name);
    throw e;
  }
}

/** The error of a department name already used in the organization. */
export function nodeNameUsed(code: ErrorCode, name: string): ApiError {
  return new ApiError(code, {
    en: `Parameter \`Name\`: the organization already has a department named ${name}; department names are unique in the organization.`,
    zh: `参数\`Name\`：组织中已有名为 ${name} 的部门，部门名称在组织内不能重复。`,
  });
}

/** AddOrganizationNode (2021-03-31) — add a department, with remark and tags.
 *  @throws see addNode */
export async function addOrganizationNode(input: AddOrganizationNodeRequest, ctx: Context): Promise<AddOrganizationNodeResponse> {
  const nodeId = await addNode(ctx, { parentId: input.ParentNodeId, name: input.Name, remark: input.Remark, tags: input.Tags }, ADD_NODE_CODES);
  return { NodeId: nodeId };
}
