import { ApiError } from "../../protocol/api-error.js";
import type { DescribeOrganizationMemberAuthIdentitiesRequest, DescribeOrganizationMemberAuthIdentitiesResponse } from "../../spec/generated/v20210331.js";
import type { GrantFilter } from "../../store/identities-repo.js";
import type { Context } from "../base/context.js";
import { requireAdminOrg } from "../undeclared.js";
import { checkPage } from "../base/paging.js";
import { authIdentityView } from "./views.js";

/**
 * DescribeOrganizationMemberAuthIdentities — the identities member accounts support: those of one
 * member, or the members supporting one identity (at least one of MemberUin and IdentityId), by
 * member and identity, with whether each role matches the identity's current policies (Status).
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter
 */
export async function describeOrganizationMemberAuthIdentities(
  input: DescribeOrganizationMemberAuthIdentitiesRequest,
  ctx: Context,
): Promise<DescribeOrganizationMemberAuthIdentitiesResponse> {
  checkPage(input.Offset, input.Limit);
  if (!input.MemberUin && !input.IdentityId) {
    throw new ApiError("InvalidParameter", { en: "Give at least one of the parameters `MemberUin` and `IdentityId`.", zh: "参数`MemberUin`和`IdentityId`至少须提供一个。" });
  }
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const filter: GrantFilter = { orgId: org.org_id, memberUin: input.MemberUin || undefined, identityId: input.IdentityId || undefined };
  const [total, rows] = await Promise.all([ctx.store.identities.countGrantsWhere(filter), ctx.store.identities.grantPage(filter, input.Offset, input.Limit)]);
  return { Items: rows.map((g) => authIdentityView(g, ctx.lang, ctx.settings.utcOffsetMinutes)), Total: total };
}
