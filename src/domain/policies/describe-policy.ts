import type { DescribePolicyRequest, DescribePolicyResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { formatTime } from "../base/time.js";
import { policyTypeParam, requireManager, requirePolicy } from "./rules.js";
import { policyKind } from "./views.js";

/**
 * DescribePolicy — a custom or preset policy of the admin's organization with its document, as
 * written. PolicyType names the policy's type (service control policy when absent).
 * @throws InvalidParameter (PolicyType), ResourceNotFound.OrganizationNotExist, InvalidParameter.OrganizationMemberNotManager,
 *   ResourceNotFound.PolicyNotExist, ResourceNotFound.PolicyIdNotFound (other type)
 */
export async function describePolicy(input: DescribePolicyRequest, ctx: Context): Promise<DescribePolicyResponse> {
  const type = policyTypeParam(input.PolicyType, "PolicyType", "InvalidParameter");
  const org = await requireManager(ctx.store, ctx.caller.uin, { outsider: "ResourceNotFound.OrganizationNotExist", member: "InvalidParameter.OrganizationMemberNotManager" });
  const p = await requirePolicy(ctx.store, org.org_id, input.PolicyId, type, { notExist: "ResourceNotFound.PolicyNotExist", otherType: "ResourceNotFound.PolicyIdNotFound" });
  const offset = ctx.settings.utcOffsetMinutes;
  return {
    PolicyId: p.policy_id,
    PolicyName: p.name,
    Type: policyKind(p),
    Description: p.description ?? "",
    PolicyDocument: p.content,
    UpdateTime: formatTime(p.updated_at, offset),
    AddTime: formatTime(p.created_at, offset),
  };
}
