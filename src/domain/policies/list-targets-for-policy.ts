import { ApiError } from "../../protocol/api-error.js";
import type { ListTargetsForPolicyRequest, ListTargetsForPolicyResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { rpPage } from "../base/paging.js";
import { formatTime } from "../base/time.js";
import { RELATED_MEMBER, RELATED_NODE } from "./list-policies-for-target.js";
import { policyTypeParam, requireManager, requirePolicy } from "./rules.js";

/** TargetType of ListTargetsForPolicy → the kind of target it keeps. */
const TARGET_TYPES: ReadonlyMap<string, "NODE" | "MEMBER" | null> = new Map([
  ["All", null],
  ["Node", "NODE"],
  ["User", "MEMBER"],
]);

/**
 * ListTargetsForPolicy — a page of the departments and members a policy is bound to in the admin's
 * organization, by binding time, optionally only departments (Node) or members (User). Keyword
 * holds space-separated terms; a target is kept when its id equals a term or its name contains one.
 * @throws InvalidParameter (Rp, Page, TargetType, PolicyType), ResourceNotFound.OrganizationNotExist,
 *   InvalidParameter.OrganizationMemberNotManager, ResourceNotFound.PolicyNotExist, ResourceNotFound.PolicyIdNotFound (other type)
 */
export async function listTargetsForPolicy(input: ListTargetsForPolicyRequest, ctx: Context): Promise<ListTargetsForPolicyResponse> {
  const { offset, limit } = rpPage(input.Rp, input.Page);
  const targetType = TARGET_TYPES.get(input.TargetType ?? "All");
  if (targetType === undefined) {
    throw new ApiError("InvalidParameter", { en: "Parameter `TargetType` must be All, User or Node.", zh: "参数`TargetType`取值须为 All、User 或 Node。" });
  }
  const type = policyTypeParam(input.PolicyType, "PolicyType", "InvalidParameter");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "ResourceNotFound.OrganizationNotExist", member: "InvalidParameter.OrganizationMemberNotManager" });
  const policy = await requirePolicy(ctx.store, org.org_id, input.PolicyId, type, { notExist: "ResourceNotFound.PolicyNotExist", otherType: "ResourceNotFound.PolicyIdNotFound" });
  const tokens = (input.Keyword ?? "").split(/\s+/).filter((t) => t !== "");
  const { rows, total } = await ctx.store.policyAttachments.pageForPolicy(org.org_id, policy.policy_id, targetType, tokens, offset, limit);
  return {
    TotalNum: total,
    List: rows.map((a) => ({
      Uin: a.target_id,
      RelatedType: a.target_type === "NODE" ? RELATED_NODE : RELATED_MEMBER,
      Name: a.target_name,
      AddTime: formatTime(a.created_at, ctx.settings.utcOffsetMinutes),
    })),
  };
}
