import { ApiError } from "../../protocol/api-error.js";
import { isForeignKeyViolation } from "../../store/errors.js";
import { lockOrg } from "../base/caller.js";
import type { AdminContext } from "../base/context.js";
import { v2018, v2021 } from "../base/contract.js";

/** Departments one call may delete (the docs name the limit but not its value; 50 matches the largest list page). */
export const MAX_NODES_PER_DELETE = 50;

/**
 * Delete departments of the caller's organization, all or none. A department still holding
 * accounts (FailedOperation.NodeNotEmpty), or sub-departments not deleted in the same call
 * (FailedOperation.OrganizationNodeNotEmpty), stays; the root cannot go. A member moved into a
 * department while it is being deleted makes the deletion fail the same way.
 * @throws InvalidParameter (empty list, unknown department, root), FailedOperation.OrganizationNodeDeleteOverLimit,
 *   FailedOperation.NodeNotEmpty, FailedOperation.OrganizationNodeNotEmpty
 */
async function deleteNodes(ctx: AdminContext, nodeIds: readonly number[], param: string): Promise<void> {
  const ids = [...new Set(nodeIds)];
  if (ids.length === 0) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must name at least one department.`, zh: `参数\`${param}\`至少需要一个部门。` });
  }
  if (ids.length > MAX_NODES_PER_DELETE) {
    throw new ApiError("FailedOperation.OrganizationNodeDeleteOverLimit", {
      en: `Parameter \`${param}\`: at most ${MAX_NODES_PER_DELETE} departments can be deleted in one call.`,
      zh: `参数\`${param}\`：一次最多删除 ${MAX_NODES_PER_DELETE} 个部门。`,
    });
  }
  const { org } = ctx;
  const notEmpty = (id?: number) =>
    id === undefined
      ? new ApiError("FailedOperation.NodeNotEmpty", { en: "A member account was moved into one of the departments meanwhile.", zh: "期间有成员账号被移入其中的部门。" })
      : new ApiError("FailedOperation.NodeNotEmpty", { en: `Department ${id} still has member accounts.`, zh: `部门 ${id} 下仍有成员账号。` });
  try {
    await ctx.store.transaction(async (tx) => {
      await lockOrg(tx, org);
      const nodes = await tx.nodes.listByOrg(org.org_id);
      const known = new Set(nodes.map((n) => n.node_id));
      const doomed = new Set(ids);
      for (const id of ids) {
        if (!known.has(id)) {
          throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\`: department ${id} does not exist in the organization.`, zh: `参数\`${param}\`：组织中不存在部门 ${id}。` });
        }
        if (id === org.root_node_id) {
          throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\`: the root department ${id} cannot be deleted.`, zh: `参数\`${param}\`：根部门 ${id} 不能删除。` });
        }
      }
      const withMembers = await tx.members.nodesWithMembers(ids);
      if (withMembers.length > 0) throw notEmpty(withMembers[0]);
      const keptChild = nodes.find((n) => n.parent_id !== null && doomed.has(n.parent_id) && !doomed.has(n.node_id));
      if (keptChild) {
        throw new ApiError("FailedOperation.OrganizationNodeNotEmpty", {
          en: `Department ${keptChild.parent_id} still has sub-department ${keptChild.node_id}.`,
          zh: `部门 ${keptChild.parent_id} 下仍有子部门 ${keptChild.node_id}。`,
        });
      }
      await tx.tags.deleteAll("node", ids);
      await tx.nodes.deleteMany(org.org_id, ids);
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw notEmpty();
    throw e;
  }
}

/** DeleteOrganizationNodes (2021-03-31) — delete empty departments (see deleteNodes). */
export const deleteOrganizationNodes = v2021(
  "DeleteOrganizationNodes",
  {
    caller: "admin",
    codes: ["InvalidParameter", "ResourceNotFound.OrganizationNotExist", "FailedOperation.OrganizationNodeDeleteOverLimit", "FailedOperation.NodeNotEmpty", "FailedOperation.OrganizationNodeNotEmpty"],
  },
  async (input, ctx) => {
    await deleteNodes(ctx, input.NodeId, "NodeId");
    return {};
  },
);

/** DeleteOrganizationNodes (2018-12-25) — delete empty departments; one code for a department not empty, of members or of sub-departments. */
export const deleteOrganizationNodes2018 = v2018(
  "DeleteOrganizationNodes",
  {
    caller: "admin",
    codes: ["InvalidParameter", "ResourceNotFound.OrganizationNotExist", "FailedOperation.NodeNotEmpty"],
    translate: { "FailedOperation.OrganizationNodeNotEmpty": "FailedOperation.NodeNotEmpty", "FailedOperation.OrganizationNodeDeleteOverLimit": "InvalidParameter" },
  },
  async (input, ctx) => {
    await deleteNodes(ctx, input.NodeIds, "NodeIds");
    return {};
  },
);
