import type { DescribeOrganizationMembersAuthPolicyRequest, DescribeOrganizationMembersAuthPolicyResponse } from "../../spec/generated/v20210331.js";
import type { PolicyListingFilter } from "../../store/member-policies-repo.js";
import type { Context } from "../base/context.js";
import { identityAlias } from "../base/identities.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkPage } from "../base/paging.js";
import { formatTime } from "../base/time.js";

/** BindType of a binding: a sub-account (user groups, 2, are not modelled). */
const BIND_SUB_ACCOUNT = 1;

/**
 * DescribeOrganizationMembersAuthPolicy — the organization's member access policies, one item per
 * sub-account bound to a policy (a policy with none bound is one item without a sub-account), by
 * policy and sub-account; narrowed to the policies covering MemberUin, the bindings of
 * OrgSubAccountUin, or one PolicyId. MemberUin/MemberName name the policy's member when it covers
 * one (or the member asked about); Members lists them all.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter
 */
export async function describeOrganizationMembersAuthPolicy(
  input: DescribeOrganizationMembersAuthPolicyRequest,
  ctx: Context,
): Promise<DescribeOrganizationMembersAuthPolicyResponse> {
  checkPage(input.Offset, input.Limit);
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const filter: PolicyListingFilter = {
    orgId: org.org_id,
    memberUin: input.MemberUin || undefined,
    subUin: input.OrgSubAccountUin || undefined,
    policyId: input.PolicyId || undefined,
  };
  const [total, rows] = await Promise.all([ctx.store.memberPolicies.listingCount(filter), ctx.store.memberPolicies.listingPage(filter, input.Offset, input.Limit)]);
  const members = await ctx.store.memberPolicies.membersOf(rows.map((r) => r.policy_id));
  const tz = ctx.settings.utcOffsetMinutes;
  return {
    Total: total,
    Items: rows.map((r) => {
      const all = members.get(r.policy_id) ?? [];
      const shown = filter.memberUin !== undefined ? all.find((m) => m.member_uin === filter.memberUin) : all.length === 1 ? all[0] : undefined;
      return {
        IdentityId: r.identity_id,
        IdentityRoleName: r.role_name,
        IdentityRoleAliasName: identityAlias(r.identity_id, r.alias_name, ctx.lang),
        CreateTime: formatTime(r.bound_at ?? r.created_at, tz),
        PolicyId: r.policy_id,
        PolicyName: r.name,
        MemberUin: shown?.member_uin ?? null,
        MemberName: shown?.name ?? null,
        OrgSubAccountUin: r.sub_uin,
        OrgSubAccountName: r.sub_name,
        BindType: r.sub_uin === null ? null : BIND_SUB_ACCOUNT,
        Members: all.map((m) => ({ MemberUin: m.member_uin, MemberName: m.name })),
      };
    }),
  };
}
