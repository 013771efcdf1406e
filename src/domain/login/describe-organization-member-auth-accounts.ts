import type { DescribeOrganizationMemberAuthAccountsRequest, DescribeOrganizationMemberAuthAccountsResponse } from "../../spec/generated/v20210331.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkPage } from "../base/paging.js";
import { authAccountView } from "./views.js";

/**
 * DescribeOrganizationMemberAuthAccounts — the admin's sub-accounts bound to a member access policy
 * that covers the member, by UIN. A policy that does not exist or does not cover the member has none.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter
 */
export async function describeOrganizationMemberAuthAccounts(
  input: DescribeOrganizationMemberAuthAccountsRequest,
  ctx: Context,
): Promise<DescribeOrganizationMemberAuthAccountsResponse> {
  checkPage(input.Offset, input.Limit);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const policy = await ctx.store.memberPolicies.find(org.org_id, input.PolicyId);
  const covers = policy !== undefined && (await ctx.store.memberPolicies.membersOf([policy.policy_id])).get(policy.policy_id)?.some((m) => m.member_uin === input.MemberUin);
  if (!covers) return { Items: [], Total: 0 };
  const [total, rows] = await Promise.all([ctx.store.memberPolicies.bindingCount(policy.policy_id), ctx.store.memberPolicies.bindingPage(policy.policy_id, input.Offset, input.Limit)]);
  return { Items: rows.map((b) => authAccountView(b, ctx.lang, ctx.settings.utcOffsetMinutes)), Total: total };
}
