import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { MoveOrganizationNodeMembersRequest, MoveOrganizationNodeMembersResponse } from "../../spec/generated/v20210331.js";
import { isForeignKeyViolation } from "../../store/errors.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Context } from "../base/context.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";

/** The codes an action documents for a department that does not exist (the versions differ). */
export interface NodeCodes {
  /** no such department in the organization */
  missing: ErrorCode;
  /** the department was deleted while the members were moving */
  vanished: ErrorCode;
}

const nodeGone = (code: ErrorCode, nodeId: number) =>
  new ApiError(code, { en: `Parameter \`NodeId\`: department ${nodeId} does not exist in the organization.`, zh: `参数\`NodeId\`：组织中不存在部门 ${nodeId}。` });

/** Move members of the organization into a department, all or none. */
export async function moveMembers(ctx: Context, org: Organization, nodeId: number, uins: readonly number[], param: string, codes: NodeCodes): Promise<void> {
  if (uins.length === 0) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must name at least one member.`, zh: `参数\`${param}\`至少包含一个成员。` });
  }
  try {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      if (!(await tx.nodes.find(org.org_id, nodeId))) throw nodeGone(codes.missing, nodeId);
      const found = new Set((await tx.members.findManyInOrg(org.org_id, uins)).map((m) => m.member_uin));
      const missing = [...new Set(uins)].filter((u) => !found.has(u));
      if (missing.length > 0) {
        throw new ApiError("FailedOperation.SomeUinsNotInOrganization", {
          en: `Parameter \`${param}\`: ${missing.join(", ")} ${missing.length > 1 ? "are not members" : "is not a member"} of the organization.`,
          zh: `参数\`${param}\`：${missing.join("、")} 不是该组织的成员。`,
        });
      }
      await tx.members.moveToNode(org.org_id, [...found], nodeId, ctx.now());
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw nodeGone(codes.vanished, nodeId);
    throw e;
  }
}

/**
 * MoveOrganizationNodeMembers — put members of the caller's organization into a department.
 * @throws ResourceNotFound.OrganizationNotExist, ResourceNotFound.OrganizationNodeNotExist,
 *   FailedOperation.OrganizationNodeNotExist (deleted meanwhile), FailedOperation.SomeUinsNotInOrganization,
 *   InvalidParameter
 */
export async function moveOrganizationNodeMembers(input: MoveOrganizationNodeMembersRequest, ctx: Context): Promise<MoveOrganizationNodeMembersResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  await moveMembers(ctx, org, input.NodeId, input.MemberUin, "MemberUin", {
    missing: "ResourceNotFound.OrganizationNodeNotExist",
    vanished: "FailedOperation.OrganizationNodeNotExist",
  });
  return {};
}
