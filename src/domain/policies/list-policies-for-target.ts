import { ApiError } from "../../protocol/api-error.js";
import type { ListPoliciesForTargetRequest, ListPoliciesForTargetResponse } from "../../spec/generated/v20210331.js";
import { targetIdOf } from "../../store/policy-attachments-repo.js";
import type { Context } from "../base/context.js";
import { rpPage } from "../base/paging.js";
import { formatTime } from "../base/time.js";
import { findTarget, MIN_UIN, policyTypeParam, requireManager } from "./rules.js";

/** How ListPoliciesForTarget and ListTargetsForPolicy number the kinds of target: 1 department, 2 member. */
export const RELATED_NODE = 1;
export const RELATED_MEMBER = 2;

/**
 * ListPoliciesForTarget — a page of the policies of one type bound directly to a department or
 * member of the admin's organization (TargetId: a department id or a member UIN), by binding time,
 * optionally only those whose name contains Keyword. Policies inherited from above are not listed.
 * @throws InvalidParameter (Rp, Page, PolicyType), ResourceNotFound.OrganizationNotExist,
 *   InvalidParameter.OrganizationMemberNotManager, InvalidParameter.OrganizationNodeNotExist,
 *   InvalidParameter.OrganizationMemberNotExist
 */
export async function listPoliciesForTarget(input: ListPoliciesForTargetRequest, ctx: Context): Promise<ListPoliciesForTargetResponse> {
  const { offset, limit } = rpPage(input.Rp, input.Page);
  const type = policyTypeParam(input.PolicyType, "PolicyType", "InvalidParameter");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "ResourceNotFound.OrganizationNotExist", member: "InvalidParameter.OrganizationMemberNotManager" });
  const found = await findTarget(ctx.store, org.org_id, input.TargetId);
  if (!found) {
    throw input.TargetId >= MIN_UIN
      ? new ApiError("InvalidParameter.OrganizationMemberNotExist", { en: `Parameter \`TargetId\`: account ${input.TargetId} is not a member of the organization.`, zh: `参数\`TargetId\`：账号 ${input.TargetId} 不是组织成员。` })
      : new ApiError("InvalidParameter.OrganizationNodeNotExist", { en: `Parameter \`TargetId\`: department ${input.TargetId} does not exist in the organization.`, zh: `参数\`TargetId\`：组织中不存在部门 ${input.TargetId}。` });
  }
  const { rows, total } = await ctx.store.policyAttachments.pageForTarget(found.target, type, (input.Keyword ?? "").trim(), offset, limit);
  const tz = ctx.settings.utcOffsetMinutes;
  return {
    TotalNum: total,
    List: rows.map((a) => ({
      StrategyId: a.policy_id,
      StrategyName: a.name,
      Remark: a.description ?? "",
      Uin: targetIdOf(found.target),
      Type: found.target.type === "NODE" ? RELATED_NODE : RELATED_MEMBER,
      AddTime: formatTime(a.policy_created_at, tz),
      UpdateTime: formatTime(a.policy_updated_at, tz),
      Name: found.name,
      AttachTime: formatTime(a.created_at, tz),
    })),
  };
}
