import type { DescribeOrganizationMemberPoliciesRequest, DescribeOrganizationMemberPoliciesResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkPage } from "../base/paging.js";
import { organizationMemberNotExist } from "./rules.js";
import { memberPolicyView } from "./views.js";

/**
 * DescribeOrganizationMemberPolicies — the member access policies covering one member account, by
 * id; SearchKey matches a policy's name or description.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, ResourceNotFound.OrganizationMemberNotExist
 */
export async function describeOrganizationMemberPolicies(input: DescribeOrganizationMemberPoliciesRequest, ctx: Context): Promise<DescribeOrganizationMemberPoliciesResponse> {
  checkPage(input.Offset, input.Limit);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  if (!(await ctx.store.members.findInOrg(org.org_id, input.MemberUin))) throw organizationMemberNotExist([input.MemberUin], "MemberUin");
  const search = input.SearchKey?.trim() || undefined;
  const [total, rows] = await Promise.all([
    ctx.store.memberPolicies.memberCount(org.org_id, input.MemberUin, search),
    ctx.store.memberPolicies.memberPage(org.org_id, input.MemberUin, search, input.Offset, input.Limit),
  ]);
  return { Items: rows.map((p) => memberPolicyView(p, ctx.lang, ctx.settings.utcOffsetMinutes)), Total: total };
}
